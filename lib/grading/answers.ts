/**
 * Pairs a lab's control questions (from its text table) with model answers,
 * so the answer key can never have more or fewer entries than the questions.
 *
 * @example
 * ```ts
 * const key = answerKey(LAB2_TEXT, [{ answer: t("...", "..."), provenBy: "..." }]);
 * ```
 * @module
 */
import type { Text } from "../i18n.ts";
import type { Answer } from "./types.ts";

/** A model answer before it is paired with its question. */
export interface ModelAnswer {
  readonly answer: Text;
  /** Name of the test in tests/answers/ that proves the behaviour stated. */
  readonly provenBy?: string;
}

/** The questions of a lab's text table. */
export interface QuestionTable {
  readonly en: { readonly questions: readonly string[] };
  readonly ru: { readonly questions: readonly string[] };
}

/**
 * The answer key: question i of `texts` with answer i. Throws when the counts
 * differ (a question was added without an answer), which the unit tests catch.
 */
export function answerKey(texts: QuestionTable, answers: readonly ModelAnswer[]): Answer[] {
  const { en, ru } = texts;
  if (en.questions.length !== answers.length || ru.questions.length !== answers.length) {
    throw new Error(
      `${en.questions.length} questions but ${answers.length} answers: every question needs one`,
    );
  }
  return answers.map((a, i) => ({
    question: { en: en.questions[i], ru: ru.questions[i] },
    answer: a.answer,
    ...(a.provenBy ? { provenBy: a.provenBy } : {}),
  }));
}
