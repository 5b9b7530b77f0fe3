/**
 * `lab3 inject`: writes bad records as a careless producer would, to see the
 * dead letter topic at work.
 * @module
 */
import { Buffer } from "node:buffer";
import { faker } from "@faker-js/faker";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import {
  generateCoordinates,
  type RogueKind,
  rogueValue,
  USER_COORDINATES_SCHEMA,
} from "./model.ts";
import type { INJECT_OPTIONS } from "./options.ts";
import { namesOf } from "./register.ts";
import { type Lab3Text, lab3Text } from "./text.ts";
import { LAB3_EVENTS } from "./events.ts";

/** Where an injected record landed. */
export interface Injected {
  readonly kind: RogueKind;
  readonly partition: number;
  readonly offset: string;
}

/** Writes one bad record of each kind. */
export async function injectRogue(
  ctx: Context,
  t: Lab3Text,
  s: { topic: string; subject: string; kinds: readonly RogueKind[]; indent?: string },
): Promise<Injected[]> {
  const kafka = await ctx.kafka();
  await kafka.withAdmin((admin) => prepareTopic(admin, s.topic, COURSE_TOPICS.usersCoordinates));
  const registry = await ctx.registry();
  await registry.preflight();
  const { id } = await registry.registerJson(USER_COORDINATES_SCHEMA, s.subject);
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const out: Injected[] = [];
  try {
    for (const kind of s.kinds) {
      const record = generateCoordinates(faker);
      const [meta] = await producer.send({
        topic: s.topic,
        acks: -1,
        messages: [{ key: String(record.id), value: Buffer.from(rogueValue(kind, record, id)) }],
      });
      const item = { kind, partition: meta.partition, offset: meta.baseOffset ?? "?" };
      out.push(item);
      ctx.out.event(
        LAB3_EVENTS.injected,
        { topic: s.topic, ...item },
        `${s.indent ?? ""}${ctx.out.style("green", "✓")} ${
          fill(t.injected, { topic: s.topic, ...item })
        }`,
      );
    }
  } finally {
    await producer.disconnect().catch(() => {});
  }
  return out;
}

/** Runs `lab3 inject`. */
export async function inject(
  ctx: Context,
  args: ParsedArgs<typeof INJECT_OPTIONS>,
): Promise<number> {
  const kinds = args.values.kind as RogueKind[];
  await injectRogue(ctx, lab3Text(ctx.config.lang), {
    ...namesOf(ctx.config.names, args.values),
    kinds: kinds.length > 0 ? kinds : ["raw-json"],
  });
  return 0;
}
