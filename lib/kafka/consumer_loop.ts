/**
 * The consumer loop every lab uses: subscribe with a group, hand records to
 * the lab one at a time or in batches, commit offsets by hand after the lab
 * has handled them (at-least-once), and stop cleanly on `--max-messages`,
 * `--idle-timeout` or Ctrl+C: the record or batch in hand is finished and
 * committed, then the consumer leaves its group. It is written against the
 * Kafka port (`port.ts`), so it runs the same on kafkajs and on a fake.
 *
 * A consumer that is done stops within about {@linkcode FETCH_WAIT_MS}: its
 * last commit is made before the stop (each record or batch is committed as
 * soon as it is handled), and the stop then waits for kafkajs' fetchers.
 * kafkajs 2.2.4 runs one fetcher per broker, and `consumer.disconnect()`
 * waits until each has finished its round: the fetcher of a broker that leads
 * none of this member's partitions sleeps `maxWaitTimeInMs` per round
 * (`ConsumerGroup.fetch`), and the one that leads them waits as long in the
 * broker's long poll. Closing sockets cannot end a sleep, so consumers here
 * fetch with a short `maxWaitTimeInMs` instead of kafkajs' usual 1 s (a
 * consumer that reads one record exited about 1 s after it). Records still
 * arrive at once (the broker answers as soon as it has one); an idle
 * consumer asks a little more often.
 *
 * ## When the group coordinator moves or stops
 *
 * kafkajs 2.2.4 looks the group coordinator up once, when its consumer group
 * joins (`ConsumerGroup.coordinator`), and hands that broker to its offset
 * manager (`OffsetManager.coordinator`), which only reconnects to the *same*
 * broker when the connection drops. When the coordinator moves (its broker is
 * killed or paused, or a preferred-leader election moves the
 * `__consumer_offsets` partition, which Kafka does by itself every 300 s after
 * a broker restart), every retry of a commit goes to the old broker and gets
 * NOT_COORDINATOR, a refused connection or a timeout until the retries run
 * out, and the consumer died with it (exit 1 or 3).
 *
 * So a commit that fails with a coordinator error (NOT_COORDINATOR,
 * COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS, a connection error
 * or a request timeout, anywhere in kafkajs' chain of causes) is not an error
 * here: the loop drops that consumer and starts a new one (a new kafkajs client,
 * so a fresh FindCoordinator), which re-reads from the committed offsets. The
 * record or batch whose commit failed was handled but is read and handled
 * again (at-least-once; nothing is skipped, at most the uncommitted part is
 * re-read); no record is handed to the lab between the failed commit and the
 * restart. The same holds when kafkajs' consumer itself crashes on a
 * coordinator error it does not restart from.
 *
 * While it waits, the consumer says so every {@linkcode COORDINATOR_WARN_MS}
 * (`onWarning`), and it gives up with exit 3 ("cannot reach") when no
 * coordinator has taken it back into its group for
 * {@linkcode COORDINATOR_WAIT_MS}. A bound rather than running on forever:
 * a lab consumer is watched by a student, and a cluster whose coordinator
 * stays away for two minutes needs them (`kafka-lab status`), not a consumer
 * that waits in silence; a broker restart or a leader move takes seconds, a
 * paused broker is fenced and its partitions moved after about 10 s.
 *
 * A commit lost to a rebalance (REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION,
 * UNKNOWN_MEMBER_ID, also when kafkajs wraps it in a retry error) is not an
 * error either: the member that gets the partition reads from the committed
 * offset. Lost commits in more than {@linkcode MAX_LOST_COMMITS} memberships in
 * a row, with none made, is a group that cannot settle (exit 1, with a hint).
 *
 * @example
 * ```ts
 * const summary = await consume(kafka, {
 *   topic: "hello-kafka", groupId: "hello-group", fromBeginning: true,
 *   signal, maxMessages: 5,
 *   onRecord: async (r) => console.log(r.value),
 * });
 * ```
 * @module
 */
import { ExitCode, KafkaLabError } from "../errors.ts";
import { fillText, type Localizable, t } from "../i18n.ts";
import type {
  Consumer,
  ConsumerRunConfig,
  EachBatchPayload,
  EachMessagePayload,
  Kafka,
} from "./port.ts";
import { chunk, type ConsumedRecord, nextOffset, toRecord } from "./records.ts";
import { sleep } from "../time.ts";

export { chunk, type ConsumedRecord, nextOffset, toRecord } from "./records.ts";

/** Why the loop stopped. */
export type StopReason = "max-messages" | "idle" | "signal";

/** Options of {@linkcode consume}. */
export interface ConsumeOptions {
  readonly topic: string;
  readonly groupId: string;
  /** Where a group without committed offsets starts: the oldest record (true) or new ones only. */
  readonly fromBeginning: boolean;
  readonly signal: AbortSignal;
  /** Stop after handling this many records. */
  readonly maxMessages?: number;
  /** Stop after this long without a record, counted from joining the group. */
  readonly idleTimeoutMs?: number;
  /** Handle one record; its offset is committed when this resolves. */
  readonly onRecord?: (record: ConsumedRecord) => Promise<void> | void;
  /**
   * Handle a batch (at most `batchSize` records of one partition); one commit
   * follows the whole batch.
   */
  readonly onBatch?: (records: readonly ConsumedRecord[]) => Promise<void> | void;
  readonly batchSize?: number;
  /** Told after each commit: the partition and the next offset to read. */
  readonly onCommit?: (partition: number, nextOffset: string) => void;
  /** Told when this member gets its partitions (empty: it stays idle). */
  readonly onAssign?: (partitions: readonly number[]) => void;
  /** Fail when the consumer has not joined its group by then (default 60 s). */
  readonly joinTimeoutMs?: number;
  /** The fetch wait (`maxWaitTimeInMs`); default {@linkcode FETCH_WAIT_MS}. */
  readonly fetchWaitMs?: number;
  /** How long to wait for a lost group coordinator; default {@linkcode COORDINATOR_WAIT_MS}. */
  readonly coordinatorWaitMs?: number;
  /**
   * Told what the consumer waits for (a lost group coordinator), every few
   * seconds while it waits; default: the Kafka port's warnings (stderr, or a
   * `warning` event with `--json`).
   */
  readonly onWarning?: (message: Localizable) => void;
}

/** What the loop did. */
export interface ConsumeSummary {
  readonly records: number;
  readonly batches: number;
  readonly commits: number;
  readonly elapsedMs: number;
  readonly stoppedBy: StopReason;
}

const REBALANCE_TYPES = new Set([
  "REBALANCE_IN_PROGRESS",
  "ILLEGAL_GENERATION",
  "UNKNOWN_MEMBER_ID",
]);

/** One error (not its causes) of a member that lost its partitions to a rebalance. */
function isRebalanceErrorItself(err: unknown): boolean {
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

/** Kafka's and kafkajs' names of "this broker is not (yet) your group's coordinator". */
const COORDINATOR_TYPES = new Set([
  "NOT_COORDINATOR",
  "NOT_COORDINATOR_FOR_GROUP",
  "COORDINATOR_NOT_AVAILABLE",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "GROUP_LOAD_IN_PROGRESS",
]);

/** kafkajs' errors of a broker that does not answer (refused, closed, timed out, gone). */
const CONNECTION_NAMES = new Set([
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

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 10;) {
    chain.push(e);
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return chain;
}

/**
 * The longest a fetch waits for new records (`maxWaitTimeInMs`), and so the
 * longest a stop waits; see the module docs.
 */
export const FETCH_WAIT_MS = 50;

/** How many times one run restarts its consumer after a client fault. */
export const MAX_RESTARTS = 20;

/**
 * The longest a consumer waits for its group coordinator after losing it
 * (from the first coordinator error until a coordinator takes it back into
 * the group); then it fails with exit 3. See the module docs.
 */
export const COORDINATOR_WAIT_MS = 120_000;

/** How often a consumer that waits for its coordinator says so. */
export const COORDINATOR_WARN_MS = 5_000;

/**
 * In how many memberships (joins) in a row commits may be lost to
 * rebalances, with none made, before the loop gives up: a group whose members each take longer over a batch than the group
 * waits for them (kafkajs 2.2.4 heartbeats only between batches) rebalances
 * for ever, and no commit ever lands.
 */
export const MAX_LOST_COMMITS = 5;

function rebalanceLoop(group: string, cause: unknown): KafkaLabError {
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

/** The pause before a new consumer after a coordinator error, doubled per try up to 5 s. */
const COORDINATOR_BACKOFF_MS = 250;

/** The state of one {@linkcode consume} call, shared by its consumers (one at a time). */
class Loop {
  records = 0;
  batches = 0;
  commits = 0;
  restarts = 0;
  stopping = false;
  joined = false;
  lastActivity = Date.now();
  stopReason: StopReason = "signal";
  crash: unknown;
  /** When this member lost its coordinator; undefined while it has one. */
  coordinatorLostAt: number | undefined;
  lastCoordinatorError: unknown;
  lastCoordinatorErrorAt = 0;
  lastWarning = 0;
  /** Memberships (joins) that lost a commit to a rebalance since the last commit that was made. */
  lostInARow = 0;
  lostSinceJoin = false;
  /** Coordinator restarts since the coordinator was lost. */
  coordinatorTries = 0;
  /** The current consumer is being replaced: it hands no more records to the lab. */
  replacing = false;
  /** Ends the current consumer so that a new one finds the coordinator again. */
  replace: (err: unknown) => void = () => {};
  joinStarted = Date.now();
  readonly started = Date.now();
  /** Where warnings go: `onWarning`, else the Kafka port's output. */
  warn: (message: Localizable) => void = () => {};
  readonly finished: Promise<void>;
  #finish!: () => void;
  /** The record or batch being handled right now: a stop waits for it. */
  inFlight: Promise<unknown> = Promise.resolve();

  constructor(readonly options: ConsumeOptions) {
    this.finished = new Promise<void>((resolve) => (this.#finish = resolve));
  }

  stop(reason: StopReason): void {
    if (this.stopping) return;
    this.stopping = true;
    this.stopReason = reason;
    this.#finish();
  }

  fail(err: unknown): void {
    this.crash ??= err;
    this.stop("signal");
  }

  /** No more records for the lab from this consumer: stopping, or being replaced. */
  get halted(): boolean {
    return this.stopping || this.replacing;
  }

  /** A coordinator error: remember since when, and replace the consumer. */
  lostCoordinator(err: unknown): void {
    this.coordinatorError(err);
    this.replacing = true;
    this.replace(err);
  }

  /** Remembers a coordinator error and, at the first, since when the coordinator is away. */
  coordinatorError(err: unknown): void {
    this.lastCoordinatorError = err;
    this.lastCoordinatorErrorAt = Date.now();
    this.coordinatorLostAt ??= Date.now();
  }

  /** A coordinator took this member into its group. */
  joinedGroup(): void {
    this.joined = true;
    this.lostSinceJoin = false;
    this.lastActivity = Date.now();
  }

  /** Handlers (and their commits) running now: the idle timeout does not run out under them. */
  busy = 0;

  track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    const settled = work.finally(() => {
      this.busy--;
      this.lastActivity = Date.now();
    });
    this.inFlight = settled.catch(() => {});
    return settled;
  }

  /** Runs a handler; a failure stops the loop (kafkajs would retry the batch forever). */
  async guard(work: () => Promise<void> | void): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  /** After a commit: the loop stops once `maxMessages` records are handled. */
  counted(): void {
    this.lastActivity = Date.now();
    const max = this.options.maxMessages;
    if (max !== undefined && this.records >= max) this.stop("max-messages");
  }

  summary(): ConsumeSummary {
    return {
      records: this.records,
      batches: this.batches,
      commits: this.commits,
      elapsedMs: Date.now() - this.started,
      stoppedBy: this.stopReason,
    };
  }
}

/**
 * Runs a consumer until a stop condition; see the module docs. Resolves when
 * the consumer has committed what it handled and left the group.
 */
export async function consume(
  kafka: Kafka,
  options: ConsumeOptions,
): Promise<ConsumeSummary> {
  if (!options.onRecord === !options.onBatch) {
    throw new Error("consume needs exactly one of onRecord and onBatch");
  }
  const loop = new Loop(options);
  loop.warn = options.onWarning ?? ((message) => kafka.warn(message));
  await kafka.preflight();
  const onAbort = () => loop.stop("signal");
  options.signal.addEventListener("abort", onAbort, { once: true });
  const timer = setInterval(() => watch(loop), 100);
  try {
    while (!loop.stopping) {
      let fault: unknown;
      try {
        fault = await runConsumer(kafka, loop);
      } catch (err) {
        // A new consumer after a lost coordinator may not even connect while the
        // broker is away: that is part of the wait, bounded by `watch`.
        if (loop.coordinatorLostAt === undefined || !isCoordinatorOrUnreachable(err)) throw err;
        loop.coordinatorError(err);
        fault = err;
      }
      if (fault === undefined || loop.stopping) break;
      if (loop.coordinatorLostAt !== undefined) {
        const pause = Math.min(COORDINATOR_BACKOFF_MS * 2 ** loop.coordinatorTries++, 5_000);
        kafka.debug(
          `consumer looks for its group coordinator again in ${pause} ms: ${
            (fault as Error).message
          }`,
        );
        await Promise.race([sleep(pause), loop.finished]);
        continue;
      }
      if (++loop.restarts > MAX_RESTARTS) {
        loop.fail(fault);
        break;
      }
      kafka.debug(`consumer restarts after a kafkajs fault: ${(fault as Error).message}`);
    }
  } finally {
    clearInterval(timer);
    options.signal.removeEventListener("abort", onAbort);
    loop.stopping = true;
  }
  if (loop.crash) throw kafka.translate(loop.crash);
  return loop.summary();
}

function isCoordinatorOrUnreachable(err: unknown): boolean {
  return isCoordinatorError(err) ||
    (err instanceof KafkaLabError && err.exitCode === ExitCode.unreachable);
}

/**
 * While the coordinator is away: a warning every few seconds, and the bound.
 * It is back once a new consumer has joined its group and no coordinator
 * error came for {@linkcode COORDINATOR_WARN_MS} (a join alone is not
 * enough: commits may still be refused).
 */
function watchCoordinator(loop: Loop, lostAt: number): void {
  const { options } = loop;
  const now = Date.now();
  if (loop.joined && now - loop.lastCoordinatorErrorAt >= COORDINATOR_WARN_MS) {
    loop.coordinatorLostAt = undefined;
    loop.coordinatorTries = 0;
    loop.lastWarning = 0;
    return;
  }
  const waited = now - lostAt;
  const bound = options.coordinatorWaitMs ?? COORDINATOR_WAIT_MS;
  if (waited >= bound) {
    loop.fail(
      new KafkaLabError(
        fillText(
          t(
            "the group coordinator of {group} has not answered for {seconds} s",
            "координатор группы {group} не отвечает уже {seconds} с",
          ),
          { group: options.groupId, seconds: Math.round(waited / 1000) },
        ),
        {
          exitCode: ExitCode.unreachable,
          cause: loop.lastCoordinatorError,
          hint: t(
            "check which brokers run with `kafka-lab status`; the committed offsets are kept, so a new run goes on where this one stopped",
            "какие брокеры работают, покажет `kafka-lab status`; зафиксированные смещения сохранены, новый запуск продолжит с того же места",
          ),
        },
      ),
    );
    return;
  }
  if (now - loop.lastWarning >= COORDINATOR_WARN_MS) {
    loop.lastWarning = now;
    loop.warn(
      fillText(
        t(
          "waiting for the group coordinator of {group} ({waited} s, giving up after {bound} s); records whose commit did not reach it are read again",
          "ждём координатора группы {group} ({waited} с, сдаёмся через {bound} с); записи, чья фиксация до него не дошла, будут прочитаны снова",
        ),
        {
          group: options.groupId,
          waited: Math.round(waited / 1000),
          bound: Math.round(bound / 1000),
        },
      ),
    );
  }
}

/** The join deadline, the coordinator wait and the idle timeout, checked every 100 ms. */
function watch(loop: Loop): void {
  const { options } = loop;
  if (loop.coordinatorLostAt !== undefined) {
    watchCoordinator(loop, loop.coordinatorLostAt);
    return;
  }
  const joinTimeoutMs = options.joinTimeoutMs ?? 60_000;
  if (!loop.joined && Date.now() > loop.joinStarted + joinTimeoutMs) {
    loop.fail(
      new KafkaLabError(
        fillText(
          t(
            "the consumer did not join group {group} within {seconds} s",
            "консьюмер не вошёл в группу {group} за {seconds} с",
          ),
          { group: options.groupId, seconds: Math.round(joinTimeoutMs / 1000) },
        ),
        {
          hint: t(
            "check `kafka-lab status`; a group coordinator needs its internal topic's replicas",
            "проверьте `kafka-lab status`: координатору группы нужны реплики его служебного топика",
          ),
        },
      ),
    );
  }
  if (
    loop.joined && loop.busy === 0 && options.idleTimeoutMs !== undefined &&
    Date.now() - loop.lastActivity >= options.idleTimeoutMs
  ) loop.stop("idle");
}

/**
 * One consumer's life: join, handle records until the loop stops (resolves
 * `undefined`) or kafkajs crashes on its own bookkeeping (resolves the
 * error: the caller starts a new consumer). Always leaves the group.
 */
async function runConsumer(kafka: Kafka, loop: Loop): Promise<unknown> {
  const { options } = loop;
  const consumer = await kafka.connect(
    kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: options.fetchWaitMs ?? FETCH_WAIT_MS,
    }),
  );
  let fault: unknown;
  let restart!: () => void;
  const crashed = new Promise<void>((resolve) => (restart = resolve));
  loop.replacing = false;
  loop.joined = false;
  loop.joinStarted = Date.now();
  loop.replace = (err) => {
    fault ??= err;
    restart();
  };
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    loop.joinedGroup();
    const assigned = e.payload.memberAssignment[options.topic] ?? [];
    options.onAssign?.([...assigned].sort((a, b) => a - b));
  });
  consumer.on(consumer.events.CRASH, (e) => {
    const coordinator = isCoordinatorError(e.payload.error);
    if (e.payload.restart) {
      // kafkajs starts the consumer again itself, with a new coordinator lookup;
      // a coordinator error starts the wait (warnings, bound) until it rejoins.
      if (coordinator) loop.coordinatorError(e.payload.error);
      return;
    }
    if (coordinator) loop.lostCoordinator(e.payload.error);
    else if (isClientFault(e.payload.error)) {
      fault = e.payload.error;
      restart();
    } else loop.fail(e.payload.error);
  });
  try {
    await subscribe(consumer, options);
    await consumer.run(runConfig(consumer, loop));
    await Promise.race([loop.finished, crashed]);
  } finally {
    await loop.inFlight;
    await kafka.disconnectConsumer(consumer).catch(() => {});
  }
  return fault;
}

/**
 * Subscribes; a topic created a moment ago may not be known yet to the
 * broker asked (KRaft brokers apply the metadata log asynchronously), so
 * that is retried briefly.
 */
async function subscribe(consumer: Consumer, options: ConsumeOptions): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
      return;
    } catch (err) {
      const type = (err as { type?: string }).type;
      const transient = type === "UNKNOWN_TOPIC_OR_PARTITION" || type === "LEADER_NOT_AVAILABLE";
      if (!transient || Date.now() > until || options.signal.aborted) throw err;
      await sleep(200, options.signal);
    }
  }
}

/**
 * Commits the offset after `offset`. A commit lost to a rebalance is not an
 * error (`lost`), nor is one refused by a coordinator that moved or does not
 * answer (`replaced`: the consumer is being replaced); see the module docs.
 */
async function commit(
  consumer: Consumer,
  loop: Loop,
  partition: number,
  offset: string,
): Promise<"committed" | "lost" | "replaced"> {
  const next = nextOffset(offset);
  try {
    await consumer.commitOffsets([{ topic: loop.options.topic, partition, offset: next }]);
    loop.commits++;
    loop.lostInARow = 0;
    loop.options.onCommit?.(partition, next);
    return "committed";
  } catch (err) {
    // The partition moved to another member, which starts from the last
    // committed offset: these records will be handled again (at-least-once).
    if (isRebalanceError(err)) {
      // Counted once per membership: the rest of a stale fetch is refused too.
      if (!loop.lostSinceJoin) {
        loop.lostSinceJoin = true;
        if (++loop.lostInARow > MAX_LOST_COMMITS) {
          loop.fail(rebalanceLoop(loop.options.groupId, err));
        }
      }
      return "lost";
    }
    if (!isCoordinatorError(err)) throw err;
    // A new consumer finds the coordinator again and re-reads from the
    // committed offset: these records will be handled again.
    loop.lostCoordinator(err);
    return "replaced";
  }
}

/** {@linkcode commit} under the loop's guard: false when the consumer is to stop handling records. */
async function guardedCommit(
  consumer: Consumer,
  loop: Loop,
  partition: number,
  offset: string,
): Promise<boolean> {
  let result = "failed";
  await loop.guard(async () => {
    result = await commit(consumer, loop, partition, offset);
  });
  return result === "committed" || result === "lost";
}

/** kafkajs' run configuration: one record or one batch at a time, committed by hand. */
function runConfig(consumer: Consumer, loop: Loop): ConsumerRunConfig {
  if (loop.options.onRecord) {
    const onRecord = loop.options.onRecord;
    return {
      autoCommit: false,
      eachMessage: ({ topic, partition, message }: EachMessagePayload) => {
        if (loop.halted) return Promise.resolve(); // not handled, not committed: read again later
        return loop.track((async () => {
          loop.lastActivity = Date.now();
          if (!await loop.guard(() => onRecord(toRecord(topic, partition, message)))) return;
          loop.records++;
          if (!await guardedCommit(consumer, loop, partition, message.offset)) return;
          loop.counted();
        })());
      },
    };
  }
  return {
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: (payload: EachBatchPayload) =>
      loop.halted ? Promise.resolve() : loop.track(handleBatch(consumer, loop, payload)),
  };
}

/** Hands a fetched batch to the lab in chunks of `batchSize`, committing after each. */
async function handleBatch(
  consumer: Consumer,
  loop: Loop,
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
): Promise<void> {
  const { options } = loop;
  for (let group of chunk(batch.messages, options.batchSize ?? 10)) {
    if (loop.halted || !isRunning() || isStale()) return;
    if (options.maxMessages !== undefined) {
      group = group.slice(0, options.maxMessages - loop.records);
    }
    loop.lastActivity = Date.now();
    const recs = group.map((m) => toRecord(batch.topic, batch.partition, m));
    if (!await loop.guard(() => options.onBatch!(recs))) return;
    loop.records += group.length;
    loop.batches++;
    const last = group[group.length - 1].offset;
    resolveOffset(last);
    if (!await guardedCommit(consumer, loop, batch.partition, last)) return;
    await heartbeat();
    loop.counted();
  }
}
