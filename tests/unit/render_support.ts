/**
 * What the labs' renderer tests share: a context whose output is captured,
 * in a language, as text or as `--json` events, and a guide over it.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import { Guide, HEADINGS } from "../../lib/guide.ts";
import { Output } from "../../lib/output.ts";

/** A captured run: its context, a guide, and what was printed. */
export interface Captured {
  readonly ctx: Context;
  readonly guide: Guide;
  /** stdout, line by line (without the newline). */
  stdout(): string[];
  /** stderr, line by line. */
  stderr(): string[];
  /** stdout parsed as one JSON event per line. */
  events(): Array<Record<string, unknown> & { event: string }>;
}

/** A context that prints into memory, in `lang`, as text or (`json`) as events. */
export function capture(lang: Lang, options: { json?: boolean; quiet?: boolean } = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const output = new Output({
    json: options.json ?? false,
    quiet: options.quiet ?? false,
    verbose: false,
    color: false,
    lang,
  }, { out: (t) => out.push(t), err: (t) => err.push(t), errIsTerminal: false });
  const ctx = { out: output, config: { lang } } as unknown as Context;
  const guide = new Guide(ctx, {
    lab: "test",
    title: "test",
    theory: [],
    questions: [],
    headings: HEADINGS[lang],
    steps: 1,
  });
  const lines = (chunks: string[]) => chunks.join("").split("\n").slice(0, -1);
  return {
    ctx,
    guide,
    stdout: () => lines(out),
    stderr: () => lines(err),
    events: () => lines(out).map((l) => JSON.parse(l)),
  };
}
