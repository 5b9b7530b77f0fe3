/**
 * `kafka-lab report labN`: writes the lab report the course asks students to
 * hand in, as Markdown, filled with the evidence from the cluster and the
 * check results; the control questions are left for the student to answer.
 * This module only declares the command; its code (`report_run.ts`) is
 * loaded when it runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { REPORT_OPTIONS } from "./options.ts";

/** The `report` command. */
export const reportCommand: Command = defineCommand({
  name: "report",
  summary: t(
    "Write a lab's report (Markdown) with the evidence from the cluster",
    "Сформировать отчёт по лабораторной (Markdown) с данными из кластера",
  ),
  description: t(
    `Builds the report the course asks for: goal, Kafka version and mode, how the
cluster runs and the settings its brokers report (replication, min ISR, versions),
the evidence from the cluster (topics, sample records, group offsets, schemas; for
lab 4 the commits per batch and per record), the check results, with --exercise DIR
the student's code and its check-results.json, the control questions with room for
answers (not the answers), and conclusions. --lang chooses the language. Exit code
0 when the report was written.`,
    `Собирает отчёт, который требует курс: цель, версия Kafka и режим, как запущен
кластер и какие настройки сообщают его брокеры (репликация, min ISR, версии), данные
из кластера (топики, примеры записей, смещения групп, схемы; для лабораторной 4 —
фиксации на пакет и на запись), результаты проверки, с --exercise DIR — код
студента и его check-results.json, контрольные вопросы с местом для ответов (без
ответов) и выводы. Язык — --lang. Код выхода 0, когда отчёт записан.`,
  ),
  positionals: [{ name: "lab", required: true, description: t("lab1 .. lab6", "lab1 .. lab6") }],
  options: REPORT_OPTIONS,
  examples: [
    "kafka-lab report lab2 --prefix anna. --out lab2-anna.md",
    "kafka-lab report lab3 --lang ru",
    "kafka-lab report lab2 --exercise lab2-exercise --out lab2.md",
  ],
  run: async (ctx, args) => (await import("./report_run.ts")).report(ctx, args),
});
