/**
 * Text renderings of check results: a task line, the progress table of every
 * lab, the class table (student × task). The gradebook CSV and the class
 * overview are in `gradebook.ts`.
 *
 * @example
 * ```ts
 * rosterTable(lab2Tasks, [{ prefix: "anna.", results }], "en"); // ["student  hello-records …", …]
 * ```
 * @module
 */
import type { Lang } from "../config.ts";
import type { DataOf } from "../events.ts";
import type { TASK_FIELDS } from "./event_fields.ts";
import { localize, t, type Text } from "../i18n.ts";
import { table } from "../output.ts";
import { summarize, type Summary } from "./run.ts";
import type { LabTasks, TaskResult } from "./types.ts";

/** Words of the renderings. */
export const WORDS = {
  required: t("required", "обязательное"),
  extra: t("extra", "дополнительное"),
  hint: t("hint:", "подсказка:"),
  student: t("student", "студент"),
  lab: t("lab", "лабораторная"),
  requiredCol: t("required", "обязательные"),
  extrasCol: t("extras", "дополнительные"),
  done: t("done", "готово"),
  notDone: t("not done", "не готово"),
  noPrefix: t("(no prefix)", "(без префикса)"),
} as const;

/** ✓ or ✗. */
export function mark(pass: boolean): string {
  return pass ? "✓" : "✗";
}

/** The human lines of one result: `✓ title [required]: evidence`, then the hint when it failed. */
export function resultLines(r: TaskResult, lang: Lang): string[] {
  const kind = localize(r.required ? WORDS.required : WORDS.extra, lang);
  const lines = [
    `${mark(r.pass)} ${localize(r.title, lang)} [${kind}]`,
    `    ${localize(r.evidence, lang)}`,
  ];
  if (!r.pass && r.hint) lines.push(`    ${localize(WORDS.hint, lang)} ${localize(r.hint, lang)}`);
  return lines;
}

/** The summary line of one lab. */
export function summaryLine(lab: LabTasks, s: Summary, lang: Lang): string {
  const text: Text = t(
    `{title}: required {rp}/{rt}, extras {ep}/{et} — {verdict}`,
    `{title}: обязательные {rp}/{rt}, дополнительные {ep}/{et} — {verdict}`,
  );
  return localize(text, lang, {
    title: localize(lab.title, lang),
    rp: s.requiredPassed,
    rt: s.requiredTotal,
    ep: s.extraPassed,
    et: s.extraTotal,
    verdict: localize(s.ok ? WORDS.done : WORDS.notDone, lang),
  });
}

/** The progress table of every lab for one student. */
export function progressTable(
  labs: readonly { lab: LabTasks; results: readonly TaskResult[] }[],
  lang: Lang,
): string[] {
  const rows = labs.map(({ lab, results }) => {
    const s = summarize(results);
    return [
      lab.lab,
      `${mark(s.ok)} ${s.requiredPassed}/${s.requiredTotal}`,
      `${s.extraPassed}/${s.extraTotal}`,
      localize(lab.title, lang),
    ];
  });
  const w = (x: Text) => localize(x, lang);
  return table([w(WORDS.lab), w(WORDS.requiredCol), w(WORDS.extrasCol), ""], rows);
}

/** One student's results in a class. */
export interface StudentResults {
  readonly prefix: string;
  readonly results: readonly TaskResult[];
}

/** The class table: one row per student, one column per task, then required passed/total. */
export function rosterTable(
  lab: LabTasks,
  students: readonly StudentResults[],
  lang: Lang,
): string[] {
  const headers = [
    localize(WORDS.student, lang),
    ...lab.tasks.map((task) => task.required ? task.id : `(${task.id})`),
    localize(WORDS.requiredCol, lang),
  ];
  const rows = students.map(({ prefix, results }) => {
    const s = summarize(results);
    return [
      prefix || localize(WORDS.noPrefix, lang),
      ...lab.tasks.map((task) => mark(results.find((r) => r.task === task.id)?.pass === true)),
      `${mark(s.ok)} ${s.requiredPassed}/${s.requiredTotal}`,
    ];
  });
  return table(headers, rows);
}

/** A task's result as `--json` events carry it ({@linkcode TASK_FIELDS}). */
export type TaskJson = DataOf<typeof TASK_FIELDS>;

/** A result as JSON (texts in the user's language). */
export function resultJson(r: TaskResult, lang: Lang): TaskJson {
  return {
    lab: r.lab,
    task: r.task,
    required: r.required,
    pass: r.pass,
    title: localize(r.title, lang),
    evidence: localize(r.evidence, lang),
    hint: r.hint && !r.pass ? localize(r.hint, lang) : null,
    at: r.at ?? null,
  };
}
