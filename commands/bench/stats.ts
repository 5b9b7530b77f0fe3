/**
 * The numbers a bench run reports: latency percentiles (nearest rank, as
 * Kafka's perf tools compute them) and throughput in records and megabytes
 * per second. Pure functions over the samples, so they are unit-tested.
 *
 * @example
 * ```ts
 * percentile(Float64Array.of(5, 1, 3).sort(), 50); // 3
 * summarize({ records: 1000, bytes: 100_000, elapsedMs: 500, latenciesMs: Float64Array.of(1, 2) });
 * ```
 * @module
 */

/**
 * The `p`-th percentile (0 < p ≤ 100) of ascending-sorted samples by nearest
 * rank: the smallest sample with at least p % of the samples at or below it.
 * NaN when there are no samples.
 */
export function percentile(sorted: Float64Array, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], not ${p}`);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Latency percentiles in milliseconds. */
export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** What one bench run measured. */
export interface RunResult {
  readonly records: number;
  /** Payload bytes (record values). */
  readonly bytes: number;
  readonly elapsedMs: number;
  readonly recordsPerSec: number;
  /** Megabytes (10^6 bytes) of payload per second. */
  readonly mbPerSec: number;
  readonly latencyMs: Latency;
}

/** The raw measurements of a run. */
export interface Samples {
  readonly records: number;
  readonly bytes: number;
  readonly elapsedMs: number;
  /** One latency per record, in milliseconds (any order; sorted here). */
  readonly latenciesMs: Float64Array;
}

/** Throughput and latency percentiles of a run. */
export function summarize(samples: Samples): RunResult {
  const sorted = Float64Array.from(samples.latenciesMs).sort();
  const seconds = samples.elapsedMs / 1000;
  return {
    records: samples.records,
    bytes: samples.bytes,
    elapsedMs: samples.elapsedMs,
    recordsPerSec: seconds > 0 ? samples.records / seconds : 0,
    mbPerSec: seconds > 0 ? samples.bytes / 1e6 / seconds : 0,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    },
  };
}

/** `b` relative to `a` (records per second), e.g. 2.5 when `b` is 2.5 times faster. */
export function ratio(a: RunResult, b: RunResult): number {
  return a.recordsPerSec > 0 ? b.recordsPerSec / a.recordsPerSec : Number.NaN;
}
