/**
 * `lab1 list`: the topics with their partition count and replication factor.
 *
 * Without TLS, one Metadata request (`lib/kafka/wire/client.ts`) gives everything
 * the list shows, so the command does not load kafkajs at all (about 80 ms of
 * start-up, most of what a student waits for). If that request fails for any
 * reason, the kafkajs admin client asks again, and its error is the one shown.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { fetchMetadata } from "../../lib/kafka/wire/client.ts";
import { prefixOf } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import type { LIST_OPTIONS } from "./mod.ts";
import { lab1Text } from "./text.ts";
import { LAB1_EVENTS } from "./events.ts";

/** Runs `lab1 list`. */
export async function list(
  ctx: Context,
  args: ParsedArgs<typeof LIST_OPTIONS>,
): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const prefix = prefixOf(args.values.prefix);
  const keep = (name: string) =>
    (args.values.all || !name.startsWith("__")) && name.startsWith(prefix);
  const topics = (await viaWire(ctx)) ?? await viaAdmin(ctx);
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

/** A topic's row: its partition count and its first partition's replica count. */
function row(topic: string, partitions: ReadonlyArray<{ replicas: readonly number[] }>): TopicRow {
  return {
    topic,
    partitions: partitions.length,
    replicationFactor: partitions[0]?.replicas.length ?? 0,
  };
}

/** Every topic from one Metadata request; undefined over TLS or when it fails. */
async function viaWire(ctx: Context): Promise<TopicRow[] | undefined> {
  if (ctx.config.ssl) return undefined;
  try {
    const md = await fetchMetadata(ctx.config.brokers, undefined, 3000, ctx.config.sasl);
    return md.topics.filter((tp) => tp.errorCode === 0).map((tp) => row(tp.name, tp.partitions));
  } catch (err) {
    ctx.out.debug(`metadata request failed, asking through kafkajs: ${(err as Error).message}`);
    return undefined;
  }
}

/** Every topic through the kafkajs admin client (TLS, or the wire request failed). */
async function viaAdmin(ctx: Context): Promise<TopicRow[]> {
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    const names = await admin.listTopics();
    const md = names.length > 0 ? await admin.fetchTopicMetadata({ topics: names }) : {
      topics: [],
    };
    return md.topics.map((tp) => row(tp.name, tp.partitions));
  });
}
