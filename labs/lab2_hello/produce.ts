/**
 * `lab2 produce`: sends Hello Kafka 1..N, one per interval, printing the
 * partition and offset of each acknowledgement.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Names } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import { fill, localize } from "../../lib/i18n.ts";
import { paced } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import { helloValue } from "./model.ts";
import type { PRODUCE_OPTIONS } from "./options.ts";
import { type Lab2Text, lab2Text } from "./text.ts";
import { LAB2_EVENTS } from "./events.ts";

/** What the hello producer sends. */
export interface ProduceSettings {
  readonly topic: string;
  readonly count: number;
  readonly intervalMs: number;
  readonly key?: string;
  readonly jsonValue: boolean;
  /** Put before each printed line (the guided run indents under its steps). */
  readonly indent?: string;
}

/** Where an acknowledged record landed. */
export interface Ack {
  readonly partition: number;
  readonly offset: string;
}

/** Sends the hello messages, printing each acknowledgement. */
export async function produceHello(
  ctx: Context,
  t: Lab2Text,
  settings: ProduceSettings,
): Promise<{ sent: number; failed: number; acks: Ack[] }> {
  const kafka = await ctx.kafka();
  await kafka.withAdmin((admin) => prepareTopic(admin, settings.topic, COURSE_TOPICS.helloKafka));
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const acks: Ack[] = [];
  let failed = 0;
  try {
    await paced(settings.count, settings.intervalMs, ctx.signal, async (n) => {
      const value = helloValue(n, settings.jsonValue);
      try {
        const [meta] = await producer.send({
          topic: settings.topic,
          acks: -1,
          messages: [{ key: settings.key ?? null, value }],
        });
        const offset = meta.baseOffset ?? "?";
        acks.push({ partition: meta.partition, offset });
        ctx.out.event(
          LAB2_EVENTS.delivered,
          {
            n,
            topic: settings.topic,
            key: settings.key ?? null,
            value,
            partition: meta.partition,
            offset,
          },
          `${ctx.out.style("green", "✓")} ${
            fill(t.sent, { value, partition: meta.partition, offset })
          }`,
        );
      } catch (err) {
        const e = kafka.translate(err);
        if ((e as KafkaLabError).exitCode === 3) throw e;
        failed++;
        ctx.out.event(
          LAB2_EVENTS.deliveryFailed,
          { n, value, error: e.message },
          `${settings.indent ?? ""}${ctx.out.style("red", "✗")} ${
            fill(t.sendFailed, {
              value,
              reason: localize((e as KafkaLabError).text, ctx.config.lang),
            })
          }`,
        );
      }
    });
  } finally {
    await producer.disconnect().catch(() => {});
  }
  return { sent: acks.length, failed, acks };
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
  const t = lab2Text(ctx.config.lang);
  const result = await produceHello(ctx, t, produceSettings(args, ctx.config.names));
  ctx.out.event(
    LAB2_EVENTS.producerDone,
    { sent: result.sent, failed: result.failed },
    fill(t.producerDone, { sent: result.sent, failed: result.failed }),
  );
  return result.failed > 0 ? 1 : 0;
}
