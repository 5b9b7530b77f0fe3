import assert from "node:assert/strict";
import { LAB4_TASKS } from "../../labs/lab4_batch/check.ts";
import { runTasks } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { group, history, type RecordSpec, snapshot, topic } from "./checks_snapshot.ts";

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

/** 10 records per partition from two producers at once; each group's commits per partition. */
function honest(batch: number[], single: number[], admin = false): Snapshot {
  const records = Array.from({ length: 30 }, (_, i) => ({
    ...model(i, i % 3),
    producerId: 1000 + (i % 2),
    timestamp: 1_700_000_000_000 + i * 750,
  }));
  const t = topic("final-1-topic", { partitions: 3, rf: 2, records });
  const commits = (offsets: number[]) =>
    [0, 1, 2].flatMap((p) => offsets.map((o) => [p, o] as const));
  const time = 1_700_000_100_000;
  return snapshot({
    topics: { "final-1-topic": t },
    groups: {
      "batch-group": group("batch-group", "final-1-topic", [10, 10, 10]),
      "single-group": group("single-group", "final-1-topic", [10, 10, 10]),
    },
    history: {
      "batch-group": history("batch-group", "final-1-topic", commits(batch), { admin, time }),
      "single-group": history("single-group", "final-1-topic", commits(single), { admin, time }),
    },
  });
}
const ONE_BY_ONE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

Deno.test("lab4 every task passes when both groups read every MessageModel", () => {
  const results = runTasks(LAB4_TASKS, honest([3, 7, 10], ONE_BY_ONE));
  assert.deepEqual(results.filter((r) => !r.pass).map((r) => `${r.task}: ${r.evidence.en}`), []);
});

Deno.test("lab4 write + reset: offsets an admin moved are not read, and there is no commit pattern", () => {
  const s = honest([10], [10], true);
  for (const id of ["batch-group-end", "single-group-end", "batch-commits", "single-commits"]) {
    assert.equal(result(s, id).pass, false, id);
  }
  assert.match(result(s, "batch-group-end").evidence.en, /offset reset/);
});

Deno.test("lab4 commit patterns: a batch consumer is not a single one, and batches hold at most 10", () => {
  const swapped = honest(ONE_BY_ONE, [3, 7, 10]);
  assert.equal(result(swapped, "batch-commits").pass, false);
  assert.equal(result(swapped, "single-commits").pass, false);
  assert.match(result(swapped, "single-commits").evidence.en, /records per commit: .*4/);
  const big = honest([1, 10, 10], ONE_BY_ONE);
  assert.equal(result(big, "batch-commits").pass, true);
});

Deno.test("lab4 two-producers needs two idempotent producers whose records overlap in time", () => {
  const one = lab4(GOOD.map((r) => ({ ...r, producerId: 7 })));
  assert.equal(result(one, "two-producers").pass, false);
  const after = lab4(GOOD.map((r, i) => ({ ...r, producerId: i < 3 ? 7 : 8, timestamp: i })));
  assert.equal(result(after, "two-producers").pass, false);
  const both = lab4(GOOD.map((r, i) => ({ ...r, producerId: 7 + (i % 2), timestamp: i })));
  assert.equal(result(both, "two-producers").pass, true);
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
