/**
 * `kafka-lab check [labN]`: checks on the cluster what a student has done —
 * one line per task (✓/✗, the evidence, a hint), a summary, exit 0 when every
 * required task passes. Without a lab: every lab as a progress table. With
 * `--roster FILE` (one prefix per line): a class table, `--csv` for a gradebook.
 *
 * The labs' tasks come from the context (`ctx.graded`, wired by `main.ts`),
 * so `lib/` never imports `labs/`.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";
import { localize, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import { CHECK_OPTIONS, prefixesOf, selectLabs, snapshotsFor } from "../../lib/grading/select.ts";
import type { LabTasks, Snapshot, TaskResult } from "../../lib/grading/types.ts";
import { CHECK_EVENTS } from "./events.ts";

async function oneStudentOneLab(ctx: Context, lab: LabTasks, snap: Snapshot): Promise<boolean> {
  const { resultJson, resultLines, summaryLine } = await import("../../lib/grading/render.ts");
  const { out } = ctx;
  const lang = ctx.config.lang;
  const results = runTasks(lab, snap);
  for (const r of results) {
    const [first, ...rest] = resultLines(r, lang);
    out.event(
      CHECK_EVENTS.task,
      { prefix: snap.prefix, ...resultJson(r, lang) },
      out.style(r.pass ? "green" : "red", first),
    );
    for (const l of rest) out.line(l);
  }
  const s = summarize(results);
  out.line();
  out.event(
    CHECK_EVENTS.summary,
    { prefix: snap.prefix, lab: lab.lab, ...s },
    out.style("bold", summaryLine(lab, s, lang)),
  );
  return s.ok;
}

async function oneStudentAllLabs(ctx: Context, labs: readonly LabTasks[], snap: Snapshot) {
  const { progressTable, resultJson } = await import("../../lib/grading/render.ts");
  const lang = ctx.config.lang;
  const all = labs.map((lab) => ({ lab, results: runTasks(lab, snap) }));
  for (const { lab, results } of all) {
    ctx.out.event(CHECK_EVENTS.lab, {
      prefix: snap.prefix,
      lab: lab.lab,
      ...summarize(results),
      tasks: results.map((r) => resultJson(r, lang)),
    });
  }
  for (const l of progressTable(all, lang)) ctx.out.line(l);
  return all.every(({ results }) => summarize(results).ok);
}

async function roster(
  ctx: Context,
  labs: readonly LabTasks[],
  snaps: readonly Snapshot[],
  csv: boolean,
) {
  const { resultJson, rosterCsv, rosterTable, mark } = await import("../../lib/grading/render.ts");
  const lang = ctx.config.lang;
  const per = labs.map((lab) => ({
    lab,
    students: snaps.map((s) => ({ prefix: s.prefix, results: runTasks(lab, s) as TaskResult[] })),
  }));
  for (const { lab, students } of per) {
    for (const st of students) {
      ctx.out.event(CHECK_EVENTS.student, {
        prefix: st.prefix,
        lab: lab.lab,
        ...summarize(st.results),
        tasks: st.results.map((r) => resultJson(r, lang)),
      });
    }
  }
  if (csv) {
    for (const { lab, students } of per) ctx.out.line(rosterCsv(lab, students).trimEnd());
  } else if (per.length === 1) {
    for (const l of rosterTable(per[0].lab, per[0].students, lang)) ctx.out.line(l);
  } else {
    const rows = snaps.map((s, i) => [
      s.prefix,
      ...per.map(({ students }) => {
        const sum = summarize(students[i].results);
        return `${mark(sum.ok)} ${sum.requiredPassed}/${sum.requiredTotal}`;
      }),
    ]);
    for (
      const l of table([localize(t("student", "студент"), lang), ...labs.map((l) => l.lab)], rows)
    ) {
      ctx.out.line(l);
    }
  }
  return per.every(({ students }) => students.every((st) => summarize(st.results).ok));
}

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
    description: t("lab1 .. lab4 (default: all)", "lab1 .. lab4 (по умолчанию все)"),
  }],
  options: [...CHECK_OPTIONS, EXERCISE_OPTION],
  examples: [
    "kafka-lab check lab2 --prefix anna.",
    "kafka-lab check --prefix anna.",
    "kafka-lab check lab2 --roster roster.txt",
    "kafka-lab check lab2 --roster roster.txt --csv > lab2.csv",
    "kafka-lab check lab2 --exercise lab2-exercise",
  ],
  async run(ctx, args): Promise<number> {
    const v = args.values;
    if (v.exercise !== undefined) {
      const { checkExercise } = await import("../exercise/check.ts");
      return await checkExercise(ctx, args.positionals[0], v.exercise);
    }
    if (v.csv && (v.roster === undefined || ctx.out.json)) {
      throw new UsageError(
        t("--csv needs --roster and no --json", "--csv требует --roster и несовместим с --json"),
      );
    }
    const labs = await selectLabs(ctx.graded, args.positionals[0]);
    const prefixes = prefixesOf(v, ctx.config.prefix);
    const snaps = await snapshotsFor(ctx, labs, prefixes);
    let ok: boolean;
    if (v.roster !== undefined) ok = await roster(ctx, labs, snaps, v.csv);
    else if (labs.length === 1) ok = await oneStudentOneLab(ctx, labs[0], snaps[0]);
    else ok = await oneStudentAllLabs(ctx, labs, snaps[0]);
    return ok ? ExitCode.ok : ExitCode.failed;
  },
});
