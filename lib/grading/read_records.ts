/**
 * The snapshot's reader: every partition of the targets (the students'
 * topics, `__consumer_offsets`, the journals) from its start up to its end
 * at the moment, with one throw-away consumer group.
 * @module
 */
import type { Consumer, EachBatchPayload, Kafka } from "../kafka/port.ts";
import type { ReadTarget } from "./evidence.ts";
import type { RecordSnap } from "./types.ts";
import { onceEachOffset } from "../kafka/records.ts";

/** The snapshot reader's throw-away groups start with this. */
export const READER_GROUP_PREFIX = "kafka-lab-check-";

function recordOf(partition: number, m: EachBatchPayload["batch"]["messages"][number]): RecordSnap {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (last !== undefined) headers[k] = typeof last === "string" ? last : last.toString("utf8");
  }
  return {
    partition,
    offset: Number(m.offset),
    key: m.key ? new Uint8Array(m.key) : null,
    value: m.value ? new Uint8Array(m.value) : null,
    headers,
    timestamp: Number(m.timestamp),
  };
}

/** How long the snapshot's reader may take to join its group before it gives up on the records. */
const JOIN_BOUND_MS = 30_000;

/** A partition read on past open transactions: its start and the furthest its limit lets it go. */
interface Span {
  readonly low: number;
  readonly cap: number;
}

/**
 * Where to stop in each partition to read (`topic/partition` → offset), the
 * partitions read on past open transactions (also one whose stable end is
 * still its start: a transaction open at its first record), and the topics
 * cut short by their limit.
 */
function readPlan(
  list: readonly ReadTarget[],
): { targets: Map<string, number>; spans: Map<string, Span>; short: Set<string> } {
  const targets = new Map<string, number>();
  const spans = new Map<string, Span>();
  const short = new Set<string>();
  for (const m of list) {
    for (const e of m.ends) {
      if (m.only && !m.only.has(e.partition)) continue;
      const key = `${m.name}/${e.partition}`;
      if (m.pastTransactions) spans.set(key, { low: e.low, cap: e.low + m.limit });
      if (e.high > e.low) {
        targets.set(key, Math.min(e.high, e.low + m.limit));
        if (e.high - e.low > m.limit) short.add(m.name);
      }
    }
  }
  return { targets, spans, short };
}

/** A fetched record's place in the log: in a transaction, and its producer's id. */
function batchOf(m: EachBatchPayload["batch"]["messages"][number]): {
  inTransaction: boolean;
  producerId?: number;
} {
  // kafkajs keeps each record's batch header beside it; the port does not name it.
  const ctx = (m as unknown as {
    batchContext?: { producerId?: string | number; inTransaction?: boolean };
  }).batchContext;
  const id = ctx?.producerId === undefined ? undefined : Number(ctx.producerId);
  return {
    inTransaction: ctx?.inTransaction === true,
    ...(id !== undefined && id >= 0 ? { producerId: id } : {}),
  };
}

/** One pass of the reader: where to stop, and which records to keep. */
interface Pass {
  /** `topic/partition` → the offset to stop before. */
  readonly targets: ReadonlyMap<string, number>;
  /** Read records of open and aborted transactions too (then `keep` must leave them out). */
  readonly readUncommitted: boolean;
  /** `topic/partition` → the offset to start at (the partition's start when absent). */
  readonly from?: ReadonlyMap<string, number>;
  readonly keep: (key: string, offset: number, inTransaction: boolean) => boolean;
  /** Filled in: `topic/partition` → the highest high watermark its fetches reported. */
  readonly highs: Map<string, number>;
  /** `topic/partition` → how far a fetch's high watermark may move the target on. */
  readonly caps?: ReadonlyMap<string, number>;
}

/**
 * Keeps a fetched batch's records up to their partition's target; pauses a
 * partition that is done. An offset comes once: a consumer that restarts (a
 * lost coordinator, a rebalance) reads a partition again from its start.
 */
function batchTaker(
  consumer: Consumer,
  records: Map<string, RecordSnap[]>,
  pass: Pass,
  remaining: Set<string>,
): (batch: EachBatchPayload["batch"]) => void {
  const firstTime = onceEachOffset();
  return (batch) => {
    const key = `${batch.topic}/${batch.partition}`;
    let target = pass.targets.get(key);
    const done = () => consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
    if (target === undefined) return done();
    const high = Number(batch.highWatermark);
    if (high > (pass.highs.get(key) ?? -1)) pass.highs.set(key, high);
    const cap = pass.caps?.get(key);
    if (cap !== undefined) target = Math.max(target, Math.min(high, cap));
    for (const m of batch.messages) {
      const offset = Number(m.offset);
      if (!firstTime(key, offset)) continue;
      const { inTransaction, producerId } = batchOf(m);
      if (offset < target && pass.keep(key, offset, inTransaction)) {
        const r = recordOf(batch.partition, m);
        records.get(batch.topic)!.push(producerId === undefined ? r : { ...r, producerId });
      }
    }
    if (Number(batch.lastOffset()) >= target - 1) {
      remaining.delete(key);
      done();
    }
  };
}

/** The topic of a `topic/partition` key. */
function topicOf(key: string): string {
  return key.slice(0, key.lastIndexOf("/"));
}

/** The partition of a `topic/partition` key. */
function partitionOf(key: string): number {
  return Number(key.slice(key.lastIndexOf("/") + 1));
}

/**
 * Reads the partitions of `pass.targets` with one throw-away group until each
 * reached its target or no record came for `idleMs`; returns the partitions
 * not read to their target.
 */
async function readPass(
  kafka: Kafka,
  pass: Pass,
  records: Map<string, RecordSnap[]>,
  idleMs: number,
): Promise<Set<string>> {
  const groupId = `${READER_GROUP_PREFIX}${crypto.randomUUID()}`;
  const consumer: Consumer = await kafka.connect(kafka.consumer({
    groupId,
    maxWaitTimeInMs: 200,
    readUncommitted: pass.readUncommitted,
  }));
  const remaining = new Set(pass.targets.keys());
  let lastProgress = Date.now();
  let joined = false;
  try {
    const topics = [...new Set([...pass.targets.keys()].map(topicOf))];
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
      lastProgress = Date.now();
    });
    await consumer.subscribe({ topics, fromBeginning: true });
    const take = batchTaker(consumer, records, pass, remaining);
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        take(batch);
        lastProgress = Date.now();
        await Promise.resolve();
      },
    });
    for (const [key, offset] of pass.from ?? []) {
      consumer.seek({
        topic: topicOf(key),
        partition: partitionOf(key),
        offset: String(offset),
      });
    }
    lastProgress = Date.now();
    // Idle time counts from the join: a group coordinator still loading its
    // partitions (right after `up`) may take longer than `idleMs` to let it in.
    const started = Date.now();
    while (
      remaining.size > 0 &&
      (joined ? Date.now() - lastProgress < idleMs : Date.now() - started < JOIN_BOUND_MS)
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await kafka.disconnectConsumer(consumer).catch(() => {});
    await kafka.withAdmin((a) => a.deleteGroups([groupId])).catch(() => {});
  }
  return remaining;
}

/** The offset after the last record kept of each partition in `keys` (absent: none kept). */
function nextOffsets(
  records: ReadonlyMap<string, readonly RecordSnap[]>,
  keys: Iterable<string>,
): Map<string, number> {
  const next = new Map<string, number>();
  for (const key of keys) {
    const partition = partitionOf(key);
    for (const r of records.get(topicOf(key)) ?? []) {
      if (r.partition === partition) next.set(key, Math.max(next.get(key) ?? 0, r.offset + 1));
    }
  }
  return next;
}

/**
 * Reads every partition of `targets` from its start up to its end (at most
 * `limit` records each). Returns records by topic name, and the names of
 * topics that were not read to the end.
 *
 * The reader is read-committed: it sees a partition only up to its first
 * transaction still open (another client's, or a student's program paused or
 * killed inside one, until the transaction times out), and the ends it is
 * given stop there too. Consumers' plain offset commits written to
 * `__consumer_offsets` after such a transaction began were missed so (a CI run
 * of `check lab4` found none of its group's commits while an exactly-once test
 * ran beside it). For targets marked `pastTransactions`, where a fetch
 * reported records past where the reader stopped (or it stopped early), a
 * second, read-uncommitted pass reads on to the high watermark and keeps only
 * records outside transactions. Records of transactions not yet ended are
 * left out, as a read-committed reader would; students' topics are read as a
 * read-committed consumer sees them.
 */
export async function readRecords(
  kafka: Kafka,
  list: readonly ReadTarget[],
  idleMs: number,
): Promise<{ records: Map<string, RecordSnap[]>; short: Set<string> }> {
  const records = new Map<string, RecordSnap[]>(list.map((m) => [m.name, []]));
  const { targets, spans, short } = readPlan(list);
  if (targets.size === 0 && spans.size === 0) return { records, short };
  const first: Pass = { targets, readUncommitted: false, keep: () => true, highs: new Map() };
  let remaining = targets.size > 0
    ? await readPass(kafka, first, records, idleMs)
    : new Set<string>();
  const further = new Map<string, number>();
  for (const [key, { low, cap }] of spans) {
    const target = targets.get(key);
    // A transaction open at the partition's first record: the second pass finds the end.
    if (target === undefined) further.set(key, low + 1);
    else {
      const end = Math.min(Math.max(first.highs.get(key) ?? target, target), cap);
      if (remaining.has(key) || end > target) further.set(key, end);
    }
  }
  if (further.size > 0) {
    const from = nextOffsets(records, further.keys());
    remaining = await readPass(
      kafka,
      {
        targets: further,
        readUncommitted: true,
        from,
        keep: (key, offset, inTransaction) => !inTransaction && offset >= (from.get(key) ?? 0),
        highs: new Map(),
        caps: new Map([...spans].map(([key, span]) => [key, span.cap])),
      },
      records,
      idleMs,
    );
  }
  for (const key of remaining) short.add(topicOf(key));
  for (const list of records.values()) {
    list.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  }
  return { records, short };
}
