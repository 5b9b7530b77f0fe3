/**
 * `lab3 inject`: writes bad records as a careless producer would, to see the
 * dead letter topic at work. The experiment tells a renderer (`render.ts`)
 * each record as it lands.
 * @module
 */
import { Buffer } from "node:buffer";
import { faker } from "@faker-js/faker";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import {
  type Cluster,
  generateCoordinates,
  type Injected,
  type RogueKind,
  rogueValue,
  USER_COORDINATES_SCHEMA,
} from "./model.ts";
import type { INJECT_OPTIONS } from "./options.ts";
import { namesOf } from "./register.ts";
import { renderInjected, viewOf } from "./render.ts";

/** Writes one bad record of each kind, handing each to `onInjected` as it lands. */
export async function injectRogue(
  cluster: Cluster,
  s: { topic: string; subject: string; kinds: readonly RogueKind[] },
  onInjected: (injected: Injected) => void,
): Promise<Injected[]> {
  const kafka = await cluster.kafka();
  await kafka.withAdmin((admin) => prepareTopic(admin, s.topic, COURSE_TOPICS.usersCoordinates));
  const registry = await cluster.registry();
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
      onInjected(item);
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
  const view = viewOf(ctx);
  const kinds = args.values.kind as RogueKind[];
  const { topic, subject } = namesOf(ctx.config.names, args.values);
  await injectRogue(
    ctx,
    { topic, subject, kinds: kinds.length > 0 ? kinds : ["raw-json"] },
    (injected) => renderInjected(view, { topic, ...injected }),
  );
  return 0;
}
