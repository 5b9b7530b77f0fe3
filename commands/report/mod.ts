/**
 * `kafka-lab report labN`: writes the lab report the course asks students to
 * hand in, as Markdown, filled with the evidence from the cluster and the
 * check results; the control questions are left for the student to answer.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, KafkaLabError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import { KAFKA_VERSION } from "../../lib/version.ts";
import { CHECK_OPTIONS, selectLabs, snapshotsFor } from "../../lib/grading/select.ts";
import type { Environment } from "./report.ts";
import { REPORT_EVENTS } from "./events.ts";

const REPORT_OPTIONS = [
  CHECK_OPTIONS[0],
  {
    name: "out",
    type: "string",
    valueName: "FILE",
    description: t(
      "Write the report to FILE (default: print it)",
      "Записать отчёт в FILE (по умолчанию — вывести)",
    ),
  },
  {
    name: "exercise",
    type: "string",
    valueName: "DIR",
    description: t(
      "Add the exercise in DIR: its .ts/.py code and check-results.json from `check --exercise`",
      "Добавить упражнение из DIR: код .ts/.py и check-results.json от `check --exercise`",
    ),
  },
] as const satisfies readonly OptionSpec[];

const SERVICES = ["kafka-1", "kafka-2", "kafka-3", "schema-registry", "kafka-ui"];

function environment(ctx: Context): Environment {
  const state = readState(ctx.config.stateDir);
  const base = {
    bootstrap: ctx.config.brokers,
    registryUrl: ctx.config.registryUrl,
  };
  if (!state) return { ...base, kafkaVersion: KAFKA_VERSION, parts: [] };
  return {
    ...base,
    kafkaVersion: state.kafkaVersion,
    runtime: state.runtime,
    clusterId: state.clusterId,
    parts: state.runtime === "docker"
      ? SERVICES
      : state.processes.map((p) => `${p.name} (pid ${p.pid})`),
  };
}

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
  async run(ctx, args): Promise<number> {
    const [lab] = await selectLabs(ctx.graded, args.positionals[0]);
    const prefix = ctx.config.prefix;
    const { clusterSetup, readExercise } = await import("./inputs.ts");
    const dir = args.values.exercise;
    const exercise = dir === undefined ? undefined : readExercise(dir);
    const [snapshot] = await snapshotsFor(ctx, [lab], [prefix]);
    const results = runTasks(lab, snapshot);
    const setup = await clusterSetup(ctx, snapshot.brokers);
    const { renderReport } = await import("./report.ts");
    const markdown = renderReport({
      lab,
      snapshot,
      results,
      questions: await ctx.graded.questions(lab.lab),
      environment: environment(ctx),
      lang: ctx.config.lang,
      setup,
      ...(exercise ? { exercise } : {}),
    });
    const file = args.values.out;
    const s = summarize(results);
    if (file === undefined) {
      ctx.out.event(REPORT_EVENTS.done, { lab: lab.lab, prefix, markdown, ...s }, markdown);
      return ExitCode.ok;
    }
    try {
      await Deno.writeTextFile(file, markdown);
    } catch (err) {
      throw new KafkaLabError(
        fillText(t("cannot write {file}: {reason}", "не удаётся записать {file}: {reason}"), {
          file,
          reason: (err as Error).message,
        }),
        {
          hint: t("choose a writable path with --out", "укажите доступный для записи путь в --out"),
        },
      );
    }
    ctx.out.event(
      REPORT_EVENTS.done,
      { lab: lab.lab, prefix, file, ...s },
      ctx.config.lang === "ru" ? `отчёт записан в ${file}` : `report written to ${file}`,
    );
    return ExitCode.ok;
  },
});
