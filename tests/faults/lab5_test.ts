/**
 * Lab 5 against the real local cluster, through the real CLI: brokers are
 * killed and started, consumers and processors SIGKILLed, and every claim is
 * checked by reading the topics back and counting by message id. Each test
 * uses its own --prefix, so its topics and groups are its own; in `finally`
 * it starts any broker left stopped, waits until every partition's ISR is
 * full and deletes what the run left behind. About 2-3 minutes in all.
 */
import assert from "node:assert/strict";
import { localNodes, startBroker, stopBroker } from "../../lib/cluster/mod.ts";
import { readState } from "../../lib/cluster/state.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, cleanUp, CliProcess, clusterConfig, events, runCli } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
/** Lab 5 stops and kills brokers: only on the cluster `deno task test:faults` started. */
const ignore = !isFaultCluster(config);

type Event = Record<string, unknown> & { event: string };

/** A unique --prefix for one test's topics and groups. */
function prefix(): string {
  return `test-${crypto.randomUUID().slice(0, 8)}.`;
}

/**
 * Starts every stopped broker, waits until the ISR of every partition is
 * full again, and deletes the topics and groups behind `pre`.
 */
async function restore(pre: string): Promise<void> {
  const { out } = captureOutput();
  for (const n of await localNodes(readState(config.stateDir)!)) {
    if (!n.running) await startBroker(n.id, { config, out });
  }
  const kafka = new KafkaClients(config, out);
  const full = await kafka.withAdmin((admin) =>
    waitFor(async () => {
      const md = await admin.fetchTopicMetadata();
      return md.topics.every((t) =>
        t.partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length)
      );
    }, { timeoutMs: 120_000, intervalMs: 500 })
  );
  await cleanUp({ prefixes: [pre] });
  assert.ok(full, "every partition's ISR is full again after the test");
}

/** Runs `lab5 <args> --json --prefix <pre>` and checks it exits 0. */
async function lab5(args: string[], pre: string, timeoutMs = 240_000): Promise<Event[]> {
  const res = await runCli(["lab5", ...args, "--json", "--prefix", pre], { timeoutMs });
  const evs = events(res.stdout);
  assert.equal(res.code, 0, `exit ${res.code}\n${res.stderr}\n${res.stdout.slice(-3000)}`);
  return evs;
}

function only(evs: Event[], name: string): Event[] {
  return evs.filter((e) => e.event === name);
}

/** The ids of the brokers `kafka-lab status` reports reachable. */
async function brokersUp(): Promise<number[]> {
  const res = await runCli(["status", "--json"], { timeoutMs: 60_000 });
  const [status] = events(res.stdout).filter((e) => e.event === "cluster.status");
  assert.ok(status, `status printed no status event: ${res.stderr}`);
  const brokers = status.brokers as Array<{ id: number; reachable: boolean }>;
  return brokers.filter((b) => b.reachable).map((b) => b.id).sort();
}

/** A lab 5 test on the local java cluster: its own prefix, and the cluster restored after it. */
function lab5Test(name: string, fn: (pre: string) => Promise<void>): void {
  Deno.test({
    name,
    ignore,
    async fn() {
      const pre = prefix();
      try {
        await fn(pre);
      } finally {
        await restore(pre);
      }
    },
  });
}

lab5Test(
  "lab5 idempotence --unsafe-partitioning (the kafkajs aside): a broker killed during an acks=all idempotent produce of 2,000 records loses and duplicates nothing on the library's path; status tells the truth throughout",
  async (pre) => {
    const run = new CliProcess(
      // the killed broker stays down 25 s: long enough for `status` to look at it
      ["lab5", "idempotence", "--unsafe-partitioning", "--kills", "1", "--down-seconds", "25"]
        .concat(["--json", "--prefix", pre]),
    );
    const killed = await run.waitFor((e) => e.event === "lab5.broker.killed", 180_000);
    const upWhileKilled = await brokersUp();
    assert.ok(
      !run.events.some((e) => e.event === "lab5.broker.starting"),
      "status took longer than the broker was down: the check proves nothing, so it fails",
    );
    const { code, stderr, events: evs } = await run.finish();
    const figures = only(evs, "lab5.figures").map((e) => JSON.stringify(e)).join("\n");
    assert.equal(code, 0, `${stderr}\n${figures}`);
    assert.ok(
      !upWhileKilled.includes(killed.broker as number),
      `status reported broker ${killed.broker} reachable while it was killed: ${upWhileKilled}`,
    );
    const back = only(evs, "lab5.broker.back");
    assert.ok(back.length === 1 && back[0].ok === true, "the broker came back with a full ISR");
    // The aside's row comes after part 3's own (3 records, no kill).
    const safe = only(evs, "lab5.figures").filter((e) => e.key === "safe").at(-1);
    assert.ok(safe, "figures of the safe producer");
    assert.deepEqual(
      [safe.sent, safe.acknowledged, safe.distinct, safe.lost, safe.duplicated],
      [2000, 2000, 2000, 0, 0],
    );
    assert.deepEqual(await brokersUp(), [1, 2, 3], "status reports all three brokers afterwards");
  },
);

lab5Test(
  "lab5 exactly-once: with the processor killed twice mid-transaction, a read_committed reader sees each input id once",
  async (pre) => {
    const evs = await lab5(["exactly-once", "--count", "150", "--kills", "2"], pre);
    assert.equal(only(evs, "lab5.processor.killed").length, 2);
    assert.equal(only(evs, "lab5.worker.failed").length, 0, "the last processor ran to the end");
    const [result] = only(evs, "lab5.exactly-once.read-committed");
    assert.equal(result.ok, true, JSON.stringify(result));
    const committed = result.readCommitted as Record<string, number>;
    assert.deepEqual(
      [committed.distinct, committed.duplicated, committed.missing, committed.records],
      [150, 0, 0, 150],
    );
    const [uncommitted] = only(evs, "lab5.exactly-once.read-uncommitted");
    assert.ok(
      (uncommitted.duplicated as number) > 0,
      `the killed transactions' records are visible to read_uncommitted: ${
        JSON.stringify(uncommitted)
      }`,
    );
  },
);

lab5Test(
  "lab5 retry/DLQ: every record ends processed once or in the DLQ with its reason, none lost",
  async (pre) => {
    const evs = await lab5(["retry", "--count", "45", "--delay-ms", "50"], pre);
    const [r] = only(evs, "lab5.retry.result");
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.lost, 0);
    assert.equal(r.processedTwice, 0);
    assert.equal(r.inDlq, 3, "ids 15, 30 and 45 always fail");
    assert.equal(r.dlqReasons, 3, "each DLQ record carries its reason");
    assert.equal((r.processedOnce as number) + (r.inDlq as number), 45);
    assert.equal(r.duplicatesDropped, 4, "the second copies of ids 10, 20, 30, 40 were dropped");
    assert.ok((r.retried as number) > 0);
  },
);

lab5Test(
  "lab5 semantics: a consumer killed mid-batch loses records when it commits first and repeats them when it commits after",
  async (pre) => {
    const evs = await lab5(
      ["semantics", "--count", "60", "--batch", "10", "--kill-after", "25"],
      pre,
    );
    const results = only(evs, "lab5.semantics.result");
    const before = results.find((e) => e.commit === "before")!;
    const after = results.find((e) => e.commit === "after")!;
    assert.ok((before.lost as number) > 0 && before.reprocessed === 0, JSON.stringify(before));
    assert.ok(after.lost === 0 && (after.reprocessed as number) > 0, JSON.stringify(after));
  },
);

lab5Test(
  "lab5 min-isr: one broker down is tolerated at min.insync.replicas=2; with the ISR short of it, acks=all writes are refused, not lost, and go through once the ISR is full",
  async (pre) => {
    // an RF 1 topic on the broker the part stops: its partition has no leader meanwhile,
    // which must not disturb the part (kafkajs' admin asks for every topic's metadata)
    const kafka = new KafkaClients(config, captureOutput().out);
    await kafka.withAdmin((admin) =>
      admin.createTopics({
        topics: [{
          topic: `${pre}rf1-on-3`,
          replicaAssignment: [{ partition: 0, replicas: [3] }],
        }],
      })
    );
    const evs = await lab5(["min-isr", "--count", "3"], pre);
    assert.deepEqual(only(evs, "lab5.broker.stopped").map((e) => e.broker), [3], "one broker only");
    const [tolerated] = only(evs, "lab5.min-isr.tolerated");
    assert.deepEqual([tolerated.ok, tolerated.acknowledged, tolerated.isr], [true, 3, "1,2"]);
    const [refused] = only(evs, "lab5.min-isr.refused");
    assert.equal(refused.ok, true, JSON.stringify(refused));
    assert.deepEqual(refused.codes, ["NOT_ENOUGH_REPLICAS"]);
    assert.equal(refused.acknowledged, 0);
    const [back] = only(evs, "lab5.min-isr.back");
    assert.equal(back.ok, true);
    assert.deepEqual(back.isr, [1, 2, 3]);
    const [resent] = only(evs, "lab5.min-isr.resent");
    assert.deepEqual([resent.ok, resent.acknowledged, resent.found], [true, 3, 3]);
    const refusedRow = only(evs, "lab5.figures").find((e) => e.key === "refused")!;
    assert.equal(refusedRow.found, 0, "none of the refused records is in the topic");
    assert.deepEqual(await brokersUp(), [1, 2, 3]);
  },
);

lab5Test(
  "lab5 with a broker already stopped says which brokers run and exits 1, no stack trace",
  async (pre) => {
    await stopBroker(3, { config, out: captureOutput().out });
    for (const lang of ["en", "ru"]) {
      const res = await runCli(["lab5", "--parts", "1", "--lang", lang, "--prefix", pre]);
      assert.equal(res.code, 1, res.stderr);
      assert.match(res.stderr, lang === "en" ? /running now: 1, 2/ : /сейчас работают: 1, 2/);
      assert.match(res.stderr, /(?:kafka-lab|deno task lab) up/);
      assert.doesNotMatch(res.stderr, /^\s+at /m, "no stack trace");
    }
  },
);
