/**
 * A sparkline: a series of numbers as one line of block heights, the
 * lowest value `▁` and the highest `█`, e.g. a group's lag while a lab runs.
 *
 * @example
 * ```ts
 * sparkline([0, 4, 8, 4, 0]); // "▁▅█▅▁"
 * ```
 * @module
 */
import { type Paint, plain } from "./paint.ts";

const LEVELS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/**
 * The last `width` values (all when left out) as block heights from 0 (or
 * the smallest negative value) to the largest; an empty series is "".
 */
export function sparkline(
  values: readonly number[],
  options: { readonly width?: number; readonly paint?: Paint } = {},
): string {
  const shown = options.width ? values.slice(-options.width) : values;
  if (shown.length === 0) return "";
  const low = Math.min(0, ...shown);
  const high = Math.max(...shown);
  const span = high - low;
  const line = shown.map((v) =>
    span === 0 ? LEVELS[0] : LEVELS[Math.round(((v - low) / span) * (LEVELS.length - 1))]
  ).join("");
  return (options.paint ?? plain)("cyan", line);
}

/** `width` values picked evenly from `values` (first and last kept); all when there are fewer. */
export function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width || width < 2) return [...values];
  return Array.from(
    { length: width },
    (_, i) => values[Math.round((i * (values.length - 1)) / (width - 1))],
  );
}
