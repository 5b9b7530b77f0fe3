/**
 * `lab1 list`: the topics with their partition count and replication factor.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { prefixOf } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import type { LIST_OPTIONS } from "./mod.ts";
import { lab1Text } from "./text.ts";

/** Runs `lab1 list`. */
export async function list(
  ctx: Context,
  args: ParsedArgs<typeof LIST_OPTIONS>,
): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const prefix = prefixOf(args.values.prefix);
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    const names = (await admin.listTopics())
      .filter((n) => args.values.all || !n.startsWith("__"))
      .filter((n) => n.startsWith(prefix))
      .sort();
    const md = names.length > 0
      ? await admin.fetchTopicMetadata({ topics: names })
      : { topics: [] };
    const rows = md.topics
      .map((tp) => ({
        topic: tp.name,
        partitions: tp.partitions.length,
        replicationFactor: tp.partitions[0]?.replicas.length ?? 0,
      }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
    ctx.out.event("topics", { topics: rows });
    if (rows.length === 0) ctx.out.line(t.listEmpty);
    for (const r of rows) {
      ctx.out.line(
        fill(t.listLine, { topic: r.topic, partitions: r.partitions, rf: r.replicationFactor }),
      );
    }
    if (rows.length > 0) ctx.out.text(fill(t.listCount, { count: rows.length }));
    return 0;
  });
}
