import assert from "node:assert/strict";
import { LAB2_TASKS } from "../../labs/lab2_hello/check.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { group, type RecordSpec, snapshot, topic } from "./checks_snapshot.ts";

const HELLO: RecordSpec[] = [1, 2, 3, 4, 5].map((n) => ({ value: `Hello Kafka ${n}` }));

function lab2(records: RecordSpec[], groups: Snapshot["groups"] = {}, prefix = "anna.") {
  return snapshot({
    prefix,
    topics: { "hello-kafka": topic(`${prefix}hello-kafka`, { records }) },
    groups,
  });
}

function result(s: Snapshot, id: string) {
  const r = runTasks(LAB2_TASKS, s).find((r) => r.task === id);
  assert.ok(r, `task ${id}`);
  return r;
}

Deno.test("lab2 every task passes after the core run and every extra", () => {
  const records: RecordSpec[] = [
    ...HELLO,
    { value: JSON.stringify({ n: 1, text: "Hello Kafka 1" }), key: "user-1" },
    { value: "Hello Kafka 2", key: "user-1" },
  ];
  const s = lab2(records, {
    "hello-group": group("anna.hello-group", "hello-kafka", [7], 2),
    "fresh-group": group("anna.fresh-group", "hello-kafka", [7]),
  });
  const results = runTasks(LAB2_TASKS, s);
  assert.deepEqual(results.filter((r) => !r.pass).map((r) => r.task), []);
});

Deno.test("lab2 required tasks fail on an empty cluster, with hints", () => {
  const results = runTasks(LAB2_TASKS, snapshot({ prefix: "boris." }));
  assert.equal(summarize(results).ok, false);
  for (const r of results) {
    assert.equal(r.pass, false);
    assert.ok(r.hint && r.hint.en.length > 0 && r.hint.ru.length > 0);
  }
  assert.match(results[0].hint!.en, /kafka-lab lab2 --prefix boris\./);
});

Deno.test("lab2 hello-records needs 1..5 in order in one partition", () => {
  assert.equal(result(lab2(HELLO), "hello-records").pass, true);
  const shuffled = [HELLO[0], HELLO[2], HELLO[1], HELLO[3], HELLO[4]];
  const r = result(lab2(shuffled), "hello-records");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /seen in order: 1,3,2,4,5/);
  assert.equal(result(lab2(HELLO.slice(0, 4)), "hello-records").pass, false);
  const json = [1, 2, 3, 4, 5].map((n) => ({
    value: JSON.stringify({ n, text: `Hello Kafka ${n}` }),
  }));
  assert.equal(result(lab2(json), "hello-records").pass, true);
});

Deno.test("lab2 hello-group-end fails when the group is behind or absent", () => {
  assert.equal(
    result(
      lab2(HELLO, { "hello-group": group("anna.hello-group", "hello-kafka", [5]) }),
      "hello-group-end",
    ).pass,
    true,
  );
  const behind = result(
    lab2(HELLO, { "hello-group": group("anna.hello-group", "hello-kafka", [3]) }),
    "hello-group-end",
  );
  assert.equal(behind.pass, false);
  assert.match(behind.evidence.en, /p0: 3\/5/);
  const none = result(lab2(HELLO), "hello-group-end");
  assert.match(none.evidence.en, /has not committed through.*p0: -\/5/);
});

Deno.test("lab2 json-value and keyed extras fail on plain unkeyed records", () => {
  assert.equal(result(lab2(HELLO), "json-value").pass, false);
  assert.equal(result(lab2(HELLO), "keyed").pass, false);
  assert.equal(result(lab2([...HELLO, { value: '{"a":1}' }]), "json-value").pass, true);
  assert.equal(result(lab2([...HELLO, { value: "x", key: "k" }]), "keyed").pass, true);
});

Deno.test("lab2 keyed fails when one key is in two partitions", () => {
  const s = snapshot({
    topics: {
      "hello-kafka": topic("hello-kafka", {
        partitions: 2,
        records: [{ value: "a", key: "k", partition: 0 }, { value: "b", key: "k", partition: 1 }],
      }),
    },
  });
  const r = result(s, "keyed");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /k are in several partitions/);
});

Deno.test("lab2 two-consumers and second-group need live members and another group", () => {
  const one = lab2(HELLO, { "hello-group": group("anna.hello-group", "hello-kafka", [5], 1) });
  assert.equal(result(one, "two-consumers").pass, false);
  assert.equal(result(one, "second-group").pass, false);
  const two = lab2(HELLO, {
    "hello-group": group("anna.hello-group", "hello-kafka", [5], 2),
    "latest-group": group("anna.latest-group", "hello-kafka", [5]),
  });
  assert.equal(result(two, "two-consumers").pass, true);
  assert.match(result(two, "second-group").evidence.en, /anna\.latest-group/);
});
