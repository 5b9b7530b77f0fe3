/**
 * How a part of lab 5 reports: `ok`/`fail`/`note` lines like the guided run's
 * (so a part prints the same whether run alone or inside `kafka-lab lab5`),
 * and the table of measured figures every part ends with.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { EventDef } from "../../lib/events.ts";
import type { CheckData } from "../../lib/guide.ts";
import { table } from "../../lib/output.ts";
import { pick, type Translation } from "../../lib/i18n.ts";
import type { Tally } from "./model.ts";
import { LAB5_TEXT } from "./text.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Lab 5's texts in the user's language. */
export type Text = Translation<typeof LAB5_TEXT.en>;

/** The texts for this run. */
export function text(ctx: Context): Text {
  return pick(LAB5_TEXT, ctx.config.lang);
}

/** What a part reports through: the guided run's `Guide`, or {@linkcode PartReport} alone. */
export interface Reporter {
  ok<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void;
  fail<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void;
  note(text: string): void;
  readonly failures: number;
}

/** A reporter for a part run as its own subcommand: its title and explanation, then results. */
export class PartReport implements Reporter {
  readonly #ctx: Context;
  #failures = 0;

  constructor(ctx: Context, title: string, explanation: string) {
    this.#ctx = ctx;
    const { out } = ctx;
    out.event(LAB5_EVENTS.partStarted, { title });
    out.line(out.style("bold", `== ${title} ==`));
    out.text(explanation.split("\n").map((l) => (l ? `  ${l}` : l)).join("\n"));
  }

  get failures(): number {
    return this.#failures;
  }

  ok<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    const { out } = this.#ctx;
    const full = { ok: true, ...data } as unknown as D;
    out.event(event, full, `  ${out.style("green", "✓")} ${text}`);
  }

  fail<D extends CheckData>(text: string, data: NoInfer<Omit<D, "ok">>, event: EventDef<D>): void {
    this.#failures++;
    const { out } = this.#ctx;
    const full = { ok: false, ...data } as unknown as D;
    out.event(event, full, `  ${out.style("red", "✗")} ${text}`);
  }

  note(text: string): void {
    this.#ctx.out.text(text.split("\n").map((l) => (l ? `    ${l}` : l)).join("\n"));
  }

  /** The exit code: 1 when a result failed. */
  exitCode(): number {
    return this.#failures === 0 ? 0 : 1;
  }
}

/** One row of a figures table. */
export interface FigureRow {
  /** A name for scripts (`plain`, `safe`, `acks=1`...), the same in every language. */
  readonly key: string;
  readonly label: string;
  readonly tally: Tally;
  /** Failed sends the broker refused / whose outcome is unknown. */
  readonly refused?: number;
  readonly ambiguous?: number;
  /** The error codes of the failed sends, most frequent first. */
  readonly codes?: readonly string[];
  /** Records in the topic when it cannot be read by id (shown in place of the count by id). */
  readonly found?: number;
}

/** Prints the measured figures as a table (human) and one `figures` event per row (JSON). */
export function printFigures(
  ctx: Context,
  t: Text,
  part: "acks" | "min-isr" | "idempotence",
  rows: readonly FigureRow[],
): void {
  const { out } = ctx;
  for (const r of rows) {
    const { lostIds, duplicatedIds, ...figures } = r.tally;
    out.event(LAB5_EVENTS.figures, {
      part,
      key: r.key,
      label: r.label,
      ...figures,
      refused: r.refused ?? 0,
      ambiguous: r.ambiguous ?? 0,
      codes: [...(r.codes ?? [])],
      lostIds,
      duplicatedIds,
    });
  }
  const headers = [
    t.colRun,
    t.colSent,
    t.colAcked,
    t.colFailed,
    t.colFound,
    t.colLost,
    t.colDuplicated,
  ];
  const cells = rows.map((r) => [
    r.label,
    String(r.tally.sent),
    String(r.tally.acknowledged),
    String(r.tally.failed),
    String(r.found ?? r.tally.distinct),
    String(r.tally.lost),
    String(r.tally.duplicated),
  ]);
  out.line();
  for (const l of table(headers, cells)) out.line(`    ${l}`);
  out.line();
}
