/**
 * The numbered labs, in course order. Each lab folder's `mod.ts` exports one
 * command and only declares it: the code of each subcommand is loaded when it
 * runs. Labs never import each other, and what they share lives in `lib/`.
 * @module
 */
import type { Command } from "../lib/cli/command.ts";
import type { GradedLabsSource } from "../lib/grading/types.ts";
import { lab1 } from "./lab1_topics/mod.ts";
import { lab2 } from "./lab2_hello/mod.ts";
import { lab3 } from "./lab3_coordinates/mod.ts";
import { lab4 } from "./lab4_batch/mod.ts";
import { lab5 } from "./lab5_guarantees/mod.ts";
import { lab6 } from "./lab6_limits/mod.ts";

/** Every lab command, in the order students take them. */
export const LABS: readonly Command[] = [lab1, lab2, lab3, lab4, lab5, lab6];

/** The graded labs' tasks and control questions, loaded when `check` or `report` runs. */
export const GRADED_LABS_SOURCE: GradedLabsSource = {
  labs: async () => (await import("./grading.ts")).GRADED_LABS,
  questions: async (lab) => (await import("./grading.ts")).questionsOf(lab),
};
