/**
 * The snapshot's reader: every partition of the targets (the students'
 * topics, `__consumer_offsets`, the journals) from its start up to its end
 * at the moment, with one throw-away consumer group.
 * @module
 */
import type { Consumer, EachBatchPayload, Kafka } from "../kafka/port.ts";
import type { ReadTarget } from "./evidence.ts";
import type { RecordSnap } from "./types.ts";

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

function producerIdOf(m: EachBatchPayload["batch"]["messages"][number]): number | undefined {
  // kafkajs keeps each record's batch header beside it; the port does not name it.
  const ctx = (m as unknown as { batchContext?: { producerId?: string | number } }).batchContext;
  const id = ctx?.producerId === undefined ? undefined : Number(ctx.producerId);
  return id !== undefined && id >= 0 ? id : undefined;
}

/** How long the snapshot's reader may take to join its group before it gives up on the records. */
const JOIN_BOUND_MS = 30_000;

/** Where to stop in each partition to read (`topic/partition` → offset), and the topics cut short by their limit. */
function readPlan(
  list: readonly ReadTarget[],
): { targets: Map<string, number>; short: Set<string> } {
  const targets = new Map<string, number>();
  const short = new Set<string>();
  for (const m of list) {
    for (const e of m.ends) {
      if (e.high > e.low && (!m.only || m.only.has(e.partition))) {
        targets.set(`${m.name}/${e.partition}`, Math.min(e.high, e.low + m.limit));
        if (e.high - e.low > m.limit) short.add(m.name);
      }
    }
  }
  return { targets, short };
}

/** Keeps a fetched batch's records up to their partition's target; pauses a partition that is done. */
function batchTaker(
  consumer: Consumer,
  records: Map<string, RecordSnap[]>,
  targets: ReadonlyMap<string, number>,
  remaining: Set<string>,
): (batch: EachBatchPayload["batch"]) => void {
  return (batch) => {
    const key = `${batch.topic}/${batch.partition}`;
    const target = targets.get(key);
    const done = () => consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
    if (target === undefined) return done();
    for (const m of batch.messages) {
      if (Number(m.offset) < target) {
        const r = recordOf(batch.partition, m);
        const producerId = producerIdOf(m);
        records.get(batch.topic)!.push(producerId === undefined ? r : { ...r, producerId });
      }
    }
    if (Number(batch.lastOffset()) >= target - 1) {
      remaining.delete(key);
      done();
    }
  };
}

/**
 * Reads every partition of `targets` from its start up to its end (at most
 * `limit` records each). Returns records by topic name, and the names of
 * topics that were not read to the end.
 */
export async function readRecords(
  kafka: Kafka,
  list: readonly ReadTarget[],
  idleMs: number,
): Promise<{ records: Map<string, RecordSnap[]>; short: Set<string> }> {
  const records = new Map<string, RecordSnap[]>(list.map((m) => [m.name, []]));
  const { targets, short } = readPlan(list);
  if (targets.size === 0) return { records, short };
  const groupId = `${READER_GROUP_PREFIX}${crypto.randomUUID()}`;
  const consumer: Consumer = await kafka.connect(kafka.consumer({ groupId, maxWaitTimeInMs: 200 }));
  const remaining = new Set(targets.keys());
  let lastProgress = Date.now();
  let joined = false;
  try {
    const topics = [...new Set([...targets.keys()].map((k) => k.slice(0, k.lastIndexOf("/"))))];
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
      lastProgress = Date.now();
    });
    await consumer.subscribe({ topics, fromBeginning: true });
    const take = batchTaker(consumer, records, targets, remaining);
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        take(batch);
        lastProgress = Date.now();
        await Promise.resolve();
      },
    });
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
    for (const key of remaining) short.add(key.slice(0, key.lastIndexOf("/")));
  } finally {
    await kafka.disconnectConsumer(consumer).catch(() => {});
    await kafka.withAdmin((a) => a.deleteGroups([groupId])).catch(() => {});
  }
  for (const list of records.values()) {
    list.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  }
  return { records, short };
}
