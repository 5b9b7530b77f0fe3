/**
 * How lab 1 shows what its experiments found: each function takes a typed
 * result and writes its text lines (from the lab's text table) and its
 * `--json` events. Nothing here talks to Kafka. Shared by the guided run and
 * the subcommands.
 *
 * @example
 * ```ts
 * const view = viewOf(ctx);
 * renderTopicRows(view, [{ topic: "hello-kafka", partitions: 1, replicationFactor: 1 }]);
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { Guide } from "../../lib/guide.ts";
import { fill, localize } from "../../lib/i18n.ts";
import type { ClusterDescription } from "../../lib/kafka/port.ts";
import { type Output, type Style, table } from "../../lib/output.ts";
import { brokerGrid, GRID_WORDS, gridBrokers } from "../../lib/draw/grid.ts";
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import type { TopicLayout } from "../../lib/kafka/topics.ts";
import { layoutData } from "../../lib/topic_layout.ts";
import type { Ensured, EnsureFailed, TopicRow } from "./model.ts";
import { type Lab1Text, lab1Text } from "./text.ts";
import { LAB1_EVENTS } from "./events.ts";

/** Where lab 1's renderers write: the output and the texts in the user's language. */
export interface View {
  readonly out: Output;
  readonly t: Lab1Text;
  readonly lang: Lang;
}

/** The view of a command run. */
export function viewOf(ctx: Context): View {
  const lang = ctx.config.lang;
  return { out: ctx.out, t: lab1Text(lang), lang };
}

function configsText(configs: Readonly<Record<string, string>>): string {
  return Object.entries(configs).map(([k, v]) => `${k}=${v}`).join(", ");
}

/** Guided step 1: the brokers the cluster metadata lists. */
export function renderCluster({ t }: View, guide: Guide, cluster: ClusterDescription): void {
  const brokers = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(", ");
  guide.ok(
    fill(t.clusterLine, { count: cluster.brokers.length, brokers }),
    {
      brokers: cluster.brokers.map((b) => ({ id: b.nodeId, address: `${b.host}:${b.port}` })),
      /** What Metadata calls the controller: on KRaft any live broker, not the quorum leader. */
      metadataController: cluster.controller,
      clusterId: cluster.clusterId,
    },
    LAB1_EVENTS.cluster,
  );
  guide.note(fill(t.clusterId, { clusterId: cluster.clusterId }));
  guide.note(fill(t.metadataController, { controller: cluster.controller ?? "?" }));
}

/**
 * A topic created or found: its line and event (through the guide in the
 * guided run), its warnings, and how it differs from the spec. Returns
 * whether it matches the spec.
 */
export function renderEnsured(view: View, ensured: Ensured, guide?: Guide): boolean {
  const { out, t, lang } = view;
  const { spec, result } = ensured;
  const vars = {
    topic: spec.name,
    partitions: result.layout.partitions.length,
    rf: result.layout.replicationFactor,
  };
  const data = {
    status: result.status,
    differences: result.differences.map((d) => d.en),
    ...layoutData(result.layout),
  };
  const line = fill(result.status === "created" ? t.created : t.exists, vars);
  const event = result.status === "created" ? LAB1_EVENTS.topicCreated : LAB1_EVENTS.topicExists;
  if (guide) guide.ok(line, data, event);
  else out.event(event, data, `${out.style("green", "✓")} ${line}`);
  for (const w of result.warnings) out.warn(w, { topic: spec.name, warning: w.en });
  if (result.differences.length === 0) return true;
  const diffs = result.differences.map((d) => localize(d, lang)).join("; ");
  out.warn(fill(t.differs, { topic: spec.name, diffs }), {
    topic: spec.name,
    differences: data.differences,
  });
  return false;
}

/** Guided step 2: a course topic that could not be created. */
export function renderCreateFailed({ t, lang }: View, guide: Guide, failed: EnsureFailed): void {
  const { spec: { name: topic }, error } = failed;
  guide.fail(
    fill(t.createFailed, { topic, reason: localize(error.text, lang) }),
    { topic, error: error.message, hint: error.hint },
    LAB1_EVENTS.topicFailed,
  );
}

/** Guided step 3: every topic's name, one a line. */
export function renderTopicNames({ out }: View, names: readonly string[]): void {
  out.event(LAB1_EVENTS.topicNames, { topics: [...names] });
  for (const name of names) out.line(`  ${name}`);
}

/** `lab1 list`: each topic with its partitions and replication factor, then the count. */
export function renderTopicRows({ out, t }: View, rows: readonly TopicRow[]): void {
  out.event(LAB1_EVENTS.topics, { topics: [...rows] });
  if (rows.length === 0) out.line(t.listEmpty);
  for (const r of rows) {
    out.line(
      fill(t.listLine, { topic: r.topic, partitions: r.partitions, rf: r.replicationFactor }),
    );
  }
  if (rows.length > 0) out.text(fill(t.listCount, { count: rows.length }));
}

/** `lab1 describe`, guided step 4: a topic's layout as an event and a table. */
export function renderDescribed(view: View, layout: TopicLayout, indent = "  "): void {
  view.out.event(LAB1_EVENTS.topicLayout, layoutData(layout));
  renderLayout(view, layout, indent);
}

/** Guided step 4: each topic's layout, a blank line between them. */
export function renderDescribedTopics(view: View, layouts: readonly TopicLayout[]): void {
  layouts.forEach((layout, i) => {
    if (i > 0) view.out.line();
    renderDescribed(view, layout);
  });
}

/** A topic's partitions table and configs (human output only; leaderless partitions warn). */
export function renderLayout({ out, t }: View, layout: TopicLayout, indent = "  "): void {
  const leaderless = layout.partitions.filter((p) => p.leader < 0)
    .map((p) => ({ topic: layout.name, partition: p.partition, replicas: p.replicas }));
  if (leaderless.length > 0) {
    const err = new LeaderlessError(leaderless);
    out.warn(err.text, { topic: layout.name, leaderless: leaderless.map((p) => p.partition) });
    if (err.hintText) out.warn(err.hintText);
  }
  if (out.json) return;
  const header = fill(t.topicHeader, {
    topic: layout.name,
    partitions: layout.partitions.length,
    rf: layout.replicationFactor,
  });
  out.line(indent + out.style("bold", header));
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

/** `lab1 describe`: the broker × partition grid under the table (human output only). */
export function renderGrid(
  { out, lang }: View,
  layout: TopicLayout,
  brokers: { readonly up: readonly number[]; readonly paused: readonly number[] },
): void {
  if (out.json) return;
  const partitions = layout.partitions.map((p) => ({ topic: layout.name, ...p }));
  const columns = gridBrokers(partitions, brokers.up, brokers.paused);
  out.line();
  const paint = (style: Style, text: string) => out.style(style, text);
  for (const l of brokerGrid({ brokers: columns, partitions, words: GRID_WORDS[lang], paint })) {
    out.line(`  ${l}`.trimEnd());
  }
}

/** `lab1 delete`: the topic is gone. */
export function renderDeleted({ out, t }: View, topic: string): void {
  out.event(
    LAB1_EVENTS.topicDeleted,
    { topic },
    `${out.style("green", "✓")} ${fill(t.deleted, { topic })}`,
  );
}

/** `lab1 delete`: the user said no. */
export function renderKept({ out, t }: View, topic: string): void {
  out.event(LAB1_EVENTS.topicKept, { topic }, fill(t.deleteKept, { topic }));
}

export { layoutData };
