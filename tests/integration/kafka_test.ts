/**
 * kafkajs 2.2.4 through lib/kafka/clients.ts against the real Kafka 4.1.1 cluster:
 * admin create/describe/configs, keyed produce, group consume with commits.
 */
import assert from "node:assert/strict";
import type { Admin } from "../../lib/kafka/port.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, clusterConfig, createTopic, unique } from "../helpers.ts";
import { ensureTopic } from "../../lib/kafka/topics.ts";

const kafka = new KafkaClients(clusterConfig(), captureOutput().out);
const CONFIG_BROKER = 4;

const withAdmin = <T>(fn: (admin: Admin) => Promise<T>): Promise<T> => kafka.withAdmin(fn);

Deno.test("kafka cluster under test has three brokers and an elected controller", async () => {
  const cluster = await withAdmin((a) => a.describeCluster());
  assert.equal(cluster.brokers.length, 3);
  assert.ok(cluster.brokers.some((b) => b.nodeId === cluster.controller));
  assert.match(cluster.clusterId, /^[A-Za-z0-9_-]{22}$/);
});

Deno.test("kafka admin creates a topic with 6 partitions and RF 2 and describes its layout", async () => {
  const topic = unique("t6x2");
  await withAdmin(async (admin) => {
    const result = await ensureTopic(admin, {
      name: topic,
      partitions: 6,
      replicationFactor: 2,
      configs: { "min.insync.replicas": "1" },
    });
    assert.equal(result.status, "created");
    const partitions = result.layout.partitions;
    assert.equal(partitions.length, 6);
    for (const p of partitions) {
      assert.equal(p.replicas.length, 2);
      assert.ok(p.replicas.includes(p.leader), "the leader is one of the replicas");
      assert.deepEqual([...p.isr].sort(), [...p.replicas].sort());
    }
    assert.deepEqual(result.layout.configs, { "min.insync.replicas": "1" });
    assert.equal(
      await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 2 }] }),
      false,
      "kafkajs' CreateTopics on an existing topic reports that it exists",
    );
    assert.equal(
      (await ensureTopic(admin, { name: topic, partitions: 6, replicationFactor: 2 })).status,
      "exists",
    );
    await admin.deleteTopics({ topics: [topic] });
  });
});

Deno.test("kafka admin creates a topic with RF 3 and min.insync.replicas=2", async () => {
  const topic = unique("t-rf3");
  await withAdmin(async (admin) => {
    const { layout } = await ensureTopic(admin, {
      name: topic,
      partitions: 3,
      replicationFactor: 3,
      configs: { "min.insync.replicas": "2" },
    });
    assert.ok(layout.partitions.every((p) => p.replicas.length === 3 && p.isr.length === 3));
    assert.deepEqual(layout.configs, { "min.insync.replicas": "2" });
    await admin.deleteTopics({ topics: [topic] });
  });
});

Deno.test("kafka admin reads broker configs (DescribeConfigs on a broker resource)", async () => {
  const res = await withAdmin((admin) =>
    admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: CONFIG_BROKER, name: "1", configNames: ["auto.create.topics.enable"] }],
    })
  );
  const entry = res.resources[0].configEntries.find((e) =>
    e.configName === "auto.create.topics.enable"
  );
  assert.equal(entry?.configValue, "false");
});

Deno.test("kafka keyed records reach a consumer group on a stable partition, and commits stick", async () => {
  const topic = await createTopic("keyed", 3, 2);
  const group = unique("g");
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const sent: Array<{ key: string; partition: number }> = [];
  for (let i = 0; i < 12; i++) {
    const key = `user-${i % 4}`;
    const [meta] = await producer.send({ topic, acks: -1, messages: [{ key, value: `v${i}` }] });
    sent.push({ key, partition: meta.partition });
  }
  await producer.disconnect();
  for (const key of new Set(sent.map((s) => s.key))) {
    assert.equal(
      new Set(sent.filter((s) => s.key === key).map((s) => s.partition)).size,
      1,
      `${key} stays on one partition`,
    );
  }

  const received: Array<{ key: string; value: string; partition: number }> = [];
  const consumer = await kafka.connect(kafka.consumer({ groupId: group }));
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      received.push({ key: message.key!.toString(), value: message.value!.toString(), partition });
      await consumer.commitOffsets([{
        topic,
        partition,
        offset: (BigInt(message.offset) + 1n).toString(),
      }]);
    },
  });
  assert.ok(
    await waitFor(() => received.length >= 12, { timeoutMs: 30_000 }),
    `got ${received.length} of 12`,
  );
  await consumer.disconnect();
  assert.deepEqual(received.map((r) => r.value).sort(), sent.map((_, i) => `v${i}`).sort());
  for (const r of received) {
    assert.equal(r.partition, sent.find((s) => s.key === r.key)!.partition);
  }

  const [committed, ends] = await withAdmin((a) =>
    Promise.all([a.fetchOffsets({ groupId: group, topics: [topic] }), a.fetchTopicOffsets(topic)])
  );
  for (const end of ends) {
    const c = committed[0].partitions.find((p) => p.partition === end.partition)!;
    // "-1" means nothing committed, which is right only for a partition that got no record.
    const expected = end.high === "0" ? "-1" : end.high;
    assert.equal(c.offset, expected, `partition ${end.partition}: committed up to the end`);
  }
  await withAdmin((a) => a.deleteTopics({ topics: [topic] }));
});

Deno.test("kafka admin still answers after another client deletes a topic it looked up (kafkajs' target topics)", async () => {
  const [gone, kept] = [
    await createTopic("spoil-gone", 1, 1),
    await createTopic("spoil-kept", 2, 1),
  ];
  const other = new KafkaClients(clusterConfig(), captureOutput().out);
  await withAdmin(async (admin) => {
    // kafkajs remembers `gone` and asks for it in every later metadata refresh.
    assert.equal((await admin.fetchTopicOffsets(gone)).length, 1);
    await other.withAdmin(async (a) => {
      await a.deleteTopics({ topics: [gone] });
      const deleted = await waitFor(async () => !(await a.listTopics()).includes(gone), {
        timeoutMs: 30_000,
      });
      assert.ok(deleted, `${gone} deleted`);
    });
    assert.deepEqual((await admin.fetchTopicOffsets(kept)).map((p) => p.high), ["0", "0"]);
    const [offsets] = await admin.fetchOffsets({ groupId: unique("g"), topics: [kept] });
    assert.deepEqual(offsets.partitions.map((p) => p.offset), ["-1", "-1"]);
    // A topic that really is gone is still an error, with Kafka's own error type.
    await assert.rejects(admin.fetchTopicOffsets(gone), (err: Error & { type?: string }) => {
      assert.match(`${err.name} ${err.message}`, /does not host this topic-partition/);
      return true;
    });
  });
  await withAdmin((a) => a.deleteTopics({ topics: [kept] }));
});
