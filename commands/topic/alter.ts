/**
 * `topic alter-config` and `topic add-partitions`: change a topic that exists.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill, t } from "../../lib/i18n.ts";
import { addPartitions, alterTopicConfigs } from "../../lib/kafka/topic_changes.ts";
import { checkTopicName, parseConfigPairs } from "../../lib/kafka/topics.ts";
import { TOPIC_EVENTS } from "./events.ts";
import type { ADD_PARTITIONS_OPTIONS, ALTER_OPTIONS } from "./options.ts";
import { configsText, layoutLines, textOf } from "./render.ts";
import { TOPIC_TEXT } from "./text.ts";

/** Runs `topic alter-config <topic> --set k=v --delete k`. */
export async function alterConfig(
  ctx: Context,
  args: ParsedArgs<typeof ALTER_OPTIONS>,
): Promise<number> {
  const topic = checkTopicName(args.positionals[0]);
  const set = parseConfigPairs(args.values.set);
  const removed = args.values.delete;
  if (Object.keys(set).length === 0 && removed.length === 0) {
    throw new UsageError(t(TOPIC_TEXT.en.nothingToAlter, TOPIC_TEXT.ru.nothingToAlter));
  }
  const configs = await (await ctx.kafka()).withAdmin((admin) =>
    alterTopicConfigs(admin, topic, { set, remove: removed })
  );
  const tx = textOf(ctx);
  ctx.out.event(
    TOPIC_EVENTS.configAltered,
    { topic, set, removed, configs },
    fill(tx.altered, { topic, configs: configsText(configs) || "-" }),
  );
  return 0;
}

/** Runs `topic add-partitions <topic> --partitions N`. */
export async function addPartitionsCommand(
  ctx: Context,
  args: ParsedArgs<typeof ADD_PARTITIONS_OPTIONS>,
): Promise<number> {
  const topic = checkTopicName(args.positionals[0]);
  const count = args.values.partitions;
  const { before, layout } = await (await ctx.kafka()).withAdmin((admin) =>
    addPartitions(admin, topic, count)
  );
  const tx = textOf(ctx);
  ctx.out.event(
    TOPIC_EVENTS.partitionsAdded,
    { topic, before, partitions: count },
    ctx.out.style("green", fill(tx.added, { topic, before, partitions: count })),
  );
  for (const l of layoutLines(ctx, layout)) ctx.out.line(`  ${l}`);
  return 0;
}
