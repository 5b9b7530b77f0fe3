import assert from "node:assert/strict";
import { LAB1_TASKS } from "../../labs/lab1_topics/check.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import type { Snapshot } from "../../lib/grading/types.ts";
import { snapshot, topic } from "./checks_snapshot.ts";

function good(prefix = ""): Snapshot {
  return snapshot({
    prefix,
    topics: {
      "hello-kafka": topic(`${prefix}hello-kafka`),
      users_coordinates: topic(`${prefix}users_coordinates`, {
        partitions: 6,
        rf: 2,
        configs: { "min.insync.replicas": "1" },
      }),
      "final-1-topic": topic(`${prefix}final-1-topic`, { partitions: 3, rf: 2 }),
    },
  });
}

function result(s: Snapshot, id: string) {
  const r = runTasks(LAB1_TASKS, s).find((r) => r.task === id);
  assert.ok(r, `task ${id}`);
  return r;
}

Deno.test("lab1 checks all pass on the course layout", () => {
  const results = runTasks(LAB1_TASKS, good("anna."));
  assert.deepEqual(results.filter((r) => !r.pass).map((r) => r.task), []);
  assert.equal(summarize(results).ok, true);
});

Deno.test("lab1 checks fail on an empty cluster with a hint naming the prefix", () => {
  const results = runTasks(LAB1_TASKS, snapshot({ prefix: "boris." }));
  assert.ok(results.every((r) => !r.pass));
  assert.match(results[0].hint!.en, /kafka-lab lab1 --prefix boris\./);
  assert.match(results[0].evidence.en, /boris\.hello-kafka does not exist/);
});

Deno.test("lab1 topic check fails on wrong partitions, RF or min.insync.replicas", () => {
  const s = good();
  const wrong = snapshot({
    topics: {
      ...s.topics,
      "hello-kafka": topic("hello-kafka", { partitions: 3 }),
      users_coordinates: topic("users_coordinates", { partitions: 6, rf: 2 }),
      "final-1-topic": topic("final-1-topic", { partitions: 3, rf: 1 }),
    },
  });
  assert.match(result(wrong, "topic-hello-kafka").evidence.en, /partitions 3 ≠ 1/);
  assert.match(result(wrong, "topic-users_coordinates").evidence.en, /min.insync.replicas=- ≠ 1/);
  assert.match(result(wrong, "topic-final-1-topic").evidence.en, /RF 1 ≠ 2/);
  assert.equal(result(good(), "topic-final-1-topic").pass, true);
});

Deno.test("lab1 replicas-in-sync passes with full ISRs and fails when one is short", () => {
  assert.equal(result(good(), "replicas-in-sync").pass, true);
  const s = snapshot({
    topics: {
      ...good().topics,
      "final-1-topic": topic("final-1-topic", { partitions: 3, rf: 2, isrShort: true }),
    },
  });
  const r = result(s, "replicas-in-sync");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /final-1-topic\/0/);
});
