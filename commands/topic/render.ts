/**
 * How the `topic` verbs show a topic: its partitions table and the configs
 * set on it, with a `--json` twin for every line.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { fill, pick } from "../../lib/i18n.ts";
import type { TopicLayout } from "../../lib/kafka/topics.ts";
import { layoutData } from "../../lib/topic_layout.ts";
import { table } from "../../lib/output.ts";
import { TOPIC_TEXT } from "./text.ts";

/** The command's texts in the user's language. */
export function textOf(ctx: Context): typeof TOPIC_TEXT.en {
  return pick(TOPIC_TEXT, ctx.config.lang) as typeof TOPIC_TEXT.en;
}

/** `k=v, k=v`. */
export function configsText(configs: Readonly<Record<string, string>>): string {
  return Object.entries(configs).map(([k, v]) => `${k}=${v}`).join(", ");
}

/** The lines of a topic's layout for people: header, partitions table, configs. */
export function layoutLines(ctx: Context, layout: TopicLayout): string[] {
  const tx = textOf(ctx);
  const { out } = ctx;
  const vars = {
    topic: layout.name,
    partitions: layout.partitions.length,
    rf: layout.replicationFactor,
  };
  const rows = layout.partitions.map((p) => [
    String(p.partition),
    p.leader >= 0 ? String(p.leader) : out.style("red", tx.noLeader),
    p.replicas.join(","),
    p.isr.join(","),
  ]);
  const configs = configsText(layout.configs);
  return [
    out.style("bold", fill(tx.header, vars)),
    ...table([tx.colPartition, tx.colLeader, tx.colReplicas, tx.colIsr], rows).map((l) => `  ${l}`),
    layout.configsUnknown
      ? tx.configsUnknown
      : configs
      ? fill(tx.configs, { configs })
      : tx.noConfigs,
  ];
}

export { layoutData };
