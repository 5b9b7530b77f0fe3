/**
 * The answer key, for instructors only: `deno task answers [labN] [--lang ru] [--json]`
 * prints each control question with its model answer and the test in
 * tests/answers/ that proves the behaviour it states.
 *
 * It runs from the source tree and is never part of the students' program:
 * nothing `main.ts` loads reaches this file or the labs' `answers.ts`
 * (tests/unit/module_graph_test.ts fails if it does), so `deno compile`
 * leaves the key out of the binary.
 *
 * @example
 * ```sh
 * deno task answers lab3 --lang ru
 * ```
 * @module
 */
import { parseArgs } from "node:util";
import { LAB1_ANSWERS } from "../labs/lab1_topics/answers.ts";
import { LAB2_ANSWERS } from "../labs/lab2_hello/answers.ts";
import { LAB3_ANSWERS } from "../labs/lab3_coordinates/answers.ts";
import { LAB4_ANSWERS } from "../labs/lab4_batch/answers.ts";
import { LAB5_ANSWERS } from "../labs/lab5_guarantees/answers.ts";
import { LAB6_ANSWERS } from "../labs/lab6_limits/answers.ts";
import type { Lang } from "../lib/config.ts";
import { earlyLang } from "../lib/config_values.ts";
import { LAB_EVENTS } from "../lib/events.ts";
import type { Answer } from "../lib/grading/types.ts";
import { ExitCode, KafkaLabError, UsageError } from "../lib/errors.ts";
import { fillText, localize, t } from "../lib/i18n.ts";
import { createOutput, type Output } from "../lib/output.ts";

/** Every lab's answer key, in course order. */
export const ANSWER_KEYS: Readonly<Record<string, readonly Answer[]>> = {
  lab1: LAB1_ANSWERS,
  lab2: LAB2_ANSWERS,
  lab3: LAB3_ANSWERS,
  lab4: LAB4_ANSWERS,
  lab5: LAB5_ANSWERS,
  lab6: LAB6_ANSWERS,
};

/** A lab's answer key (empty for a lab without one). */
export function answersOf(lab: string): readonly Answer[] {
  return ANSWER_KEYS[lab] ?? [];
}

/** Prints one lab's key: a `lab.answer` event per question, text for humans. */
export function printAnswers(out: Output, lab: string, lang: Lang): void {
  const proven = localize(t("proven by the test", "доказано тестом"), lang);
  out.line(out.style("bold", `== ${lab} ==`));
  answersOf(lab).forEach((a, i) => {
    const question = localize(a.question, lang);
    const answer = localize(a.answer, lang);
    out.event(
      LAB_EVENTS.answer,
      { lab, n: i + 1, question, answer, provenBy: a.provenBy ?? null },
      `${out.style("bold", `${i + 1}. ${question}`)}\n   ${answer}`,
    );
    if (a.provenBy) out.line(out.style("dim", `   (${proven} "${a.provenBy}", tests/answers/)`));
    out.line();
  });
}

const USAGE = t(
  "usage: deno task answers [labN] [--lang en|ru] [--json]",
  "использование: deno task answers [labN] [--lang en|ru] [--json]",
);

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { lang: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message, USAGE);
  }
}

/** The labs `positionals` name (every lab with a key when none); a usage error otherwise. */
function labsNamed(positionals: readonly string[]): string[] {
  const known = Object.keys(ANSWER_KEYS);
  const unknown = positionals.filter((l) => !known.includes(l));
  if (unknown.length > 0) {
    throw new UsageError(
      fillText(t("no answer key for '{lab}'", "нет ключа ответов для '{lab}'"), {
        lab: unknown.join(", "),
      }),
      fillText(t("labs: {labs}", "лабораторные: {labs}"), { labs: known.join(", ") }),
    );
  }
  return positionals.length > 0 ? [...positionals] : known;
}

/** Runs the tool with `argv`; returns the exit code (2 for a usage error). */
export function runAnswers(argv: readonly string[], out?: Output): number {
  const lang = earlyLang(argv, Deno.env.toObject());
  const json = argv.includes("--json");
  const o = out ?? createOutput({ json, quiet: false, verbose: false, lang });
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      o.line(localize(USAGE, lang));
      return ExitCode.ok;
    }
    for (const lab of labsNamed(positionals)) printAnswers(o, lab, lang);
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof KafkaLabError)) throw err;
    o.error(err);
    return err.exitCode;
  }
}

if (import.meta.main) Deno.exit(runAnswers(Deno.args));
