/**
 * The small calculations lab 4's consumers, guided run and comparison print:
 * a batch's offset span, rates, ratios, percentiles, the comparison's figures,
 * how two producers' records interleave, and numbers formatted for a table.
 * Pure; nothing here talks to Kafka.
 *
 * @example
 * ```ts
 * offsetSpan([{ partition: 0, offset: "7" }, { partition: 0, offset: "9" }]).next; // "10"
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { decimal } from "../../lib/i18n.ts";

/** Where a batch sits in its partition: first and last offset and the offset a commit stores. */
export interface OffsetSpan {
  readonly partition: number;
  readonly first: string;
  readonly last: string;
  /** The next offset to read: last + 1. */
  readonly next: string;
}

/** The span of a batch of one partition's records (offsets are 64-bit decimal strings). */
export function offsetSpan(
  records: readonly { readonly partition: number; readonly offset: string }[],
): OffsetSpan {
  if (records.length === 0) throw new RangeError("an empty batch has no offsets");
  const partition = records[0].partition;
  if (records.some((r) => r.partition !== partition)) {
    throw new RangeError("a batch holds records of one partition");
  }
  const offsets = records.map((r) => BigInt(r.offset));
  const first = offsets.reduce((a, b) => (b < a ? b : a));
  const last = offsets.reduce((a, b) => (b > a ? b : a));
  return {
    partition,
    first: first.toString(),
    last: last.toString(),
    next: (last + 1n).toString(),
  };
}

/** Records per second, or undefined when no time was measured. */
export function perSecond(records: number, ms: number): number | undefined {
  return ms > 0 ? (records * 1000) / ms : undefined;
}

/** `a / b`, or undefined when `b` is zero or either is missing. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return a / b;
}

/** A number for a table: one decimal (two below 10), or `-` when undefined. */
export function formatNumber(n: number | undefined, lang: Lang = "en"): string {
  if (n === undefined || !Number.isFinite(n)) return "-";
  return decimal(n, lang, n < 10 ? 2 : 1);
}

/** Milliseconds as seconds with two decimals. */
export function formatSeconds(ms: number, lang: Lang = "en"): string {
  return decimal(ms / 1000, lang, 2);
}

/** What one consumer run measured, as the comparison needs it. */
export interface RunFigures {
  readonly records: number;
  readonly commits: number;
  /** From the first record handled to the last commit. */
  readonly activeMs: number;
}

/** The ratios of one comparison run: how many more commits, how much faster. */
export function compareFigures(
  batch: RunFigures,
  single: RunFigures,
): { commitsSingleToBatch?: number; speedBatchToSingle?: number } {
  return {
    commitsSingleToBatch: ratio(single.commits, batch.commits),
    speedBatchToSingle: ratio(
      perSecond(batch.records, batch.activeMs),
      perSecond(single.records, single.activeMs),
    ),
  };
}

/**
 * Which producer wrote each record of a partition, in offset order, e.g.
 * `1 2 1 2`: how the records of two producers interleave.
 */
export function producerSequence(
  deliveries: readonly { readonly producer: number; readonly offset: string }[],
): string {
  return [...deliveries]
    .sort((a, b) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1))
    .map((d) => String(d.producer))
    .join(" ");
}

/**
 * The nearest-rank percentile `p` (0-100) of `values`, or undefined when empty.
 *
 * @example
 * ```ts
 * percentile([5, 1, 3], 50); // 3
 * ```
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}
