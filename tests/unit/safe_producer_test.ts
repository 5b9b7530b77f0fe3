/**
 * `SafeProducer` (lib/kafka/safe_producer.ts) on the fake Kafka port. The
 * fake's plain producer has the kafkajs adapter's faults (a retry runs the
 * partitioner again, sequence numbers are rolled back after an ambiguous
 * failure, a partition whose leader moved can be left out of a reply), so
 * each test fails when the workaround it checks is taken away.
 */
import assert from "node:assert/strict";
import { DeliveryTimeoutError, SafeProducer } from "../../lib/kafka/safe_producer.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { allValues, fakeWithTopic, produceRequests, within } from "./fake_setup.ts";

Deno.test("SafeProducer fixes an unkeyed record's partition before the first attempt: a retry goes to the same partition", async () => {
  const fake = fakeWithTopic("orders", 3);
  // The broker writes the first attempt, then answers with an error: the client retries.
  fake.cluster.inject("produce", { error: "REQUEST_TIMED_OUT", when: "after" });
  const producer = await fake.kafka.connect(fake.kafka.idempotentProducer());
  const [meta] = await within(
    5_000,
    producer.send({ topic: "orders", messages: [{ value: "a" }] }),
  );
  await producer.disconnect();

  const attempts = produceRequests(fake).map((r) => r.batches![0]);
  assert.equal(attempts.length, 2);
  assert.deepEqual(attempts.map((b) => b.partition), [meta.partition, meta.partition]);
  assert.deepEqual(attempts.map((b) => b.firstSequence), [0, 0]);
  assert.deepEqual(attempts.map((b) => b.outcome), ["appended", "duplicate"]);
  assert.deepEqual(allValues(fake, "orders"), ["a"], "one copy, in one partition");
  fake.cluster.close();
});

Deno.test("SafeProducer replaces a producer whose send failed (a new producer id) before the next send", async () => {
  const fake = fakeWithTopic("orders", 1);
  fake.cluster.inject("produce", { error: "NOT_ENOUGH_REPLICAS", times: 3 });
  const producer = await fake.kafka.connect(
    fake.kafka.idempotentProducer({ retry: { retries: 2 } }),
  );
  assert.ok(producer instanceof SafeProducer);
  await assert.rejects(
    within(5_000, producer.send({ topic: "orders", messages: [{ value: "a" }] })),
  );
  await within(5_000, producer.send({ topic: "orders", messages: [{ value: "b" }] }));
  await producer.disconnect();

  const ids = produceRequests(fake).map((r) => r.producerId);
  assert.equal(ids.length, 4, "three refused attempts of a, one of b");
  assert.equal(new Set(ids.slice(0, 3)).size, 1);
  assert.notEqual(ids[3], ids[0], "b went out with a new producer id");
  assert.equal(producer.replacements, 1);
  assert.deepEqual(fake.cluster.values("orders", 0), ["b"]);
  fake.cluster.close();
});

Deno.test("SafeProducer loses and duplicates nothing across an ambiguous failure (written, then an error)", async () => {
  const fake = fakeWithTopic("orders", 1);
  // Written, then an error; the retry is a duplicate, then an error again: the send fails.
  fake.cluster.inject("produce", { error: "REQUEST_TIMED_OUT", when: "after", times: 2 });
  const producer = await fake.kafka.connect(
    fake.kafka.idempotentProducer({ retry: { retries: 1 } }),
  );
  // "a" is in the log, but the send failed: the client rolled its sequence number back.
  await assert.rejects(
    within(5_000, producer.send({ topic: "orders", messages: [{ value: "a" }] })),
  );
  // With the same producer, "b" would reuse that sequence: the broker would take it for a
  // duplicate of "a", drop it and acknowledge a's offset.
  const [meta] = await within(
    5_000,
    producer.send({ topic: "orders", messages: [{ value: "b" }] }),
  );
  await producer.disconnect();

  assert.deepEqual(fake.cluster.values("orders", 0), ["a", "b"]);
  assert.equal(meta.baseOffset, "1", "b is acknowledged at its own offset");
  fake.cluster.close();
});

Deno.test("SafeProducer resends the records of a partition missing from a reply, as the same batch", async () => {
  const fake = fakeWithTopic("orders", 2); // partition 0 led by broker 1, partition 1 by broker 2
  assert.deepEqual(fake.cluster.topic("orders").partitions.map((p) => p.leader), [1, 2]);
  // Broker 2 writes b, then partition 1's leader moves to broker 1 and broker 2 answers
  // NOT_LEADER. The client's retry sends only to brokers without an answer: broker 1 has
  // answered for partition 0, so partition 1 is sent nowhere and its result is missing.
  fake.cluster.inject("produce", {
    broker: 2,
    topic: "orders",
    partition: 1,
    error: "NOT_LEADER_OR_FOLLOWER",
    when: "after",
    moveLeaderTo: 1,
  });
  const producer = await fake.kafka.connect(fake.kafka.idempotentProducer());
  const results = await within(
    5_000,
    producer.send({
      topic: "orders",
      messages: [{ value: "a", partition: 0 }, { value: "b", partition: 1 }],
    }),
  );
  await producer.disconnect();

  assert.deepEqual(
    results.map((r) => [r.partition, r.baseOffset]).sort(),
    [[0, "0"], [1, "0"]],
    "a result for each partition",
  );
  const resend = produceRequests(fake).at(-1)!;
  assert.equal(resend.broker, 1);
  assert.deepEqual(resend.batches, [{
    topic: "orders",
    partition: 1,
    firstSequence: 0,
    count: 1,
    outcome: "duplicate",
  }], "the same batch, recognised by the broker");
  assert.deepEqual(fake.cluster.values("orders", 1), ["b"]);
  fake.cluster.close();
});

Deno.test("SafeProducer settles a send without an answer at its delivery timeout and replaces the producer", async () => {
  const fake = fakeWithTopic("orders", 1);
  fake.cluster.inject("produce", { hang: true });
  const producer = await fake.kafka.connect(
    fake.kafka.idempotentProducer({ deliveryTimeoutMs: 100 }),
  );
  assert.ok(producer instanceof SafeProducer);
  const started = Date.now();
  const err = await within(5_000, producer.send({ topic: "orders", messages: [{ value: "a" }] }))
    .then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof DeliveryTimeoutError, String(err));
  assert.ok(err instanceof KafkaLabError && err.exitCode === 1);
  assert.ok(Date.now() - started < 2_000, `settled after ${Date.now() - started} ms`);

  await within(5_000, producer.send({ topic: "orders", messages: [{ value: "b" }] }));
  await producer.disconnect();
  assert.equal(producer.replacements, 1);
  assert.deepEqual(fake.cluster.values("orders", 0), ["b"]);
  fake.cluster.close();
});
