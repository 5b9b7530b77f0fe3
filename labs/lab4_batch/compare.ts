/**
 * `lab4 compare`: the batch and the single consumer over the same prepared
 * records in a temporary topic, side by side: records, commits, time,
 * records/s and commit latency, with the ratios measured in this run.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import type { Lang } from "../../lib/config.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { COURSE_TOPICS, deleteTopic, ensureTopic } from "../../lib/kafka/topics.ts";
import { runConsumer, type RunStats } from "./consumer.ts";
import {
  compareFigures,
  formatNumber,
  formatSeconds,
  modeName,
  percentile,
  perSecond,
  randomMessage,
} from "./model.ts";
import { recordValue } from "./produce.ts";
import type { COMPARE_OPTIONS } from "./options.ts";
import { type Lab4Text, lab4Text } from "./text.ts";
import { LAB4_EVENTS } from "./events.ts";

const TOPIC = COURSE_TOPICS.final1;

interface Plan {
  readonly topic: string;
  readonly groups: { readonly batch: string; readonly single: string };
  readonly count: number;
  readonly batchSize: number;
  readonly processMs: number;
}

/** Runs `lab4 compare`. */
export async function compare(
  ctx: Context,
  args: ParsedArgs<typeof COMPARE_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const { names } = ctx.config;
  const t = lab4Text(ctx.config.lang);
  const tag = crypto.randomUUID().replaceAll("-", "").slice(0, 8);
  const plan: Plan = {
    topic: names.topic(`${TOPIC.name}.compare-${tag}`),
    groups: {
      batch: names.group(`batch-group.compare-${tag}`),
      single: names.group(`single-group.compare-${tag}`),
    },
    count: v.count,
    batchSize: v["batch-size"],
    processMs: v["process-ms"],
  };
  ctx.out.line(ctx.out.style("bold", fill(t.compareTitle, { count: plan.count })));
  await createTopic(ctx, t, plan.topic);
  try {
    await writeRecords(ctx, t, plan.topic, plan.count);
    const runs = await readWithBoth(ctx, t, plan);
    if (runs.length === 2) printComparison(ctx, t, plan, runs[0], runs[1]);
    return runs.some((r) => r.records < plan.count) && !ctx.signal.aborted ? 1 : 0;
  } finally {
    await cleanUp(ctx, t, plan, v["keep-topic"]);
  }
}

/** The temporary topic: the course topic's partitions, RF at most the broker count. */
async function createTopic(ctx: Context, t: Lab4Text, topic: string): Promise<void> {
  const layout = await (await ctx.kafka()).withAdmin(async (admin) => {
    const { brokers } = await admin.describeCluster();
    const result = await ensureTopic(admin, {
      name: topic,
      partitions: TOPIC.partitions,
      replicationFactor: Math.min(TOPIC.replicationFactor, brokers.length),
    });
    return result.layout;
  });
  const partitions = layout.partitions.length;
  const { out } = ctx;
  out.event(
    LAB4_EVENTS.topicCreated,
    { topic, partitions, replicationFactor: layout.replicationFactor },
    `${out.style("green", "✓")} ${
      fill(t.compareTopic, { topic, partitions, rf: layout.replicationFactor })
    }`,
  );
}

/** Writes `count` random models as fast as acks=all allows, 100 per request. */
async function writeRecords(ctx: Context, t: Lab4Text, topic: string, count: number) {
  const { out } = ctx;
  const kafka = await ctx.kafka();
  const started = Date.now();
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  try {
    for (let sent = 0; sent < count && !ctx.signal.aborted; sent += 100) {
      const n = Math.min(100, count - sent);
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: n }, () => ({ value: recordValue(randomMessage()) })),
      });
    }
  } finally {
    await producer.disconnect().catch(() => {});
  }
  const elapsedMs = Date.now() - started;
  out.event(
    LAB4_EVENTS.produced,
    { topic, count, elapsedMs },
    `${out.style("green", "✓")} ${
      fill(t.compareProduced, { count, seconds: formatSeconds(elapsedMs, ctx.config.lang) })
    }`,
  );
}

/** The batch consumer, then the single one, each in a fresh group over every record. */
async function readWithBoth(ctx: Context, t: Lab4Text, plan: Plan): Promise<RunStats[]> {
  const { out } = ctx;
  const runs: RunStats[] = [];
  for (const mode of ["batch", "single"] as const) {
    if (ctx.signal.aborted) break;
    const name = modeName(t, mode);
    const group = plan.groups[mode];
    out.line(`  ${fill(t.compareRunning, { mode: name, group, count: plan.count })}`);
    const stats = await runConsumer(ctx, t, {
      topic: plan.topic,
      mode,
      group,
      batchSize: plan.batchSize,
      processMs: plan.processMs,
      maxMessages: plan.count,
      idleTimeoutMs: 15_000, // only a safety net: every record is already there
      signal: ctx.signal,
      silent: true,
      total: plan.count,
    });
    runs.push(stats);
    out.line(`  ${out.style("green", "✓")} ${
      fill(t.compareDone, {
        mode: name,
        records: stats.records,
        commits: stats.commits,
        seconds: formatSeconds(stats.activeMs, ctx.config.lang),
      })
    }`);
    if (stats.records < plan.count && !ctx.signal.aborted) {
      out.warn(fill(t.compareShort, { mode: name, records: stats.records, count: plan.count }));
    }
  }
  return runs;
}

/** Milliseconds with one decimal, or "-". */
function ms(n: number | undefined, lang: Lang): string {
  return n === undefined ? "-" : decimal(n, lang);
}

/** The figures of one run, as the `compare.result` event carries them. */
function figures(s: RunStats) {
  return {
    group: s.group,
    records: s.records,
    batches: s.batches,
    commits: s.commits,
    activeMs: s.activeMs,
    perSecond: perSecond(s.records, s.activeMs),
    commitP50Ms: percentile(s.commitMs, 50),
    commitP99Ms: percentile(s.commitMs, 99),
  };
}

/** Prints the comparison: a `compare.result` event, the table, the ratios and what they mean. */
function printComparison(ctx: Context, t: Lab4Text, plan: Plan, batch: RunStats, single: RunStats) {
  const { out } = ctx;
  const lang = ctx.config.lang;
  const ratios = compareFigures(batch, single);
  out.event(LAB4_EVENTS.compareResult, {
    topic: plan.topic,
    count: plan.count,
    batchSize: plan.batchSize,
    processMs: plan.processMs,
    batch: figures(batch),
    single: figures(single),
    commitsSingleToBatch: ratios.commitsSingleToBatch,
    speedBatchToSingle: ratios.speedBatchToSingle,
  });
  out.line();
  const rows = [batch, single].map((s) => [
    modeName(t, s.mode),
    String(s.records),
    String(s.commits),
    formatSeconds(s.activeMs, ctx.config.lang),
    formatNumber(perSecond(s.records, s.activeMs), ctx.config.lang),
    ms(percentile(s.commitMs, 50), lang),
    ms(percentile(s.commitMs, 99), lang),
  ]);
  const headers = [
    t.colMode,
    t.colRecords,
    t.colCommits,
    t.colTime,
    t.colRate,
    t.colCommitP50,
    t.colCommitP99,
  ];
  for (const l of table(headers, rows)) out.line(`  ${l}`);
  out.line();
  const times = (r: number | undefined) => `${formatNumber(r, ctx.config.lang)}×`;
  out.line(`  ${fill(t.ratioCommits, { ratio: times(ratios.commitsSingleToBatch) })}`);
  out.line(`  ${fill(t.ratioSpeed, { ratio: times(ratios.speedBatchToSingle) })}`);
  out.text();
  out.text(`  ${t.compareCommitLatency}`);
  out.text(`  ${t.compareNote}`);
}

/** Deletes the temporary groups and topic, unless `--keep-topic`. */
async function cleanUp(ctx: Context, t: Lab4Text, plan: Plan, keep: boolean): Promise<void> {
  const { out } = ctx;
  const topic = plan.topic;
  if (keep) {
    out.event(LAB4_EVENTS.topicKept, { topic }, fill(t.topicKept, { topic }));
    return;
  }
  await (await ctx.kafka()).withAdmin(async (admin) => {
    await admin.deleteGroups([plan.groups.batch, plan.groups.single]).catch(() => {});
    await deleteTopic(admin, topic);
  });
  out.event(
    LAB4_EVENTS.topicDeleted,
    { topic },
    `${out.style("green", "✓")} ${fill(t.topicDeleted, { topic })}`,
  );
}
