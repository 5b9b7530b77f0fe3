/**
 * A partition as an offset strip: from offset 0 to the end offset, the part
 * already deleted (`·`, before the log start), the part the group has read
 * (`█`, up to its committed offset), and its lag (`░`, from the committed
 * offset to the end). A group that never committed shows `▒` (where it
 * starts depends on auto.offset.reset).
 *
 * @example
 * ```ts
 * offsetStrip({ start: 0n, committed: 6n, end: 8n }, { width: 8 }); // "██████░░"
 * ```
 * @module
 */
import { type Paint, plain } from "./paint.ts";

/** A partition's offsets (decimal strings or bigints). */
export interface StripOffsets {
  readonly start: bigint | string;
  /** The next offset the group reads; null when it never committed. */
  readonly committed: bigint | string | null;
  readonly end: bigint | string;
}

/** Where `offset` falls on `width` cells spanning 0..`end`. */
function cellAt(offset: bigint, end: bigint, width: number): number {
  if (end <= 0n) return 0;
  const clamped = offset < 0n ? 0n : offset > end ? end : offset;
  return Number((clamped * BigInt(width * 2) + end) / (end * 2n));
}

/** The strip, `width` cells (24 when left out); an empty partition is all `·`. */
export function offsetStrip(
  offsets: StripOffsets,
  options: { readonly width?: number; readonly paint?: Paint } = {},
): string {
  const width = options.width ?? 24;
  const paint = options.paint ?? plain;
  const end = BigInt(offsets.end);
  if (end <= 0n) return paint("dim", "·".repeat(width));
  const start = BigInt(offsets.start);
  const s = cellAt(start, end, width);
  if (offsets.committed === null) {
    return paint("dim", "·".repeat(s)) + paint("yellow", "▒".repeat(width - s));
  }
  const committed = BigInt(offsets.committed);
  let c = Math.max(s, cellAt(committed, end, width));
  // Any lag shows as at least one cell, any progress too.
  if (committed < end && c === width) c = width - 1;
  if (committed > start && c === s && s < width - 1 && committed < end) c = s + 1;
  return paint("dim", "·".repeat(s)) + paint("green", "█".repeat(c - s)) +
    paint("yellow", "░".repeat(width - c));
}
