/**
 * `topic create`: creates a topic and waits for its leaders, or shows an
 * existing one and how it differs (the same library code `lab1 create` uses).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { fill, localize } from "../../lib/i18n.ts";
import {
  checkTopicName,
  ensureTopic,
  parseConfigPairs,
  type TopicSpec,
} from "../../lib/kafka/topics.ts";
import { TOPIC_EVENTS } from "./events.ts";
import type { CREATE_OPTIONS } from "./options.ts";
import { layoutData, layoutLines, textOf } from "./render.ts";

/** Runs `topic create <topic>`. */
export async function create(
  ctx: Context,
  args: ParsedArgs<typeof CREATE_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const spec: TopicSpec = {
    name: checkTopicName(args.positionals[0]),
    partitions: v.partitions,
    replicationFactor: v["replication-factor"],
    configs: parseConfigPairs(v.config),
  };
  const { out } = ctx;
  const tx = textOf(ctx);
  const lang = ctx.config.lang;
  const result = await (await ctx.kafka()).withAdmin((admin) => ensureTopic(admin, spec));
  for (const w of result.warnings) out.warn(w, { topic: spec.name });
  const data = layoutData(result.layout);
  const vars = { topic: spec.name, partitions: data.partitions, rf: data.replicationFactor };
  if (result.status === "created") {
    out.event(TOPIC_EVENTS.created, data, out.style("green", fill(tx.created, vars)));
  } else {
    const differences = result.differences.map((d) => localize(d, "en"));
    out.event(TOPIC_EVENTS.exists, { ...data, differences }, fill(tx.exists, vars));
    if (differences.length > 0) {
      out.warn(fill(tx.differs, {
        list: result.differences.map((d) => localize(d, lang)).join("; "),
      }));
    }
  }
  for (const l of layoutLines(ctx, result.layout)) out.line(`  ${l}`);
  return 0;
}
