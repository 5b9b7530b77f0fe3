/**
 * Part 2's experiment: min.insync.replicas on an RF 3 topic, without losing the KRaft
 * quorum. The local cluster's 3 nodes are also its 3 KRaft controllers:
 * stopping two leaves one voter of three, no majority, so the cluster could
 * no longer elect leaders or record ISR changes (`kafka-lab broker stop`
 * refuses it). The part therefore creates the same condition, an ISR
 * smaller than min.insync.replicas, with one broker down:
 * 1. min.insync.replicas=2, broker 3 stopped gracefully (the ISR shrinks to
 *    1,2 at once): acks=all writes are accepted, one failure is tolerated;
 * 2. min.insync.replicas raised to 3 (ISR 2 < 3, as with two of three
 *    brokers down at min.insync.replicas=2): acks=all writes are refused with
 *    NOT_ENOUGH_REPLICAS and the producer knows it (refused, not lost), while
 *    an acks=1 write still goes through to the leader;
 * 3. broker 3 starts again, the ISR grows back to 3, the refused records are
 *    sent again and all of them are in the topic once.
 * `min_isr_render.ts` shows it.
 * @module
 */
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
import { sleep, waitFor } from "../../lib/time.ts";
import { secondsSince, startBroker, stopBroker, waitFullIsr } from "./brokers.ts";
import { requireAllBrokers } from "./chaos.ts";
import { tally } from "./model.ts";
import { type LabProducer, makeProducer, type SendResult } from "./producers.ts";
import { createTopic, readAll, recordId, runName, shortHex } from "./records.ts";
import type { BrokerStopped, Emit, FigureRow } from "./steps.ts";
import { runStream, type StreamResult } from "./stream.ts";

/** Settings of part 2. */
export interface MinIsrSettings {
  readonly prefix: string;
  /** Records written at each stage. */
  readonly count: number;
  readonly keepTopics: boolean;
}

/** What part 2 reports while it runs, stage by stage. */
export type MinIsrStep =
  | { readonly kind: "topic"; readonly topic: string; readonly isr: readonly number[] }
  | BrokerStopped
  | MinIsrTolerated
  | { readonly kind: "raised" }
  | MinIsrRefused
  | MinIsrBack;

/** Stage 1: acks=all writes with one broker down, ISR `isr`. */
export interface MinIsrTolerated {
  readonly kind: "tolerated";
  readonly acknowledged: number;
  readonly count: number;
  readonly isr: readonly number[];
}

/** Stage 2: acks=all writes with the ISR short of min.insync.replicas, and one acks=1 write. */
export interface MinIsrRefused {
  readonly kind: "refused";
  /** Records the broker refused (it wrote nothing). */
  readonly refused: number;
  readonly count: number;
  /** The error codes of the failed sends. */
  readonly codes: readonly string[];
  readonly acknowledged: number;
  /** Records in the topic afterwards (its end offset). */
  readonly inTopic: number;
  /** Of them, accepted at stage 1. */
  readonly before: number;
  /** How the acks=1 write ended. */
  readonly acks1: SendResult;
}

/** Stage 3: the stopped broker started again. */
export interface MinIsrBack {
  readonly kind: "back";
  /** The ISR is full again. */
  readonly full: boolean;
  readonly isr: readonly number[];
  readonly seconds: number;
}

/** What part 2 measured: each stage's records counted by id at the end. */
export interface MinIsrResult {
  readonly count: number;
  /** Stage 1 (`one-down`). */
  readonly oneDown: FigureRow;
  /** Stage 2 (`refused`): `found` is what reached the topic, read by offset. */
  readonly refused: FigureRow;
  /** Stage 4 (`up`): the refused records, sent again with every broker up. */
  readonly up: FigureRow;
}

/** The broker part 2 stops (broker 1 leads the topic and bootstraps new clients). */
export const STOPPED = 3;
const TOPIC_RESOURCE = 2;

/** One run of part 2: its topic and producer. */
interface Run {
  readonly ctx: Context;
  readonly kafka: Kafka;
  readonly topic: string;
  readonly hex: string;
  readonly count: number;
  readonly producer: LabProducer;
}

/** The ISR of partition 0 as the cluster reports it now. */
async function isrNow(kafka: Kafka, topic: string): Promise<number[]> {
  return await kafka.withAdmin(async (admin) => {
    const md = await admin.fetchTopicMetadata({ topics: [topic] });
    return [...(md.topics[0]?.partitions[0]?.isr ?? [])].sort();
  });
}

/** Sets the topic's min.insync.replicas and waits until the cluster reports it. */
async function setMinIsr(admin: Admin, topic: string, value: number): Promise<void> {
  const entry = { name: "min.insync.replicas", value: String(value) };
  // kafkajs refreshes the metadata of the admin's target topics before
  // alterConfigs and describeConfigs; with none it asks for every topic and
  // fails on any partition without a leader (an RF 1 topic on the stopped
  // broker): make this topic the target first.
  await admin.fetchTopicOffsets(topic);
  await admin.alterConfigs({
    validateOnly: false,
    resources: [{ type: TOPIC_RESOURCE, name: topic, configEntries: [entry] }],
  });
  await waitFor(async () => {
    const res = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: TOPIC_RESOURCE, name: topic }],
    });
    const found = res.resources[0]?.configEntries.find((e) => e.configName === entry.name);
    return found?.configValue === entry.value;
  }, { timeoutMs: 30_000, intervalMs: 200 });
  await sleep(500); // every broker applies the metadata record, the leader included
}

/** Runs part 2's experiment; every broker runs again when it ends. */
export async function runMinIsr(
  ctx: Context,
  s: MinIsrSettings,
  emit: Emit<MinIsrStep>,
): Promise<MinIsrResult> {
  await requireAllBrokers(ctx);
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "min-isr", hex);
  await kafka.withAdmin((admin) =>
    createTopic(admin, { topic, assignment: [[1, 2, 3]], config: { "min.insync.replicas": "2" } })
  );
  emit({ kind: "topic", topic, isr: await isrNow(kafka, topic) });
  // few retries: NOT_ENOUGH_REPLICAS is retriable, and the point is to see it
  const producer = await makeProducer(kafka, "plain", { retries: 1 });
  const run: Run = { ctx, kafka, topic, hex, count: s.count, producer };
  try {
    const oneDown = await writeOneBrokerDown(run, emit);
    const short = await writeIsrShort(run, oneDown, emit);
    emit(await startStoppedBroker(run));
    return await resendRefused(run, oneDown, short);
  } finally {
    await startBroker(ctx, STOPPED).catch(() => {});
    await producer.close();
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] })).catch(() => {});
    }
  }
}

/** `count` acks=all records, one per send, named `<hex>-<name>-…`. */
function stream(run: Run, name: string, appRetries = 0): Promise<StreamResult> {
  return runStream({
    producer: run.producer,
    topic: run.topic,
    acks: -1,
    run: `${run.hex}-${name}`,
    count: run.count,
    perSend: 1,
    appRetries,
    signal: run.ctx.signal,
  });
}

/** Stage 1: broker 3 stopped gracefully (the ISR shrinks to 2), then acks=all writes. */
async function writeOneBrokerDown(run: Run, emit: Emit<MinIsrStep>): Promise<StreamResult> {
  await stopBroker(run.ctx, STOPPED, false);
  emit({ kind: "broker-stopped", broker: STOPPED });
  await waitFor(async () => (await isrNow(run.kafka, run.topic)).length === 2, {
    timeoutMs: 30_000,
    intervalMs: 200,
  });
  const isr = await isrNow(run.kafka, run.topic);
  const tolerated = await stream(run, "one-down");
  emit({ kind: "tolerated", acknowledged: tolerated.acknowledged.length, count: run.count, isr });
  return tolerated;
}

interface Short {
  readonly down: StreamResult;
  readonly refused: number;
  readonly inTopic: number;
}

/** Stage 2: min.insync.replicas raised to 3, so the ISR (2) is short: acks=all, then acks=1. */
async function writeIsrShort(
  run: Run,
  before: StreamResult,
  emit: Emit<MinIsrStep>,
): Promise<Short> {
  await run.kafka.withAdmin((admin) => setMinIsr(admin, run.topic, 3));
  emit({ kind: "raised" });
  const down = await stream(run, "refused");
  const refused = down.failures.filter((f) => f.outcome === "refused").length;
  const inTopic = await run.kafka.withAdmin((admin) => admin.fetchTopicOffsets(run.topic))
    .then((o) => Number(o[0]?.high ?? 0));
  const acks1 = await run.producer.send(run.topic, [{ value: recordId(`${run.hex}-acks1`, 1) }], 1);
  emit({
    kind: "refused",
    refused,
    count: run.count,
    codes: [...new Set(down.failures.map((f) => f.code))],
    acknowledged: down.acknowledged.length,
    inTopic,
    before: before.acknowledged.length,
    acks1,
  });
  return { down, refused, inTopic };
}

/** Stage 3: broker 3 starts again; waits until the ISR is full. */
async function startStoppedBroker(run: Run): Promise<MinIsrBack> {
  const started = Date.now();
  await startBroker(run.ctx, STOPPED);
  const full = await run.kafka.withAdmin((admin) => waitFullIsr(admin, run.topic, 180_000));
  const isr = await isrNow(run.kafka, run.topic);
  return { kind: "back", full, isr, seconds: secondsSince(started) };
}

/** Stage 4: the refused records (the same ids) sent again; the topic read back by id. */
async function resendRefused(run: Run, oneDown: StreamResult, short: Short): Promise<MinIsrResult> {
  const again = await stream(run, "refused", 2);
  const found = (await readAll(run.kafka, run.topic)).map((f) => f.id);
  return {
    count: run.count,
    oneDown: { key: "one-down", tally: tally({ ...oneDown, found }) },
    refused: {
      key: "refused",
      tally: tally({ ...short.down, found: [] }),
      refused: short.refused,
      found: short.inTopic - oneDown.acknowledged.length,
    },
    up: { key: "up", tally: tally({ sent: again.sent, acknowledged: again.acknowledged, found }) },
  };
}
