/** Lab 5's checks on hand-made snapshots: a part counts from its journal entry. */
import assert from "node:assert/strict";
import { brokersBack, LAB5_TASKS, partRan } from "../../labs/lab5_guarantees/check.ts";
import { PART_NAMES } from "../../labs/lab5_guarantees/options.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { snapshot } from "./checks_snapshot.ts";

function withJournal(s: Snapshot, whats: readonly string[]): Snapshot {
  const journal = whats.map((what, i) => ({
    what,
    at: `2026-01-01T00:0${i}:00.000Z`,
    prefix: s.prefix,
    who: "anna@pc",
  }));
  return { ...s, journal } as Snapshot;
}

Deno.test("lab5 partRan fails without a journal entry and names the command with the prefix", () => {
  const r = partRan(snapshot({ prefix: "anna." }), "min-isr");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /no run of part min-isr/);
  assert.match(r.hint!.en, /`kafka-lab lab5 min-isr --prefix anna\.`/);
  assert.match(r.hint!.ru, /`kafka-lab lab5 --prefix anna\.`/);
});

Deno.test("lab5 partRan passes on the part's own entry and tells the last run", () => {
  const s = withJournal(snapshot(), ["lab5.acks", "lab2.consume", "lab5.acks"]);
  const r = partRan(s, "acks");
  assert.equal(r.pass, true);
  assert.match(r.evidence.en, /ran 2 time\(s\), last at 2026-01-01T00:02:00/);
  assert.equal(partRan(s, "retry").pass, false, "another part's entry does not count");
});

Deno.test("lab5 brokersBack passes with 3 brokers and fails with fewer, naming the command", () => {
  assert.equal(brokersBack(snapshot()).pass, true);
  const short = brokersBack({ ...snapshot(), brokers: [1, 3] });
  assert.equal(short.pass, false);
  assert.match(short.evidence.en, /only 2 of 3 brokers answer \(1, 3\)/);
  assert.match(short.hint!.en, /kafka-lab broker start/);
});

Deno.test("lab5 tasks: one required task per part, done only when every part ran", () => {
  assert.deepEqual(
    LAB5_TASKS.tasks.filter((t) => t.required).map((t) => t.id),
    PART_NAMES.map((p) => `part-${p}`),
  );
  const none = summarize(runTasks(LAB5_TASKS, snapshot()));
  assert.equal(none.ok, false);
  assert.equal(none.requiredPassed, 0);
  const all = withJournal(snapshot(), PART_NAMES.map((p) => `lab5.${p}`));
  const done = summarize(runTasks(LAB5_TASKS, all));
  assert.deepEqual([done.ok, done.requiredPassed, done.extraPassed], [true, 6, 1]);
});
