/**
 * A graded class ({@linkcode RosterGrade}) as one gradebook table (CSV, RFC
 * 4180: one row per student, lab and task) and as a class overview that
 * shows who is stuck where (Markdown or HTML).
 *
 * @example
 * ```ts
 * const grade = await gradeRoster(ctx, roster);
 * await Deno.writeTextFile("grades.csv", gradebookCsv(grade, "en"));
 * await Deno.writeTextFile("class.md", overviewMarkdown(grade, "en"));
 * ```
 * @module
 */
import type { Lang } from "../config.ts";
import { localize, t } from "../i18n.ts";
import type { LabGrade, RosterGrade } from "./roster.ts";

/** The gradebook's columns, in order. */
export const GRADEBOOK_COLUMNS = [
  "student",
  "lab",
  "task",
  "kind",
  "status",
  "evidence_time",
  "evidence",
] as const;

/** One gradebook row. */
export type GradebookRow = Record<typeof GRADEBOOK_COLUMNS[number], string>;

/** Every student × lab × task as a row (`kind`: required|extra, `status`: pass|fail). */
export function gradebookRows(grade: RosterGrade, lang: Lang): GradebookRow[] {
  return grade.students.flatMap((st) =>
    st.labs.flatMap(({ lab, results }) =>
      results.map((r) => ({
        student: st.prefix,
        lab: lab.lab,
        task: r.task,
        kind: r.required ? "required" : "extra",
        status: r.pass ? "pass" : "fail",
        evidence_time: r.at ?? "",
        evidence: localize(r.evidence, lang),
      }))
    )
  );
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The gradebook as CSV (RFC 4180, CRLF line ends, a header row). */
export function gradebookCsv(grade: RosterGrade, lang: Lang): string {
  const lines = [GRADEBOOK_COLUMNS.join(",")];
  for (const row of gradebookRows(grade, lang)) {
    lines.push(GRADEBOOK_COLUMNS.map((c) => csvCell(row[c])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

const WORDS = {
  title: t("Class overview", "Обзор группы"),
  taken: t("cluster read at", "кластер прочитан"),
  student: t("student", "студент"),
  stuck: t("Where students are stuck", "Где студенты застряли"),
  lab: t("lab", "лабораторная"),
  task: t("required task", "обязательное задание"),
  passed: t("passed", "выполнили"),
  notYet: t("not yet", "ещё нет"),
  noPrefix: t("(no prefix)", "(без префикса)"),
  none: t(
    "every student passed every required task",
    "все студенты выполнили все обязательные задания",
  ),
} as const;

/** A cell of the overview: `✓ 5/5`, or `✗ 3/5 · first-failed-task`. */
export function labCell(g: LabGrade): string {
  const s = g.summary;
  if (s.ok) return `✓ ${s.requiredPassed}/${s.requiredTotal}`;
  const first = g.results.find((r) => r.required && !r.pass);
  return `✗ ${s.requiredPassed}/${s.requiredTotal} · ${first?.task ?? "?"}`;
}

interface Overview {
  readonly header: string[];
  readonly rows: string[][];
  readonly stuckHeader: string[];
  readonly stuck: string[][];
}

function overview(grade: RosterGrade, lang: Lang): Overview {
  const w = (x: (typeof WORDS)[keyof typeof WORDS]) => localize(x, lang);
  const rows = grade.students.map((st) => [
    st.prefix || w(WORDS.noPrefix),
    ...st.labs.map(labCell),
  ]);
  const stuck: string[][] = [];
  grade.labs.forEach((lab, i) => {
    for (const task of lab.tasks.filter((x) => x.required)) {
      const failed = grade.students.filter((st) =>
        !st.labs[i].results.find((r) => r.task === task.id)?.pass
      );
      if (failed.length === 0) continue;
      stuck.push([
        lab.lab,
        `${task.id}: ${localize(task.title, lang)}`,
        `${grade.students.length - failed.length}/${grade.students.length}`,
        failed.map((st) => st.prefix || w(WORDS.noPrefix)).join(", "),
      ]);
    }
  });
  return {
    header: [w(WORDS.student), ...grade.labs.map((l) => l.lab)],
    rows,
    stuckHeader: [w(WORDS.lab), w(WORDS.task), w(WORDS.passed), w(WORDS.notYet)],
    stuck,
  };
}

function mdTable(header: readonly string[], rows: readonly string[][]): string[] {
  const cell = (s: string) => s.replaceAll("|", "\\|");
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
}

/** The class overview in Markdown: students × labs, then the required tasks not everyone passed. */
export function overviewMarkdown(grade: RosterGrade, lang: Lang): string {
  const o = overview(grade, lang);
  const w = (x: (typeof WORDS)[keyof typeof WORDS]) => localize(x, lang);
  return [
    `# ${w(WORDS.title)}`,
    "",
    `${w(WORDS.taken)} ${grade.takenAt}`,
    "",
    ...mdTable(o.header, o.rows),
    "",
    `## ${w(WORDS.stuck)}`,
    "",
    ...(o.stuck.length > 0 ? mdTable(o.stuckHeader, o.stuck) : [w(WORDS.none)]),
    "",
  ].join("\n");
}

function esc(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function htmlTable(header: readonly string[], rows: readonly string[][]): string {
  const tr = (cells: readonly string[], tag: string) =>
    `<tr>${
      cells.map((c) => `<${tag}${c.startsWith("✗") ? ' class="stuck"' : ""}>${esc(c)}</${tag}>`)
        .join("")
    }</tr>`;
  return `<table>\n<thead>${tr(header, "th")}</thead>\n<tbody>\n${
    rows.map((r) => tr(r, "td")).join("\n")
  }\n</tbody>\n</table>`;
}

/** The class overview as one self-contained HTML page. */
export function overviewHtml(grade: RosterGrade, lang: Lang): string {
  const o = overview(grade, lang);
  const w = (x: (typeof WORDS)[keyof typeof WORDS]) => localize(x, lang);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(w(WORDS.title))}</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.stuck{background:#fde8e8}</style>
</head><body>
<h1>${esc(w(WORDS.title))}</h1>
<p>${esc(w(WORDS.taken))} ${esc(grade.takenAt)}</p>
${htmlTable(o.header, o.rows)}
<h2>${esc(w(WORDS.stuck))}</h2>
${o.stuck.length > 0 ? htmlTable(o.stuckHeader, o.stuck) : `<p>${esc(w(WORDS.none))}</p>`}
</body></html>
`;
}
