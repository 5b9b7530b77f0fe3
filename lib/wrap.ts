/**
 * Text wrapped to the terminal: at spaces, measured as the terminal draws it
 * (escape codes count nothing, wide characters two). Help uses it always
 * (80 columns when piped); guided labs wrap their theory on a terminal.
 *
 * @example
 * ```ts
 * wrap("a long sentence", 8, 2); // ["a long", "  sentence"]
 * ```
 * @module
 */
import { visibleWidth } from "./output.ts";

/** The widest help ever gets, however wide the terminal. */
export const MAX_HELP_WIDTH = 100;

/** The width help wraps to: `COLUMNS`, else the terminal's, else 80; 40 to 100. */
export function helpWidth(
  env: Readonly<Record<string, string | undefined>> = { COLUMNS: Deno.env.get("COLUMNS") },
): number {
  let width = Number(env.COLUMNS);
  if (!Number.isInteger(width) || width <= 0) {
    width = 80;
    try {
      if (Deno.stdout.isTerminal()) width = Deno.consoleSize().columns;
    } catch {
      // No console size to ask (a pseudo-terminal without one): keep 80.
    }
  }
  return Math.max(40, Math.min(MAX_HELP_WIDTH, width));
}

/**
 * Wraps `text` at spaces to `width` columns: the first line after `first`,
 * the others after `indent` spaces. A word longer than a line stays whole.
 */
export function wrap(text: string, width: number, indent = 0, first = ""): string[] {
  const lines: string[] = [];
  let line = first;
  // The line's width, kept as words are added (measuring the whole line for each word
  // made a long help text quadratic).
  let lineWidth = visibleWidth(first);
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const wordWidth = visibleWidth(word);
    if (!empty && lineWidth + 1 + wordWidth > width) {
      lines.push(line);
      line = " ".repeat(indent) + word;
      lineWidth = indent + wordWidth;
    } else {
      line = empty ? line + word : `${line} ${word}`;
      lineWidth += (empty ? 0 : 1) + wordWidth;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

/**
 * A description's paragraphs re-wrapped to `width`. Lines that start with
 * spaces or a list mark (`-`, `*`, `•`, `1.`) start a new item, wrapped under
 * its own indent; other lines join the one before.
 */
export function reflow(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    if (out.length > 0) out.push("");
    const items: string[] = [];
    for (const raw of paragraph.split("\n")) {
      const starts = /^(\s+|[-*•]\s|\d+\.\s)/.test(raw);
      if (starts || items.length === 0) items.push(raw.trimEnd());
      else items[items.length - 1] += ` ${raw.trim()}`;
    }
    for (const item of items) {
      const lead = /^\s*(?:[-*•]\s+|\d+\.\s+)?/.exec(item)![0];
      out.push(...wrap(item.slice(lead.length), width, lead.length, lead));
    }
  }
  return out;
}
