/**
 * The report's parts beyond the cluster snapshot: the cluster setup actually
 * used (broker settings, versions), lab 4's commits per batch vs per record
 * (from the group's commit history), and the student's exercise — its code
 * and its check results. Pure: everything comes in as data.
 *
 * @example
 * ```ts
 * setupLines({ source: "broker 1", settings: { "min.insync.replicas": "1" }, versions: [] }, L);
 * ```
 * @module
 */
import { fillText, t, type Text } from "../../lib/i18n.ts";
import type { Snapshot } from "../../lib/grading/types.ts";

/** Localizes a {@linkcode Text} in the report's language. */
export type Localizer = (x: Text, vars?: Record<string, string | number>) => string;

/** The settings the cluster actually runs with, and where they were read. */
export interface ClusterSetup {
  /** Where the settings come from: `broker 1 (DescribeConfigs)`, a properties file… */
  readonly source: string;
  /** Setting name to value. */
  readonly settings: Readonly<Record<string, string>>;
  /** `name version` lines: Kafka, the registry, Java heap… */
  readonly versions: readonly string[];
}

/** One file of the student's exercise. */
export interface ExerciseFile {
  /** Path inside the exercise folder, `/` separated. */
  readonly path: string;
  readonly text: string;
}

/** The student's exercise folder as the report shows it. */
export interface ExerciseEvidence {
  readonly dir: string;
  readonly files: readonly ExerciseFile[];
  /** `check-results.json`, parsed; undefined when the folder has none. */
  readonly results?: unknown;
  /** Why `check-results.json` could not be read (it exists but is not JSON). */
  readonly resultsError?: string;
}

function row(cells: readonly (string | number)[]): string {
  const cell = (c: string | number) => String(c).replaceAll("|", "\\|").replaceAll("\n", " ");
  return `| ${cells.map(cell).join(" | ")} |`;
}

function mdTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  return [row(headers), row(headers.map(() => "---")), ...rows.map(row)];
}

/** Section 3's settings: the versions and the brokers' settings that decide the labs' outcomes. */
export function setupLines(setup: ClusterSetup, L: Localizer): string[] {
  const entries = Object.entries(setup.settings);
  return [
    `### ${L(t("Settings in use", "Настройки кластера"))}`,
    "",
    ...setup.versions.map((v) => `- ${v}`),
    ...(setup.versions.length > 0 ? [""] : []),
    L(t("Read from {source}:", "Прочитано: {source}:"), { source: setup.source }),
    "",
    ...(entries.length > 0
      ? mdTable([L(t("setting", "настройка")), L(t("value", "значение"))], entries)
      : [L(t("none could be read", "прочитать не удалось"))]),
    "",
  ];
}

/** Commits of one group on one topic, as the commit history tells them. */
interface CommitLike {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly time: number;
  readonly byMember?: boolean;
}

function historyOf(s: Snapshot, group: string): readonly CommitLike[] | undefined {
  const h = (s as Snapshot & {
    readonly history?: Readonly<Record<string, { readonly commits: readonly CommitLike[] }>>;
  }).history;
  return h === undefined ? undefined : (h[group]?.commits ?? []);
}

/** Records each commit of `group` moved the committed offset on, per partition. */
export function recordsPerCommit(s: Snapshot, group: string, topic: string): number[] | undefined {
  const commits = historyOf(s, group);
  if (commits === undefined) return undefined;
  const real = s.topics[topic]?.name ?? s.prefix + topic;
  const last = new Map<number, number>();
  for (const e of s.topics[topic]?.ends ?? []) last.set(e.partition, e.low);
  const steps: number[] = [];
  const mine = commits.filter((c) => c.topic === real && c.byMember !== false);
  for (const c of [...mine].sort((a, b) => a.time - b.time)) {
    const step = c.offset - (last.get(c.partition) ?? 0);
    last.set(c.partition, c.offset);
    if (step > 0) steps.push(step);
  }
  return steps;
}

/** Lab 4: how many records each commit of the batch and the single consumer covered. */
export function lab4CommitLines(s: Snapshot, L: Localizer): string[] {
  const heading = `### ${
    L(t("Commits per batch vs per record", "Фиксации: на пакет и на запись"))
  }`;
  const groups = [["batch-group", t("batch", "пакетный")], [
    "single-group",
    t("single", "поштучный"),
  ]];
  const rows = groups.map(([group, kind]) => {
    const steps = recordsPerCommit(s, group as string, "final-1-topic");
    if (steps === undefined) return undefined;
    const records = steps.reduce((a, b) => a + b, 0);
    const avg = steps.length === 0 ? "-" : (records / steps.length).toFixed(1);
    const max = steps.length === 0 ? "-" : Math.max(...steps);
    return [`${s.prefix}${group}`, L(kind as Text), steps.length, records, avg, max];
  });
  if (rows.some((r) => r === undefined)) {
    return [
      heading,
      "",
      L(t(
        "The commit history (`__consumer_offsets`) could not be read, so commits per record are not shown.",
        "Историю фиксаций (`__consumer_offsets`) прочитать не удалось, поэтому число записей на фиксацию не показано.",
      )),
      "",
    ];
  }
  return [
    heading,
    "",
    ...mdTable([
      L(t("group", "группа")),
      L(t("consumer", "консьюмер")),
      L(t("commits", "фиксаций")),
      L(t("records committed", "записей зафиксировано")),
      L(t("records per commit", "записей на фиксацию")),
      L(t("most in one commit", "больше всего за раз")),
    ], rows as (string | number)[][]),
    "",
    L(t(
      "The batch consumer should commit once per up to 10 records, the single consumer once per record.",
      "Пакетный консьюмер должен фиксировать раз на пакет до 10 записей, поштучный — после каждой записи.",
    )),
    "",
  ];
}

/** One criterion of the exercise check, from `check-results.json`, however it is spelled. */
interface Criterion {
  readonly id: string;
  readonly pass: boolean;
  readonly evidence: string;
  readonly hint: string;
}

function textIn(v: unknown, lang: "en" | "ru"): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && typeof (v as Record<string, unknown>)[lang] === "string") {
    return (v as Record<string, string>)[lang];
  }
  return "";
}

/** The criteria of a results file: an array, or the first array under a known key. */
export function criteriaOf(results: unknown, lang: "en" | "ru"): Criterion[] | undefined {
  const obj = results as Record<string, unknown> | null;
  const list = Array.isArray(results) ? results : ["criteria", "verdicts", "results", "checks"]
    .map((k) => obj?.[k]).find(Array.isArray);
  if (!Array.isArray(list)) return undefined;
  const out: Criterion[] = [];
  for (const item of list) {
    const o = item as Record<string, unknown> | null;
    const pass = o?.pass ?? o?.ok;
    if (typeof pass !== "boolean") return undefined;
    out.push({
      id: String(o?.id ?? o?.criterion ?? o?.name ?? ""),
      pass,
      evidence: textIn(o?.evidence, lang),
      hint: textIn(o?.hint, lang),
    });
  }
  return out;
}

const LANGUAGE_OF: Readonly<Record<string, string>> = { ts: "ts", py: "python", json: "json" };

/** The exercise: its check results (a table, else the JSON as it is), then every code file. */
export function exerciseLines(ex: ExerciseEvidence, L: Localizer, lang: "en" | "ru"): string[] {
  const lines = [
    `### ${L(t("Exercise: check results", "Упражнение: результаты проверки"))}`,
    "",
    `\`${ex.dir}\``,
    "",
  ];
  const criteria = ex.results === undefined ? undefined : criteriaOf(ex.results, lang);
  if (ex.resultsError) {
    lines.push(
      L(t("check-results.json is unreadable: {why}", "check-results.json не читается: {why}"), {
        why: ex.resultsError,
      }),
    );
  } else if (ex.results === undefined) {
    lines.push(L(t(
      "No check-results.json in the folder: run `kafka-lab check labN --exercise DIR` first.",
      "В папке нет check-results.json: сначала запустите `kafka-lab check labN --exercise DIR`.",
    )));
  } else if (criteria) {
    const mark = (p: boolean) => (p ? "✓" : "✗");
    lines.push(...mdTable(
      [
        "",
        L(t("criterion", "критерий")),
        L(t("evidence", "что найдено")),
        L(t("hint", "подсказка")),
      ],
      criteria.map((c) => [mark(c.pass), c.id, c.evidence, c.hint || "-"]),
    ));
  } else {
    lines.push("```json", JSON.stringify(ex.results, null, 2), "```");
  }
  lines.push("", `### ${L(t("Exercise: code", "Упражнение: код"))}`, "");
  if (ex.files.length === 0) lines.push(L(t("no .ts or .py files", "нет файлов .ts или .py")), "");
  for (const f of ex.files) {
    const language = LANGUAGE_OF[f.path.split(".").at(-1) ?? ""] ?? "";
    const fence = f.text.includes("```") ? "~~~~" : "```";
    lines.push(`#### ${f.path}`, "", `${fence}${language}`, f.text.trimEnd(), fence, "");
  }
  return lines;
}

/** A line of the form "n of m" for the exercise summary in the conclusions. */
export function exerciseTally(
  ex: ExerciseEvidence | undefined,
  lang: "en" | "ru",
): Text | undefined {
  const criteria = ex?.results === undefined ? undefined : criteriaOf(ex.results, lang);
  if (!criteria) return undefined;
  return fillText(
    t(
      "Exercise check: {p} of {n} criteria passed.",
      "Проверка упражнения: выполнено {p} из {n} критериев.",
    ),
    { p: criteria.filter((c) => c.pass).length, n: criteria.length },
  );
}
