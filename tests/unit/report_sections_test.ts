/** The report's setup, lab 4 commits and exercise sections, and the exercise folder reader. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readExercise, RESULTS_FILE } from "../../commands/report/inputs.ts";
import { renderReport } from "../../commands/report/report.ts";
import {
  criteriaOf,
  exerciseLines,
  lab4CommitLines,
  recordsPerCommit,
  setupLines,
} from "../../commands/report/sections.ts";
import { GRADED_LABS } from "../../labs/grading.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { localize, type Text } from "../../lib/i18n.ts";
import { snapshot, topic } from "./checks_snapshot.ts";

const L = (x: Text, vars?: Record<string, string | number>) => localize(x, "en", vars);

Deno.test("setupLines shows the versions and every broker setting with its source", () => {
  const md = setupLines({
    source: "broker 1 (DescribeConfigs)",
    settings: { "min.insync.replicas": "1", "default.replication.factor": "1" },
    versions: ["Apache Kafka 4.1.1"],
  }, L);
  assert.deepEqual(md.slice(0, 5), [
    "### Settings in use",
    "",
    "- Apache Kafka 4.1.1",
    "",
    "Read from broker 1 (DescribeConfigs):",
  ]);
  assert.ok(md.includes("| min.insync.replicas | 1 |"));
});

/** A snapshot of lab 4's topic with a commit history for the two groups. */
function lab4Snapshot(history?: Record<string, number[]>): Snapshot {
  const s = snapshot({
    prefix: "anna.",
    topics: { "final-1-topic": topic("anna.final-1-topic", { records: [] }) },
  });
  if (!history) return s;
  const commits = (offsets: number[]) =>
    offsets.map((offset, i) => ({
      topic: "anna.final-1-topic",
      partition: 0,
      offset,
      time: i,
      byMember: true,
    }));
  const h = Object.fromEntries(
    Object.entries(history).map((
      [g, o],
    ) => [g, { id: `anna.${g}`, maxMembers: 1, clients: ["kafka-lab"], commits: commits(o) }]),
  );
  return { ...s, history: h } as Snapshot;
}

Deno.test("recordsPerCommit counts how far each commit moved the group, per partition", () => {
  const s = lab4Snapshot({ "batch-group": [10, 20, 25], "single-group": [1, 2, 3] });
  assert.deepEqual(recordsPerCommit(s, "batch-group", "final-1-topic"), [10, 10, 5]);
  assert.deepEqual(recordsPerCommit(s, "single-group", "final-1-topic"), [1, 1, 1]);
  assert.deepEqual(recordsPerCommit(s, "other", "final-1-topic"), []);
  assert.equal(recordsPerCommit(lab4Snapshot(), "batch-group", "final-1-topic"), undefined);
});

Deno.test("lab4CommitLines tables batch vs single commits, or says the history is missing", () => {
  const md = lab4CommitLines(
    lab4Snapshot({ "batch-group": [10, 20, 25], "single-group": [1, 2, 3] }),
    L,
  );
  assert.ok(md.includes("| anna.batch-group | batch | 3 | 25 | 8.3 | 10 |"), md.join("\n"));
  assert.ok(md.includes("| anna.single-group | single | 3 | 3 | 1.0 | 1 |"));
  assert.match(lab4CommitLines(lab4Snapshot(), L).join("\n"), /could not be read/);
});

Deno.test("criteriaOf reads an array or a list under criteria/verdicts/results, in the language", () => {
  const v = { id: "consumer.commits", pass: false, evidence: { en: "none", ru: "нет" }, hint: "x" };
  assert.deepEqual(criteriaOf({ lab: "lab2", verdicts: [v] }, "ru"), [
    { id: "consumer.commits", pass: false, evidence: "нет", hint: "x" },
  ]);
  assert.deepEqual(criteriaOf([{ name: "a", ok: true, evidence: "e" }], "en"), [
    { id: "a", pass: true, evidence: "e", hint: "" },
  ]);
  assert.equal(criteriaOf({ something: 1 }, "en"), undefined);
  assert.equal(criteriaOf([{ id: "no pass field" }], "en"), undefined);
});

Deno.test("exerciseLines shows the criteria table, or raw JSON, or that results are missing, then the code", () => {
  const files = [{ path: "producer.py", text: "print('hi')\n" }];
  const table = exerciseLines(
    { dir: "ex", files, results: [{ id: "producer.records", pass: true, evidence: "5 records" }] },
    L,
    "en",
  );
  assert.ok(table.includes("| ✓ | producer.records | 5 records | - |"));
  assert.deepEqual(table.slice(table.indexOf("#### producer.py")), [
    "#### producer.py",
    "",
    "```python",
    "print('hi')",
    "```",
    "",
  ]);
  const raw = exerciseLines({ dir: "ex", files: [], results: { odd: true } }, L, "en").join("\n");
  assert.match(raw, /```json\n\{\n {2}"odd": true\n\}\n```/);
  assert.match(
    exerciseLines({ dir: "ex", files: [] }, L, "en").join("\n"),
    /No check-results\.json/,
  );
});

Deno.test("readExercise reads .ts and .py files two levels deep and check-results.json", () => {
  const dir = Deno.makeTempDirSync({ prefix: "report-ex-" });
  try {
    Deno.writeTextFileSync(join(dir, "producer.ts"), "// p\n");
    Deno.writeTextFileSync(join(dir, "notes.txt"), "no");
    Deno.mkdirSync(join(dir, "src"));
    Deno.writeTextFileSync(join(dir, "src", "consumer.py"), "# c\n");
    Deno.mkdirSync(join(dir, "node_modules"));
    Deno.writeTextFileSync(join(dir, "node_modules", "dep.ts"), "// dep\n");
    assert.deepEqual(readExercise(dir).files.map((f) => f.path), [
      "producer.ts",
      "src/consumer.py",
    ]);
    assert.equal(readExercise(dir).results, undefined);
    Deno.writeTextFileSync(join(dir, RESULTS_FILE), "{not json");
    assert.ok(readExercise(dir).resultsError);
    Deno.writeTextFileSync(join(dir, RESULTS_FILE), '[{"id":"a","pass":true}]');
    assert.deepEqual(readExercise(dir).results, [{ id: "a", pass: true }]);
    assert.throws(() => readExercise(join(dir, "missing")), /cannot read the exercise folder/);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("renderReport of lab 4 with an exercise: commits section, exercise sections, tally, no answers", () => {
  const lab4 = GRADED_LABS.find((l) => l.lab === "lab4")!;
  const md = renderReport({
    lab: lab4,
    snapshot: lab4Snapshot({ "batch-group": [10], "single-group": [1] }),
    results: [],
    questions: [{ en: "Why?", ru: "Почему?" }],
    environment: { kafkaVersion: "4.1.1", bootstrap: ["b:1"], registryUrl: "http://r", parts: [] },
    lang: "en",
    exercise: { dir: "ex", files: [], results: [{ id: "a", pass: true, evidence: "e" }] },
  });
  const headings = md.split("\n").filter((l) => l.startsWith("### "));
  assert.deepEqual(headings.slice(-3), [
    "### Commits per batch vs per record",
    "### Exercise: check results",
    "### Exercise: code",
  ]);
  assert.match(md, /Exercise check: 1 of 1 criteria passed\./);
  assert.match(md, /1\. Why\?\n\n {3}_Your answer:_/);
});
