/**
 * The options `check`, `report` and `class` share, in a module of their own
 * so that the command table does not load the grading code (`select.ts`,
 * which re-exports them, and `run.ts`).
 * @module
 */
import type { OptionSpec } from "../cli/args.ts";
import { PREFIX_OPTION } from "../cli/lab_options.ts";
import { t } from "../i18n.ts";

/**
 * Options of `check` (and `report`, which shares `--prefix`). `--prefix` is
 * the shared option with a short form and the grader's words; like every
 * `--prefix`, it reaches the configuration, which ranks it above
 * `KAFKA_LAB_PREFIX` and `.env`.
 */
export const CHECK_OPTIONS = [
  {
    ...PREFIX_OPTION,
    description: t(
      "The student's prefix of topics, groups and subjects (env KAFKA_LAB_PREFIX): --prefix anna.",
      "Префикс студента у топиков, групп и субъектов (переменная KAFKA_LAB_PREFIX): --prefix anna.",
    ),
  },
  {
    name: "roster",
    type: "string",
    valueName: "FILE",
    description: t(
      "A class on one cluster: a file with one prefix per line (# starts a comment)",
      "Группа на одном кластере: файл с одним префиксом в строке (# — комментарий)",
    ),
  },
  {
    name: "csv",
    type: "boolean",
    description: t(
      "With --roster: print the class as one CSV gradebook table (student, lab, task, kind, status, evidence time, evidence)",
      "С --roster: вывести группу одной таблицей CSV для журнала (студент, лабораторная, задание, вид, статус, время, что найдено)",
    ),
  },
] as const satisfies readonly OptionSpec[];
