/**
 * `topic list`: every topic with its partition count and replication factor,
 * from one Metadata request (no kafkajs loaded, as `lab1 list`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { table } from "../../lib/output.ts";
import { TOPIC_EVENTS } from "./events.ts";
import type { LIST_OPTIONS } from "./options.ts";
import { textOf } from "./render.ts";

/** Runs `topic list`. */
export async function list(ctx: Context, args: ParsedArgs<typeof LIST_OPTIONS>): Promise<number> {
  const tx = textOf(ctx);
  const topics = (await (await ctx.kafka()).topics())
    .filter((tp) => args.values.all || !tp.name.startsWith("__"))
    .map((tp) => ({
      topic: tp.name,
      partitions: tp.partitions.length,
      replicationFactor: tp.partitions[0]?.replicas.length ?? 0,
    }))
    .sort((a, b) => a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);
  ctx.out.event(TOPIC_EVENTS.list, { topics });
  if (topics.length === 0) {
    ctx.out.line(tx.noTopics);
    return 0;
  }
  const rows = topics.map((r) => [r.topic, String(r.partitions), String(r.replicationFactor)]);
  for (const l of table([tx.colTopic, tx.colPartitions, tx.colRf], rows)) ctx.out.line(l);
  return 0;
}
