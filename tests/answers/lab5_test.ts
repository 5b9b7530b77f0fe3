/**
 * Lab 5's answer key, where it can be proven without stopping a broker (the
 * rest is proven by tests/faults/lab5_test.ts on a cluster of its own).
 */
import assert from "node:assert/strict";
import { transactionalProducer } from "../../lib/kafka/transactions.ts";
import { createTopic, unique } from "../helpers.ts";
import { clients } from "./support.ts";

/** The values kcat reads from the start of `topic` with `isolation.level`, to its end. */
async function kcatRead(topic: string, isolation: string): Promise<string[]> {
  const brokers = Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092";
  const out = await new Deno.Command("kcat", {
    args: ["-b", brokers, "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%s\\n"]
      .concat(["-X", `isolation.level=${isolation}`]),
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout).split("\n").filter((l) => l !== "");
}

/** `send` once, or twice when the first attempt finds the connection the broker closed. */
async function sendAfterClose(
  send: () => Promise<{ baseOffset?: string }[]>,
): Promise<{ baseOffset?: string }> {
  try {
    return (await send())[0];
  } catch (err) {
    assert.match(String(err), /Closed connection/, "the broker closed the acks=0 connection");
    return (await send())[0];
  }
}

async function deleteTopic(topic: string): Promise<void> {
  await clients().withAdmin((admin) => admin.deleteTopics({ topics: [topic], timeout: 30_000 }));
}

Deno.test("lab5 answer: acks=0 reports success for a record the broker did not store", async () => {
  const topic = await createTopic("answer-acks0", 1, 1, { "max.message.bytes": "1000" });
  const kafka = clients();
  const producer = await kafka.connect(kafka.producer({ retry: { retries: 0 } }));
  try {
    const big = "x".repeat(5000);
    // acks=1 hears the broker's refusal (MESSAGE_TOO_LARGE) ...
    await assert.rejects(() => producer.send({ topic, acks: 1, messages: [{ value: big }] }));
    // ... acks=0 hears nothing: the send "succeeds". The broker refuses the record all the same
    // and can only close the connection, which the next request on it finds closed.
    await producer.send({ topic, acks: 0, messages: [{ key: null, value: big }] });
    const small = await sendAfterClose(() =>
      producer.send({ topic, acks: 1, messages: [{ value: "small" }] })
    );
    assert.equal(Number(small.baseOffset), 0, "the next stored record is the first in the log");
    const ends = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    assert.equal(Number(ends[0].high), 1, "only the small record is stored");
  } finally {
    await producer.disconnect();
    await deleteTopic(topic);
  }
});

Deno.test("lab5 answer: read_uncommitted also sees an aborted transaction's records, read_committed does not", async () => {
  const topic = await createTopic("answer-txn", 1, 1);
  const kafka = clients();
  const producer = await kafka.connect(transactionalProducer(kafka, unique("answer-txn-id")));
  try {
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ value: "c1" }, { value: "c2" }] });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ value: "a1" }] });
    await aborted.abort();
    assert.deepEqual(await kcatRead(topic, "read_committed"), ["c1", "c2"]);
    assert.deepEqual(await kcatRead(topic, "read_uncommitted"), ["c1", "c2", "a1"]);
  } finally {
    await producer.disconnect();
    await deleteTopic(topic);
  }
});
