import assert from "node:assert/strict";
import { GRADED_LABS } from "../../labs/grading.ts";
import { rosterTable } from "../../lib/grading/render.ts";
import { mergeNeeds, parseRoster, runTasks, summarize } from "../../lib/grading/run.ts";
import type { LabTasks } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { snapshot } from "./checks_snapshot.ts";

const LAB: LabTasks = {
  lab: "labX",
  title: t("X", "X"),
  goal: t("g", "g"),
  needs: { topics: ["a"], groups: [], subjects: [] },
  tasks: [
    {
      id: "req",
      required: true,
      title: t("r", "r"),
      check: (s) => ({ pass: s.prefix === "anna.", evidence: t("e", "e"), hint: t("h", "h") }),
    },
    {
      id: "ext",
      required: false,
      title: t("x", "x"),
      check: () => ({ pass: false, evidence: t("e", "e") }),
    },
    {
      id: "boom",
      required: false,
      title: t("b", "b"),
      check: () => {
        throw new Error("bad bytes");
      },
    },
  ],
};

Deno.test("parseRoster skips blank lines and comments", () => {
  assert.deepEqual(parseRoster("anna.\n\n# class A\nboris.  # late\r\n"), ["anna.", "boris."]);
});

Deno.test("runTasks turns a throwing check into a failed task", () => {
  const r = runTasks(LAB, snapshot({ prefix: "anna." }));
  assert.equal(r[2].pass, false);
  assert.match(r[2].evidence.en, /bad bytes/);
  assert.deepEqual(summarize(r), {
    passed: 1,
    total: 3,
    requiredPassed: 1,
    requiredTotal: 1,
    extraPassed: 0,
    extraTotal: 2,
    ok: true,
  });
});

Deno.test("rosterTable has one row per student with a mark per task", () => {
  const students = ["anna.", "boris."].map((prefix) => ({
    prefix,
    results: runTasks(LAB, snapshot({ prefix })),
  }));
  const table = rosterTable(LAB, students, "en");
  assert.match(table[0], /^student\s+req\s+\(ext\)\s+\(boom\)\s+required$/);
  assert.match(table[2], /^boris\.\s+✗/);
});

Deno.test("mergeNeeds unions the labs' needs without repeats", () => {
  const m = mergeNeeds(GRADED_LABS.map((l) => l.needs));
  assert.equal(new Set(m.topics).size, m.topics.length);
  assert.ok(m.topics.includes("hello-kafka") && m.topics.includes("users_coordinates.dlq"));
  assert.deepEqual([...m.groups].sort(), [
    "batch-group",
    "hello-group",
    "lab6-liveness",
    "lab6-retention-reader",
    "single-group",
    "users-coordinates-consumer",
  ]);
});

Deno.test("every task id is unique within its lab and every task has a bilingual title", () => {
  for (const lab of GRADED_LABS) {
    const ids = lab.tasks.map((task) => task.id);
    assert.equal(new Set(ids).size, ids.length, lab.lab);
    assert.ok(lab.tasks.some((task) => task.required), lab.lab);
    for (const task of lab.tasks) assert.ok(task.title.en && task.title.ru);
  }
});
