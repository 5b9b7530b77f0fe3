/**
 * Lab 6's guided run, one step per part: consumer liveness, retention,
 * message size, min.insync.replicas above the replication factor. Each step
 * makes sure its topic exists, runs its experiment (its own file) and hands
 * the typed result to `render.ts`. The topics stay, so `kafka-lab check lab6`
 * can grade what the run left behind.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { ensureTopic, type TopicSpec } from "../../lib/kafka/topics.ts";
import { runLiveness } from "./liveness.ts";
import { runMinIsr } from "./min_isr.ts";
import { LAB6_NAMES, LIVENESS, MIN_ISR, type Part, PARTS, RETENTION, SIZE } from "./model.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import {
  renderLiveness,
  renderMinIsr,
  renderRetention,
  renderSize,
  renderTopic,
  type View,
  viewOf,
} from "./render.ts";
import { RETENTION_CONFIGS, runRetention } from "./retention.ts";
import { runSize } from "./size.ts";

interface Run {
  readonly ctx: Context;
  readonly kafka: Kafka;
  readonly view: View;
  readonly guide: Guide;
  /** Replication factor of the replicated topics: 2, or 1 on a single broker. */
  readonly rf: number;
}

/** Runs lab 6 from the theory to the control questions. */
export async function guided(
  ctx: Context,
  args: ParsedArgs<typeof GUIDED_OPTIONS>,
): Promise<number> {
  const parts: readonly Part[] = args.values.part ? [args.values.part] : PARTS;
  const view = viewOf(ctx);
  const kafka = await ctx.kafka();
  const brokers = (await kafka.cluster()).brokers.length;
  const guide = Guide.begin(ctx, "lab6", view.t, parts.length);
  const run: Run = { ctx, kafka, view, guide, rf: Math.min(2, Math.max(1, brokers)) };
  const summary: string[] = [];
  for (const part of parts) {
    // Ctrl+C: the part in hand stops its clients; nothing more is judged.
    if (ctx.signal.aborted) return guide.done([]);
    summary.push(await STEPS[part](run));
  }
  return guide.done(ctx.signal.aborted ? [] : summary);
}

const STEPS: Record<Part, (run: Run) => Promise<string>> = {
  liveness,
  retention,
  size,
  "min-isr": minIsr,
};

/** Makes sure a part's topic exists; prints it, and what Kafka accepts but will not work as meant. */
async function ready(run: Run, part: Part, spec: TopicSpec): Promise<void> {
  const ensured = await run.kafka.withAdmin((admin) => ensureTopic(admin, spec));
  renderTopic(run.view, run.guide, {
    part,
    topic: spec.name,
    partitions: ensured.layout.partitions.length,
    rf: ensured.layout.replicationFactor,
    created: ensured.status === "created",
  });
  for (const w of ensured.warnings) run.ctx.out.warn(w, { topic: spec.name, warning: w.en });
}

/** Step: a member stuck in processing is removed; its records are processed twice. */
async function liveness(run: Run): Promise<string> {
  const { ctx, view: { t, lang }, guide } = run;
  const topic = ctx.config.names.topic(LAB6_NAMES.livenessTopic);
  const group = ctx.config.names.group(LAB6_NAMES.livenessGroup);
  guide.step(
    fill(t.stepLiveness, { group }),
    fill(t.stepLivenessExplain, {
      count: LIVENESS.records,
      topic,
      session: LIVENESS.sessionTimeoutMs,
      heartbeat: LIVENESS.heartbeatIntervalMs,
    }),
  );
  await ready(run, "liveness", { name: topic, partitions: 1, replicationFactor: run.rf });
  const r = await runLiveness(run.kafka, { topic, group, signal: ctx.signal });
  if (ctx.signal.aborted) return "";
  renderLiveness(run.view, guide, r);
  return fill(t.summaryLiveness, {
    seconds: r.removedAfterMs === undefined ? "-" : decimal(r.removedAfterMs / 1000, lang),
    code: r.lateCommit.refused ? r.lateCommit.code : "-",
    count: r.stuckOffsets.filter((o) => r.takeoverOffsets.includes(o)).length,
  });
}

/** Step: retention deletes old segments; the group resumes by auto.offset.reset. */
async function retention(run: Run): Promise<string> {
  const { ctx, view: { t, lang }, guide } = run;
  const topic = ctx.config.names.topic(LAB6_NAMES.retentionTopic);
  const group = ctx.config.names.group(LAB6_NAMES.retentionGroup);
  const mib = decimal(RETENTION.recordsPerPartition * RETENTION.recordBytes / 1_048_576, lang);
  guide.step(fill(t.stepRetention, { topic }), fill(t.stepRetentionExplain, { group, mib }));
  await ready(run, "retention", {
    name: topic,
    partitions: RETENTION.partitions,
    replicationFactor: 1,
    configs: RETENTION_CONFIGS,
  });
  const r = await runRetention(run.kafka, { topic, group, signal: ctx.signal });
  if (ctx.signal.aborted) return "";
  renderRetention(run.view, guide, r);
  const moves = r.moves.map((m) => `p${m.partition} ${m.before} → ${m.after}`).join(", ");
  return fill(t.summaryRetention, { moves });
}

/** Step: a batch over max.message.bytes is refused. */
async function size(run: Run): Promise<string> {
  const { ctx, view: { t }, guide } = run;
  const topic = ctx.config.names.topic(LAB6_NAMES.sizeTopic);
  guide.step(fill(t.stepSize, { topic }), fill(t.stepSizeExplain, { limit: SIZE.maxMessageBytes }));
  await ready(run, "size", {
    name: topic,
    partitions: 1,
    replicationFactor: run.rf,
    configs: { "max.message.bytes": String(SIZE.maxMessageBytes) },
  });
  const r = await runSize(run.kafka, topic);
  renderSize(run.view, guide, r);
  const refused = r.attempts.filter((a) => !a.written).length;
  return fill(t.summarySize, { refused, limit: r.maxMessageBytes });
}

/** Step: min.insync.replicas above the replicas is accepted and capped. */
async function minIsr(run: Run): Promise<string> {
  const { ctx, view: { t }, guide } = run;
  const topic = ctx.config.names.topic(LAB6_NAMES.minIsrTopic);
  const replicas = Math.min(MIN_ISR.replicationFactor, run.rf);
  guide.step(
    fill(t.stepMinIsr, { topic }),
    fill(t.stepMinIsrExplain, { replicas, minIsr: MIN_ISR.minIsr }),
  );
  await ready(run, "min-isr", {
    name: topic,
    partitions: 1,
    replicationFactor: replicas,
    configs: { "min.insync.replicas": String(MIN_ISR.minIsr) },
  });
  const r = await runMinIsr(run.kafka, topic);
  renderMinIsr(run.view, guide, r);
  return fill(t.summaryMinIsr, { minIsr: r.minIsr, effective: r.effective, replicas: r.replicas });
}
