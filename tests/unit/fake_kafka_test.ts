/**
 * The fake Kafka port itself (lib/kafka/fake/): its broker follows Kafka's
 * rules, and its plain producer and consumer show the kafkajs faults that
 * kafka-lab works around, so that the tests of those workarounds
 * (safe_producer_test.ts, consumer_loop_test.ts) can fail.
 */
import assert from "node:assert/strict";
import { protocolErrorType } from "../../lib/errors.ts";
import { createFakeKafka, FakeConsumer } from "../../lib/kafka/fake/mod.ts";
import type { ProduceRequest } from "../../lib/kafka/fake/cluster.ts";
import { allValues, fakeWithTopic, within } from "./fake_setup.ts";

function request(overrides: Partial<ProduceRequest> & { firstSequence?: number }): ProduceRequest {
  const { firstSequence = 0, ...rest } = overrides;
  return {
    broker: 1,
    producerId: 7,
    epoch: 0,
    transactional: false,
    acks: -1,
    entries: [{ topic: "t", partition: 0, firstSequence, messages: [{ value: "x" }] }],
    ...rest,
  };
}

Deno.test("fake broker acknowledges a repeated idempotent batch at its first offset without appending it", async () => {
  const { cluster } = fakeWithTopic("t", 1);
  const [first] = await cluster.produce(request({}));
  const [again] = await cluster.produce(request({}));
  assert.equal(again.baseOffset, first.baseOffset);
  assert.equal(cluster.records("t", 0).length, 1);
  const [next] = await cluster.produce(request({ firstSequence: 1 }));
  assert.equal(next.baseOffset, "1");
  cluster.close();
});

Deno.test("fake broker refuses a sequence gap and a fenced epoch as Kafka does", async () => {
  const { cluster } = fakeWithTopic("t", 1);
  await cluster.produce(request({}));
  await assert.rejects(cluster.produce(request({ firstSequence: 2 })), (e) => {
    assert.equal(protocolErrorType(e), "OUT_OF_ORDER_SEQUENCE_NUMBER");
    return true;
  });
  await cluster.produce(request({ epoch: 1 }));
  await assert.rejects(cluster.produce(request({ firstSequence: 1 })), (e) => {
    assert.equal(protocolErrorType(e), "INVALID_PRODUCER_EPOCH");
    return true;
  });
  await assert.rejects(cluster.produce(request({ broker: 2 })), (e) => {
    assert.equal(protocolErrorType(e), "NOT_LEADER_FOR_PARTITION");
    return true;
  });
  cluster.close();
});

Deno.test("fake broker refuses acks=all below min.insync.replicas with NOT_ENOUGH_REPLICAS", async () => {
  const fake = createFakeKafka();
  fake.cluster.createTopic("t", { partitions: 1, configs: { "min.insync.replicas": "2" } });
  fake.cluster.stopBroker(2);
  fake.cluster.stopBroker(3);
  await assert.rejects(fake.cluster.produce(request({})), (e) => {
    assert.equal(protocolErrorType(e), "NOT_ENOUGH_REPLICAS");
    return true;
  });
  await fake.cluster.produce(request({ acks: 1 }));
  assert.equal(fake.cluster.records("t", 0).length, 1);
  fake.cluster.close();
});

Deno.test("fake plain producer moves an unkeyed retry to another partition, writing the record twice", async () => {
  const fake = fakeWithTopic("t", 3);
  fake.cluster.inject("produce", { error: "REQUEST_TIMED_OUT", when: "after" });
  const producer = await fake.kafka.connect(
    fake.kafka.idempotentProducer({ unsafePartitioning: true }),
  );
  await within(5_000, producer.send({ topic: "t", messages: [{ value: "a" }] }));
  await producer.disconnect();
  assert.deepEqual(allValues(fake, "t"), ["a", "a"]);
  fake.cluster.close();
});

Deno.test("fake plain producer loses the record after an ambiguous failure: its sequence was rolled back", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.inject("produce", { error: "REQUEST_TIMED_OUT", when: "after", times: 2 });
  const producer = await fake.kafka.connect(
    fake.kafka.idempotentProducer({ unsafePartitioning: true, retry: { retries: 1 } }),
  );
  await assert.rejects(producer.send({ topic: "t", messages: [{ value: "a" }] }));
  const [meta] = await producer.send({ topic: "t", messages: [{ value: "b" }] });
  await producer.disconnect();
  assert.equal(meta.baseOffset, "0", "b acknowledged at a's offset");
  assert.deepEqual(fake.cluster.values("t", 0), ["a"], "b is not in the topic");
  fake.cluster.close();
});

Deno.test("fake plain producer leaves out a partition whose leader moved to a broker that had answered", async () => {
  const fake = fakeWithTopic("t", 2);
  fake.cluster.inject("produce", {
    broker: 2,
    topic: "t",
    partition: 1,
    error: "NOT_LEADER_OR_FOLLOWER",
    moveLeaderTo: 1,
  });
  const producer = await fake.kafka.connect(
    fake.kafka.idempotentProducer({ unsafePartitioning: true }),
  );
  const results = await producer.send({
    topic: "t",
    messages: [{ value: "a", partition: 0 }, { value: "b", partition: 1 }],
  });
  await producer.disconnect();
  assert.deepEqual(results.map((r) => r.partition), [0]);
  assert.deepEqual(fake.cluster.values("t", 1), []);
  fake.cluster.close();
});

Deno.test("fake cluster: a leaderless partition fails the admin's metadata, the port shows leader -1", async () => {
  const fake = createFakeKafka();
  fake.cluster.createTopic("t", { partitions: 2, replicationFactor: 1 });
  fake.cluster.stopBroker(2); // partition 1's only replica
  const failed = await fake.kafka.withAdmin((a) => a.fetchTopicMetadata({ topics: ["t"] }))
    .then(() => undefined, (e: unknown) => e);
  assert.equal(protocolErrorType(failed), "LEADER_NOT_AVAILABLE");
  assert.deepEqual((await fake.kafka.partitions("t"))!.map((p) => p.leader), [1, -1]);
  assert.deepEqual(await fake.kafka.leaderless(["t"]), [
    { topic: "t", partition: 1, replicas: [2] },
  ]);
  fake.cluster.startBroker(2);
  assert.deepEqual(await fake.kafka.leaderless(["t"]), []);
  fake.cluster.close();
});

Deno.test("fake cluster with every broker stopped: preflight fails with exit 3 naming each address", async () => {
  const fake = createFakeKafka();
  for (const b of fake.cluster.brokerIds) fake.cluster.stopBroker(b);
  const err = await fake.kafka.preflight().then(() => undefined, (e: unknown) => e);
  assert.equal((err as { exitCode?: number })?.exitCode, 3);
  for (const address of fake.cluster.addresses) assert.match(String(err), new RegExp(address));
  fake.cluster.close();
});

Deno.test("fake group moves to a new generation and splits the partitions when a member joins and leaves", async () => {
  const fake = fakeWithTopic("t", 4);
  const member = () => new FakeConsumer(fake.cluster, { groupId: "g", maxWaitTimeInMs: 20 }, "c");
  const start = async (c: FakeConsumer) => {
    await c.connect();
    await c.subscribe({ topic: "t" });
    await c.run({ eachMessage: async () => {} });
  };
  const group = fake.cluster.group("g");
  const a = member();
  await within(5_000, start(a));
  assert.equal(group.generation, 1);
  assert.deepEqual(group.members.get(a.memberId!)!.assignment, { t: [0, 1, 2, 3] });

  const b = member();
  await within(5_000, start(b)); // resolves once a has joined again
  assert.equal(group.generation, 2);
  assert.equal(group.state, "Stable");
  assert.deepEqual(group.members.get(a.memberId!)!.assignment, { t: [0, 2] });
  assert.deepEqual(group.members.get(b.memberId!)!.assignment, { t: [1, 3] });

  await within(5_000, b.disconnect());
  await within(
    5_000,
    (async () => {
      while (group.generation < 3 || group.state !== "Stable") await fake.cluster.changed(50);
    })(),
  );
  assert.deepEqual(group.members.get(a.memberId!)!.assignment, { t: [0, 1, 2, 3] });
  await within(5_000, a.disconnect());
  assert.equal(group.state, "Empty");
  fake.cluster.close();
});

Deno.test("fake consumer hands a batch over again from the last resolved offset", async () => {
  const fake = fakeWithTopic("t", 1);
  fake.cluster.addRecords("t", 0, ["a", "b", "c"]);
  const c = new FakeConsumer(fake.cluster, { groupId: "g", maxWaitTimeInMs: 20 }, "c");
  await c.connect();
  await c.subscribe({ topic: "t", fromBeginning: true });
  const firsts: string[] = [];
  let calls = 0;
  const done = Promise.withResolvers<void>();
  await c.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      firsts.push(batch.messages[0].offset);
      resolveOffset(batch.messages[0].offset); // only the first record of each batch
      if (++calls === 3) done.resolve();
      await Promise.resolve();
    },
  });
  await within(5_000, done.promise);
  await c.disconnect();
  assert.deepEqual(firsts, ["0", "1", "2"]);
  fake.cluster.close();
});

Deno.test("fake request without an answer fails with a closed connection once its client disconnects", async () => {
  const fake = fakeWithTopic("t", 1);
  const admin = await fake.kafka.connect(fake.kafka.admin());
  fake.cluster.inject("admin", { hang: true });
  const asked = admin.listTopics().then(() => undefined, (e: unknown) => e);
  await admin.disconnect();
  const err = await within(5_000, asked);
  assert.equal((err as Error)?.name, "KafkaJSConnectionClosedError");
  fake.cluster.close();
});

Deno.test("fake consumer that stops while its join waits for a busy member leaves at once", async () => {
  const fake = fakeWithTopic("t", 2);
  fake.cluster.addRecords("t", 0, ["a"]);
  const group = fake.cluster.group("g");
  const busy = Promise.withResolvers<void>();
  const release = Promise.withResolvers<void>();
  const member = async (handler: () => Promise<void>) => {
    const c = new FakeConsumer(fake.cluster, { groupId: "g", maxWaitTimeInMs: 20 }, "c");
    await c.connect();
    await c.subscribe({ topic: "t", fromBeginning: true });
    return { c, running: c.run({ eachMessage: handler }) };
  };
  const a = await member(async () => {
    busy.resolve();
    await release.promise;
  });
  await a.running;
  await within(5_000, busy.promise);
  const b = await member(async () => {});
  await within(
    5_000,
    (async () => {
      while (group.members.size < 2) await fake.cluster.changed(20);
    })(),
  );

  await within(1_000, b.c.disconnect()); // a is still busy: the rebalance has not completed
  await within(1_000, b.running);
  assert.deepEqual([...group.members.keys()], [a.c.memberId]);
  release.resolve();
  await within(5_000, a.c.disconnect());
  assert.equal(group.state, "Empty");
  fake.cluster.close();
});
