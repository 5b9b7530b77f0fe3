/**
 * `lab1 create`: create a topic, or describe and compare an existing one.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import {
  checkTopicName,
  describeTopic,
  parseConfigPairs,
  type TopicSpec,
} from "../../lib/kafka/topics.ts";
import { printLayout, reportEnsure } from "./report.ts";
import type { CREATE_OPTIONS } from "./options.ts";
import { lab1Text } from "./text.ts";

/** Runs `lab1 create`. */
export async function create(
  ctx: Context,
  args: ParsedArgs<typeof CREATE_OPTIONS>,
): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const v = args.values;
  const spec: TopicSpec = {
    name: checkTopicName(ctx.config.names.topic(v.topic)),
    partitions: v.partitions,
    replicationFactor: v["replication-factor"],
    configs: parseConfigPairs(v.config),
  };
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    await reportEnsure(ctx, t, admin, spec);
    const layout = await describeTopic(admin, spec.name);
    if (layout) printLayout(ctx, t, layout);
    return 0;
  });
}
