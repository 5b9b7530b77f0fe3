/**
 * `lab4 produce`: idempotent producers send random MessageModel records,
 * each with its own paced loop, printing every acknowledgement. The
 * experiment returns what was sent and hands each message to the renderer it
 * is given (`render.ts`).
 * @module
 */
import { Buffer } from "node:buffer";
import type { Kafka, Producer } from "../../lib/kafka/port.ts";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import { paced } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import { type MessageModel, randomMessage, serialize } from "./model.ts";
import { type Cluster, type Delivery, type ProduceResult, type Sent } from "./results.ts";
import type { PRODUCE_OPTIONS } from "./options.ts";
import { producerRenderer, renderProducerDone, viewOf } from "./render.ts";

/** What the producers do. */
export interface ProduceSettings {
  readonly topic: string;
  /** Messages per producer; 0 = until Ctrl+C. */
  readonly count: number;
  readonly intervalMs: number;
  readonly instances: number;
}

/** A model as record value bytes. */
export function recordValue(model: MessageModel): Buffer {
  const bytes = serialize(model);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Makes final-1-topic (or the given one) with the course's layout when it is missing. */
export async function ensureFinalTopic(
  cluster: Pick<Context, "kafka">,
  topic: string,
): Promise<boolean> {
  return await (await cluster.kafka()).withAdmin((admin) =>
    prepareTopic(admin, topic, COURSE_TOPICS.final1)
  );
}

/**
 * Runs `instances` idempotent producers at once, each with its own paced
 * loop, handing every message sent to `onSent`. The topic must be prepared first.
 */
export async function produceMessages(
  cluster: Cluster,
  settings: ProduceSettings,
  onSent: (sent: Sent) => void,
): Promise<ProduceResult> {
  const kafka = await cluster.kafka();
  const deliveries: Delivery[] = [];
  const perProducer = Array.from({ length: settings.instances }, () => 0);
  const producers: Producer[] = [];
  const halt = new AbortController();
  const signal = AbortSignal.any([cluster.signal, halt.signal]);
  let failed = 0;
  try {
    for (let i = 0; i < settings.instances; i++) {
      producers.push(
        await kafka.connect(kafka.producer({ idempotent: true, maxInFlightRequests: 1 })),
      );
    }
    const loops = producers.map((producer, i) =>
      paced(settings.count, settings.intervalMs, signal, async (n) => {
        const sent = await sendOne(kafka, settings.topic, { producer, p: i + 1, n });
        if ("delivery" in sent) deliveries.push(sent.delivery), perProducer[i]++;
        else failed++;
        onSent(sent);
      }).catch((err) => {
        halt.abort(); // one producer cannot reach Kafka: stop the others too
        throw err;
      })
    );
    const rejected = (await Promise.allSettled(loops)).find((r) => r.status === "rejected");
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
  } finally {
    await Promise.all(producers.map((p) => p.disconnect().catch(() => {})));
  }
  return { deliveries, failed, perProducer };
}

/** Sends one random message with producer `p` (from 1); an unreachable cluster throws. */
async function sendOne(
  kafka: Kafka,
  topic: string,
  at: { producer: Producer; p: number; n: number },
): Promise<Sent> {
  const { p: producer, n } = at;
  const model = randomMessage();
  try {
    const [meta] = await at.producer.send({
      topic,
      acks: -1,
      messages: [{ value: recordValue(model) }],
    });
    const offset = meta.baseOffset ?? "?";
    return { topic, delivery: { producer, n, ...model, partition: meta.partition, offset } };
  } catch (err) {
    const error = kafka.translate(err) as KafkaLabError;
    if (error.exitCode === 3) throw error;
    return { topic, producer, n, model, error };
  }
}

/** Runs `lab4 produce`. */
export async function produce(
  ctx: Context,
  args: ParsedArgs<typeof PRODUCE_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const v = args.values;
  const topic = ctx.config.names.topic(v.topic);
  await ensureFinalTopic(ctx, topic);
  const settings = {
    topic,
    count: v.count,
    intervalMs: Math.round(v.interval * 1000),
    instances: v.instances,
  };
  const result = await produceMessages(
    ctx,
    settings,
    producerRenderer(view, { instances: v.instances }),
  );
  renderProducerDone(view, { topic, result });
  return result.failed > 0 ? 1 : 0;
}
