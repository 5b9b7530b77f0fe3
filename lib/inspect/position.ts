/**
 * Positions in a partition as users write them: `earliest` (or `beginning`),
 * `latest` (or `end`), `offset:N` (`offset:-N` counts back from the end) and
 * `time:ISO`, and their resolution to an offset of each partition.
 *
 * `read --from` and `groups reset --to` take the same words, so a student who
 * learnt one knows the other.
 *
 * @example
 * ```ts
 * parsePosition("offset:-5", "from"); // { kind: "offset", offset: -5n }
 * resolveOffset({ kind: "offset", offset: -5n }, { low: "0", high: "12" }); // "7"
 * ```
 * @module
 */
import { UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";

/** Where in a partition to start reading or to move a group to. */
export type Position =
  | { readonly kind: "earliest" }
  | { readonly kind: "latest" }
  /** A fixed offset; negative counts back from the end. */
  | { readonly kind: "offset"; readonly offset: bigint }
  /** The first record at or after this time. */
  | { readonly kind: "time"; readonly ms: number; readonly iso: string };

/** The words `--from`/`--to` accept, for help texts (`earliest`/`latest` are accepted too). */
export const POSITION_WORDS = "beginning|end|offset:N|time:ISO";

/**
 * Parses a position; throws {@linkcode UsageError} naming `option` for
 * anything else.
 */
export function parsePosition(raw: string, option: string): Position {
  const value = raw.trim();
  const lower = value.toLowerCase();
  if (lower === "earliest" || lower === "beginning") return { kind: "earliest" };
  if (lower === "latest" || lower === "end") return { kind: "latest" };
  const vars = { option, raw, words: POSITION_WORDS };
  if (lower.startsWith("offset:")) {
    const n = value.slice("offset:".length).trim();
    if (/^[+-]?\d+$/.test(n)) return { kind: "offset", offset: BigInt(n) };
    throw new UsageError(
      fillText(
        t(
          "--{option} offset:N takes a whole number, not '{raw}'",
          "--{option} offset:N принимает целое число, а не '{raw}'",
        ),
        vars,
      ),
      t(
        "e.g. offset:0, or offset:-5 for the last five",
        "например offset:0 или offset:-5 (пять последних)",
      ),
    );
  }
  if (lower.startsWith("time:")) {
    const iso = value.slice("time:".length).trim();
    const ms = Date.parse(iso);
    if (iso !== "" && Number.isFinite(ms)) {
      return { kind: "time", ms, iso: new Date(ms).toISOString() };
    }
    throw new UsageError(
      fillText(
        t("--{option}: '{raw}' is not a date and time", "--{option}: '{raw}' — не дата и время"),
        vars,
      ),
      t(
        "write ISO 8601, e.g. time:2026-11-23T09:00:00Z",
        "укажите время в формате ISO 8601, например time:2026-11-23T09:00:00Z",
      ),
    );
  }
  throw new UsageError(
    fillText(
      t(
        "--{option} must be one of {words}, not '{raw}'",
        "--{option}: допустимо {words}, а не '{raw}'",
      ),
      vars,
    ),
  );
}

/** The first and next-to-write offsets of a partition (decimal strings). */
export interface Watermarks {
  readonly low: string;
  readonly high: string;
}

/**
 * The offset a position means in a partition, kept within `[low, high]`.
 * `time` positions need the broker's answer (`timeOffset`): the first offset
 * at or after the time, or `high` when every record is older.
 */
export function resolveOffset(position: Position, marks: Watermarks, timeOffset?: string): string {
  const low = BigInt(marks.low);
  const high = BigInt(marks.high);
  const clamp = (n: bigint) => (n < low ? low : n > high ? high : n).toString();
  switch (position.kind) {
    case "earliest":
      return low.toString();
    case "latest":
      return high.toString();
    case "offset":
      return clamp(position.offset < 0n ? high + position.offset : position.offset);
    case "time":
      return clamp(timeOffset === undefined ? high : BigInt(timeOffset));
  }
}

/** The position as the user wrote it, normalised: `offset:5`, `time:2026-...Z`. */
export function positionLabel(position: Position): string {
  switch (position.kind) {
    case "offset":
      return `offset:${position.offset}`;
    case "time":
      return `time:${position.iso}`;
    default:
      return position.kind;
  }
}
