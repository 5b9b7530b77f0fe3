import assert from "node:assert/strict";
import { renderReport } from "../../commands/report/report.ts";
import type { LabTasks } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { group, snapshot, topic } from "./checks_snapshot.ts";

const lab: LabTasks = {
  lab: "lab9",
  title: t("Lab 9", "Лаба 9"),
  goal: t("Learn things.", "Узнать."),
  needs: { topics: ["present", "absent"], groups: ["g"], subjects: [] },
  tasks: [],
};

const input = {
  lab,
  snapshot: snapshot({
    prefix: "anna.",
    topics: {
      present: topic("anna.present", {
        partitions: 2,
        records: [{ value: "a" }, { value: "b", key: "k", partition: 1, headers: { h: "1" } }],
      }),
    },
    groups: { g: group("anna.g", "present", [1, 0]) },
  }),
  results: [
    {
      lab: "lab9",
      task: "one",
      required: true,
      title: t("one", "один"),
      pass: true,
      evidence: t("seen", "видно"),
    },
    {
      lab: "lab9",
      task: "two",
      required: false,
      title: t("two", "два"),
      pass: false,
      evidence: t("none", "нет"),
    },
  ],
  questions: [t("Why?", "Почему?")],
  environment: { kafkaVersion: "4.1.1", bootstrap: ["b:9092"], registryUrl: "http://r", parts: [] },
  lang: "en" as const,
};

Deno.test("renderReport puts the sections in the manual's order, without schemas when the lab has none", () => {
  const headings = renderReport(input).split("\n").filter((l) => l.startsWith("#"));
  assert.deepEqual(headings, [
    "# Lab 9 — Report",
    "## 1. Goal",
    "## 2. Kafka version and mode",
    "## 3. How the cluster runs",
    "## 4. Evidence from the cluster",
    "### Topics",
    "#### anna.present",
    "#### anna.absent",
    "### Consumer groups",
    "## 5. Check results",
    "## 6. Control questions",
    "## 7. Conclusions",
  ]);
});

Deno.test("renderReport shows a topic's partitions and samples, a missing topic, the checks and the tally", () => {
  const md = renderReport(input);
  const lines = md.split("\n");
  const at = (line: string) => lines.indexOf(line);
  assert.ok(at("| 0 | 1 | 1 | 1 | 0..1 |") > at("#### anna.present"));
  assert.ok(at("Sample records (2/2):") > at("| 1 | 1 | 1 | 1 | 0..1 |"));
  assert.ok(at("| 1/0 | k | `b` | h=1 |") > at("Sample records (2/2):"));
  assert.deepEqual(lines.slice(at("#### anna.absent"), at("#### anna.absent") + 3), [
    "#### anna.absent",
    "",
    "does not exist",
  ]);
  assert.ok(at("| anna.g | Empty | 0 | anna.present | p0: 1/1, p1: 0/1 |") > 0, md);
  assert.ok(at("| ✓ | one | required | seen |") > at("## 5. Check results"));
  assert.ok(at("| ✗ | two | extra | none |") > at("## 5. Check results"));
  assert.match(
    lines[at("## 6. Control questions") + 2],
    /^The course's terms .*follower \(replica\) — фолловер;/,
  );
  assert.deepEqual(lines.slice(at("## 6. Control questions") + 4, at("## 7. Conclusions")), [
    "1. Why?",
    "",
    "   _Your answer:_",
    "",
    "",
  ]);
  assert.equal(
    lines[at("## 7. Conclusions") + 2],
    "Every required task passed (1/1; extras 0/1). _Add what you learned:_",
  );
  assert.equal(lines.at(-1), "");
});

Deno.test("renderReport speaks Russian with lang ru and adds the schemas section for a lab with subjects", () => {
  const md = renderReport({
    ...input,
    lab: { ...lab, needs: { ...lab.needs, subjects: ["s"] } },
    lang: "ru",
  });
  assert.match(md, /^# Лаба 9 — Отчёт$/m);
  assert.match(md, /^### Схемы\n\nнет$/m);
  assert.match(md, /^Все обязательные задания выполнены \(1\/1; дополнительные 0\/1\)\./m);
});
