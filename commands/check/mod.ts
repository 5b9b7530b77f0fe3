/**
 * `kafka-lab check [labN]`: checks on the cluster what a student has done —
 * one line per task (✓/✗, the evidence, a hint), a summary, exit 0 when every
 * required task passes. Without a lab: every lab as a progress table. With
 * `--roster FILE` (one prefix per line): a class table, `--csv` for one
 * gradebook table over every lab, `--overview md|html` for who is stuck where.
 * Every form grades through `gradeRoster` (`lib/grading/roster.ts`): one
 * snapshot of the cluster for the whole class.
 *
 * The labs' tasks come from the context (`ctx.graded`, wired by `main.ts`),
 * so `lib/` never imports `labs/`. This module only declares the command; its
 * code (`check.ts`) is loaded when it runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { CHECK_ALL_OPTIONS } from "./options.ts";

/** The `check` command. */
export const checkCommand: Command = defineCommand({
  name: "check",
  summary: t(
    "Check a student's lab work on the cluster (or a whole class with --roster)",
    "Проверить работу студента на кластере (или всей группы с --roster)",
  ),
  description: t(
    `Reads the cluster — topics and their configs, records, consumer groups and their
committed offsets, registry subjects — and checks each task of the lab: one line
per task with what it saw and, when it fails, what to do. Exit code 0 when every
required task passes, 1 otherwise. Without a lab: a progress table of every lab.
It does not matter how the work was done (kafka-lab, Python, kcat).`,
    `Читает кластер — топики и их настройки, записи, группы консьюмеров и их
зафиксированные смещения, субъекты реестра — и проверяет каждое задание: по строке
на задание с тем, что найдено, и, если задание не выполнено, что сделать. Код выхода
0, когда выполнены все обязательные задания, иначе 1. Без номера лабораторной —
таблица прогресса по всем. Неважно, чем сделана работа (kafka-lab, Python, kcat).`,
  ),
  positionals: [{
    name: "lab",
    description: t("lab1 .. lab6 (default: all)", "lab1 .. lab6 (по умолчанию все)"),
  }],
  options: CHECK_ALL_OPTIONS,
  examples: [
    "kafka-lab check lab2 --prefix anna.",
    "kafka-lab check --prefix anna.",
    "kafka-lab check lab2 --roster roster.txt",
    "kafka-lab check --roster roster.txt --csv > grades.csv",
    "kafka-lab check --roster roster.txt --overview html > class.html",
    "kafka-lab check lab3 --prefix anna. --group coordinates-python",
    "kafka-lab check lab2 --exercise lab2-exercise",
  ],
  run: async (ctx, args) => (await import("./check.ts")).check(ctx, args),
});
