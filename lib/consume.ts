/**
 * The consumer loop every lab uses: subscribe with a group, hand records to
 * the lab one at a time or in batches, commit offsets by hand after the lab
 * has handled them (at-least-once), and stop cleanly on `--max-messages`,
 * `--idle-timeout` or Ctrl+C: the record or batch in hand is finished and
 * committed, then the consumer leaves its group.
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
import type { Consumer, EachBatchPayload, EachMessagePayload, KafkaMessage } from "kafkajs";
import { KafkaLabError } from "./errors.ts";
import type { KafkaClients } from "./kafka.ts";
import { sleep } from "./time.ts";

/** A record as a lab sees it. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  /** The record's offset (a decimal string: offsets are 64-bit). */
  readonly offset: string;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  /** Milliseconds since the epoch, as a string. */
  readonly timestamp: string;
  readonly headers: Readonly<Record<string, string>>;
}

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
}

/** What the loop did. */
export interface ConsumeSummary {
  readonly records: number;
  readonly batches: number;
  readonly commits: number;
  readonly elapsedMs: number;
  readonly stoppedBy: StopReason;
}

/** Converts a kafkajs message. */
export function toRecord(topic: string, partition: number, m: KafkaMessage): ConsumedRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    headers[k] = typeof first === "string" ? first : new TextDecoder().decode(first);
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: m.key ? new Uint8Array(m.key) : null,
    value: m.value ? new Uint8Array(m.value) : null,
    timestamp: m.timestamp,
    headers,
  };
}

/** The offset after `offset` (what a commit stores: the next record to read). */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/** Splits records into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunk size must be ≥ 1, not ${size}`);
  }
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Errors of a commit that lost its partitions to a rebalance: the records will be read again. */
function isRebalanceError(err: unknown): boolean {
  const type = (err as { type?: string })?.type ?? "";
  return ["REBALANCE_IN_PROGRESS", "ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID"].includes(type) ||
    /rebalanc/i.test((err as Error)?.message ?? "");
}

/**
 * Runs a consumer until a stop condition; see the module docs. Resolves when
 * the consumer has committed what it handled and left the group.
 */
export async function consume(
  kafka: KafkaClients,
  options: ConsumeOptions,
): Promise<ConsumeSummary> {
  if (!options.onRecord === !options.onBatch) {
    throw new Error("consume needs exactly one of onRecord and onBatch");
  }
  const started = Date.now();
  let records = 0;
  let batches = 0;
  let commits = 0;
  let stopping = false;
  let lastActivity = Date.now();
  let joined = false;
  let stopReason: StopReason = "signal";
  let crash: unknown;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const stop = (reason: StopReason) => {
    if (stopping) return;
    stopping = true;
    stopReason = reason;
    finish();
  };

  await kafka.preflight();
  const consumer: Consumer = await kafka.connect(
    kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false }),
  );
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    joined = true;
    lastActivity = Date.now();
    const assigned = e.payload.memberAssignment[options.topic] ?? [];
    options.onAssign?.([...assigned].sort((a, b) => a - b));
  });
  consumer.on(consumer.events.CRASH, (e) => {
    if (!e.payload.restart) {
      crash = e.payload.error;
      stop("signal");
    }
  });

  const commit = async (partition: number, offset: string) => {
    const next = nextOffset(offset);
    try {
      await consumer.commitOffsets([{ topic: options.topic, partition, offset: next }]);
      commits++;
      options.onCommit?.(partition, next);
    } catch (err) {
      if (!isRebalanceError(err)) throw err;
      // The partition moved to another member, which starts from the last
      // committed offset: these records will be handled again (at-least-once).
    }
  };

  const onAbort = () => stop("signal");
  options.signal.addEventListener("abort", onAbort, { once: true });
  const joinDeadline = started + (options.joinTimeoutMs ?? 60_000);
  const timer = setInterval(() => {
    if (!joined && Date.now() > joinDeadline) {
      crash ??= new KafkaLabError(
        `the consumer did not join group ${options.groupId} within ${
          Math.round((options.joinTimeoutMs ?? 60_000) / 1000)
        } s`,
        {
          hint: "check `kafka-lab status`; a group coordinator needs its internal topic's replicas",
        },
      );
      stop("signal");
    }
    if (
      joined && options.idleTimeoutMs !== undefined &&
      Date.now() - lastActivity >= options.idleTimeoutMs
    ) stop("idle");
  }, 100);
  // The record or batch being handled (and committed) right now: a stop,
  // whatever its cause, waits for it before leaving the group.
  let inFlight: Promise<unknown> = Promise.resolve();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight = work.catch(() => {});
    return work;
  };
  /** A failing handler stops the loop (kafkajs would retry the batch forever). */
  const guard = async (work: () => Promise<void> | void): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (err) {
      crash ??= err;
      stop("signal");
      return false;
    }
  };

  try {
    // A topic created a moment ago may not be known yet to the broker asked
    // (KRaft brokers apply the metadata log asynchronously): retry briefly.
    const subscribeUntil = Date.now() + 15_000;
    for (;;) {
      try {
        await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
        break;
      } catch (err) {
        const type = (err as { type?: string }).type;
        const transient = type === "UNKNOWN_TOPIC_OR_PARTITION" || type === "LEADER_NOT_AVAILABLE";
        if (!transient || Date.now() > subscribeUntil || options.signal.aborted) throw err;
        await sleep(200, options.signal);
      }
    }
    if (options.onRecord) {
      const onRecord = options.onRecord;
      await consumer.run({
        autoCommit: false,
        eachMessage: ({ topic, partition, message }: EachMessagePayload) => {
          if (stopping) return Promise.resolve(); // left for the next run: not handled, not committed
          return track((async () => {
            lastActivity = Date.now();
            if (!await guard(() => onRecord(toRecord(topic, partition, message)))) return;
            records++;
            if (!await guard(() => commit(partition, message.offset))) return;
            lastActivity = Date.now();
            if (options.maxMessages !== undefined && records >= options.maxMessages) {
              stop("max-messages");
            }
          })());
        },
      });
    } else {
      const onBatch = options.onBatch!;
      const size = options.batchSize ?? 10;
      const handleBatch = async (
        { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
      ): Promise<void> => {
        for (let group of chunk(batch.messages, size)) {
          if (stopping || !isRunning() || isStale()) return;
          if (options.maxMessages !== undefined) {
            group = group.slice(0, options.maxMessages - records);
          }
          lastActivity = Date.now();
          const recs = group.map((m) => toRecord(batch.topic, batch.partition, m));
          if (!await guard(() => onBatch(recs))) return;
          records += group.length;
          batches++;
          const last = group[group.length - 1].offset;
          resolveOffset(last);
          if (!await guard(() => commit(batch.partition, last))) return;
          await heartbeat();
          lastActivity = Date.now();
          if (options.maxMessages !== undefined && records >= options.maxMessages) {
            stop("max-messages");
          }
        }
      };
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload: EachBatchPayload) =>
          stopping ? Promise.resolve() : track(handleBatch(payload)),
      });
    }
    await finished;
  } finally {
    clearInterval(timer);
    options.signal.removeEventListener("abort", onAbort);
    stopping = true;
    await inFlight;
    await consumer.disconnect().catch(() => {});
  }
  if (crash) throw kafka.translate(crash);
  return { records, batches, commits, elapsedMs: Date.now() - started, stoppedBy: stopReason };
}
