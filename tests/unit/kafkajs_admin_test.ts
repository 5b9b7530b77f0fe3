/**
 * The kafkajs admin adapter replaces a client that kafkajs has spoiled
 * (lib/kafka/kafkajs/admin.ts), here with stand-ins for kafkajs' clients; the
 * real case (a topic deleted by another client) is in
 * tests/integration/kafka_test.ts.
 */
import assert from "node:assert/strict";
import type { Admin as KafkajsAdmin } from "kafkajs";
import { portAdmin } from "../../lib/kafka/kafkajs/admin.ts";

/** A stand-in kafkajs admin whose `fetchTopicOffsets` fails while `spoiled` says so. */
function standIn(
  log: string[],
  spoiled: (topic: string, client: number) => Error | undefined,
): () => KafkajsAdmin {
  let made = 0;
  return () => {
    const client = ++made;
    return {
      connect: () => Promise.resolve(void log.push(`connect ${client}`)),
      disconnect: () => Promise.resolve(void log.push(`disconnect ${client}`)),
      fetchTopicOffsets: (topic: string) => {
        log.push(`offsets ${topic} on ${client}`);
        const err = spoiled(topic, client);
        return err ? Promise.reject(err) : Promise.resolve([]);
      },
    } as unknown as KafkajsAdmin;
  };
}

function unknownTopic(): Error {
  return Object.assign(new Error("This server does not host this topic-partition"), {
    type: "UNKNOWN_TOPIC_OR_PARTITION",
  });
}

Deno.test("kafkajs admin: a client that looked up a topic deleted since is replaced and the call passes on the new one", async () => {
  const log: string[] = [];
  const admin = portAdmin(
    standIn(log, (t, c) => (c === 1 && t === "b" ? unknownTopic() : undefined)),
  );
  await admin.connect();
  await admin.fetchTopicOffsets("a");
  await admin.fetchTopicOffsets("b");
  await admin.fetchTopicOffsets("b");
  await admin.disconnect();
  assert.deepEqual(log, [
    "connect 1",
    "offsets a on 1",
    "offsets b on 1",
    "connect 2",
    "offsets b on 2",
    "disconnect 1",
    "offsets b on 2",
    "disconnect 2",
  ]);
});

Deno.test("kafkajs admin: a topic that does not exist fails once, with Kafka's error, on a client that knew no other", async () => {
  const log: string[] = [];
  const admin = portAdmin(standIn(log, (t) => (t === "none" ? unknownTopic() : undefined)));
  await admin.connect();
  await assert.rejects(admin.fetchTopicOffsets("none"), /does not host/);
  assert.deepEqual(log, ["connect 1", "offsets none on 1", "connect 2", "disconnect 1"]);
});

Deno.test("kafkajs admin: kafkajs' TypeError on a topic without partitions yet is asked again once", async () => {
  const log: string[] = [];
  const pop = new TypeError("Cannot destructure property 'partitions' of 'high.pop(...)'");
  const admin = portAdmin(standIn(log, (_, c) => (c < 3 ? pop : undefined)));
  await admin.connect();
  await assert.rejects(admin.fetchTopicOffsets("new"), TypeError);
  assert.deepEqual(log.filter((l) => l.startsWith("offsets")), [
    "offsets new on 1",
    "offsets new on 2",
  ]);
  assert.deepEqual(await admin.fetchTopicOffsets("new"), []);
  const other = portAdmin(standIn([], (_, c) => (c === 1 ? pop : undefined)));
  await other.connect();
  assert.deepEqual(await other.fetchTopicOffsets("new"), []);
});

Deno.test("kafkajs admin: calls failing together on a spoiled client make one new client, connected before use", async () => {
  const log: string[] = [];
  const admin = portAdmin(
    standIn(log, (t, c) => (c === 1 && t !== "a" ? unknownTopic() : undefined)),
  );
  await admin.connect();
  await admin.fetchTopicOffsets("a");
  await Promise.all(["b", "c", "d"].map((t) => admin.fetchTopicOffsets(t)));
  assert.deepEqual(log.filter((l) => l.startsWith("connect")), ["connect 1", "connect 2"]);
  const onTwo = log.filter((l) => l.endsWith("on 2"));
  assert.deepEqual(onTwo.sort(), ["offsets b on 2", "offsets c on 2", "offsets d on 2"]);
  assert.ok(log.indexOf("connect 2") < log.indexOf(onTwo[0]), log.join("\n"));
  assert.equal(log.filter((l) => l === "disconnect 1").length, 1);
});
