/**
 * Lab 5 against the real local cluster, through the real CLI: brokers are
 * killed and started, consumers and processors SIGKILLed, and every claim is
 * checked by reading the topics back and counting by message id. Each test
 * uses its own --prefix, so its topics and groups are its own; the lab
 * deletes them and leaves every broker running.
 */
import assert from "node:assert/strict";
import { CliProcess, events, runCli } from "../helpers.ts";

type Event = Record<string, unknown> & { event: string };

/** A unique --prefix for one test's topics and groups. */
function prefix(): string {
  return `test-${crypto.randomUUID().slice(0, 8)}.`;
}

async function lab5(args: string[], timeoutMs = 300_000): Promise<Event[]> {
  const res = await runCli(["lab5", ...args, "--json", "--prefix", prefix()], { timeoutMs });
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
  const [status] = events(res.stdout).filter((e) => e.event === "status");
  assert.ok(status, `status printed no status event: ${res.stderr}`);
  const brokers = status.brokers as Array<{ id: number; reachable: boolean }>;
  return brokers.filter((b) => b.reachable).map((b) => b.id).sort();
}

Deno.test("lab5 idempotence: a broker killed during an acks=all idempotent produce of 10,000 records loses and duplicates nothing on the safe path; status tells the truth throughout", async () => {
  const run = new CliProcess(
    // the killed broker stays down 25 s: long enough for `status` to look at it
    ["lab5", "idempotence", "--count", "10000", "--kills", "1", "--down-seconds", "25"]
      .concat(["--json", "--prefix", prefix()]),
  );
  const killed = await run.waitFor((e) => e.event === "broker.killed", 240_000);
  const upWhileKilled = await brokersUp();
  assert.ok(
    !run.events.some((e) => e.event === "broker.starting"),
    "status took longer than the broker was down: the check proves nothing, so it fails",
  );
  const { code, stderr, events: evs } = await run.finish();
  assert.equal(code, 0, stderr);
  assert.ok(
    !upWhileKilled.includes(killed.broker as number),
    `status reported broker ${killed.broker} reachable while it was killed: ${upWhileKilled}`,
  );
  const back = only(evs, "broker.back");
  assert.ok(back.length === 1 && back[0].ok === true, "the broker came back with a full ISR");
  const safe = only(evs, "figures").find((e) => e.key === "safe");
  assert.ok(safe, "figures of the safe producer");
  assert.deepEqual(
    [safe.sent, safe.acknowledged, safe.distinct, safe.lost, safe.duplicated],
    [10000, 10000, 10000, 0, 0],
  );
  assert.deepEqual(await brokersUp(), [1, 2, 3], "status reports all three brokers afterwards");
});

Deno.test("lab5 exactly-once: with the processor killed twice mid-transaction, a read_committed reader sees each input id once", async () => {
  const evs = await lab5(["exactly-once", "--count", "150", "--kills", "2"]);
  assert.equal(only(evs, "processor.killed").length, 2);
  const [result] = only(evs, "eos.read-committed");
  assert.equal(result.ok, true, JSON.stringify(result));
  const committed = result.readCommitted as {
    distinct: number;
    duplicated: number;
    missing: number;
  };
  assert.deepEqual(
    [committed.distinct, committed.duplicated, committed.missing],
    [150, 0, 0],
  );
});

Deno.test("lab5 retry/DLQ: every record ends processed once or in the DLQ with its reason, none lost", async () => {
  const evs = await lab5(["retry", "--count", "45", "--delay-ms", "50"]);
  const [r] = only(evs, "retry.result");
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.lost, 0);
  assert.equal(r.processedTwice, 0);
  assert.equal(r.inDlq, 3, "ids 15, 30 and 45 always fail");
  assert.equal(r.dlqReasons, 3, "each DLQ record carries its reason");
  assert.equal((r.processedOnce as number) + (r.inDlq as number), 45);
  assert.equal(r.duplicatesDropped, 4, "the second copies of ids 10, 20, 30, 40 were dropped");
  assert.ok((r.retried as number) > 0);
});

Deno.test("lab5 semantics: a consumer killed mid-batch loses records when it commits first and repeats them when it commits after", async () => {
  const evs = await lab5(["semantics", "--count", "60", "--batch", "10", "--kill-after", "25"]);
  const results = only(evs, "semantics.result");
  const before = results.find((e) => e.commit === "before")!;
  const after = results.find((e) => e.commit === "after")!;
  assert.ok((before.lost as number) > 0 && before.reprocessed === 0, JSON.stringify(before));
  assert.ok(after.lost === 0 && (after.reprocessed as number) > 0, JSON.stringify(after));
});

Deno.test("lab5 min-isr: with two of three brokers stopped, acks=all writes are refused, not lost, and the ISR grows back", async () => {
  const evs = await lab5(["min-isr", "--count", "3"]);
  const [refused] = only(evs, "min-isr.refused");
  assert.equal(refused.ok, true, JSON.stringify(refused));
  assert.deepEqual(refused.codes, ["NOT_ENOUGH_REPLICAS"]);
  assert.equal(refused.acknowledged, 0);
  const [back] = only(evs, "min-isr.back");
  assert.equal(back.ok, true);
  assert.deepEqual(back.isr, [1, 2, 3]);
  const [resent] = only(evs, "min-isr.resent");
  assert.deepEqual([resent.ok, resent.acknowledged, resent.found], [true, 3, 3]);
  assert.deepEqual(await brokersUp(), [1, 2, 3]);
});
