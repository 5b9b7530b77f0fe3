/**
 * `lab4 produce`: idempotent producers send random MessageModel records,
 * each with its own paced loop, printing every acknowledgement.
 * @module
 */
import { Buffer } from "node:buffer";
import type { Producer } from "../../lib/kafka/port.ts";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import { fill, localize } from "../../lib/i18n.ts";
import { paced } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import { type MessageModel, randomMessage, serialize } from "./model.ts";
import type { PRODUCE_OPTIONS } from "./options.ts";
import { type Lab4Text, lab4Text } from "./text.ts";
import { LAB4_EVENTS } from "./events.ts";

/** What the producers do. */
export interface ProduceSettings {
  readonly topic: string;
  /** Messages per producer; 0 = until Ctrl+C. */
  readonly count: number;
  readonly intervalMs: number;
  readonly instances: number;
  /** Put before each printed line (the guided run indents under its steps). */
  readonly indent?: string;
}

/** One acknowledged record. */
export interface Delivery {
  readonly producer: number;
  readonly n: number;
  readonly message_id: string;
  readonly content: string;
  readonly partition: number;
  readonly offset: string;
}

/** What the producers did. */
export interface ProduceResult {
  readonly deliveries: Delivery[];
  readonly failed: number;
  readonly perProducer: number[];
}

/** A model as record value bytes. */
export function recordValue(model: MessageModel): Buffer {
  const bytes = serialize(model);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Runs `instances` idempotent producers at once, each with its own paced
 * loop, printing every acknowledgement. The topic must be prepared first.
 */
export async function produceMessages(
  ctx: Context,
  t: Lab4Text,
  settings: ProduceSettings,
): Promise<ProduceResult> {
  const kafka = await ctx.kafka();
  const result: ProduceResult = {
    deliveries: [],
    failed: 0,
    perProducer: Array.from({ length: settings.instances }, () => 0),
  };
  const producers: Producer[] = [];
  const halt = new AbortController();
  const signal = AbortSignal.any([ctx.signal, halt.signal]);
  let failed = 0;
  try {
    for (let i = 0; i < settings.instances; i++) {
      producers.push(
        await kafka.connect(kafka.producer({ idempotent: true, maxInFlightRequests: 1 })),
      );
    }
    const loops = producers.map((producer, i) =>
      paced(settings.count, settings.intervalMs, signal, async (n) => {
        if (!await sendOne(ctx, t, settings, { producer, i, n }, result)) failed++;
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
  return { ...result, failed };
}

/** Sends one random message with producer `i`; returns whether it was acknowledged. */
async function sendOne(
  ctx: Context,
  t: Lab4Text,
  settings: ProduceSettings,
  at: { producer: Producer; i: number; n: number },
  result: ProduceResult,
): Promise<boolean> {
  const p = at.i + 1;
  const prefix = (settings.indent ?? "") +
    (settings.instances > 1 ? fill(t.producerPrefix, { n: p }) : "");
  const model = randomMessage();
  try {
    const [meta] = await at.producer.send({
      topic: settings.topic,
      acks: -1,
      messages: [{ value: recordValue(model) }],
    });
    const offset = meta.baseOffset ?? "?";
    const d: Delivery = { producer: p, n: at.n, ...model, partition: meta.partition, offset };
    result.deliveries.push(d);
    result.perProducer[at.i]++;
    const vars = { id: model.message_id, content: model.content, partition: d.partition, offset };
    ctx.out.event(
      LAB4_EVENTS.delivered,
      { ...d, topic: settings.topic },
      `${prefix}${ctx.out.style("green", "✓")} ${fill(t.delivered, vars)}`,
    );
    return true;
  } catch (err) {
    const e = (await ctx.kafka()).translate(err) as KafkaLabError;
    if (e.exitCode === 3) throw e;
    ctx.out.event(
      LAB4_EVENTS.deliveryFailed,
      { producer: p, n: at.n, ...model, topic: settings.topic, error: e.message },
      `${prefix}${ctx.out.style("red", "✗")} ${
        fill(t.sendFailed, { id: model.message_id, reason: localize(e.text, ctx.config.lang) })
      }`,
    );
    return false;
  }
}

/** Runs `lab4 produce`. */
export async function produce(
  ctx: Context,
  args: ParsedArgs<typeof PRODUCE_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const t = lab4Text(ctx.config.lang);
  const topic = ctx.config.names.topic(v.topic);
  await (await ctx.kafka()).withAdmin((admin) => prepareTopic(admin, topic, COURSE_TOPICS.final1));
  const result = await produceMessages(ctx, t, {
    topic,
    count: v.count,
    intervalMs: Math.round(v.interval * 1000),
    instances: v.instances,
  });
  const sent = result.deliveries.length;
  ctx.out.event(
    LAB4_EVENTS.producerDone,
    { topic, sent, failed: result.failed, perProducer: result.perProducer },
    fill(t.producerDone, { sent, failed: result.failed }),
  );
  if (result.perProducer.length > 1) {
    result.perProducer.forEach((n, i) =>
      ctx.out.line(`  ${fill(t.perProducer, { n: i + 1, sent: n })}`)
    );
  }
  return result.failed > 0 ? 1 : 0;
}
