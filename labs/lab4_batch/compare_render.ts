/**
 * How `lab4 compare` shows what it measured: the temporary topic, the
 * records written, each consumer's run, the table of figures with the ratios,
 * and the clean-up. Each function takes a typed result and writes its text
 * lines (from the lab's text table) and its `--json` events; the consumers'
 * progress comes from `progressRenderer` in `render.ts`.
 *
 * @example
 * ```ts
 * renderComparison(viewOf(ctx), { plan, batch, single });
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import { type Style, table } from "../../lib/output.ts";
import { barChart } from "../../lib/draw/bars.ts";
import { resample, sparkline } from "../../lib/draw/spark.ts";
import { compareFigures, formatNumber, formatSeconds, percentile, perSecond } from "./figures.ts";
import { type Mode, modeName } from "./model.ts";
import { type ComparePlan, type RunStats } from "./results.ts";
import type { View } from "./render.ts";
import { LAB4_EVENTS } from "./events.ts";

/** `lab4 compare`'s title. */
export function renderCompareTitle({ out, t }: View, count: number): void {
  out.line(out.style("bold", fill(t.compareTitle, { count })));
}

/** `lab4 compare`: its own topic is made. */
export function renderCompareTopic(
  { out, t }: View,
  topic: {
    readonly topic: string;
    readonly partitions: number;
    readonly replicationFactor: number;
  },
): void {
  const line = fill(t.compareTopic, { ...topic, rf: topic.replicationFactor });
  out.event(LAB4_EVENTS.topicCreated, { ...topic }, `${out.style("green", "✓")} ${line}`);
}

/** `lab4 compare`: the records are written. */
export function renderCompareProduced(
  { out, t, lang }: View,
  produced: { readonly topic: string; readonly count: number; readonly elapsedMs: number },
): void {
  const { count, elapsedMs } = produced;
  const line = fill(t.compareProduced, { count, seconds: formatSeconds(elapsedMs, lang) });
  out.event(LAB4_EVENTS.produced, { ...produced }, `${out.style("green", "✓")} ${line}`);
}

/** `lab4 compare`: a consumer starts. */
export function renderCompareRunning(
  { out, t }: View,
  run: { readonly mode: Mode; readonly group: string; readonly count: number },
): void {
  const { group, count } = run;
  out.line(`  ${fill(t.compareRunning, { mode: modeName(t, run.mode), group, count })}`);
}

/** `lab4 compare`: a consumer is done (a warning when it read fewer than `count`). */
export function renderCompareRun(
  { out, t, lang }: View,
  run: {
    readonly stats: RunStats;
    readonly count: number;
    readonly interrupted: boolean;
    /** The group's lag after each commit (lib/draw/spark.ts draws it). */
    readonly lag?: readonly number[];
  },
): void {
  const { stats, count } = run;
  const mode = modeName(t, stats.mode);
  out.progressDone();
  out.line(`  ${out.style("green", "✓")} ${
    fill(t.compareDone, {
      mode,
      records: stats.records,
      commits: stats.commits,
      seconds: formatSeconds(stats.activeMs, lang),
    })
  }`);
  if (run.lag && run.lag.length > 1 && !out.json) {
    const paint = (style: Style, text: string) => out.style(style, text);
    const line = sparkline(resample(run.lag, 40), { paint });
    out.line(`    ${fill(t.lagOverTime, { line, first: run.lag[0], last: run.lag.at(-1)! })}`);
  }
  if (stats.records < count && !run.interrupted) {
    out.warn(fill(t.compareShort, { mode, records: stats.records, count }));
  }
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

/** Milliseconds with one decimal, or "-". */
function ms(n: number | undefined, lang: Lang): string {
  return n === undefined ? "-" : decimal(n, lang);
}

/** `lab4 compare`: the `compare.result` event, the table, the ratios and what they mean. */
export function renderComparison(
  { out, t, lang }: View,
  c: { readonly plan: ComparePlan; readonly batch: RunStats; readonly single: RunStats },
): void {
  const { plan, batch, single } = c;
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
    formatSeconds(s.activeMs, lang),
    formatNumber(perSecond(s.records, s.activeMs), lang),
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
  const times = (r: number | undefined) => `${formatNumber(r, lang)}×`;
  out.line(`  ${fill(t.ratioCommits, { ratio: times(ratios.commitsSingleToBatch) })}`);
  out.line(`  ${fill(t.ratioSpeed, { ratio: times(ratios.speedBatchToSingle) })}`);
  renderCharts({ out, t, lang }, batch, single);
  out.text();
  out.text(`  ${t.compareCommitLatency}`);
  out.text(`  ${t.compareNote}`);
}

/** The two consumers' speed and commits as bar charts (lib/draw/bars.ts). */
function renderCharts({ out, t, lang }: View, batch: RunStats, single: RunStats): void {
  if (out.json) return;
  const paint = (style: Style, text: string) => out.style(style, text);
  const charts = [
    {
      title: t.chartSpeed,
      value: (s: RunStats) => perSecond(s.records, s.activeMs) ?? 0,
      text: (n: number) => formatNumber(n, lang),
    },
    { title: t.chartCommits, value: (s: RunStats) => s.commits, text: String },
  ];
  for (const chart of charts) {
    out.line();
    out.line(`  ${chart.title}`);
    const bars = [batch, single].map((s) => ({
      label: modeName(t, s.mode),
      value: chart.value(s),
      text: chart.text(chart.value(s)),
      style: s.mode === "batch" ? "green" as const : "yellow" as const,
    }));
    for (const l of barChart(bars, { width: 40, paint })) out.line(`    ${l}`);
  }
}

/** `lab4 compare`: its topic and groups deleted, or the topic kept (`--keep-topic`). */
export function renderCleanedUp(
  { out, t }: View,
  c: { readonly topic: string; readonly kept: boolean },
): void {
  const { topic } = c;
  if (c.kept) out.event(LAB4_EVENTS.topicKept, { topic }, fill(t.topicKept, { topic }));
  else {
    out.event(
      LAB4_EVENTS.topicDeleted,
      { topic },
      `${out.style("green", "✓")} ${fill(t.topicDeleted, { topic })}`,
    );
  }
}
