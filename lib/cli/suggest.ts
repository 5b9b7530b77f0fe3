/**
 * "Did you mean": the names nearest to a mistyped word, by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours each
 * count one), so `stauts` finds `status` and `lsit` finds `list`.
 *
 * @example
 * ```ts
 * nearest("stauts", ["up", "status", "down"]); // ["status"]
 * ```
 * @module
 */
import type { Lang } from "../config.ts";
import { t, type Text } from "../i18n.ts";

/** The optimal-string-alignment distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i, ...new Array<number>(b.length).fill(0)]);
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The candidates close enough to `word` to suggest, nearest first (at most
 * three): within a third of the word's length (at least one edit, two for
 * longer words), or starting with it (`--form` finds `--format`).
 */
export function nearest(word: string, candidates: readonly string[]): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(w.length >= 5 ? 2 : 1, Math.floor(w.length / 3));
  const scored = [...new Set(candidates)]
    .map((c) => {
      const d = editDistance(w, c.toLowerCase());
      const prefix = w.length >= 3 && c.toLowerCase().startsWith(w);
      return { c, d: prefix ? Math.min(d, limit) : d };
    })
    .filter((s) => s.d <= limit && s.c !== word)
    .sort((x, y) => x.d - y.d);
  return scored.slice(0, 3).map((s) => s.c);
}

/** `a`, `a or b`, `a, b or c` in the user's language. */
export function orList(items: readonly string[], lang: Lang): string {
  const or = lang === "ru" ? " или " : " or ";
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}${or}${items.at(-1)}`;
}

/** "did you mean a or b?" in both languages; undefined when there is nothing to suggest. */
export function didYouMean(items: readonly string[]): Text | undefined {
  if (items.length === 0) return undefined;
  return t(
    `did you mean ${orList(items, "en")}?`,
    `возможно, вы имели в виду ${orList(items, "ru")}?`,
  );
}
