/**
 * Lab 5's pure logic: counting what a run sent, what Kafka acknowledged and
 * what is really in a topic (lost, duplicated), classifying a failed send as
 * refused or ambiguous, and the retry-topic/DLQ routing with its headers.
 * No Kafka here, so all of it is unit-tested.
 *
 * @example
 * ```ts
 * const t = tally({ sent: ["a", "b", "c"], acknowledged: ["a", "b"], found: ["a", "a", "c"] });
 * t.lost; // 1 ("b" was acknowledged and is not in the topic)
 * t.duplicated; // 1 (one extra copy of "a")
 * ```
 * @module
 */

/** The header that carries a record's own id (for counting and de-duplication). */
export const ID_HEADER = "message-id";

/** What one produce run did, counted by message id. */
export interface Tally {
  /** Records the program tried to send. */
  readonly sent: number;
  /** Records whose send the client reported as successful. */
  readonly acknowledged: number;
  /** Records whose send the client reported as failed. */
  readonly failed: number;
  /** Copies of sent records read back from the topic. */
  readonly found: number;
  /** Distinct sent ids read back. */
  readonly distinct: number;
  /** Acknowledged, yet not in the topic: the real loss. */
  readonly lost: number;
  /** Extra copies: a record found 3 times counts 2. */
  readonly duplicated: number;
  /** Reported as failed, yet in the topic (the failure was ambiguous). */
  readonly failedButWritten: number;
  /** Ids that were acknowledged and are missing (at most 20, for the report). */
  readonly lostIds: readonly string[];
  /** Ids found more than once (at most 20). */
  readonly duplicatedIds: readonly string[];
}

/** How often each id occurs. */
export function countIds(ids: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * Counts a produce run by id: `sent` ids in order, the `acknowledged` ones,
 * and every id `found` when the topic was read back (with repeats). Ids found
 * that were never sent are ignored.
 */
export function tally(run: {
  readonly sent: readonly string[];
  readonly acknowledged: Iterable<string>;
  readonly found: Iterable<string>;
}): Tally {
  const sent = new Set(run.sent);
  const acked = new Set([...run.acknowledged].filter((id) => sent.has(id)));
  const counts = countIds([...run.found].filter((id) => sent.has(id)));
  const lostIds = [...acked].filter((id) => !counts.has(id));
  const dupIds = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  let found = 0;
  let duplicated = 0;
  for (const n of counts.values()) {
    found += n;
    duplicated += n - 1;
  }
  const failedIds = [...sent].filter((id) => !acked.has(id));
  return {
    sent: sent.size,
    acknowledged: acked.size,
    failed: failedIds.length,
    found,
    distinct: counts.size,
    lost: lostIds.length,
    duplicated,
    failedButWritten: failedIds.filter((id) => counts.has(id)).length,
    lostIds: lostIds.slice(0, 20),
    duplicatedIds: dupIds.slice(0, 20),
  };
}

/** What a consumer's processing log says against the input, by id. */
export interface ProcessingTally {
  readonly input: number;
  /** Processing events, with repeats. */
  readonly processed: number;
  /** Input ids never processed. */
  readonly lost: number;
  /** Extra processings: an id processed twice counts 1. */
  readonly reprocessed: number;
}

/** Counts a processing log (ids in the order they were processed) against the input ids. */
export function processingTally(
  input: readonly string[],
  processed: readonly string[],
): ProcessingTally {
  const counts = countIds(processed.filter((id) => input.includes(id)));
  let reprocessed = 0;
  for (const n of counts.values()) reprocessed += n - 1;
  return {
    input: new Set(input).size,
    processed: processed.length,
    lost: input.filter((id) => !counts.has(id)).length,
    reprocessed,
  };
}

/**
 * How a failed send ended, for the student (`lib/kafka/failures.ts`):
 * `refused` when the broker wrote nothing, `ambiguous` when the record may be
 * in the topic.
 */
export type { SendOutcome } from "../../lib/kafka/failures.ts";
export { sendFailure as classifySendError } from "../../lib/kafka/failures.ts";

// ---------------------------------------------------------------- retry topic and DLQ

/** Headers of the retry topic and the DLQ. */
export const RETRY_HEADERS = {
  id: ID_HEADER,
  /** How many times the handler has failed on this record so far. */
  attempt: "retry-attempt",
  /** Epoch milliseconds before which the retry consumer must not handle it. */
  notBefore: "retry-not-before",
  /** Why the last attempt failed (the DLQ keeps it). */
  reason: "retry-reason",
  /** The topic the record first came from. */
  origin: "retry-origin",
} as const;

/** Where a record goes after its handler failed `attempt` times (1 = first failure). */
export function routeAfterFailure(attempt: number, maxAttempts: number): "retry" | "dlq" {
  return attempt >= maxAttempts ? "dlq" : "retry";
}

/** The back-off before retry `attempt`: `baseMs`, doubled each time, at most `maxMs`. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** The headers of a record sent to `<topic>.retry` or `<topic>.dlq`. */
export function failureHeaders(f: {
  readonly id: string;
  readonly attempt: number;
  readonly notBefore: number;
  readonly reason: string;
  readonly origin: string;
}): Record<string, string> {
  return {
    [RETRY_HEADERS.id]: f.id,
    [RETRY_HEADERS.attempt]: String(f.attempt),
    [RETRY_HEADERS.notBefore]: String(f.notBefore),
    [RETRY_HEADERS.reason]: f.reason,
    [RETRY_HEADERS.origin]: f.origin,
  };
}

/** Reads a header as text (kafkajs gives Buffers, strings or arrays of them). */
export function headerText(
  headers: Readonly<Record<string, unknown>> | undefined,
  name: string,
): string | undefined {
  const v = headers?.[name];
  const one = Array.isArray(v) ? v[0] : v;
  if (one === undefined || one === null) return undefined;
  return typeof one === "string" ? one : new TextDecoder().decode(one as Uint8Array);
}

/** The retry state a record carries: attempt 0 on the main topic. */
export function retryState(
  headers: Readonly<Record<string, unknown>> | undefined,
): { attempt: number; notBefore: number } {
  const attempt = Number(headerText(headers, RETRY_HEADERS.attempt) ?? "0");
  const notBefore = Number(headerText(headers, RETRY_HEADERS.notBefore) ?? "0");
  return {
    attempt: Number.isInteger(attempt) && attempt >= 0 ? attempt : 0,
    notBefore: Number.isFinite(notBefore) ? notBefore : 0,
  };
}

/**
 * Whether the handler of the lab's retry demo fails on this attempt: records
 * whose number is divisible by `failEvery` fail `failTimes` times (transient),
 * those divisible by `poisonEvery` always fail (they end in the DLQ).
 */
export function demoHandlerFails(
  n: number,
  attempt: number,
  rule: { readonly failEvery: number; readonly failTimes: number; readonly poisonEvery: number },
): boolean {
  if (rule.poisonEvery > 0 && n % rule.poisonEvery === 0) return true;
  return rule.failEvery > 0 && n % rule.failEvery === 0 && attempt < rule.failTimes;
}

/** Where each record ended in a retry/DLQ run, by id. */
export interface RetryOutcome {
  readonly input: number;
  readonly processedOnce: number;
  readonly processedTwice: number;
  readonly inDlq: number;
  readonly lost: number;
}

/** Checks a retry/DLQ run: each input id processed once or in the DLQ, none lost. */
export function retryOutcome(
  input: readonly string[],
  processed: readonly string[],
  dlq: readonly string[],
): RetryOutcome {
  const counts = countIds(processed);
  const dead = new Set(dlq);
  let once = 0;
  let twice = 0;
  let lost = 0;
  for (const id of new Set(input)) {
    const n = counts.get(id) ?? 0;
    if (n === 1) once++;
    if (n > 1) twice++;
    if (n === 0 && !dead.has(id)) lost++;
  }
  return {
    input: new Set(input).size,
    processedOnce: once,
    processedTwice: twice,
    inDlq: dead.size,
    lost,
  };
}
