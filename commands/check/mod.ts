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
 * so `lib/` never imports `labs/`.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";
import { fillText, localize, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import { prefixesOf } from "../../lib/grading/select.ts";
import { gradeRoster, type RosterGrade } from "../../lib/grading/roster.ts";
import type { LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { CHECK_EVENTS } from "./events.ts";
import { CHECK_COMMAND_OPTIONS } from "./options.ts";

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

async function roster(ctx: Context, grade: RosterGrade, v: { csv: boolean; overview?: string }) {
  const { resultJson, rosterTable, mark } = await import("../../lib/grading/render.ts");
  const lang = ctx.config.lang;
  for (const st of grade.students) {
    for (const { lab, results, summary } of st.labs) {
      ctx.out.event(CHECK_EVENTS.student, {
        prefix: st.prefix,
        lab: lab.lab,
        ...summary,
        tasks: results.map((r) => resultJson(r, lang)),
      });
    }
  }
  const book = await import("../../lib/grading/gradebook.ts");
  if (v.csv) {
    ctx.out.line(book.gradebookCsv(grade, lang).trimEnd().replaceAll("\r\n", "\n"));
  } else if (v.overview === "md") {
    ctx.out.line(book.overviewMarkdown(grade, lang).trimEnd());
  } else if (v.overview === "html") {
    ctx.out.line(book.overviewHtml(grade, lang).trimEnd());
  } else if (grade.labs.length === 1) {
    const students = grade.students.map((st) => ({
      prefix: st.prefix,
      results: st.labs[0].results,
    }));
    for (const l of rosterTable(grade.labs[0], students, lang)) ctx.out.line(l);
  } else {
    const rows = grade.students.map((st) => [
      st.prefix,
      ...st.labs.map(({ summary: s }) => `${mark(s.ok)} ${s.requiredPassed}/${s.requiredTotal}`),
    ]);
    const header = [localize(t("student", "студент"), lang), ...grade.labs.map((l) => l.lab)];
    for (const l of table(header, rows)) ctx.out.line(l);
  }
  return grade.ok;
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
    description: t("lab1 .. lab6 (default: all)", "lab1 .. lab6 (по умолчанию все)"),
  }],
  options: [...CHECK_COMMAND_OPTIONS, EXERCISE_OPTION],
  examples: [
    "kafka-lab check lab2 --prefix anna.",
    "kafka-lab check --prefix anna.",
    "kafka-lab check lab2 --roster roster.txt",
    "kafka-lab check --roster roster.txt --csv > grades.csv",
    "kafka-lab check --roster roster.txt --overview html > class.html",
    "kafka-lab check lab3 --prefix anna. --group coordinates-python",
    "kafka-lab check lab2 --exercise lab2-exercise",
  ],
  async run(ctx, args): Promise<number> {
    const v = args.values;
    if (v.exercise !== undefined) {
      const { checkExercise } = await import("../exercise/check.ts");
      return await checkExercise(ctx, args.positionals[0], v.exercise);
    }
    if ((v.csv || v.overview !== undefined) && (v.roster === undefined || ctx.out.json)) {
      throw new UsageError(
        t(
          "--csv and --overview need --roster and no --json",
          "--csv и --overview требуют --roster и несовместимы с --json",
        ),
      );
    }
    const lab = args.positionals[0];
    const grade = await gradeRoster(ctx, prefixesOf(v, ctx.config.prefix), {
      labs: lab === undefined ? [] : [lab],
      ...(v.group !== undefined ? { groups: groupsFor(lab, v.group) } : {}),
      onRegistryDown: () => warnRegistryDown(ctx),
    });
    let ok: boolean;
    if (v.roster !== undefined) ok = await roster(ctx, grade, v);
    else if (grade.labs.length === 1) {
      ok = await oneStudentOneLab(ctx, grade.labs[0], grade.students[0].snapshot);
    } else ok = await oneStudentAllLabs(ctx, grade.labs, grade.students[0].snapshot);
    return ok ? ExitCode.ok : ExitCode.failed;
  },
});

/** `--group G` for the lab named, or for every lab. */
function groupsFor(lab: string | undefined, group: string): Record<string, string> {
  return lab !== undefined ? { [lab]: group } : { lab2: group, lab3: group, lab4: group };
}

function warnRegistryDown(ctx: Context): void {
  ctx.out.warn(
    fillText(
      t(
        "the Schema Registry at {url} did not answer: schema tasks fail",
        "Schema Registry по адресу {url} не ответил: задания со схемой не будут засчитаны",
      ),
      { url: ctx.config.registryUrl },
    ),
  );
}
