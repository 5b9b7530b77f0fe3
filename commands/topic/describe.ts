/**
 * `topic describe`: a topic's partitions (leader, replicas, ISR) and the
 * configs set on it.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { existingTopic } from "../../lib/kafka/topic_changes.ts";
import { checkTopicName } from "../../lib/kafka/topics.ts";
import { TOPIC_EVENTS } from "./events.ts";
import { layoutData, layoutLines } from "./render.ts";

/** Runs `topic describe <topic>`. */
export async function describe(ctx: Context, args: ParsedArgs): Promise<number> {
  const topic = checkTopicName(args.positionals[0]);
  const kafka = await ctx.kafka();
  const layout = await kafka.withAdmin((admin) => existingTopic(admin, topic, kafka));
  ctx.out.event(TOPIC_EVENTS.layout, layoutData(layout));
  for (const l of layoutLines(ctx, layout)) ctx.out.line(l);
  return 0;
}
