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
import type { OptionSpec, ParsedArgs } from "../cli/args.ts";
import type { Command } from "../cli/command.ts";
import { PREFIX_OPTION, prefixOf } from "../cli/lab_options.ts";
import type { Context } from "../context.ts";
import { ExitCode, UsageError } from "../errors.ts";
import { fillText, localize, t } from "../i18n.ts";
import { table } from "../output.ts";
import { mergeNeeds, parseRoster, runTasks, summarize } from "../grading/run.ts";
import type { GradedLabsSource, LabTasks, Snapshot, TaskResult } from "../grading/types.ts";

/** Options of `check` (and `report`, which shares `--prefix`). */
export const CHECK_OPTIONS = [
  {
    ...PREFIX_OPTION,
    short: "p",
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
      "With --roster: print the class as CSV for a gradebook",
      "С --roster: вывести группу в CSV для журнала оценок",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The labs named on the command line (all when none). */
export async function selectLabs(
  source: GradedLabsSource,
  name: string | undefined,
): Promise<LabTasks[]> {
  const GRADED_LABS = await source.labs();
  if (name === undefined) return [...GRADED_LABS];
  const lab = GRADED_LABS.find((l) => l.lab === name);
  if (!lab) {
    const vars = { name, labs: GRADED_LABS.map((l) => l.lab).join(", ") };
    throw new UsageError(
      fillText(t("no graded lab '{name}'", "нет проверяемой лабораторной '{name}'"), vars),
      fillText(t("labs: {labs}", "лабораторные: {labs}"), vars),
    );
  }
  return [lab];
}

/** The prefixes to check: the roster's lines, else `--prefix`, else KAFKA_LAB_PREFIX, else "". */
export function prefixesOf(args: ParsedArgs): string[] {
  const roster = args.string("roster");
  if (roster === undefined) {
    return [prefixOf(args.string("prefix"))];
  }
  let text: string;
  try {
    text = Deno.readTextFileSync(roster);
  } catch (err) {
    throw new UsageError(
      fillText(
        t(
          "cannot read the roster {file}: {reason}",
          "не удаётся прочитать список {file}: {reason}",
        ),
        {
          file: roster,
          reason: (err as Error).message,
        },
      ),
      t(
        "give a text file with one student prefix per line",
        "укажите текстовый файл, по одному префиксу студента в строке",
      ),
    );
  }
  const prefixes = parseRoster(text);
  if (prefixes.length === 0) {
    throw new UsageError(
      fillText(t("the roster {file} lists no prefix", "в списке {file} нет ни одного префикса"), {
        file: roster,
      }),
    );
  }
  return prefixes;
}

/** Snapshots for the prefixes, warning when the registry did not answer. */
export async function snapshotsFor(
  ctx: Context,
  labs: readonly LabTasks[],
  prefixes: readonly string[],
): Promise<Snapshot[]> {
  const { takeSnapshots } = await import("../grading/snapshot.ts");
  const needs = mergeNeeds(labs.map((l) => l.needs));
  const snaps = await takeSnapshots(await ctx.kafka(), ctx.config.registryUrl, prefixes, needs);
  if (needs.subjects.length > 0 && snaps.some((s) => !s.registryReachable)) {
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
  return snaps;
}

async function oneStudentOneLab(ctx: Context, lab: LabTasks, snap: Snapshot): Promise<boolean> {
  const { resultJson, resultLines, summaryLine } = await import("../grading/render.ts");
  const { out } = ctx;
  const lang = ctx.config.lang;
  const results = runTasks(lab, snap);
  for (const r of results) {
    const [first, ...rest] = resultLines(r, lang);
    out.event(
      "task",
      { prefix: snap.prefix, ...resultJson(r, lang) },
      out.style(r.pass ? "green" : "red", first),
    );
    for (const l of rest) out.line(l);
  }
  const s = summarize(results);
  out.line();
  out.event(
    "summary",
    { prefix: snap.prefix, lab: lab.lab, ...s },
    out.style("bold", summaryLine(lab, s, lang)),
  );
  return s.ok;
}

async function oneStudentAllLabs(ctx: Context, labs: readonly LabTasks[], snap: Snapshot) {
  const { progressTable, resultJson } = await import("../grading/render.ts");
  const lang = ctx.config.lang;
  const all = labs.map((lab) => ({ lab, results: runTasks(lab, snap) }));
  for (const { lab, results } of all) {
    ctx.out.event("lab", {
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
  const { resultJson, rosterCsv, rosterTable, mark } = await import("../grading/render.ts");
  const lang = ctx.config.lang;
  const per = labs.map((lab) => ({
    lab,
    students: snaps.map((s) => ({ prefix: s.prefix, results: runTasks(lab, s) as TaskResult[] })),
  }));
  for (const { lab, students } of per) {
    for (const st of students) {
      ctx.out.event("student", {
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

/** The `check` command. */
export const checkCommand: Command = {
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
  options: CHECK_OPTIONS,
  examples: [
    "kafka-lab check lab2 --prefix anna.",
    "kafka-lab check --prefix anna.",
    "kafka-lab check lab2 --roster roster.txt",
    "kafka-lab check lab2 --roster roster.txt --csv > lab2.csv",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    if (args.bool("csv") && (args.string("roster") === undefined || args.bool("json"))) {
      throw new UsageError(
        t("--csv needs --roster and no --json", "--csv требует --roster и несовместим с --json"),
      );
    }
    const labs = await selectLabs(ctx.graded, args.positionals[0]);
    const prefixes = prefixesOf(args);
    const snaps = await snapshotsFor(ctx, labs, prefixes);
    let ok: boolean;
    if (args.string("roster") !== undefined) ok = await roster(ctx, labs, snaps, args.bool("csv"));
    else if (labs.length === 1) ok = await oneStudentOneLab(ctx, labs[0], snaps[0]);
    else ok = await oneStudentAllLabs(ctx, labs, snaps[0]);
    return ok ? ExitCode.ok : ExitCode.failed;
  },
};
