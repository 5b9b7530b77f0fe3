/**
 * How the consumer loop tells errors apart (`consumer_loop.ts`): a commit
 * lost to a rebalance, a group coordinator that moved or went away, and a
 * crash of kafkajs' own consumer; each found anywhere in an error's cause
 * chain, since kafkajs wraps errors (KafkaJSNonRetriableError and others).
 * @module
 */
import { ExitCode, KafkaLabError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { MAX_LOST_COMMITS } from "./consumer_state.ts";

export const REBALANCE_TYPES = new Set([
  "REBALANCE_IN_PROGRESS",
  "ILLEGAL_GENERATION",
  "UNKNOWN_MEMBER_ID",
]);

export function isRebalanceErrorItself(err: unknown): boolean {
  return REBALANCE_TYPES.has((err as { type?: string })?.type ?? "") ||
    (err as Error)?.name === "KafkaJSRebalanceError"; // kafkajs' own rebalance error class
}

/**
 * Errors of a commit that lost its partitions to a rebalance, anywhere in the
 * chain of causes (kafkajs' retrier wraps them): the records will be read again.
 */
export function isRebalanceError(err: unknown): boolean {
  return causeChain(err).some(isRebalanceErrorItself);
}

export const COORDINATOR_TYPES = new Set([
  "NOT_COORDINATOR",
  "NOT_COORDINATOR_FOR_GROUP",
  "COORDINATOR_NOT_AVAILABLE",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "GROUP_LOAD_IN_PROGRESS",
]);

export const CONNECTION_NAMES = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSNoBrokerAvailableError",
  "KafkaJSBrokerNotFound",
  "KafkaJSGroupCoordinatorNotFound",
]);

/**
 * An error, anywhere in its chain of causes, of a group coordinator that moved
 * or does not answer: the loop finds the coordinator again (see the module docs).
 */
export function isCoordinatorError(err: unknown): boolean {
  return causeChain(err).some((e) =>
    COORDINATOR_TYPES.has((e as { type?: string })?.type ?? "") ||
    CONNECTION_NAMES.has((e as Error)?.name ?? "")
  );
}

/**
 * A crash of the kafkajs consumer that is not a fault of Kafka or of the lab,
 * so the loop restarts its consumer from the committed offsets (no record is
 * skipped): a `TypeError` of kafkajs' own bookkeeping (wrapped in
 * `KafkaJSNonRetriableError`), as `OffsetManager.resolveOffsets` throws when a
 * rebalance replaces its offsets map while it reads it (tulios/kafkajs#1366);
 * or a rebalance error kafkajs marks as not retriable and so ends the consumer
 * with, e.g. REBALANCE_IN_PROGRESS from a SyncGroup while a dead member's
 * session runs out (its `start()` hands any join error to the crash handler).
 */
export function isClientFault(err: unknown): boolean {
  return causeChain(err).some((e) => e instanceof TypeError || isRebalanceErrorItself(e));
}

export function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 10;) {
    chain.push(e);
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return chain;
}

export function rebalanceLoop(group: string, cause: unknown): KafkaLabError {
  return new KafkaLabError(
    fillText(
      t(
        "group {group} keeps rebalancing: this member lost its commits in {count} memberships in a row, none made it",
        "группа {group} всё время перебалансируется: этот участник {count} раз подряд терял фиксации при перебалансировке, ни одна не прошла",
      ),
      { group, count: MAX_LOST_COMMITS + 1 },
    ),
    {
      cause,
      hint: t(
        "a batch probably takes longer than the session timeout (10 s): use a smaller --batch-size or --process-ms; the records not committed are read again on the next run",
        "пакет, вероятно, обрабатывается дольше таймаута сессии (10 с): уменьшите --batch-size или --process-ms; незафиксированные записи будут прочитаны при следующем запуске",
      ),
    },
  );
}

export function isCoordinatorOrUnreachable(err: unknown): boolean {
  return isCoordinatorError(err) ||
    (err instanceof KafkaLabError && err.exitCode === ExitCode.unreachable);
}
