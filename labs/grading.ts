/**
 * The graded labs in course order: each lab's tasks (its `check.ts`) and,
 * loaded on demand, its answer key (its `answers.ts`). `kafka-lab check`,
 * `kafka-lab report` and `deno task grade` read this list.
 * @module
 */
import type { Answer, LabTasks } from "../lib/grading/types.ts";
import { LAB1_TASKS } from "./lab1_topics/check.ts";
import { LAB2_TASKS } from "./lab2_hello/check.ts";
import { LAB3_TASKS } from "./lab3_coordinates/check.ts";
import { LAB4_TASKS } from "./lab4_batch/check.ts";
import { LAB6_TASKS } from "./lab6_limits/check.ts";

/** Every graded lab's tasks, in course order. */
export const GRADED_LABS: readonly LabTasks[] = [
  LAB1_TASKS,
  LAB2_TASKS,
  LAB3_TASKS,
  LAB4_TASKS,
  LAB6_TASKS,
];

/** A lab's answer key (loaded on first use). */
export async function answersOf(lab: string): Promise<readonly Answer[]> {
  switch (lab) {
    case "lab1":
      return (await import("./lab1_topics/answers.ts")).LAB1_ANSWERS;
    case "lab2":
      return (await import("./lab2_hello/answers.ts")).LAB2_ANSWERS;
    case "lab3":
      return (await import("./lab3_coordinates/answers.ts")).LAB3_ANSWERS;
    case "lab4":
      return (await import("./lab4_batch/answers.ts")).LAB4_ANSWERS;
    case "lab6":
      return (await import("./lab6_limits/answers.ts")).LAB6_ANSWERS;
    default:
      return [];
  }
}
