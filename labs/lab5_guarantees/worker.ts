/**
 * `kafka-lab lab5 worker`: the process parts 4 and 5 SIGKILL. It prints one
 * JSON event per step so the parent knows when to kill it.
 * - `--role consume`: reads in groups of `--batch` records and commits the
 *   group's offset before processing it (`--commit before`, at-most-once) or
 *   after (`--commit after`, at-least-once); "processing" is a pause and a
 *   `processed` event with the record's id.
 * - `--role transform`: a transactional consume-transform-produce step: per
 *   group of records one transaction with the output records (to the same
 *   partition number of the output) and the input offsets (`sendOffsets`),
 *   committed together, through `lib/kafka/transactions.ts`.
 * With `--until-end` it stops once it has handled everything that was in the
 * input when it started.
 * @module
 */
import type {
  Consumer,
  EachBatchPayload,
  Kafka,
  KafkaMessage,
  Producer,
} from "../../lib/kafka/port.ts";
import type { OptionValues } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { sleep } from "../../lib/time.ts";
import {
  CommittedOffsets,
  sendByPartition,
  sendOffsets,
  transactionalProducer,
} from "../../lib/kafka/transactions.ts";
import { ID_HEADER } from "./model.ts";
import type { WORKER_OPTIONS } from "./options.ts";
import { LAB5_EVENTS } from "./events.ts";

/** A worker's settings, from its command line. */
export interface WorkerSettings {
  readonly role: "consume" | "transform";
  readonly topic: string;
  readonly output?: string;
  readonly group: string;
  readonly commit: "before" | "after";
  readonly batch: number;
  readonly processMs: number;
  readonly untilEnd: boolean;
  readonly transactionalId?: string;
}

/** Reads the worker's options. */
export function workerSettings(v: OptionValues<typeof WORKER_OPTIONS>): WorkerSettings {
  return {
    role: v.role,
    topic: v.topic,
    output: v.output,
    group: v.group,
    commit: v.commit,
    batch: v.batch,
    processMs: v["process-ms"],
    untilEnd: v["until-end"],
    transactionalId: v["transactional-id"],
  };
}

function idOf(m: KafkaMessage): string {
  return m.value?.toString() ?? "";
}

function next(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/**
 * The partitions of `topic` with records the group has not committed yet,
 * and the end offset (now) of each.
 */
export async function unfinishedPartitions(
  kafka: Kafka,
  topic: string,
  group: string,
): Promise<Map<number, bigint>> {
  return await kafka.withAdmin(async (admin) => {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const next = new Map(
      (committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]),
    );
    return new Map(
      ends.filter((e) => BigInt(e.high) > (next.get(e.partition) ?? -1n) && BigInt(e.high) > 0n)
        .map((e) => [e.partition, BigInt(e.high)]),
    );
  });
}

/** Runs the worker until the input's end (with --until-end), a crash or a kill. */
export async function runWorker(ctx: Context, s: WorkerSettings): Promise<number> {
  const kafka = await ctx.kafka();
  let producer: Producer | undefined;
  if (s.role === "transform") {
    // Before the consumer joins: InitProducerId fences a dead processor and
    // waits until its last transaction (offsets included) is complete.
    producer = await kafka.connect(
      transactionalProducer(kafka, s.transactionalId ?? `${s.group}.tx`),
    );
    ctx.out.event(LAB5_EVENTS.producerReady, { transactionalId: s.transactionalId });
  }
  const pending = await unfinishedPartitions(kafka, s.topic, s.group);
  const consumer: Consumer = await kafka.connect(kafka.consumer({
    groupId: s.group,
    sessionTimeout: 6_000,
    heartbeatInterval: 500,
    readUncommitted: false,
    maxWaitTimeInMs: 200,
  }));
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  if (s.untilEnd && pending.size === 0) finish();
  const reached = (partition: number, offset: string) => {
    const end = pending.get(partition);
    if (end !== undefined && BigInt(offset) + 1n >= end) {
      pending.delete(partition);
      if (s.untilEnd && pending.size === 0) finish();
    }
  };
  const committed = new CommittedOffsets();
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    ctx.out.event(LAB5_EVENTS.workerJoined, {
      partitions: e.payload.memberAssignment[s.topic] ?? [],
    });
  });
  try {
    await consumer.subscribe({ topic: s.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) =>
        s.role === "transform"
          ? transformBatch(ctx, s, { producer: producer!, committed }, payload, reached)
          : consumeBatch(ctx, s, consumer, payload, reached),
    });
    ctx.signal.addEventListener("abort", () => finish(), { once: true });
    await finished;
    ctx.out.event(LAB5_EVENTS.workerDone, {});
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer?.disconnect().catch(() => {});
  }
  return 0;
}

async function consumeBatch(
  ctx: Context,
  s: WorkerSettings,
  consumer: Consumer,
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  reached: (partition: number, offset: string) => void,
): Promise<void> {
  const { out } = ctx;
  for (let i = 0; i < batch.messages.length; i += s.batch) {
    if (!isRunning() || isStale()) return;
    const group = batch.messages.slice(i, i + s.batch);
    const last = group[group.length - 1].offset;
    const commit = () =>
      consumer.commitOffsets([{
        topic: batch.topic,
        partition: batch.partition,
        offset: next(last),
      }]);
    out.event(LAB5_EVENTS.batchStarted, {
      partition: batch.partition,
      first: group[0].offset,
      last,
    });
    if (s.commit === "before") {
      await commit();
      out.event(LAB5_EVENTS.offsetCommitted, { partition: batch.partition, next: next(last) });
    }
    for (const m of group) {
      await sleep(s.processMs);
      out.event(LAB5_EVENTS.processed, {
        id: idOf(m),
        partition: batch.partition,
        offset: m.offset,
      });
    }
    if (s.commit === "after") {
      await commit();
      out.event(LAB5_EVENTS.offsetCommitted, { partition: batch.partition, next: next(last) });
    }
    resolveOffset(last);
    await heartbeat();
    reached(batch.partition, last);
  }
  reached(batch.partition, batch.lastOffset());
}

async function transformBatch(
  ctx: Context,
  s: WorkerSettings,
  { producer, committed }: { producer: Producer; committed: CommittedOffsets },
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  reached: (partition: number, offset: string) => void,
): Promise<void> {
  const { out } = ctx;
  // after a rebalance, records this process already committed may come again
  const fresh = batch.messages.filter((m) =>
    !committed.done(batch.topic, batch.partition, m.offset)
  );
  const skipped = batch.messages.length - fresh.length;
  if (skipped > 0) {
    resolveOffset(batch.messages[skipped - 1].offset);
    out.event(LAB5_EVENTS.skipped, { partition: batch.partition, records: skipped });
  }
  for (let i = 0; i < fresh.length; i += s.batch) {
    if (!isRunning() || isStale()) return;
    const group = fresh.slice(i, i + s.batch);
    const last = group[group.length - 1].offset;
    const tx = await producer.transaction();
    try {
      // co-partitioned: input partition n goes to output partition n
      await sendByPartition(
        tx,
        s.output!,
        group.map((m) => ({
          key: m.key,
          value: idOf(m),
          partition: batch.partition,
          headers: { [ID_HEADER]: idOf(m), "source-offset": m.offset },
        })),
      );
      out.event(LAB5_EVENTS.txSent, { partition: batch.partition, first: group[0].offset, last });
      await sleep(s.processMs * group.length); // the window in which the parent kills
      await sendOffsets(tx, {
        consumerGroupId: s.group,
        topics: [{
          topic: batch.topic,
          partitions: [{ partition: batch.partition, offset: next(last) }],
        }],
      });
      await tx.commit();
      committed.commit(batch.topic, batch.partition, next(last));
    } catch (err) {
      await tx.abort().catch(() => {});
      throw err;
    }
    out.event(LAB5_EVENTS.txCommitted, {
      partition: batch.partition,
      ids: group.map(idOf),
      next: next(last),
    });
    resolveOffset(last);
    await heartbeat();
    reached(batch.partition, last);
  }
  reached(batch.partition, batch.lastOffset());
}
