/**
 * The console's data on the fake port: a topic with a partition without a
 * leader is named and never hides the healthy ones; config sources come from
 * DescribeConfigs' config_source.
 */
import assert from "node:assert/strict";
import { createFakeKafka, FakeCluster } from "../../lib/kafka/fake/mod.ts";
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import { AdminHolder } from "../../commands/ui/admin_holder.ts";
import { configSource, topicDetail, topicList } from "../../commands/ui/data.ts";
import { describeGroup } from "../../lib/inspect/groups.ts";

function clusterWithOneSickTopic() {
  const fake = createFakeKafka({ cluster: new FakeCluster({ brokers: 3 }) });
  fake.cluster.createTopic("healthy", { partitions: 3, replicationFactor: 2 });
  fake.cluster.createTopic("sick", { partitions: 1, replicationFactor: 1 });
  const [holder] = fake.cluster.topic("sick").partitions[0].replicas;
  fake.cluster.stopBroker(holder);
  return { fake, stopped: holder };
}

Deno.test("topicList names the leaderless topic and still counts the healthy one's records", async () => {
  const { fake, stopped } = clusterWithOneSickTopic();
  const admin = new AdminHolder(fake.kafka);
  try {
    const list = await admin.use(topicList);
    const sick = list.find((t) => t.name === "sick")!;
    const healthy = list.find((t) => t.name === "healthy")!;
    assert.deepEqual([sick.records, sick.leaderless], [null, [0]]);
    assert.deepEqual([healthy.records, healthy.leaderless, healthy.partitions], [0, [], 3]);
    const detail = await admin.use((a, snap) => topicDetail(a, snap, "sick"));
    assert.equal(detail?.partitions[0].leader, -1);
    assert.equal(detail?.partitions[0].end, null);
    assert.deepEqual(detail?.leaderless, [{ topic: "sick", partition: 0, replicas: [stopped] }]);
  } finally {
    await admin.close();
  }
});

Deno.test("AdminHolder refuses offsets of a leaderless topic at once and lists every topic", async () => {
  const { fake } = clusterWithOneSickTopic();
  const admin = new AdminHolder(fake.kafka);
  try {
    const names = await admin.use((a) => a.listTopics());
    assert.deepEqual(names.sort(), ["healthy", "sick"]);
    await assert.rejects(admin.use((a) => a.fetchTopicOffsets("sick")), LeaderlessError);
    const offsets = await admin.use((a) => a.fetchTopicOffsets("healthy"));
    assert.equal(offsets.length, 3);
    const committed = await admin.use((a) =>
      a.fetchOffsets({ groupId: "g", topics: ["healthy", "sick"] })
    );
    assert.deepEqual(committed.map((t) => t.topic), ["healthy"]);
  } finally {
    await admin.close();
  }
});

Deno.test("configSource names Kafka's config_source codes", () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 0].map(configSource),
    ["topic", "broker", "broker-default", "static", "default", "other"],
  );
});

Deno.test("describeGroup with the wire's layouts names a leaderless topic and shows the healthy one's lag", async () => {
  const { fake } = clusterWithOneSickTopic();
  const kafka = fake.kafka;
  const layouts = await kafka.topics();
  const d = await kafka.withAdmin(async (admin) => {
    await admin.setOffsets({
      groupId: "g",
      topic: "healthy",
      partitions: [0, 1, 2].map((partition) => ({ partition, offset: "0" })),
    });
    return await describeGroup(admin, "g", layouts);
  });
  assert.deepEqual(d.partitions.map((p) => [p.topic, p.partition, p.committed, p.lag]), [
    ["healthy", 0, "0", 0],
    ["healthy", 1, "0", 0],
    ["healthy", 2, "0", 0],
  ]);
  assert.deepEqual(d.unavailable.map((u) => [u.topic, u.reason.en]), [
    ["sick", "a partition has no leader"],
  ]);
});
