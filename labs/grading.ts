/**
 * The graded labs in course order: each lab's tasks (its `check.ts`) and its
 * control questions (its `text.ts`). `kafka-lab check`, `kafka-lab report` and
 * `deno task grade` read this list. The answer keys (`answers.ts`) are for
 * instructors and never reached from here (`deno task answers`, tools/answers.ts).
 * @module
 */
import type { LabTasks } from "../lib/grading/types.ts";
import type { Text } from "../lib/i18n.ts";
import { LAB1_TASKS } from "./lab1_topics/check.ts";
import { LAB2_TASKS } from "./lab2_hello/check.ts";
import { LAB3_TASKS } from "./lab3_coordinates/check.ts";
import { LAB4_TASKS } from "./lab4_batch/check.ts";
import { LAB5_TASKS } from "./lab5_guarantees/check.ts";
import { LAB6_TASKS } from "./lab6_limits/check.ts";
import { LAB1_TEXT } from "./lab1_topics/text.ts";
import { LAB2_TEXT } from "./lab2_hello/text.ts";
import { LAB3_TEXT } from "./lab3_coordinates/text.ts";
import { LAB4_TEXT } from "./lab4_batch/text.ts";
import { LAB5_TEXT } from "./lab5_guarantees/text.ts";
import { LAB6_TEXT } from "./lab6_limits/text.ts";

interface QuestionTable {
  readonly en: { readonly questions: readonly string[] };
  readonly ru: { readonly questions: readonly string[] };
}

const QUESTION_TABLES: Readonly<Record<string, QuestionTable>> = {
  lab1: LAB1_TEXT,
  lab2: LAB2_TEXT,
  lab3: LAB3_TEXT,
  lab4: LAB4_TEXT,
  lab5: LAB5_TEXT,
  lab6: LAB6_TEXT,
};

/** Every graded lab's tasks, in course order. */
export const GRADED_LABS: readonly LabTasks[] = [
  LAB1_TASKS,
  LAB2_TASKS,
  LAB3_TASKS,
  LAB4_TASKS,
  LAB5_TASKS,
  LAB6_TASKS,
];

/** A lab's control questions (from its text table), for the report's room for answers. */
export function questionsOf(lab: string): readonly Text[] {
  const texts = QUESTION_TABLES[lab];
  if (!texts) return [];
  return texts.en.questions.map((en, i) => ({ en, ru: texts.ru.questions[i] }));
}
