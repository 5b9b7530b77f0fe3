/**
 * Where lab 5's renderers write: `ok`/`fail`/`note` lines like the guided
 * run's (so a part prints the same whether run alone or inside `kafka-lab
 * lab5`), `--json` events that have no line of their own, the figures tables
 * and `--verbose` details. A renderer gets a {@linkcode Screen}: the texts in
 * the user's language and a {@linkcode Reporter}.
 * @module
 */
import type { Paint } from "../../lib/draw/paint.ts";
import type { EventDef } from "../../lib/events.ts";
import type { CheckData } from "../../lib/guide.ts";
import { type Lang, pick, type Translation } from "../../lib/i18n.ts";
import { type Output, table } from "../../lib/output.ts";
import { LAB5_TEXT } from "./text.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Lab 5's texts in the user's language. */
export type Text = Translation<typeof LAB5_TEXT.en>;

/** The texts in `lang`. */
export function text(lang: Lang): Text {
  return pick(LAB5_TEXT, lang);
}

/** Result lines: the guided run's `Guide`, or {@linkcode OutputLines} when a part runs alone. */
export interface Lines {
  ok<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void;
  fail<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void;
  note(text: string): void;
  readonly failures: number;
}

/** What a renderer writes to: result lines, and what has no line of its own. */
export interface Reporter extends Lines {
  /** An event with no human line (`--json` only). */
  event<D>(def: EventDef<D>, data: NoInfer<D>): void;
  /** A table for humans (not with `--json`), indented under the results. */
  table(headers: readonly string[], rows: readonly (readonly string[])[]): void;
  /** A picture for humans (not with `--json`): lines drawn with `paint` (colour on a terminal only). */
  chart(draw: (paint: Paint) => readonly string[]): void;
  /** A detail for `--verbose`, on stderr. */
  debug(text: string): void;
}

/** What a renderer needs: the texts and language of this run, and where to write. */
export interface Screen {
  readonly t: Text;
  readonly lang: Lang;
  readonly r: Reporter;
}

/** Result lines printed straight to `out`, in the guided run's format. */
export class OutputLines implements Lines {
  protected readonly out: Output;
  #failures = 0;

  constructor(out: Output) {
    this.out = out;
  }

  get failures(): number {
    return this.#failures;
  }

  ok<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    const full = { ok: true, ...data } as unknown as D;
    this.out.event(event, full, `  ${this.out.style("green", "✓")} ${text}`);
  }

  fail<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    this.#failures++;
    const full = { ok: false, ...data } as unknown as D;
    this.out.event(event, full, `  ${this.out.style("red", "✗")} ${text}`);
  }

  note(text: string): void {
    this.out.text(indent(text, "    "));
  }
}

/** A part run as its own subcommand: its title and explanation, then its results. */
export class PartReport extends OutputLines {
  constructor(out: Output, title: string, explanation: string) {
    super(out);
    out.event(LAB5_EVENTS.partStarted, { title });
    out.line(out.style("bold", `== ${title} ==`));
    out.text(indent(explanation, "  "));
  }

  /** The exit code: 1 when a result failed. */
  exitCode(): number {
    return this.failures === 0 ? 0 : 1;
  }
}

class OutputReporter implements Reporter {
  readonly #out: Output;
  readonly #lines: Lines;

  constructor(out: Output, lines: Lines) {
    this.#out = out;
    this.#lines = lines;
  }

  get failures(): number {
    return this.#lines.failures;
  }

  ok<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    this.#lines.ok(text, data, event);
  }

  fail<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    this.#lines.fail(text, data, event);
  }

  note(text: string): void {
    this.#lines.note(text);
  }

  event<D>(def: EventDef<D>, data: NoInfer<D>): void {
    this.#out.event(def, data);
  }

  table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
    this.#out.line();
    for (const l of table(headers, rows)) this.#out.line(`    ${l}`);
    this.#out.line();
  }

  chart(draw: (paint: Paint) => readonly string[]): void {
    if (this.#out.json) return;
    for (const l of draw((style, text) => this.#out.style(style, text))) this.#out.line(`    ${l}`);
    this.#out.line();
  }

  debug(text: string): void {
    this.#out.debug(text);
  }
}

/** The screen of a run: `lines` for the results, `out` for the rest. */
export function screen(out: Output, lines: Lines, lang: Lang): Screen {
  return { t: text(lang), lang, r: new OutputReporter(out, lines) };
}

function indent(text: string, prefix: string): string {
  return text.split("\n").map((l) => (l ? prefix + l : l)).join("\n");
}
