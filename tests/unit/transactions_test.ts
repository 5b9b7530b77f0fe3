import assert from "node:assert/strict";
import {
  CommittedOffsets,
  SEND_OFFSETS_RETRIABLE,
  sendByPartition,
  sendOffsets,
  sendOffsetsRetriable,
  TRANSACTION_RETRY,
  transactionalProducer,
} from "../../lib/kafka/transactions.ts";
import { consume } from "../../lib/kafka/consumer_loop.ts";
import {
  createFakeKafka,
  protocolError,
  type ProtocolErrorName,
  retriesExceeded,
} from "../../lib/kafka/fake/mod.ts";
import { produceRequests, within } from "./fake_setup.ts";

// Errors in the kafkajs adapter's shapes (tests/unit/fake_errors_test.ts holds them to kafkajs').

Deno.test("sendOffsetsRetriable retries the group-coordinator errors under kafkajs' own names", () => {
  // Kafka's names; kafkajs types codes 14, 15 and 16 as GROUP_LOAD_IN_PROGRESS,
  // GROUP_COORDINATOR_NOT_AVAILABLE and NOT_COORDINATOR_FOR_GROUP, which its
  // sendOffsets retry lists do not name.
  const names: ProtocolErrorName[] = [
    "COORDINATOR_LOAD_IN_PROGRESS",
    "COORDINATOR_NOT_AVAILABLE",
    "NOT_COORDINATOR",
    "CONCURRENT_TRANSACTIONS",
  ];
  for (const name of names) {
    assert.ok(sendOffsetsRetriable(protocolError(name)), name);
    assert.ok(sendOffsetsRetriable(retriesExceeded(protocolError(name), 5)), `${name} wrapped`);
  }
  assert.deepEqual(
    [...SEND_OFFSETS_RETRIABLE].sort(),
    names.map((n) => protocolError(n).type).sort(),
  );
});

Deno.test("sendOffsetsRetriable does not retry a fenced producer or a plain error", () => {
  assert.equal(sendOffsetsRetriable(protocolError("INVALID_PRODUCER_EPOCH")), false);
  assert.equal(sendOffsetsRetriable(protocolError("TRANSACTIONAL_ID_AUTHORIZATION_FAILED")), false);
  assert.equal(sendOffsetsRetriable(new Error("boom")), false);
  assert.equal(sendOffsetsRetriable(undefined), false);
});

Deno.test("TRANSACTION_RETRY starts short and still waits several seconds in all", () => {
  assert.ok(TRANSACTION_RETRY.initialRetryTime <= 50);
  let total = 0;
  let wait = TRANSACTION_RETRY.initialRetryTime;
  for (let i = 0; i < TRANSACTION_RETRY.retries; i++) {
    total += wait;
    wait = Math.min(TRANSACTION_RETRY.maxRetryTime, wait * 2);
  }
  assert.ok(total >= 5_000, `${total} ms`);
});

Deno.test("CommittedOffsets skips the records below the last committed offset, per partition", () => {
  const c = new CommittedOffsets();
  assert.equal(c.done("in", 0, "0"), false);
  c.commit("in", 0, "10");
  assert.equal(c.done("in", 0, "9"), true);
  assert.equal(c.done("in", 0, "10"), false);
  assert.equal(c.done("in", 1, "0"), false, "another partition");
  assert.equal(c.done("other", 0, "5"), false, "another topic");
  c.commit("in", 0, "5"); // an older commit does not move it back
  assert.equal(c.done("in", 0, "9"), true);
  c.commit("in", 0, "30");
  assert.equal(c.done("in", 0, "29"), true);
});

/** A fake port with one broker, so that every partition has the same leader. */
function oneBroker() {
  const fake = createFakeKafka({ brokers: 1 });
  fake.cluster.createTopic("in", { partitions: 1, replicationFactor: 1 });
  fake.cluster.createTopic("out", { partitions: 2, replicationFactor: 1 });
  return fake;
}

Deno.test("sendOffsets calls again after NOT_COORDINATOR; the offsets are committed with the transaction", async () => {
  const fake = oneBroker();
  const producer = await fake.kafka.connect(transactionalProducer(fake.kafka, "copy.tx"));
  const tx = await producer.transaction();
  await sendByPartition(tx, "out", [{ value: "a", partition: 0 }, { value: "b", partition: 1 }]);
  const fault = fake.cluster.inject("sendOffsets", { error: "NOT_COORDINATOR", times: 2 });
  await within(
    5_000,
    sendOffsets(tx, {
      consumerGroupId: "copy",
      topics: [{ topic: "in", partitions: [{ partition: 0, offset: "5" }] }],
    }),
  );
  assert.equal(fault.fired, 2);
  assert.deepEqual(fake.cluster.values("out", 0), [], "nothing visible before the commit");
  assert.equal(fake.cluster.committed("copy", "in", 0), undefined);

  await tx.commit();
  await producer.disconnect();
  assert.deepEqual([fake.cluster.values("out", 0), fake.cluster.values("out", 1)], [["a"], ["b"]]);
  assert.equal(fake.cluster.committed("copy", "in", 0), "5");
  fake.cluster.close();
});

Deno.test("sendByPartition sends one partition per request, even when one broker leads them all", async () => {
  const fake = oneBroker();
  const producer = await fake.kafka.connect(transactionalProducer(fake.kafka, "copy.tx"));
  const tx = await producer.transaction();
  const messages = [0, 1, 0, 1].map((partition, i) => ({ value: `v${i}`, partition }));
  const results = await sendByPartition(tx, "out", messages);
  await tx.commit();
  await producer.disconnect();

  assert.deepEqual(results.map((r) => r.partition), [0, 1]);
  assert.deepEqual(
    produceRequests(fake).map((r) => r.batches!.map((b) => [b.partition, b.count])),
    [[[0, 2]], [[1, 2]]],
  );
  assert.deepEqual(fake.cluster.values("out", 0), ["v0", "v2"]);
  fake.cluster.close();
});

Deno.test("a read_committed consumer never gets an aborted transaction's records, and gets a committed one's", async () => {
  const fake = oneBroker();
  const producer = await fake.kafka.connect(transactionalProducer(fake.kafka, "copy.tx"));
  const aborted = await producer.transaction();
  await sendByPartition(aborted, "out", [{ value: "lost", partition: 0 }]);
  await aborted.abort();
  const committed = await producer.transaction();
  await sendByPartition(committed, "out", [{ value: "kept", partition: 0 }]);
  await committed.commit();
  await producer.disconnect();

  const seen: Array<[string, string]> = [];
  await within(
    5_000,
    consume(fake.kafka, {
      topic: "out",
      groupId: "reader",
      fromBeginning: true,
      signal: new AbortController().signal,
      maxMessages: 1,
      onRecord: (r) => void seen.push([r.offset, new TextDecoder().decode(r.value!)]),
    }),
  );
  // Offsets: 0 lost, 1 its abort marker, 2 kept, 3 its commit marker.
  assert.deepEqual(seen, [["2", "kept"]]);
  fake.cluster.close();
});

Deno.test("a second instance with the same transactional id fences the first: its transaction cannot commit", async () => {
  const fake = oneBroker();
  const first = await fake.kafka.connect(transactionalProducer(fake.kafka, "copy.tx"));
  const tx = await first.transaction();
  await sendByPartition(tx, "out", [{ value: "zombie", partition: 0 }]);
  const second = await fake.kafka.connect(transactionalProducer(fake.kafka, "copy.tx"));

  await assert.rejects(tx.commit(), (e: Error & { type?: string }) => {
    assert.equal(e.type, "INVALID_PRODUCER_EPOCH");
    return true;
  });
  await first.disconnect();
  await second.disconnect();
  assert.deepEqual(fake.cluster.values("out", 0), []);
  fake.cluster.close();
});
