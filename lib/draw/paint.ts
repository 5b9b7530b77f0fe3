/**
 * How the pictures of `lib/draw/` get their colours: a function that wraps
 * text in a style. `Output.style` is one (colour only on a terminal, never
 * with NO_COLOR or `--json`); {@linkcode plain} leaves text as it is, so the
 * pictures' text form is what the snapshot tests compare.
 *
 * @example
 * ```ts
 * sparkline([1, 5, 3], { paint: out.style.bind(out) });
 * ```
 * @module
 */
import type { Style } from "../output.ts";

/** Wraps `text` in `style` (or not). */
export type Paint = (style: Style, text: string) => string;

/** No colour: the text form. */
export const plain: Paint = (_style: Style, text: string): string => text;

/** Pads `text` on the right to `width` characters (code points; no escape codes inside). */
export function padEnd(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + " ".repeat(width - length);
}

/** Pads `text` on the left to `width` characters. */
export function padStart(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : " ".repeat(width - length) + text;
}
