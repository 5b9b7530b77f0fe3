/**
 * How lab 1 shows a topic: its layout as an event and a table, and the result
 * of creating (or finding) it. Shared by the guided run and the subcommands.
 * @module
 */
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import type { Guide } from "../../lib/guide.ts";
import { fill, localize } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import {
  describeTopic,
  ensureTopic,
  type TopicLayout,
  type TopicSpec,
} from "../../lib/kafka/topics.ts";
import type { Lab1Text } from "./text.ts";
import type { DataOf } from "../../lib/events.ts";
import { LAB1_EVENTS, type LAYOUT_FIELDS } from "./events.ts";

function configsText(configs: Readonly<Record<string, string>>): string {
  return Object.entries(configs).map(([k, v]) => `${k}=${v}`).join(", ");
}

/** A topic's layout as event data. */
export function layoutData(layout: TopicLayout): DataOf<typeof LAYOUT_FIELDS> {
  return {
    topic: layout.name,
    partitions: layout.partitions.length,
    replicationFactor: layout.replicationFactor,
    configs: layout.configsUnknown ? null : layout.configs,
    layout: layout.partitions,
  };
}

/** Prints a topic's partitions table and configs (human output only). */
export function printLayout(ctx: Context, t: Lab1Text, layout: TopicLayout, indent = "  "): void {
  const { out } = ctx;
  const leaderless = layout.partitions.filter((p) => p.leader < 0)
    .map((p) => ({ topic: layout.name, partition: p.partition, replicas: p.replicas }));
  if (leaderless.length > 0) {
    const err = new LeaderlessError(leaderless);
    out.warn(err.text, { topic: layout.name, leaderless: leaderless.map((p) => p.partition) });
    if (err.hintText) out.warn(err.hintText);
  }
  if (out.json) return;
  out.line(
    indent + out.style(
      "bold",
      fill(t.topicHeader, {
        topic: layout.name,
        partitions: layout.partitions.length,
        rf: layout.replicationFactor,
      }),
    ),
  );
  const rows = layout.partitions.map((p) => [
    String(p.partition),
    p.leader >= 0 ? String(p.leader) : t.noLeader,
    p.replicas.join(","),
    p.isr.join(","),
  ]);
  for (const l of table([t.colPartition, t.colLeader, t.colReplicas, t.colIsr], rows)) {
    out.line(`${indent}  ${l}`);
  }
  const configs = configsText(layout.configs);
  const text = layout.configsUnknown
    ? t.configsUnknown
    : configs
    ? fill(t.configsLine, { configs })
    : t.noConfigs;
  out.line(`${indent}  ${text}`);
}

/** Creates (or finds) one topic and reports it; returns whether it matches the spec. */
export async function reportEnsure(
  ctx: Context,
  t: Lab1Text,
  admin: Admin,
  spec: TopicSpec,
  guide?: Guide,
): Promise<boolean> {
  const result = await ensureTopic(admin, spec);
  const vars = {
    topic: spec.name,
    partitions: result.layout.partitions.length,
    rf: result.layout.replicationFactor,
  };
  const lang = ctx.config.lang;
  const data = {
    status: result.status,
    differences: result.differences.map((d) => d.en),
    ...layoutData(result.layout),
  };
  const line = fill(result.status === "created" ? t.created : t.exists, vars);
  const event = result.status === "created" ? LAB1_EVENTS.topicCreated : LAB1_EVENTS.topicExists;
  if (guide) guide.ok(line, data, event);
  else ctx.out.event(event, data, `${ctx.out.style("green", "✓")} ${line}`);
  for (const w of result.warnings) ctx.out.warn(w, { topic: spec.name, warning: w.en });
  if (result.differences.length === 0) return true;
  const diffs = result.differences.map((d) => localize(d, lang)).join("; ");
  ctx.out.warn(fill(t.differs, { topic: spec.name, diffs }), {
    topic: spec.name,
    differences: data.differences,
  });
  return false;
}

/** The topic's layout, or a clear error when it does not exist. */
export async function requireLayout(
  t: Lab1Text,
  admin: Admin,
  topic: string,
  kafka?: Pick<Kafka, "partitions">,
): Promise<TopicLayout> {
  const layout = await describeTopic(admin, topic, kafka);
  if (!layout) {
    throw new KafkaLabError(fill(t.notFound, { topic }), { hint: fill(t.notFoundHint, { topic }) });
  }
  return layout;
}
