/**
 * The grader's side of an exercise check on the broker: fresh names for one
 * check run, its topics made and deleted, records written and read back with
 * their timestamps, and a group's committed offsets. The judges get what this
 * reads, never the student's word for it.
 *
 * @example
 * ```ts
 * const prefix = freshPrefix(); // "kafka-lab-exercise-1a2b3c4d."
 * const records = await readAll(kafka, prefix + "hello-kafka", signal);
 * ```
 * @module
 */
import { Buffer } from "node:buffer";
import { readTopic } from "../inspect/reader.ts";
import type { Kafka } from "../kafka/port.ts";
import { deleteTopic, ensureTopic } from "../kafka/topics.ts";
import { type Commit, commitsOf, coordinatorPartition, OFFSETS_TOPIC } from "./commits.ts";
import type { SeenRecord } from "./lab2.ts";

/** The start of every check run's names, so leftovers are easy to find and delete. */
export const CHECK_PREFIX = "kafka-lab-exercise-";

/** A prefix no other check run uses. */
export function freshPrefix(): string {
  return `${CHECK_PREFIX}${crypto.randomUUID().slice(0, 8)}.`;
}

/** Creates each topic with one partition, replication factor 1 (as lab 2's hello-kafka). */
export async function createTopics(
  kafka: Kafka,
  topics: readonly { name: string; partitions: number }[],
): Promise<void> {
  await kafka.withAdmin(async (admin) => {
    for (const t of topics) {
      await ensureTopic(admin, { name: t.name, partitions: t.partitions, replicationFactor: 1 });
    }
  });
}

/** One record the grader writes: a text value, or bytes with a key. */
export type GraderRecord = string | { readonly key: string; readonly value: Uint8Array };

/** Writes each record to partition 0 of `topic`, in order, waiting for each ack. */
export async function writeValues(
  kafka: Kafka,
  topic: string,
  values: readonly GraderRecord[],
): Promise<void> {
  const producer = await kafka.producer();
  await producer.connect();
  try {
    for (const v of values) {
      const message = typeof v === "string"
        ? { value: v, partition: 0 }
        : { key: v.key, value: Buffer.from(v.value), partition: 0 };
      await producer.send({ topic, messages: [message], acks: -1 });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Every record of `topic` now, in partition then offset order, values as UTF-8 text. */
export async function readAll(
  kafka: Kafka,
  topic: string,
  signal: AbortSignal,
): Promise<SeenRecord[]> {
  const seen: SeenRecord[] = [];
  const decoder = new TextDecoder();
  await readTopic(kafka, {
    topic,
    from: { kind: "earliest" },
    follow: false,
    signal,
    onRecord: (r) => {
      seen.push({
        partition: r.partition,
        offset: Number(r.offset),
        value: r.value === null ? "" : decoder.decode(r.value),
        timestamp: Number(r.timestamp),
      });
    },
  });
  return seen.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

/** Every record of `topic` now, key as text, value as bytes, in partition then offset order. */
export async function readRaw(
  kafka: Kafka,
  topic: string,
  signal: AbortSignal,
): Promise<{ key: string | null; value: Uint8Array | null }[]> {
  const seen: {
    partition: number;
    offset: bigint;
    key: string | null;
    value: Uint8Array | null;
  }[] = [];
  await readTopic(kafka, {
    topic,
    from: { kind: "earliest" },
    follow: false,
    signal,
    onRecord: (r) =>
      void seen.push({
        partition: r.partition,
        offset: BigInt(r.offset),
        key: r.key === null ? null : new TextDecoder().decode(r.key),
        value: r.value,
      }),
  });
  seen.sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : 1));
  return seen.map(({ key, value }) => ({ key, value }));
}

/** The group's committed offset per partition of `topic` (-1: none). */
export async function committedOffsets(
  kafka: Kafka,
  group: string,
  topic: string,
): Promise<Map<number, number>> {
  const offsets = await kafka.withAdmin((admin) =>
    admin.fetchOffsets({ groupId: group, topics: [topic] })
  );
  const parts = offsets.find((o) => o.topic === topic)?.partitions ?? [];
  return new Map(parts.map((p) => [p.partition, Number(p.offset)]));
}

/** The end offset of each partition of `topic`. */
export async function endOffsets(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const marks = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return new Map(marks.map((m) => [m.partition, Number(m.high)]));
}

/** Deletes the check run's topics and groups; what is already gone is fine. */
export async function cleanUp(
  kafka: Kafka,
  made: { topics: readonly string[]; groups: readonly string[] },
): Promise<void> {
  await kafka.withAdmin(async (admin) => {
    for (const topic of made.topics) await deleteTopic(admin, topic).catch(() => false);
    for (const group of made.groups) await admin.deleteGroups([group]).catch(() => undefined);
  });
}

/** Where `group`'s partition of `__consumer_offsets` ends now: commits after this are new. */
export async function commitMark(
  kafka: Kafka,
  group: string,
): Promise<{ partition: number; offset: string }> {
  return await kafka.withAdmin(async (admin) => {
    // Asking for the group finds its coordinator, which creates the offsets topic on a new cluster.
    await admin.describeGroups([group]);
    const marks = await admin.fetchTopicOffsets(OFFSETS_TOPIC);
    const partition = coordinatorPartition(group, marks.length);
    return { partition, offset: marks.find((m) => m.partition === partition)?.high ?? "0" };
  });
}

/** `group`'s commits on `topic` written to `__consumer_offsets` since `mark`, in order. */
export async function commitsSince(
  kafka: Kafka,
  mark: { partition: number; offset: string },
  where: { group: string; topic: string; signal: AbortSignal },
): Promise<Commit[]> {
  const raw: { key: Uint8Array | null; value: Uint8Array | null }[] = [];
  await readTopic(kafka, {
    topic: OFFSETS_TOPIC,
    partitions: [mark.partition],
    from: { kind: "offset", offset: BigInt(mark.offset) },
    follow: false,
    signal: where.signal,
    onRecord: (r) => void raw.push({ key: r.key, value: r.value }),
  });
  return commitsOf(raw, where.group, where.topic);
}

/** Waits (up to `timeoutMs`) until `group` has no member: a killed member's session has expired. */
export async function waitGroupEmpty(
  kafka: Kafka,
  group: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { groups } = await kafka.withAdmin((admin) => admin.describeGroups([group]));
    if ((groups[0]?.members.length ?? 0) === 0) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}
