/**
 * `kafka-lab labN answers`: prints a lab's answer key for instructors — each
 * control question, its model answer, and the test that proves the behaviour
 * it states. Each lab's `mod.ts` adds it with its own lazy loader, so the
 * answers are loaded only when asked for.
 *
 * @example
 * ```ts
 * answersCommand(async () => (await import("./answers.ts")).LAB2_ANSWERS);
 * ```
 * @module
 */
import type { Command } from "../cli/command.ts";
import type { Context } from "../context.ts";
import { LAB_EVENTS } from "../events.ts";
import { localize, t } from "../i18n.ts";
import type { Answer } from "./types.ts";

/** Prints the answer key: a `lab.answer` event per question, text for humans. */
export function printAnswers(ctx: Context, answers: readonly Answer[]): void {
  const { out } = ctx;
  const lang = ctx.config.lang;
  const proven = localize(t("proven by the test", "доказано тестом"), lang);
  answers.forEach((a, i) => {
    const question = localize(a.question, lang);
    const answer = localize(a.answer, lang);
    out.event(
      LAB_EVENTS.answer,
      { n: i + 1, question, answer, provenBy: a.provenBy ?? null },
      `${out.style("bold", `${i + 1}. ${question}`)}\n   ${answer}`,
    );
    if (a.provenBy) out.line(out.style("dim", `   (${proven} "${a.provenBy}", tests/answers/)`));
    out.line();
  });
}

/** The `answers` subcommand of a lab. */
export function answersCommand(load: () => Promise<readonly Answer[]>): Command {
  return {
    name: "answers",
    summary: t(
      "Print model answers to the control questions (for instructors)",
      "Показать эталонные ответы на контрольные вопросы (для преподавателя)",
    ),
    description: t(
      `Each control question of the lab with a short model answer, correct for Kafka
4.1.1. Where an answer states a behaviour, the test in tests/answers/ that proves
it on a real cluster is named.`,
      `Каждый контрольный вопрос лабораторной с кратким эталонным ответом для Kafka
4.1.1. Если ответ утверждает что-то о поведении Kafka, указан тест из
tests/answers/, который доказывает это на настоящем кластере.`,
    ),
    run: async (ctx) => printAnswers(ctx, await load()),
  };
}
