/**
 * `lab1 list`: the topics with their partition count and replication factor.
 *
 * `Kafka.topics()` answers from one Metadata request on the wire where it
 * can, so the command does not load kafkajs at all (about 80 ms of start-up,
 * most of what a student waits for); `lib/kafka/clients.ts` says when kafkajs
 * answers instead.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import type { LIST_OPTIONS } from "./options.ts";
import { lab1Text } from "./text.ts";
import { LAB1_EVENTS } from "./events.ts";

/** Runs `lab1 list`. */
export async function list(
  ctx: Context,
  args: ParsedArgs<typeof LIST_OPTIONS>,
): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const keep = (name: string) =>
    (args.values.all || !name.startsWith("__")) && ctx.config.names.owns(name);
  const topics = await rowsOf(ctx);
  const rows = topics
    .filter((tp) => keep(tp.topic))
    // Topic names are ASCII; localeCompare would load ICU's collator (about 20 ms) for nothing.
    .sort((a, b) => a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);
  ctx.out.event(LAB1_EVENTS.topics, { topics: rows });
  if (rows.length === 0) ctx.out.line(t.listEmpty);
  for (const r of rows) {
    ctx.out.line(
      fill(t.listLine, { topic: r.topic, partitions: r.partitions, rf: r.replicationFactor }),
    );
  }
  if (rows.length > 0) ctx.out.text(fill(t.listCount, { count: rows.length }));
  return 0;
}

interface TopicRow {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

/** Every topic's row: its partition count and its first partition's replica count. */
async function rowsOf(ctx: Context): Promise<TopicRow[]> {
  const topics = await (await ctx.kafka()).topics();
  return topics.map((tp) => ({
    topic: tp.name,
    partitions: tp.partitions.length,
    replicationFactor: tp.partitions[0]?.replicas.length ?? 0,
  }));
}
