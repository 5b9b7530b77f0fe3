/**
 * The broker watch (lib/kafka/liveness.ts) around a consumer on the fake
 * Kafka port: every broker stopped is said within a probe round, the wait is
 * told again, the bound gives an exit-3 error, and brokers that come back let
 * the consumer go on without skipping a record.
 * @module
 */
import assert from "node:assert/strict";
import { consume } from "../../lib/kafka/consumer_loop.ts";
import { type BrokerReport, watchBrokers } from "../../lib/kafka/liveness.ts";
import { brokerEvents, brokerReporter, watched } from "../../lib/kafka/liveness.ts";
import { ExitCode, KafkaLabError } from "../../lib/errors.ts";
import { eventProblem } from "../../lib/events.ts";
import type { FakeKafka } from "../../lib/kafka/fake/mod.ts";
import { fakeWithTopic, within } from "./fake_setup.ts";

/** A report that keeps what it was told. */
function recorder(): BrokerReport & { said: string[] } {
  const said: string[] = [];
  return {
    said,
    lost: (brokers) => said.push(`lost ${brokers.length}`),
    waiting: () => said.push("waiting"),
    back: () => said.push("back"),
  };
}

function stopAll(fake: FakeKafka): void {
  for (const b of fake.cluster.brokerIds) fake.cluster.stopBroker(b);
}

function startAll(fake: FakeKafka): void {
  for (const b of fake.cluster.brokerIds) fake.cluster.startBroker(b);
}

async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function probeOf(fake: FakeKafka) {
  return (address: string) =>
    Promise.resolve(
      fake.cluster.accepts(address)
        ? { ok: true as const }
        : { ok: false as const, reason: "connection refused" },
    );
}

Deno.test("a consumer that loses every broker says so, waits, and gives up with exit 3", async () => {
  const topic = "liveness-gone";
  const fake = fakeWithTopic(topic, 1);
  fake.cluster.addRecords(topic, 0, ["a"]);
  const report = recorder();
  const watch = watchBrokers({
    brokers: fake.config.brokers,
    signal: new AbortController().signal,
    report,
    probe: probeOf(fake),
    probeEveryMs: 20,
    reportEveryMs: 100,
    giveUpMs: 400,
  });
  const seen: string[] = [];
  const run = consume(fake.kafka, {
    topic,
    groupId: "g-gone",
    fromBeginning: true,
    signal: watch.signal,
    onRecord: (r) => {
      seen.push(new TextDecoder().decode(r.value ?? new Uint8Array()));
      if (seen.length === 1) stopAll(fake);
    },
  });
  try {
    await within(10_000, run.catch(() => {}));
    assert.deepEqual(report.said.slice(0, 2), ["lost 3", "waiting"]);
    assert.ok(!report.said.includes("back"));
    const failure = watch.failure();
    assert.ok(failure instanceof KafkaLabError);
    assert.equal(failure.exitCode, ExitCode.unreachable);
    assert.match(failure.message, /no Kafka broker answers/);
    assert.throws(() => watch.throwIfGaveUp(), (e) => e === failure);
  } finally {
    watch.stop();
  }
});

Deno.test("brokers that come back: the consumer says so and goes on without skipping", async () => {
  const topic = "liveness-back";
  const fake = fakeWithTopic(topic, 1);
  fake.cluster.addRecords(topic, 0, ["r0"]);
  const report = recorder();
  const user = new AbortController();
  const watch = watchBrokers({
    brokers: fake.config.brokers,
    signal: user.signal,
    report,
    probe: probeOf(fake),
    probeEveryMs: 20,
    reportEveryMs: 10_000,
    giveUpMs: 60_000,
  });
  const seen: string[] = [];
  const run = consume(fake.kafka, {
    topic,
    groupId: "g-back",
    fromBeginning: true,
    signal: watch.signal,
    maxMessages: 4,
    onRecord: (r) => {
      seen.push(new TextDecoder().decode(r.value ?? new Uint8Array()));
      if (seen.length === 1) stopAll(fake);
    },
  });
  try {
    await until("the loss told", () => report.said.includes("lost 3"));
    startAll(fake);
    await until("the comeback told", () => report.said.includes("back"));
    fake.cluster.addRecords(topic, 0, ["r1", "r2", "r3"]);
    const summary = await within(10_000, run);
    assert.equal(summary.stoppedBy, "max-messages");
    assert.deepEqual(seen, ["r0", "r1", "r2", "r3"]);
    assert.equal(watch.failure(), undefined);
    assert.equal(fake.cluster.committed("g-back", topic, 0), "4");
  } finally {
    watch.stop();
    user.abort();
  }
});

Deno.test("the watch's --json events fit the catalogue's declaration", () => {
  const fake = fakeWithTopic("liveness-events", 1);
  const events = brokerEvents("lab4");
  const report = brokerReporter(fake.out, events);
  report.lost(["k1:9092"], 60);
  report.waiting(10, 60);
  report.back(12);
  const printed = fake.sink.events();
  assert.deepEqual(printed.map((e) => e.event), [
    "lab4.brokers.lost",
    "lab4.brokers.waiting",
    "lab4.brokers.back",
  ]);
  const defs = [events.brokersLost, events.brokersWaiting, events.brokersBack];
  printed.forEach((e, i) => assert.equal(eventProblem(defs[i], e), undefined));
});

Deno.test("--idle-timeout running out while every broker is gone is exit 3, not a clean stop", async () => {
  const topic = "liveness-idle";
  const fake = fakeWithTopic(topic, 1);
  fake.cluster.addRecords(topic, 0, ["only"]);
  const ctx = { config: fake.config, out: fake.out, signal: new AbortController().signal };
  const err = await within(
    10_000,
    watched(ctx, brokerEvents("lab4"), 60_000, (signal) =>
      consume(fake.kafka, {
        topic,
        groupId: "g-idle",
        fromBeginning: true,
        signal,
        idleTimeoutMs: 300,
        onRecord: () => stopAll(fake),
      }), { probe: probeOf(fake), probeEveryMs: 20 }).then(() => undefined, (e) => e),
  );
  assert.ok(err instanceof KafkaLabError, String(err));
  assert.equal(err.exitCode, ExitCode.unreachable);
  assert.ok(fake.sink.events().some((e) => e.event === "lab4.brokers.lost"));
});
