/**
 * The lab report as Markdown, in the order the course's manual asks for it:
 * goal, Kafka version and mode, how the cluster runs, the evidence from the
 * cluster (topics, sample records, group offsets, schemas), the check
 * results, the control questions with room for answers, and conclusions.
 * Pure: everything comes in as data.
 *
 * @example
 * ```ts
 * const md = renderReport({ lab, snapshot, results, questions, environment, lang: "en" });
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { GLOSSARY } from "../../lib/glossary.ts";
import { localize, t, type Text } from "../../lib/i18n.ts";
import { positions, utf8 } from "../../lib/grading/facts.ts";
import { mark } from "../../lib/grading/render.ts";
import { summarize } from "../../lib/grading/run.ts";
import {
  type ClusterSetup,
  type ExerciseEvidence,
  exerciseLines,
  exerciseTally,
  lab4CommitLines,
  setupLines,
} from "./sections.ts";
import type {
  LabTasks,
  RecordSnap,
  Snapshot,
  TaskResult,
  TopicSnap,
} from "../../lib/grading/types.ts";

/** How the cluster runs, as far as the program can tell. */
export interface Environment {
  readonly kafkaVersion: string;
  readonly bootstrap: readonly string[];
  readonly registryUrl: string;
  /** `java` or `docker` for a cluster started by `kafka-lab up`; undefined for another cluster. */
  readonly runtime?: "java" | "docker";
  /** Processes (java) or compose services (docker) of the local cluster. */
  readonly parts: readonly string[];
  readonly clusterId?: string;
}

/** What a report is made of. */
export interface ReportInput {
  readonly lab: LabTasks;
  readonly snapshot: Snapshot;
  readonly results: readonly TaskResult[];
  readonly questions: readonly Text[];
  readonly environment: Environment;
  readonly lang: Lang;
  /** Sample records shown per topic (default 5). */
  readonly samples?: number;
  /** The settings the cluster runs with (section 3). */
  readonly setup?: ClusterSetup;
  /** The student's exercise folder (`--exercise DIR`): code and check results (section 5). */
  readonly exercise?: ExerciseEvidence;
}

const H = {
  report: t("Report", "Отчёт"),
  student: t("Student (prefix)", "Студент (префикс)"),
  date: t("Date", "Дата"),
  goal: t("1. Goal", "1. Цель работы"),
  version: t("2. Kafka version and mode", "2. Версия Kafka и режим"),
  cluster: t("3. How the cluster runs", "3. Как запущен кластер"),
  evidence: t("4. Evidence from the cluster", "4. Данные из кластера"),
  topics: t("Topics", "Топики"),
  records: t("Sample records", "Примеры записей"),
  groups: t("Consumer groups", "Группы консьюмеров"),
  schemas: t("Schemas", "Схемы"),
  checks: t("5. Check results", "5. Результаты проверки"),
  questions: t("6. Control questions", "6. Контрольные вопросы"),
  conclusions: t("7. Conclusions", "7. Выводы"),
  answerHere: t("_Your answer:_", "_Ваш ответ:_"),
  terms: t(
    "The course's terms (English — Russian):",
    "Термины курса (английский — русский), пишите ответы ими:",
  ),
  none: t("none", "нет"),
  missing: t("does not exist", "не существует"),
} as const;

function row(cells: readonly (string | number)[]): string {
  return `| ${
    cells.map((c) => String(c).replaceAll("|", "\\|").replaceAll("\n", " ")).join(" | ")
  } |`;
}

function mdTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string[] {
  return [row(headers), row(headers.map(() => "---")), ...rows.map(row)];
}

/** A value for a report: text, or `schema <id>: <json>` for the registry's wire format. */
export function showValue(value: Uint8Array | null, max = 100): string {
  if (value === null) return "null";
  let text: string;
  if (value.length >= 5 && value[0] === 0) {
    const id = new DataView(value.buffer, value.byteOffset, value.byteLength).getInt32(1);
    text = `[schema ${id}] ${utf8(value.subarray(5))}`;
  } else {
    text = utf8(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Localizes {@linkcode Text} in one language: the report's `L(x)`. */
type Localizer = (x: Text, vars?: Record<string, string | number>) => string;

function localizer(lang: Lang): Localizer {
  return (x, vars) => localize(x, lang, vars);
}

function topicSection(topic: TopicSnap, lang: Lang, samples: number): string[] {
  const L = localizer(lang);
  const configs = Object.entries(topic.configs).map(([k, v]) => `${k}=${v}`).join(", ") ||
    L(H.none);
  return [
    `#### ${topic.name}`,
    "",
    L(
      t(
        "{p} partition(s), replication factor {rf}; configs: {configs}",
        "партиций {p}, фактор репликации {rf}; настройки: {configs}",
      ),
      { p: topic.partitions.length, rf: topic.replicationFactor, configs },
    ),
    "",
    ...partitionTable(topic, L),
    "",
    ...sampleLines(topic.records.slice(0, samples), topic, L),
  ];
}

/** Each partition's leader, replicas, ISR and offsets. */
function partitionTable(topic: TopicSnap, L: Localizer): string[] {
  return mdTable(
    [
      L(t("partition", "партиция")),
      L(t("leader", "лидер")),
      L(t("replicas", "реплики")),
      "ISR",
      L(t("offsets", "смещения")),
    ],
    topic.partitions.map((p) => {
      const e = topic.ends.find((x) => x.partition === p.partition);
      return [
        p.partition,
        p.leader,
        p.replicas.join(","),
        p.isr.join(","),
        e ? `${e.low}..${e.high}` : "-",
      ];
    }),
  );
}

/** The sample records as a table under a count of all records; nothing without samples. */
function sampleLines(sample: readonly RecordSnap[], topic: TopicSnap, L: Localizer): string[] {
  if (sample.length === 0) return [];
  const total = topic.ends.reduce((n, e) => n + e.high - e.low, 0);
  return [
    `${L(H.records)} (${sample.length}/${total}):`,
    "",
    ...mdTable(
      [
        L(t("partition/offset", "партиция/смещение")),
        L(t("key", "ключ")),
        L(t("value", "значение")),
        L(t("headers", "заголовки")),
      ],
      sample.map((r) => [
        `${r.partition}/${r.offset}`,
        r.key === null ? "null" : utf8(r.key),
        "`" + showValue(r.value) + "`",
        Object.entries(r.headers).map(([k, v]) => `${k}=${v}`).join("; ") || "-",
      ]),
    ),
    "",
  ];
}

function groupsSection(s: Snapshot, lang: Lang): string[] {
  const groups = Object.values(s.groups);
  if (groups.length === 0) return [localize(H.none, lang), ""];
  const rows = groups.flatMap((g) => {
    const topics = [...new Set(g.offsets.map((o) => o.topic))];
    return topics.map((course) => {
      const topic = s.topics[course];
      const committed = new Map(
        g.offsets.filter((o) => o.topic === course).map((o) => [o.partition, o.offset]),
      );
      return [
        g.id,
        g.state,
        g.members.length,
        topic?.name ?? course,
        topic ? positions(topic, committed) : "-",
      ];
    });
  });
  const L = (x: Text) => localize(x, lang);
  return [
    ...mdTable(
      [
        L(t("group", "группа")),
        L(t("state", "состояние")),
        L(t("members", "участники")),
        L(t("topic", "топик")),
        L(t("committed/end", "зафиксировано/конец")),
      ],
      rows,
    ),
    "",
  ];
}

function schemasSection(s: Snapshot, lang: Lang): string[] {
  const subjects = Object.values(s.subjects);
  if (subjects.length === 0) return [localize(H.none, lang), ""];
  return subjects.flatMap((subject) => {
    const latest = subject.versions.at(-1)!;
    let pretty = latest.schema;
    try {
      pretty = JSON.stringify(JSON.parse(latest.schema), null, 2);
    } catch { /* shown as stored */ }
    return [
      `${subject.name}: ${
        localize(t("version {v}, id {id}, type {type}", "версия {v}, id {id}, тип {type}"), lang, {
          v: latest.version,
          id: latest.id,
          type: latest.schemaType,
        })
      }`,
      "",
      "```json",
      pretty,
      "```",
      "",
    ];
  });
}

function environmentLines(
  env: Environment,
  s: Snapshot,
  lang: Lang,
  setup?: ClusterSetup,
): string[] {
  const L = localizer(lang);
  const version = [
    L(
      t(
        "Apache Kafka {v} in KRaft mode (no ZooKeeper: a quorum of controllers keeps the metadata); {n} broker(s): {ids}.",
        "Apache Kafka {v} в режиме KRaft (без ZooKeeper: метаданные хранит кворум контроллеров); брокеров: {n} ({ids}).",
      ),
      { v: env.kafkaVersion, n: s.brokers.length, ids: s.brokers.join(", ") },
    ),
  ];
  if (env.clusterId) version.push("", `cluster id: ${env.clusterId}`);
  const cluster = env.runtime === "docker"
    ? L(
      t("Docker Compose (`kafka-lab up`), services:", "Docker Compose (`kafka-lab up`), сервисы:"),
    )
    : env.runtime === "java"
    ? L(
      t(
        "Java runtime (`kafka-lab up`: the Kafka and Apicurio Registry jars from Maven Central), processes:",
        "Java (`kafka-lab up`: jar-файлы Kafka и Apicurio Registry из Maven Central), процессы:",
      ),
    )
    : L(t("A cluster not started by kafka-lab.", "Кластер, запущенный не через kafka-lab."));
  return [
    `## ${L(H.version)}`,
    "",
    ...version,
    "",
    `## ${L(H.cluster)}`,
    "",
    cluster,
    "",
    ...env.parts.map((p) => `- ${p}`),
    ...(env.parts.length > 0 ? [""] : []),
    `- bootstrap: ${env.bootstrap.join(", ")}`,
    `- Schema Registry: ${env.registryUrl}`,
    "",
    ...(setup ? setupLines(setup, L) : []),
  ];
}

/** The report's Markdown. */
export function renderReport(input: ReportInput): string {
  const { lab, snapshot: s, lang } = input;
  const L = localizer(lang);
  return [
    `# ${L(lab.title)} — ${L(H.report)}`,
    "",
    `- ${L(H.student)}: ${s.prefix ? `\`${s.prefix}\`` : "-"}`,
    `- ${L(H.date)}: ${s.takenAt}`,
    "",
    `## ${L(H.goal)}`,
    "",
    L(lab.goal),
    "",
    ...environmentLines(input.environment, s, lang, input.setup),
    ...evidenceLines(lab, s, lang, input.samples ?? 5),
    ...checkLines(input.results, L),
    ...(input.exercise ? exerciseLines(input.exercise, L, lang) : []),
    ...questionLines(input.questions, L),
    ...conclusionLines(input.results, L),
    ...exerciseConclusion(input.exercise, lang),
  ].join("\n");
}

/** Section 4: the lab's topics (or that they are missing), the groups, the schemas. */
function evidenceLines(lab: LabTasks, s: Snapshot, lang: Lang, samples: number): string[] {
  const L = localizer(lang);
  const lines = [`## ${L(H.evidence)}`, "", `### ${L(H.topics)}`, ""];
  for (const name of lab.needs.topics) {
    const topic = s.topics[name];
    if (topic) lines.push(...topicSection(topic, lang, samples));
    else lines.push(`#### ${s.prefix}${name}`, "", L(H.missing), "");
  }
  if (lab.needs.topics.length === 0) lines.push(L(H.none), "");
  lines.push(`### ${L(H.groups)}`, "", ...groupsSection(s, lang));
  if (lab.needs.subjects.length > 0) {
    lines.push(`### ${L(H.schemas)}`, "", ...schemasSection(s, lang));
  }
  if (lab.lab === "lab4") lines.push(...lab4CommitLines(s, L));
  return lines;
}

/** Section 5: one row per task with its mark and evidence. */
function checkLines(results: readonly TaskResult[], L: Localizer): string[] {
  return [
    `## ${L(H.checks)}`,
    "",
    ...mdTable(
      ["", L(t("task", "задание")), L(t("kind", "вид")), L(t("evidence", "что найдено"))],
      results.map((r) => [
        mark(r.pass),
        L(r.title),
        L(r.required ? t("required", "обязательное") : t("extra", "дополнительное")),
        L(r.evidence),
      ]),
    ),
    "",
  ];
}

/** Section 6: the control questions, each with room for an answer. */
function questionLines(questions: readonly Text[], L: Localizer): string[] {
  return [
    `## ${L(H.questions)}`,
    "",
    `${L(H.terms)} ${Object.values(GLOSSARY).map((g) => `${g.en} — ${g.ru}`).join("; ")}.`,
    "",
    ...questions.flatMap((q, i) => [`${i + 1}. ${L(q)}`, "", `   ${L(H.answerHere)}`, "", ""]),
  ];
}

/** The exercise's tally under the conclusions, when its results could be read. */
function exerciseConclusion(ex: ExerciseEvidence | undefined, lang: Lang): string[] {
  const tally = exerciseTally(ex, lang);
  return tally ? [localize(tally, lang), ""] : [];
}

/** Section 7: the tally of the checks, and room for the student's conclusions. */
function conclusionLines(results: readonly TaskResult[], L: Localizer): string[] {
  const sum = summarize(results);
  return [
    `## ${L(H.conclusions)}`,
    "",
    L(
      sum.ok
        ? t(
          "Every required task passed ({rp}/{rt}; extras {ep}/{et}). _Add what you learned:_",
          "Все обязательные задания выполнены ({rp}/{rt}; дополнительные {ep}/{et}). _Допишите, что вы узнали:_",
        )
        : t(
          "Required tasks passed: {rp} of {rt} (extras {ep}/{et}); see the hints of `kafka-lab check`. _Add what you learned:_",
          "Выполнено обязательных заданий: {rp} из {rt} (дополнительных {ep}/{et}); подсказки — в `kafka-lab check`. _Допишите, что вы узнали:_",
        ),
      { rp: sum.requiredPassed, rt: sum.requiredTotal, ep: sum.extraPassed, et: sum.extraTotal },
    ),
    "",
  ];
}
