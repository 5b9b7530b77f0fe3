/**
 * Part 1, consumer liveness, on the real cluster: member A takes this run's
 * records and then "processes" them without returning, so it sends no
 * heartbeat (kafkajs heartbeats only between batches); member B joins the
 * same group. After session.timeout.ms the coordinator removes A, B gets
 * the partition and processes the same records from the last commit, and
 * A's late commit is refused. Nothing is timed by sleeps: A is released once
 * B has processed everything or a deadline passed.
 * @module
 */
import { Buffer } from "node:buffer";
import { protocolErrorType } from "../../lib/errors.ts";
import type { Consumer, Kafka } from "../../lib/kafka/port.ts";
import { waitFor } from "../../lib/time.ts";
import { type LateCommit, LIVENESS, type LivenessObserved } from "./model.ts";
import { busyGroupError } from "./groups.ts";

/** What part 1 did and saw. */
export interface LivenessResult extends LivenessObserved {
  readonly topic: string;
  readonly group: string;
  readonly stuckMember?: string;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** Members of the group once A was removed, with their partitions. */
  readonly membersAfter: number;
}

/** The group's member ids, and which of them holds a partition. */
interface Members {
  readonly ids: string[];
  readonly holder?: string;
}

/** Member A's state: what it took, when, and how its late commit ended. */
interface Stuck {
  readonly consumer: Consumer;
  readonly offsets: string[];
  at: number;
  late?: LateCommit;
  release(): void;
}

/** Runs part 1 on `topic` (one partition) with `group`, which must have no members. */
export async function runLiveness(
  kafka: Kafka,
  opts: { topic: string; group: string; signal: AbortSignal },
): Promise<LivenessResult> {
  const { topic, group, signal } = opts;
  const end = await idleGroupEnd(kafka, topic, group);
  await writeRecords(kafka, topic, end);
  const waitMs = LIVENESS.sessionTimeoutMs * 5;
  const stuck = await stuckMember(kafka, topic, group);
  let b: Consumer | undefined;
  try {
    await waitFor(() => stuck.at !== 0, { timeoutMs: waitMs, signal });
    const stuckId = (await members(kafka, group)).ids[0];
    const taken: string[] = [];
    b = await takeover(kafka, topic, group, taken);
    const removed = await waitFor(async () => {
      const now = await members(kafka, group);
      const gone = stuckId !== undefined && !now.ids.includes(stuckId);
      return gone && now.holder !== undefined ? { at: Date.now(), count: now.ids.length } : false;
    }, { timeoutMs: waitMs, intervalMs: 200, signal });
    await waitFor(() => taken.length >= stuck.offsets.length, { timeoutMs: waitMs, signal });
    stuck.release();
    await waitFor(() => stuck.late !== undefined, { timeoutMs: waitMs, signal });
    return {
      topic,
      group,
      stuckMember: stuckId,
      stuckOffsets: stuck.offsets,
      takeoverOffsets: taken,
      removedAfterMs: removed ? removed.at - stuck.at : undefined,
      lateCommit: stuck.late ?? { refused: false },
      sessionTimeoutMs: LIVENESS.sessionTimeoutMs,
      heartbeatIntervalMs: LIVENESS.heartbeatIntervalMs,
      membersAfter: removed?.count ?? 0,
    };
  } finally {
    stuck.release();
    await kafka.disconnectConsumer(stuck.consumer).catch(() => {});
    if (b) await kafka.disconnectConsumer(b).catch(() => {});
  }
}

/**
 * Member A: takes the first batch and holds it until released, sending no
 * heartbeat meanwhile; then commits what it took (too late).
 */
async function stuckMember(kafka: Kafka, topic: string, group: string): Promise<Stuck> {
  const consumer = await member(kafka, group);
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const stuck: Stuck = { consumer, offsets: [], at: 0, release: () => release() };
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch }) => {
      if (stuck.at !== 0) return;
      stuck.offsets.push(...batch.messages.map((m) => m.offset));
      stuck.at = Date.now();
      await released;
      stuck.late = await commitOutcome(consumer, topic, batch.partition, batch.lastOffset());
    },
  });
  return stuck;
}

/** Member B: processes and commits whatever it is given, noting the offsets. */
async function takeover(
  kafka: Kafka,
  topic: string,
  group: string,
  taken: string[],
): Promise<Consumer> {
  const consumer = await member(kafka, group);
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      taken.push(...batch.messages.map((m) => m.offset));
      resolveOffset(batch.lastOffset());
      await commitOutcome(consumer, topic, batch.partition, batch.lastOffset());
    },
  });
  return consumer;
}

/** A member with part 1's clocks. */
async function member(kafka: Kafka, groupId: string): Promise<Consumer> {
  return await kafka.connect(kafka.consumer({
    groupId,
    sessionTimeout: LIVENESS.sessionTimeoutMs,
    heartbeatInterval: LIVENESS.heartbeatIntervalMs,
    rebalanceTimeout: LIVENESS.rebalanceTimeoutMs,
    maxWaitTimeInMs: 500,
  }));
}

/** The group's member ids and the member holding the topic's partition. */
async function members(kafka: Kafka, group: string): Promise<Members> {
  const [g] = (await kafka.withAdmin((a) => a.describeGroups([group]))).groups;
  const list = g?.members ?? [];
  const holder = list.find((m) => Object.values(m.assignment).some((p) => p.length > 0));
  return { ids: list.map((m) => m.memberId), holder: holder?.memberId };
}

/** Commits the offset after `last`; a refusal is returned, not thrown. */
async function commitOutcome(
  consumer: Consumer,
  topic: string,
  partition: number,
  last: string,
): Promise<LateCommit> {
  try {
    const offset = String(BigInt(last) + 1n);
    await consumer.commitOffsets([{ topic, partition, offset }]);
    return { refused: false };
  } catch (err) {
    return { refused: true, code: protocolErrorType(err) ?? (err as Error).name };
  }
}

/**
 * The end of the topic, once the group is known to have no members. The group
 * is not moved (kafkajs can only move it by joining it, which costs a fetch
 * wait): it resumes where its last run's member B committed, the end, so it
 * reads this run's records; on the first run it has no offset and reads from
 * the beginning of the new topic.
 */
async function idleGroupEnd(kafka: Kafka, topic: string, group: string): Promise<string> {
  return await kafka.withAdmin(async (admin) => {
    const [g] = (await admin.describeGroups([group])).groups;
    if (g && g.members.length > 0) throw busyGroupError(group);
    const [p] = await admin.fetchTopicOffsets(topic);
    return p.high;
  });
}

async function writeRecords(kafka: Kafka, topic: string, from: string): Promise<void> {
  const producer = await kafka.connect(kafka.idempotentProducer());
  try {
    const messages = Array.from({ length: LIVENESS.records }, (_, i) => ({
      value: Buffer.from(`order ${BigInt(from) + BigInt(i)}`),
      partition: 0,
    }));
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}
