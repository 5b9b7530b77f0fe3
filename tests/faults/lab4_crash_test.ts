/**
 * Lab 4's crash test: a batch consumer SIGKILLed mid-batch re-reads only that
 * batch after a restart. In the fault task because in the full suite the
 * restarted consumer met group coordinators that moved (a preferred-leader
 * election after broker_test.ts restarted brokers) and, before the consumer
 * loop looked its coordinator up again, exited 1.
 */
import assert from "node:assert/strict";
import { crashMidBatch, type Event } from "../lab4_crash.ts";
import { clusterConfig, createTopic, events, runCli, unique } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const ofType = (evs: readonly Event[], name: string) => evs.filter((e) => e.event === name);
const idsOf = (evs: readonly Event[]) =>
  ofType(evs, "lab4.record.processed").map((e) => String(e.message_id));

/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const config = clusterConfig();
const ignore = !isFaultCluster(config);

Deno.test({
  name: "lab4 batch consumer killed mid-batch reprocesses only that batch after a restart",
  ignore,
}, async () => {
  const topic = await createTopic("lab4", 3, 2);
  const group = unique("crash");
  try {
    const produced = await runCli([
      "lab4",
      "produce",
      "--topic",
      topic,
      "--count",
      "30",
      "--instances",
      "2",
      "--interval",
      "0",
      "--json",
    ]);
    assert.equal(produced.code, 0, produced.stderr);
    const all = new Set(
      ofType(events(produced.stdout), "lab4.record.delivered").map((d) => String(d.message_id)),
    );
    assert.equal(all.size, 60);

    const crash = await crashMidBatch(topic, group);
    const firstRun = idsOf(crash.killed);
    const uncommitted = new Set(idsOf(crash.uncommitted));
    assert.ok(uncommitted.size >= 1 && uncommitted.size <= 10, `${uncommitted.size} uncommitted`);

    const secondRun = idsOf(crash.again);
    assert.equal(new Set(secondRun).size, secondRun.length, "no duplicates within one run");

    const union = new Set([...firstRun, ...secondRun]);
    assert.deepEqual([...all].filter((id) => !union.has(id)), [], "every message processed");
    const firstSet = new Set(firstRun);
    const duplicates = secondRun.filter((id) => firstSet.has(id));
    assert.ok(duplicates.length <= 10, `${duplicates.length} duplicates, at most one batch`);
    for (const id of duplicates) {
      assert.ok(uncommitted.has(id), `${id} was processed again but had been committed`);
    }
    for (const id of uncommitted) {
      assert.ok(secondRun.includes(id), `${id} was processed but not committed: read again`);
    }
  } finally {
    // tests/cleanup.ts deletes the topic and the group after the test.
  }
});
