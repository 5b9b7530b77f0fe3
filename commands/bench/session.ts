/**
 * A `bench` session: one run, or one run per `--sweep` value, each on a topic
 * of its own that the bench creates first and deletes afterwards (also after
 * Ctrl+C or a failure). Prints the progress line, each result, and the sweep
 * table; every human line has a JSON event twin.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { deleteTopic, ensureTopic } from "../../lib/kafka/topics.ts";
import { runConsume } from "./consume.ts";
import {
  type ConsumeSettings,
  DEFAULT_BATCH,
  DEFAULT_IN_FLIGHT,
  type ProduceSettings,
  type Sweep,
} from "./options.ts";
import { benchProducer, runProduce } from "./produce.ts";
import {
  benchWords,
  progressText,
  resultText,
  settingsText,
  type SweepRow,
  sweepTable,
} from "./report.ts";
import { type RunResult, summarize } from "./stats.ts";
import { fill } from "../../lib/i18n.ts";
import { BENCH_EVENTS } from "./events.ts";

/** Which bench, and the settings of each run (one, or one per sweep value). */
export interface SessionPlan {
  readonly mode: "produce" | "consume";
  readonly runs: ReadonlyArray<{
    readonly value?: string | number | boolean;
    readonly settings: ProduceSettings | ConsumeSettings;
  }>;
  readonly sweep?: Sweep;
}

interface Topic {
  readonly name: string;
  readonly replicationFactor: number;
}

async function withBenchTopic<T>(
  kafka: Kafka,
  partitions: number,
  fn: (topic: Topic) => Promise<T>,
): Promise<T> {
  const name = `kafka-lab-bench-${crypto.randomUUID()}`;
  const replicationFactor = await kafka.withAdmin(async (admin) => {
    const brokers = (await admin.describeCluster()).brokers.length;
    const rf = Math.min(3, brokers);
    await ensureTopic(admin, { name, partitions, replicationFactor: rf });
    return rf;
  });
  try {
    return await fn({ name, replicationFactor });
  } finally {
    await kafka.withAdmin((admin) => deleteTopic(admin, name)).catch(() => {});
  }
}

async function produceOnce(
  ctx: Context,
  kafka: Kafka,
  topic: string,
  s: ProduceSettings,
  task: "bench" | "fill",
): Promise<RunResult> {
  const lang = ctx.config.lang;
  const producer = await kafka.connect(benchProducer(kafka, s));
  try {
    // Not timed (and not when filling a topic to read): one record per partition, so metadata and partition leaders are known (a
    // new topic's leaders can take seconds to settle on a busy machine).
    if (task === "bench") {
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from(
          { length: s.partitions },
          (_, partition) => ({ partition, value: "" }),
        ),
      });
    }
    const samples = await runProduce(producer, topic, s, {
      signal: ctx.signal,
      progress: (done, total, ms) =>
        ctx.out.progress(task, progressText(done, total, ms, lang), { done, total }, 1000),
    });
    return summarize(samples);
  } catch (err) {
    throw kafka.translate(err);
  } finally {
    ctx.out.progressDone();
    await producer.disconnect().catch(() => {});
  }
}

async function oneRun(
  ctx: Context,
  kafka: Kafka,
  mode: "produce" | "consume",
  settings: ProduceSettings | ConsumeSettings,
): Promise<RunResult> {
  const { out } = ctx;
  const w = benchWords(ctx.config.lang);
  return await withBenchTopic(kafka, settings.partitions, async (topic) => {
    const vars = {
      records: settings.records,
      size: settings.recordSize,
      topic: topic.name,
      partitions: settings.partitions,
      rf: topic.replicationFactor,
      settings: settingsText(settings as unknown as Record<string, unknown>),
    };
    out.event(
      BENCH_EVENTS.started,
      { mode, topic: topic.name, replicationFactor: topic.replicationFactor, ...settings },
      fill(mode === "produce" ? w.produce : w.consume, vars),
    );
    if (mode === "produce") {
      return await produceOnce(ctx, kafka, topic.name, settings as ProduceSettings, "bench");
    }
    return await consumeOnce(ctx, kafka, topic.name, settings as ConsumeSettings);
  });
}

/** `bench consume`: fills the topic with the records, then times reading them. */
async function consumeOnce(
  ctx: Context,
  kafka: Kafka,
  topic: string,
  settings: ConsumeSettings,
): Promise<RunResult> {
  const { out } = ctx;
  const w = benchWords(ctx.config.lang);
  const fillSettings: ProduceSettings = {
    ...settings,
    acks: "all",
    batch: DEFAULT_BATCH,
    lingerMs: 0,
    rate: 0,
    compression: "none",
    inFlight: DEFAULT_IN_FLIGHT,
    idempotent: true,
  };
  out.text(fill(w.filling, { topic: topic, records: settings.records }));
  await produceOnce(ctx, kafka, topic, fillSettings, "fill");
  if (ctx.signal.aborted) {
    return summarize({ records: 0, bytes: 0, elapsedMs: 0, latenciesMs: new Float64Array() });
  }
  const samples = await runConsume(kafka, topic, settings, {
    signal: ctx.signal,
    // Behind the prefix: a student's user may use only groups that start with it.
    groupId: `${ctx.config.prefix}kafka-lab-bench-${crypto.randomUUID()}`,
    progress: (done, total, ms) =>
      out.progress(
        "bench",
        progressText(done, total, ms, ctx.config.lang),
        { done, total },
        1000,
      ),
  });
  out.progressDone();
  out.event(
    BENCH_EVENTS.joined,
    { ms: samples.joinMs },
    fill(w.joined, { ms: Math.round(samples.joinMs) }),
  );
  return summarize(samples);
}

/** Runs the plan; returns the results in run order. */
export async function runSession(ctx: Context, plan: SessionPlan): Promise<RunResult[]> {
  const { out } = ctx;
  const lang = ctx.config.lang;
  const w = benchWords(lang);
  const kafka = await ctx.kafka();
  await kafka.preflight();
  const rows: SweepRow[] = [];
  for (const run of plan.runs) {
    if (ctx.signal.aborted) break;
    const result = await oneRun(ctx, kafka, plan.mode, run.settings);
    const prefix = plan.sweep ? `${plan.sweep.name}=${run.value}: ` : "";
    out.event(
      BENCH_EVENTS.result,
      { mode: plan.mode, ...(plan.sweep ? { [plan.sweep.name]: run.value } : {}), ...result },
      prefix + resultText(result, lang),
    );
    rows.push({ value: run.value ?? "", result });
  }
  if (plan.sweep && rows.length > 0) {
    const records = plan.runs[0].settings.records;
    out.line();
    out.line(fill(w.sweep, { name: plan.sweep.name, records }));
    const ratios = rows.map((r) => r.result.recordsPerSec / rows[0].result.recordsPerSec);
    out.event(
      BENCH_EVENTS.sweep,
      { setting: plan.sweep.name, rows: rows.map((r, i) => ({ ...r, ratio: ratios[i] })) },
      sweepTable(plan.sweep.name, rows, lang).join("\n"),
    );
  }
  return rows.map((r) => r.result);
}
