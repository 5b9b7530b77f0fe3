/**
 * Lab 2's producer and consumer (labs/lab2_hello/) and the grading snapshot
 * (lib/grading/snapshot.ts) on the fake Kafka port: the work a student
 * leaves behind is graded as it is on a real cluster, both ways.
 */
import assert from "node:assert/strict";
import { consumeHello } from "../../labs/lab2_hello/consume.ts";
import { LAB2_TASKS } from "../../labs/lab2_hello/check.ts";
import { LAB2_EVENTS } from "../../labs/lab2_hello/events.ts";
import { produceHello } from "../../labs/lab2_hello/produce.ts";
import { consumerRenderer, renderSent, viewOf } from "../../labs/lab2_hello/render.ts";
import { Context } from "../../lib/context.ts";
import { eventProblem } from "../../lib/events.ts";
import { runTasks } from "../../lib/grading/run.ts";
import { takeSnapshots } from "../../lib/grading/snapshot.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { createFakeKafka, type FakeKafka } from "../../lib/kafka/fake/mod.ts";
import { Shutdown } from "../../lib/shutdown.ts";
import { within } from "./fake_setup.ts";

/** A command context whose Kafka port is the fake's. */
class FakeContext extends Context {
  constructor(readonly fake: FakeKafka) {
    super(fake.config, fake.out, new Shutdown());
  }

  override kafka(): Promise<Kafka> {
    return Promise.resolve(this.fake.kafka);
  }
}

const TOPIC = "anna.hello-kafka";
const GROUP = "anna.hello-group";

async function produce(ctx: FakeContext, count: number) {
  return await within(
    10_000,
    produceHello(
      ctx,
      { topic: TOPIC, count, intervalMs: 0, jsonValue: false },
      (sent) => renderSent(viewOf(ctx), sent),
    ),
  );
}

async function consumeUpTo(ctx: FakeContext, maxMessages: number) {
  return await within(
    10_000,
    consumeHello(ctx, {
      topic: TOPIC,
      group: GROUP,
      fromBeginning: true,
      instances: 1,
      maxMessages,
      signal: ctx.signal,
    }, consumerRenderer(viewOf(ctx), { group: GROUP, instances: 1 })),
  );
}

/** Lab 2's verdicts on the fake cluster, by task id. */
async function grade(fake: FakeKafka): Promise<Map<string, boolean>> {
  const [snapshot] = await within(
    10_000,
    takeSnapshots(fake.kafka, fake.config.registryUrl, ["anna."], LAB2_TASKS.needs, {
      idleMs: 1_000,
    }),
  );
  return new Map(runTasks(LAB2_TASKS, snapshot).map((r) => [r.task, r.pass]));
}

Deno.test("lab2 produce creates hello-kafka and acknowledges Hello Kafka 1..5 at offsets 0..4", async () => {
  const fake = createFakeKafka();
  const result = await produce(new FakeContext(fake), 5);

  assert.equal(result.sent, 5);
  assert.equal(result.failed, 0);
  assert.deepEqual(result.acks.map((a) => a.offset), ["0", "1", "2", "3", "4"]);
  assert.deepEqual(fake.cluster.values(TOPIC, 0), [1, 2, 3, 4, 5].map((n) => `Hello Kafka ${n}`));
  const delivered = fake.sink.events().filter((e) => e.event === LAB2_EVENTS.delivered.name);
  assert.equal(delivered.length, 5);
  for (const e of delivered) assert.equal(eventProblem(LAB2_EVENTS.delivered, e), undefined);
  fake.cluster.close();
});

Deno.test("lab2 produce counts a send refused by the broker as failed and goes on", async () => {
  const fake = createFakeKafka();
  fake.cluster.createTopic(TOPIC, { partitions: 1, replicationFactor: 1 });
  // A refusal the client does not retry: nothing is written.
  fake.cluster.inject("produce", { error: "TOPIC_AUTHORIZATION_FAILED" });
  const result = await produce(new FakeContext(fake), 2);

  assert.equal(result.failed, 1);
  assert.equal(result.sent, 1);
  assert.deepEqual(fake.cluster.values(TOPIC, 0), ["Hello Kafka 2"]);
  const failed = fake.sink.events().filter((e) => e.event === LAB2_EVENTS.deliveryFailed.name);
  assert.equal(failed.length, 1);
  assert.equal(eventProblem(LAB2_EVENTS.deliveryFailed, failed[0]), undefined);
  fake.cluster.close();
});

Deno.test("lab2 grading passes the core tasks after produce and consume on the fake port", async () => {
  const fake = createFakeKafka();
  const ctx = new FakeContext(fake);
  await produce(ctx, 5);
  const consumed = await consumeUpTo(ctx, 5);
  assert.equal(consumed.count, 5);
  assert.equal(fake.cluster.committed(GROUP, TOPIC, 0), "5");

  const verdicts = await grade(fake);
  assert.equal(verdicts.get("hello-records"), true);
  assert.equal(verdicts.get("hello-group-end"), true);
  assert.equal(verdicts.get("keyed"), false, "no keyed records were sent");
  assert.deepEqual([...fake.cluster.groups.keys()], [GROUP], "the snapshot's reader group is gone");
  fake.cluster.close();
});

Deno.test("lab2 grading fails hello-group-end when the consumer stopped after 3 of 5 records", async () => {
  const fake = createFakeKafka();
  const ctx = new FakeContext(fake);
  await produce(ctx, 5);
  await consumeUpTo(ctx, 3);
  assert.equal(fake.cluster.committed(GROUP, TOPIC, 0), "3");

  const verdicts = await grade(fake);
  assert.equal(verdicts.get("hello-records"), true);
  assert.equal(verdicts.get("hello-group-end"), false);
  fake.cluster.close();
});
