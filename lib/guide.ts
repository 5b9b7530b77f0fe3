/**
 * The frame of a guided lab run: title and theory first, numbered steps with
 * what each does and what came back, a summary, then the control questions.
 * With `--quiet` only results are printed; with `--json` every step and
 * result is an event and the questions ride on the final `lab.done` event.
 *
 * @example
 * ```ts
 * const guide = new Guide(ctx, { lab: "lab1", title, theory, questions, steps: 3 });
 * guide.start();
 * guide.step("Create the topics", "Each topic gets partitions and replicas.");
 * guide.ok("hello-kafka created", { topic: "hello-kafka" }, LAB1_EVENTS.topicCreated);
 * guide.done(["3 topics ready"]);
 * ```
 * @module
 */
import type { Context } from "./context.ts";
import { type EventDataOf, type EventDef, LAB_EVENTS } from "./events.ts";
import { helpWidth, reflow } from "./wrap.ts";

/** The data of a check's event: it says whether the check passed in `ok`. */
export type CheckData = { readonly ok?: boolean };

/** What a lab adds to its `lab.done` event. */
export type DoneData = Omit<
  EventDataOf<typeof LAB_EVENTS.done>,
  "lab" | "ok" | "failures" | "summary" | "questions"
>;

/** What a guided run shows around its steps. */
export interface GuideTexts {
  /** `lab1` ... */
  readonly lab: string;
  readonly title: string;
  readonly theory: readonly string[];
  readonly questions: readonly string[];
  /** Headings, in the user's language. */
  readonly headings: {
    readonly step: string;
    readonly summary: string;
    readonly questions: string;
  };
  /** Number of steps, for "Step 2/5". */
  readonly steps: number;
}

/** Prints a guided run; see the module docs. */
export class Guide {
  readonly #ctx: Context;
  readonly #texts: GuideTexts;
  #step = 0;
  #failures = 0;

  /** Columns to wrap prose to on a terminal; undefined when piped (lines stay whole). */
  readonly #width: number | undefined;

  constructor(ctx: Context, texts: GuideTexts) {
    this.#ctx = ctx;
    this.#texts = texts;
    this.#width = Deno.stdout.isTerminal() ? helpWidth() : undefined;
  }

  /** Prose indented by `prefix`, wrapped to the terminal when there is one. */
  #prose(text: string, prefix = ""): string {
    if (this.#width === undefined) return indent(text, prefix);
    return reflow(text, this.#width - prefix.length).map((l) => l ? prefix + l : l).join("\n");
  }

  /**
   * Makes the guide of a lab from its text table (title, theory, questions in
   * the user's language) and prints the title and theory.
   */
  static begin(
    ctx: Context,
    lab: string,
    texts: {
      readonly title: string;
      readonly theory: readonly string[];
      readonly questions: readonly string[];
    },
    steps: number,
  ): Guide {
    const guide = new Guide(ctx, {
      lab,
      title: texts.title,
      theory: texts.theory,
      questions: texts.questions.map((q) => prefixCommands(q, ctx.config.prefix)),
      headings: HEADINGS[ctx.config.lang],
      steps,
    });
    guide.start();
    return guide;
  }

  /** Steps that reported a failure so far. */
  get failures(): number {
    return this.#failures;
  }

  /** The title and the theory. */
  start(): void {
    const { out } = this.#ctx;
    out.event(LAB_EVENTS.started, { lab: this.#texts.lab, title: this.#texts.title });
    out.line(out.style("bold", `== ${this.#texts.title} ==`));
    if (out.quiet) return;
    for (const paragraph of this.#texts.theory) {
      out.text();
      out.text(this.#prose(paragraph));
    }
  }

  /** Opens the next step: its title and what it does. */
  step(title: string, explanation?: string): void {
    const { out } = this.#ctx;
    this.#step++;
    out.event(LAB_EVENTS.step, {
      lab: this.#texts.lab,
      n: this.#step,
      of: this.#texts.steps,
      title,
    });
    out.line();
    out.line(
      out.style(
        "cyan",
        `${this.#texts.headings.step} ${this.#step}/${this.#texts.steps}: ${title}`,
      ),
    );
    if (explanation) out.text(this.#prose(explanation, "  "));
  }

  /** A result that went as expected: its line, and its event with `ok: true`. */
  ok<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    this.#ctx.out.event(
      event,
      { ok: true, ...data } as unknown as D,
      `  ${this.#ctx.out.style("green", "✓")} ${text}`,
    );
  }

  /** A result that did not (`ok: false`); the run ends with exit code 1. */
  fail<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    this.#failures++;
    this.#ctx.out.event(
      event,
      { ok: false, ...data } as unknown as D,
      `  ${this.#ctx.out.style("red", "✗")} ${text}`,
    );
  }

  /** A detail under a result (dropped by `--quiet`). */
  note(text: string): void {
    this.#ctx.out.text(this.#prose(text, "    "));
  }

  /** The summary and the control questions; returns the exit code. */
  done(summary: readonly string[], data: DoneData = {}): number {
    const { out } = this.#ctx;
    out.event(LAB_EVENTS.done, {
      lab: this.#texts.lab,
      ok: this.#failures === 0,
      failures: this.#failures,
      summary,
      questions: this.#texts.questions,
      ...data,
    });
    out.line();
    out.line(out.style("bold", this.#texts.headings.summary));
    for (const s of summary) out.line(`  ${s}`);
    if (!out.quiet) {
      out.line();
      out.line(out.style("bold", this.#texts.headings.questions));
      this.#texts.questions.forEach((q, i) => out.line(this.#prose(`${i + 1}. ${q}`, "  ")));
    }
    return this.#failures === 0 ? 0 : 1;
  }
}

/**
 * Adds `--prefix P` to every `` `kafka-lab labN …` `` command of a text that
 * has none, so a student on a shared cluster copies a command that uses
 * their own names (each name then carries the prefix once).
 *
 * @example
 * ```ts
 * prefixCommands("run `kafka-lab lab2 consume --group g`", "anna."); // "… --group g --prefix anna.`"
 * ```
 */
export function prefixCommands(text: string, prefix: string): string {
  if (prefix === "") return text;
  return text.replace(
    /`(kafka-lab lab\d[^`]*)`/g,
    (whole, cmd: string) =>
      /(^|\s)--prefix[\s=]/.test(cmd) ? whole : `\`${cmd} --prefix ${prefix}\``,
  );
}

function indent(text: string, prefix: string): string {
  return text.split("\n").map((l) => (l ? prefix + l : l)).join("\n");
}

/** The headings of a guided run, per language. */
export const HEADINGS = {
  en: { step: "Step", summary: "Summary", questions: "Control questions" },
  ru: { step: "Шаг", summary: "Итоги", questions: "Контрольные вопросы" },
} as const;
