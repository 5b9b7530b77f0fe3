/**
 * Part 2, retention, on the real cluster: a topic of 1 MiB segments that
 * keeps 1 MiB per partition (retention.bytes). A reader group stops at the
 * end; 2.4 MiB are written to every partition; the broker's retention check
 * deletes the oldest segments and each partition's log start offset moves
 * past the group's committed offset; the reader then starts by
 * auto.offset.reset (earliest) at the new log start.
 * @module
 */
import { Buffer } from "node:buffer";
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import { ConfigResourceTypes } from "../../lib/kafka/port.ts";
import { waitFor } from "../../lib/time.ts";
import { RETENTION, type StartMove } from "./model.ts";
import { busyGroupError } from "./groups.ts";

/** How long past the broker's check interval the run waits for the deletion. */
const DELETE_GRACE_MS = 30_000;

/** What part 2 did and saw. */
export interface RetentionResult {
  readonly topic: string;
  readonly group: string;
  /** The brokers' log.retention.check.interval.ms (undefined when unreadable). */
  readonly checkIntervalMs?: number;
  readonly writtenBytes: number;
  readonly moves: readonly StartMove[];
  /** The first offset the reader got per partition (after auto.offset.reset). */
  readonly firstRead: ReadonlyArray<{ partition: number; offset: number }>;
  readonly waitedMs: number;
}

/** The topic configs of part 2, set on every run (a student may have changed them). */
export const RETENTION_CONFIGS: Readonly<Record<string, string>> = {
  "segment.bytes": String(RETENTION.segmentBytes),
  "retention.bytes": String(RETENTION.retentionBytes),
  "retention.ms": String(RETENTION.retentionMs),
};

/** Runs part 2 on `topic` with the reader `group`, which must have no members. */
export async function runRetention(
  kafka: Kafka,
  opts: { topic: string; group: string; signal: AbortSignal },
): Promise<RetentionResult> {
  const { topic, group, signal } = opts;
  const { before, committed, checkIntervalMs } = await kafka.withAdmin(async (admin) => {
    await setTopicConfigs(admin, topic, RETENTION_CONFIGS);
    const [g] = (await admin.describeGroups([group])).groups;
    if (g && g.members.length > 0) throw busyGroupError(group);
    const ends = await admin.fetchTopicOffsets(topic);
    return {
      before: ends,
      committed: await stopAtEnd(admin, topic, group, ends),
      checkIntervalMs: await brokerSetting(admin, "log.retention.check.interval.ms"),
    };
  });
  const writtenBytes = await writeMegabytes(kafka, topic, before.map((e) => e.partition));
  const started = Date.now();
  const after = await waitFor(async () => {
    const now = await kafka.withAdmin((a) => a.fetchTopicOffsets(topic));
    return now.every((e) => Number(e.low) > (committed.get(e.partition) ?? 0)) ? now : false;
  }, { timeoutMs: (checkIntervalMs ?? 300_000) + DELETE_GRACE_MS, intervalMs: 500, signal });
  const waitedMs = Date.now() - started;
  const latest = after ?? await kafka.withAdmin((a) => a.fetchTopicOffsets(topic));
  const moves = before.map((b) => ({
    partition: b.partition,
    before: Number(b.low),
    committed: committed.get(b.partition) ?? 0,
    after: Number(latest.find((l) => l.partition === b.partition)?.low ?? b.low),
  }));
  const firstRead = after ? await readFromReset(kafka, topic, group, latest, signal) : [];
  return { topic, group, checkIntervalMs, writtenBytes, moves, firstRead, waitedMs };
}

/**
 * The reader group's committed offsets: where its last run stopped (the end).
 * A group that never committed on the topic is set at the end first (kafkajs
 * does that by joining the group, which takes a fetch wait of a few seconds).
 */
async function stopAtEnd(
  admin: Admin,
  topic: string,
  group: string,
  ends: ReadonlyArray<{ partition: number; high: string }>,
): Promise<Map<number, number>> {
  const [mine] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  const had = new Map((mine?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  if (ends.every((e) => (had.get(e.partition) ?? -1) >= 0)) return had;
  const partitions = ends.map((e) => ({ partition: e.partition, offset: e.high }));
  await admin.setOffsets({ groupId: group, topic, partitions });
  return new Map(ends.map((e) => [e.partition, Number(e.high)]));
}

/** Replaces the topic's own configs with `configs`. */
export async function setTopicConfigs(
  admin: Admin,
  topic: string,
  configs: Readonly<Record<string, string>>,
): Promise<void> {
  await admin.alterConfigs({
    validateOnly: false,
    resources: [{
      type: ConfigResourceTypes.TOPIC,
      name: topic,
      configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
    }],
  });
}

/** A broker setting as the first broker reports it (a number), undefined when unreadable. */
export async function brokerSetting(admin: Admin, name: string): Promise<number | undefined> {
  try {
    const { brokers } = await admin.describeCluster();
    const id = String(brokers[0]?.nodeId ?? 1);
    const res = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.BROKER, name: id, configNames: [name] }],
      includeSynonyms: false,
    });
    const value = res.resources[0]?.configEntries.find((e) => e.configName === name)?.configValue;
    return value === undefined ? undefined : Number(value);
  } catch {
    return undefined;
  }
}

/** Writes RETENTION.recordsPerPartition records of RETENTION.recordBytes to each partition. */
async function writeMegabytes(kafka: Kafka, topic: string, partitions: number[]): Promise<number> {
  const producer = await kafka.connect(kafka.idempotentProducer());
  const value = Buffer.alloc(RETENTION.recordBytes, "r");
  const perSend = 5;
  try {
    for (const partition of partitions) {
      for (let sent = 0; sent < RETENTION.recordsPerPartition; sent += perSend) {
        const n = Math.min(perSend, RETENTION.recordsPerPartition - sent);
        const messages = Array.from({ length: n }, () => ({ value, partition }));
        await producer.send({ topic, acks: -1, messages });
      }
    }
  } finally {
    await producer.disconnect();
  }
  return partitions.length * RETENTION.recordsPerPartition * RETENTION.recordBytes;
}

/**
 * The reader group starts: its committed offsets lie below the log start, so
 * the consumer falls back on auto.offset.reset (earliest: the log start).
 * Returns the first offset it got per partition, after reading to the end.
 */
async function readFromReset(
  kafka: Kafka,
  topic: string,
  group: string,
  ends: ReadonlyArray<{ partition: number; high: string }>,
  signal: AbortSignal,
): Promise<Array<{ partition: number; offset: number }>> {
  const first = new Map<number, number>();
  const reached = new Map<number, number>();
  const consumer = await kafka.connect(kafka.consumer({ groupId: group, maxWaitTimeInMs: 500 }));
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const firstOffset = batch.messages[0]?.offset;
        if (firstOffset !== undefined && !first.has(batch.partition)) {
          first.set(batch.partition, Number(firstOffset));
        }
        const next = String(BigInt(batch.lastOffset()) + 1n);
        reached.set(batch.partition, Number(next));
        await consumer.commitOffsets([{ topic, partition: batch.partition, offset: next }]);
      },
    });
    await waitFor(
      () => ends.every((e) => (reached.get(e.partition) ?? -1) >= Number(e.high)),
      { timeoutMs: 30_000, signal },
    );
  } finally {
    await kafka.disconnectConsumer(consumer).catch(() => {});
  }
  return [...first].map(([partition, offset]) => ({ partition, offset }))
    .sort((a, b) => a.partition - b.partition);
}
