import assert from "node:assert/strict";
import { LAB6_TASKS } from "../../labs/lab6_limits/check.ts";
import { runTasks } from "../../lib/grading/run.ts";
import type { Snapshot, TopicSnap } from "../../lib/grading/types.ts";
import { group, snapshot, topic } from "./checks_snapshot.ts";

const RETENTION = { "retention.bytes": "1048576", "segment.bytes": "1048576" };

/** What a guided run leaves: retention moved the log start of both partitions past 0. */
function moved(t: TopicSnap, low: number): TopicSnap {
  return { ...t, ends: t.ends.map((e) => ({ ...e, low: Math.min(low, e.high) })) };
}

function lab6(options: {
  retentionLow?: number;
  retentionConfigs?: Record<string, string>;
  sizeValue?: number;
  minIsr?: string;
  livenessCommitted?: number;
} = {}): Snapshot {
  const r = (n: number, partition = 0) =>
    Array.from({ length: n }, () => ({ value: "x".repeat(10), partition }));
  const retention = moved(
    topic("lab6-retention", {
      partitions: 2,
      configs: options.retentionConfigs ?? RETENTION,
      records: [...r(24, 0), ...r(24, 1)],
    }),
    options.retentionLow ?? 10,
  );
  const liveness = topic("lab6-liveness", { rf: 2, records: r(5) });
  return snapshot({
    topics: {
      "lab6-liveness": liveness,
      "lab6-retention": retention,
      "lab6-size": topic("lab6-size", {
        rf: 2,
        configs: { "max.message.bytes": "10240" },
        records: [{ value: new Uint8Array(options.sizeValue ?? 9000) }],
      }),
      "lab6-min-isr": topic("lab6-min-isr", {
        rf: 2,
        configs: { "min.insync.replicas": options.minIsr ?? "3" },
        records: [{ value: "acks=all" }],
      }),
    },
    groups: {
      "lab6-liveness": group("lab6-liveness", "lab6-liveness", [options.livenessCommitted ?? 5]),
      "lab6-retention-reader": group("lab6-retention-reader", "lab6-retention", [24, 24]),
    },
  });
}

function result(s: Snapshot, id: string) {
  const r = runTasks(LAB6_TASKS, s).find((r) => r.task === id);
  assert.ok(r, `task ${id}`);
  return r;
}

Deno.test("lab6 every required task passes on what a guided run leaves", () => {
  const failed = runTasks(LAB6_TASKS, lab6()).filter((r) => r.required && !r.pass);
  assert.deepEqual(failed.map((r) => r.task), []);
  assert.match(result(lab6(), "min-isr-written").evidence.en, /effective 2/);
});

Deno.test("lab6 every task fails on an empty cluster", () => {
  const passed = runTasks(LAB6_TASKS, snapshot()).filter((r) => r.pass);
  assert.deepEqual(passed.map((r) => r.task), []);
});

Deno.test("lab6 log-start-moved fails while retention has deleted nothing", () => {
  const r = result(lab6({ retentionLow: 0 }), "log-start-moved");
  assert.equal(r.pass, false);
  assert.match(r.evidence.en, /no segment deleted/);
});

Deno.test("lab6 retention-configs fails without retention.bytes on the topic", () => {
  const r = result(lab6({ retentionConfigs: { "segment.bytes": "1048576" } }), "retention-configs");
  assert.equal(r.pass, false);
});

Deno.test("lab6 size-limit fails when a record is bigger than the topic's limit", () => {
  assert.equal(result(lab6({ sizeValue: 20_000 }), "size-limit").pass, false);
});

Deno.test("lab6 liveness-group-end fails when the group stopped short of the end", () => {
  assert.equal(result(lab6({ livenessCommitted: 2 }), "liveness-group-end").pass, false);
});

Deno.test("lab6 min-isr-sane is an extra that passes once min.insync.replicas is the replicas minus one", () => {
  const before = result(lab6(), "min-isr-sane");
  assert.equal(before.required, false);
  assert.equal(before.pass, false);
  assert.match(before.hint?.en ?? "", /min\.insync\.replicas=1/);
  assert.equal(result(lab6({ minIsr: "1" }), "min-isr-sane").pass, true);
});
