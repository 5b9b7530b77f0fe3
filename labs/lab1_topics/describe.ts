/**
 * `lab1 describe`: a topic's partitions (leader, replicas, ISR) and configs.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { checkTopicName } from "../../lib/kafka/topics.ts";
import { layoutData, printLayout, requireLayout } from "./report.ts";
import type { DESCRIBE_OPTIONS } from "./options.ts";
import { lab1Text } from "./text.ts";
import { LAB1_EVENTS } from "./events.ts";

/** Runs `lab1 describe`. */
export async function describe(
  ctx: Context,
  args: ParsedArgs<typeof DESCRIBE_OPTIONS>,
): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const topic = checkTopicName(ctx.config.names.topic(args.positionals[0]));
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    const layout = await requireLayout(t, admin, topic, kafka);
    ctx.out.event(LAB1_EVENTS.topicLayout, layoutData(layout));
    printLayout(ctx, t, layout, "");
    return 0;
  });
}
