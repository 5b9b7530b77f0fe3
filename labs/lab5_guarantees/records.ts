/**
 * What every part of lab 5 shares: throw-away topic names, numbered records
 * with a message-id header, and reading a whole topic back to count by id.
 * @module
 */
import type { Admin, Consumer, Kafka, MessageHeaders } from "../../lib/kafka/port.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { onceEachOffset } from "../../lib/kafka/records.ts";
import { sleep, waitFor } from "../../lib/time.ts";
import { ID_HEADER } from "./model.ts";
import { bothLanguages } from "./text.ts";

/** Eight hex digits, to make names unique per run. */
export function shortHex(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 8);
}

/** `<prefix>lab5.<part>-<hex>`: a topic (or group) of one run. */
export function runName(prefix: string, part: string, hex = shortHex()): string {
  return `${prefix}lab5.${part}-${hex}`;
}

/** The id of record `n` of a run: `<run>-000042`. */
export function recordId(run: string, n: number): string {
  return `${run}-${String(n).padStart(6, "0")}`;
}

/** A record with its id as value and in the message-id header. */
export function idRecord(
  id: string,
  extra: MessageHeaders = {},
): { value: string; headers: MessageHeaders } {
  return { value: id, headers: { [ID_HEADER]: id, ...extra } };
}

/** Creates a topic and waits until each partition has a leader. */
export async function createTopic(
  admin: Admin,
  spec: {
    topic: string;
    partitions?: number;
    replicationFactor?: number;
    /** Replicas per partition, first = preferred leader; overrides the two above. */
    assignment?: number[][];
    config?: Record<string, string>;
  },
): Promise<void> {
  const configEntries = Object.entries(spec.config ?? {}).map(([name, value]) => ({
    name,
    value,
  }));
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      spec.assignment
        ? {
          topic: spec.topic,
          replicaAssignment: spec.assignment.map((replicas, partition) => ({
            partition,
            replicas,
          })),
          configEntries,
        }
        : {
          topic: spec.topic,
          numPartitions: spec.partitions ?? 1,
          replicationFactor: spec.replicationFactor ?? 3,
          configEntries,
        },
    ],
  });
  // KRaft brokers learn of a new topic asynchronously, and kafkajs' waitForLeaders
  // does not retry UNKNOWN_TOPIC_OR_PARTITION: wait until every partition has a leader.
  await waitFor(async () => {
    const md = await admin.fetchTopicMetadata({ topics: [spec.topic] });
    const parts = md.topics[0]?.partitions ?? [];
    return parts.length > 0 && parts.every((p) => p.leader >= 0);
  }, { timeoutMs: 30_000, intervalMs: 200 });
}

/** One record read back. */
export interface ReadRecord {
  readonly id: string;
  readonly partition: number;
  readonly offset: string;
  readonly headers: Readonly<Record<string, string>>;
}

function headerMap(h: MessageHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    const one = Array.isArray(v) ? v[0] : v;
    if (one !== undefined) out[k] = typeof one === "string" ? one : one.toString();
  }
  return out;
}

/**
 * Where a partition's reading stands: done once the reader has passed both
 * the end offset taken before reading and the high watermark of the last
 * fetch (so a read_committed reader also waits for the markers of the last
 * transaction). `lastOffset` counts control records (transaction markers).
 */
export function partitionDone(
  progress: { lastOffset: string; highWatermark: string },
  endBefore: bigint,
): boolean {
  const next = BigInt(progress.lastOffset) + 1n;
  return next >= endBefore && next >= BigInt(progress.highWatermark);
}

/**
 * Reads every record of `topic` from the beginning up to its end, each
 * offset once, in a throw-away group that is deleted afterwards. With
 * `readCommitted`, records of aborted transactions are skipped, and the read
 * waits until no transaction is open.
 */
export async function readAll(
  kafka: Kafka,
  topic: string,
  options: { readCommitted?: boolean; timeoutMs?: number } = {},
): Promise<ReadRecord[]> {
  const groupId = `lab5.reader-${shortHex()}`;
  const ends = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const pending = new Map(
    ends.filter((e) => BigInt(e.high) > BigInt(e.low)).map((e) => [e.partition, BigInt(e.high)]),
  );
  const records: ReadRecord[] = [];
  if (pending.size === 0) return records;
  // A consumer that restarts (a commit lost to a coordinator that moved, as
  // after a broker kill) reads from its last commit again: an offset read
  // twice is one record, not a duplicate in the topic.
  const firstTime = onceEachOffset();
  const consumer = await kafka.connect(kafka.consumer({
    groupId,
    readUncommitted: !options.readCommitted,
    maxWaitTimeInMs: 200,
  }));
  try {
    const finished = untilEnds(consumer, pending);
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          if (!firstTime(String(batch.partition), Number(m.offset))) continue;
          const id = m.value?.toString() ?? "";
          records.push({
            id,
            partition: batch.partition,
            offset: m.offset,
            headers: headerMap(m.headers),
          });
        }
        await Promise.resolve();
      },
    });
    const timeoutMs = options.timeoutMs ?? 60_000;
    const giveUp = new AbortController();
    await Promise.race([finished, sleep(timeoutMs, giveUp.signal)]);
    giveUp.abort();
    if (pending.size > 0) throw notReadToTheEnd(topic, timeoutMs);
  } finally {
    await kafka.disconnectConsumer(consumer).catch(() => {});
    await kafka.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => {});
  }
  return records;
}

/**
 * Resolves once every partition of `pending` (partition → end offset) is read
 * to its end, deleting each from `pending` as it gets there. The end of a
 * partition is seen through kafkajs' END_BATCH_PROCESS event, which also comes
 * for a fetch that held only transaction markers (eachBatch is not called for
 * those).
 */
function untilEnds(consumer: Consumer, pending: Map<number, bigint>): Promise<void> {
  return new Promise<void>((done) => {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const end = pending.get(payload.partition);
      if (end !== undefined && partitionDone(payload, end)) {
        pending.delete(payload.partition);
        if (pending.size === 0) done();
      }
    });
  });
}

function notReadToTheEnd(topic: string, timeoutMs: number): KafkaLabError {
  const seconds = Math.round(timeoutMs / 1000);
  return new KafkaLabError(bothLanguages("readTimeout", { topic, seconds }), {
    hint: bothLanguages("readTimeoutHint"),
  });
}

/**
 * Waits until `group`'s coordinator takes a commit (offset 0 of every
 * partition of `topic`, where the group would start anyway). On a cluster
 * where no group has run yet, the first group makes Kafka create
 * `__consumer_offsets`, and for some seconds its coordinators answer
 * NOT_COORDINATOR or are still loading: a worker that committed then failed.
 */
export async function waitGroupCoordinator(
  kafka: Kafka,
  topic: string,
  group: string,
  timeoutMs = 60_000,
): Promise<void> {
  const ready = await kafka.withAdmin(async (admin) => {
    const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({
      partition: p.partition,
      offset: "0",
    }));
    return await waitFor(async () => {
      try {
        await admin.setOffsets({ groupId: group, topic, partitions });
        const [got] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        return (got?.partitions ?? []).length === partitions.length;
      } catch {
        return false;
      }
    }, { timeoutMs, intervalMs: 500 });
  });
  if (!ready) throw new KafkaLabError(bothLanguages("coordinatorNotReady", { group }));
}
