import assert from "node:assert/strict";
import { LAB4_TASKS } from "../../labs/lab4_batch/check.ts";
import { runTasks } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { group, type RecordSpec, snapshot, topic } from "./checks_snapshot.ts";

const model = (i: number, p: number): RecordSpec => ({
  value: JSON.stringify({
    message_id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    content: `Test message ${i}`,
  }),
  partition: p,
});

function lab4(records: RecordSpec[], batch?: number[], single?: number[]): Snapshot {
  const t = topic("final-1-topic", { partitions: 3, rf: 2, records });
  const end = t.ends.map((e) => e.high);
  return snapshot({
    topics: { "final-1-topic": t },
    groups: {
      "batch-group": group("batch-group", "final-1-topic", batch ?? end),
      "single-group": group("single-group", "final-1-topic", single ?? end),
    },
  });
}

function result(s: Snapshot, id: string) {
  const r = runTasks(LAB4_TASKS, s).find((r) => r.task === id);
  assert.ok(r, `task ${id}`);
  return r;
}

const GOOD = [0, 1, 2, 3, 4, 5].map((i) => model(i, i % 3));

Deno.test("lab4 every task passes when both groups read every MessageModel", () => {
  const results = runTasks(LAB4_TASKS, lab4(GOOD));
  assert.deepEqual(results.filter((r) => !r.pass).map((r) => r.task), []);
});

Deno.test("lab4 every task fails on an empty cluster", () => {
  assert.ok(runTasks(LAB4_TASKS, snapshot()).every((r) => !r.pass && r.hint));
});

Deno.test("lab4 message-models names the record that is not a MessageModel", () => {
  const r = result(lab4([...GOOD, { value: '{"content":"x"}', partition: 2 }]), "message-models");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /2\/2: message_id is missing/);
});

Deno.test("lab4 group checks fail when a group is behind", () => {
  const s = lab4(GOOD, [2, 2, 1], [1, 2, 2]);
  assert.equal(result(s, "batch-group-end").pass, false);
  assert.equal(result(s, "single-group-end").pass, false);
});

Deno.test("lab4 spread and distinct-ids fail on one partition and a repeated message_id", () => {
  const s = lab4([model(1, 0), model(1, 0)]);
  assert.equal(result(s, "spread").pass, false);
  assert.equal(result(s, "distinct-ids").pass, false);
});
