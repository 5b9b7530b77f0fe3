/**
 * `lab2 produce`: sends Hello Kafka 1..N, one per interval, printing the
 * partition and offset of each acknowledgement. The experiments here return
 * what was sent; each acknowledgement is handed to the renderer they are
 * given (`render.ts`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Names } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import type { Kafka, Producer } from "../../lib/kafka/port.ts";
import { paced, waitFor } from "../../lib/time.ts";
import { ensureHelloTopic } from "./consume.ts";
import {
  type Ack,
  type Arrival,
  ARRIVAL_WAIT_SECONDS,
  type Cluster,
  helloValue,
  type ProduceResult,
  type RunningConsumer,
  type Sent,
} from "./model.ts";
import type { PRODUCE_OPTIONS } from "./options.ts";
import { renderProducerDone, renderSent, viewOf } from "./render.ts";

/** What the hello producer sends. */
export interface ProduceSettings {
  readonly topic: string;
  readonly count: number;
  readonly intervalMs: number;
  readonly key?: string;
  readonly jsonValue: boolean;
}

/** Sends the hello messages, one per interval, handing each outcome to `onSent`. */
export async function produceHello(
  cluster: Cluster,
  settings: ProduceSettings,
  onSent: (sent: Sent) => void,
): Promise<ProduceResult> {
  const kafka = await cluster.kafka();
  await ensureHelloTopic(cluster, settings.topic);
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const acks: Ack[] = [];
  let failed = 0;
  try {
    await paced(settings.count, settings.intervalMs, cluster.signal, async (n) => {
      const sent = await sendHello(kafka, producer, settings, n);
      if ("ack" in sent) acks.push(sent.ack);
      else failed++;
      onSent(sent);
    });
  } finally {
    await producer.disconnect().catch(() => {});
  }
  return { sent: acks.length, failed, acks };
}

/** Sends the n-th message and waits for its acknowledgement; an unreachable cluster throws. */
async function sendHello(
  kafka: Kafka,
  producer: Producer,
  s: ProduceSettings,
  n: number,
): Promise<Sent> {
  const value = helloValue(n, s.jsonValue);
  const sent = { n, topic: s.topic, key: s.key ?? null, value };
  try {
    const [meta] = await producer.send({
      topic: s.topic,
      acks: -1,
      messages: [{ key: s.key ?? null, value }],
    });
    return { ...sent, ack: { partition: meta.partition, offset: meta.baseOffset ?? "?" } };
  } catch (err) {
    const e = kafka.translate(err) as KafkaLabError;
    if (e.exitCode === 3) throw e;
    return { ...sent, error: e };
  }
}

/**
 * Sends the messages while `consumer` reads, waits (up to
 * {@linkcode ARRIVAL_WAIT_SECONDS}) until every acknowledged one has reached
 * it, then stops it.
 */
export async function produceAndWatch(
  cluster: Cluster,
  s: ProduceSettings & { readonly group: string; readonly consumer: RunningConsumer },
  onSent: (sent: Sent) => void,
): Promise<Arrival> {
  const { consumer } = s;
  const produced = await produceHello(cluster, s, onSent);
  const seen = (a: Ack) =>
    consumer.received.some((r) => r.partition === a.partition && r.offset === a.offset);
  await waitFor(() => produced.acks.every(seen), {
    timeoutMs: ARRIVAL_WAIT_SECONDS * 1000,
    signal: cluster.signal,
  });
  consumer.stop.abort();
  await consumer.done;
  const arrived = produced.acks.filter(seen).length;
  return {
    count: s.count,
    group: s.group,
    sent: produced.sent,
    failed: produced.failed,
    arrived,
    older: consumer.received.length - arrived,
  };
}

function produceSettings(
  args: ParsedArgs<typeof PRODUCE_OPTIONS>,
  names: Names,
): ProduceSettings {
  const v = args.values;
  return {
    topic: names.topic(v.topic),
    count: v.count,
    intervalMs: Math.round(v.interval * 1000),
    key: v.key,
    jsonValue: v["json-value"],
  };
}

/** Runs `lab2 produce`. */
export async function produce(
  ctx: Context,
  args: ParsedArgs<typeof PRODUCE_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const settings = produceSettings(args, ctx.config.names);
  const result = await produceHello(ctx, settings, (sent) => renderSent(view, sent));
  renderProducerDone(view, result);
  return result.failed > 0 ? 1 : 0;
}
