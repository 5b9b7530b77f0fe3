/**
 * How bench results read, in English and Russian: the settings line, the
 * progress line, the result line and the `--sweep` table with each value's
 * ratio to the first. Pure functions, unit-tested.
 *
 * @example
 * ```ts
 * sweepTable("batch", [{ value: 1, result: a }, { value: 1000, result: b }], "en");
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { fill } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { ratio, type RunResult } from "./stats.ts";

/** A number as each language groups digits: `70,423` / `70 423`; decimals `1.5` / `1,5`. */
export function num(n: number, lang: Lang, digits = 0): string {
  if (!Number.isFinite(n)) return "-";
  return new Intl.NumberFormat(lang === "ru" ? "ru-RU" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n).replaceAll("\u00a0", " ");
}

const WORDS = {
  en: {
    produce:
      "bench produce: {records} records of {size} B to {topic} ({partitions} partitions, RF {rf}); {settings}",
    consume:
      "bench consume: {records} records of {size} B from {topic} ({partitions} partitions, RF {rf}); {settings}",
    filling: "filling {topic} with {records} records to read",
    progress: "{done}/{total} records, {rate} records/s",
    result:
      "{records} records in {seconds} s: {rps} records/s, {mbps} MB/s; latency ms: p50 {p50}, p95 {p95}, p99 {p99}, max {max}",
    joined: "joined the group and got the first batch in {ms} ms (not counted above)",
    value: "value",
    ratio: "× first",
    sweep: "sweep of {name} ({records} records each, other settings as above):",
    deleted: "deleted the bench topic {topic}",
  },
  ru: {
    produce:
      "bench produce: записей: {records} по {size} Б в {topic} (партиций: {partitions}, RF {rf}); {settings}",
    consume:
      "bench consume: записей: {records} по {size} Б из {topic} (партиций: {partitions}, RF {rf}); {settings}",
    filling: "заполняю {topic} (записей для чтения: {records})",
    progress: "записей: {done}/{total}, {rate} записей/с",
    result:
      "записей: {records} за {seconds} с: {rps} записей/с, {mbps} МБ/с; задержка, мс: p50 {p50}, p95 {p95}, p99 {p99}, макс. {max}",
    joined: "вход в группу и первый пакет: {ms} мс (в расчёт выше не входит)",
    value: "значение",
    ratio: "× к первому",
    sweep: "перебор {name} (записей в каждом замере: {records}, остальные параметры как выше):",
    deleted: "временный топик {topic} удалён",
  },
} as const;

/** The words of bench output in `lang`. */
export function benchWords(lang: Lang): typeof WORDS[Lang] {
  return WORDS[lang];
}

/** `key=value` pairs of the settings that shape a run, for the heading line. */
export function settingsText(settings: Readonly<Record<string, unknown>>): string {
  return Object.entries(settings)
    .filter(([k]) => !["records", "recordSize", "partitions"].includes(k))
    .map(([k, v]) => `${k}=${v}`).join(", ");
}

/** The progress line. */
export function progressText(done: number, total: number, elapsedMs: number, lang: Lang): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  return fill(WORDS[lang].progress, {
    done: num(done, lang),
    total: num(total, lang),
    rate: num(rate, lang),
  });
}

/** The result line of one run. */
export function resultText(r: RunResult, lang: Lang): string {
  return fill(WORDS[lang].result, {
    records: num(r.records, lang),
    seconds: num(r.elapsedMs / 1000, lang, 2),
    rps: num(r.recordsPerSec, lang),
    mbps: num(r.mbPerSec, lang, 2),
    p50: num(r.latencyMs.p50, lang, 1),
    p95: num(r.latencyMs.p95, lang, 1),
    p99: num(r.latencyMs.p99, lang, 1),
    max: num(r.latencyMs.max, lang, 1),
  });
}

/** One row of a sweep: the value tried and what it measured. */
export interface SweepRow {
  readonly value: string | number | boolean;
  readonly result: RunResult;
}

/** The sweep table: one row per value, records/s ratio to the first row in the last column. */
export function sweepTable(name: string, rows: readonly SweepRow[], lang: Lang): string[] {
  const w = WORDS[lang];
  const headers = [
    `${name} (${w.value})`,
    lang === "ru" ? "записей/с" : "records/s",
    lang === "ru" ? "МБ/с" : "MB/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    w.ratio,
  ].map((h) => lang === "ru" ? h.replace(" ms", " мс").replace("max", "макс.") : h);
  const base = rows[0]?.result;
  const cells = rows.map(({ value, result: r }) => [
    String(value),
    num(r.recordsPerSec, lang),
    num(r.mbPerSec, lang, 2),
    num(r.latencyMs.p50, lang, 1),
    num(r.latencyMs.p95, lang, 1),
    num(r.latencyMs.p99, lang, 1),
    num(r.latencyMs.max, lang, 1),
    base ? `${num(ratio(base, r), lang, 2)}×` : "-",
  ]);
  return table(headers, cells);
}
