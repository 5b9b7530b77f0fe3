/**
 * `lab1 create`: create a topic, or describe and compare an existing one.
 * The guided run creates the course topics through {@linkcode ensureCourseTopic}.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import {
  checkTopicName,
  describeTopic,
  ensureTopic,
  parseConfigPairs,
  type TopicSpec,
} from "../../lib/kafka/topics.ts";
import type { Ensured, EnsureFailed } from "./model.ts";
import { renderEnsured, renderLayout, viewOf } from "./render.ts";
import type { CREATE_OPTIONS } from "./options.ts";

/** Creates (or finds) a course topic; a Kafka error comes back translated, not thrown. */
export async function ensureCourseTopic(
  kafka: Pick<Kafka, "translate">,
  admin: Admin,
  spec: TopicSpec,
): Promise<Ensured | EnsureFailed> {
  try {
    return { spec, result: await ensureTopic(admin, spec) };
  } catch (err) {
    return { spec, error: kafka.translate(err) as KafkaLabError };
  }
}

/** Runs `lab1 create`. */
export async function create(
  ctx: Context,
  args: ParsedArgs<typeof CREATE_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const v = args.values;
  const spec: TopicSpec = {
    name: checkTopicName(ctx.config.names.topic(v.topic)),
    partitions: v.partitions,
    replicationFactor: v["replication-factor"],
    configs: parseConfigPairs(v.config),
  };
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    renderEnsured(view, { spec, result: await ensureTopic(admin, spec) });
    const layout = await describeTopic(admin, spec.name);
    if (layout) renderLayout(view, layout);
    return 0;
  });
}
