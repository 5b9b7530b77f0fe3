/**
 * The options of `check` beyond those it shares with `report`
 * (`CHECK_OPTIONS` in `lib/grading/select.ts`).
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { t } from "../../lib/i18n.ts";
import { CHECK_OPTIONS } from "../../lib/grading/check_options.ts";

/** Every option of `check`. */
export const CHECK_COMMAND_OPTIONS = [
  ...CHECK_OPTIONS,
  {
    name: "group",
    short: "g",
    type: "string",
    valueName: "ID",
    description: t(
      "The consumer group the student's consumer used, if not the course's (lab 3: default users-coordinates-consumer, else any group that read); the prefix is added",
      "Группа, которой пользовался консьюмер студента, если не та, что в курсе (лаб. 3: по умолчанию users-coordinates-consumer, иначе любая прочитавшая); префикс добавляется",
    ),
  },
  {
    name: "overview",
    type: "string",
    choices: ["md", "html"],
    valueName: "md|html",
    description: t(
      "With --roster: print a class overview (who is stuck where) in Markdown or HTML",
      "С --roster: вывести обзор группы (кто где застрял) в Markdown или HTML",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** `--exercise DIR`: run and judge the student's programs instead of reading the cluster. */
const EXERCISE_OPTION = {
  name: "exercise",
  type: "string",
  valueName: "DIR",
  description: t(
    "Run the programs of an exercise folder (from `kafka-lab exercise labN`) and judge them",
    "Запустить программы из папки упражнения (от `kafka-lab exercise labN`) и оценить их",
  ),
} as const satisfies OptionSpec;

/** Every option of `check`, `--exercise` included. */
export const CHECK_ALL_OPTIONS = [...CHECK_COMMAND_OPTIONS, EXERCISE_OPTION] as const;
