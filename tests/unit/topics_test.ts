import assert from "node:assert/strict";
import { UsageError } from "../../lib/errors.ts";
import {
  brokerSettingRefusal,
  checkTopicName,
  collidingTopic,
  collisionRefusal,
  COURSE_TOPICS,
  editDistance,
  layoutDifferences,
  parseConfigPairs,
  replicationRefusal,
  specWarnings,
  type TopicLayout,
  topicNameProblem,
  unknownConfigKeys,
  unknownConfigRefusal,
} from "../../lib/kafka/topics.ts";

Deno.test("COURSE_TOPICS carry the seeds' parameters", () => {
  assert.deepEqual(COURSE_TOPICS.helloKafka, {
    name: "hello-kafka",
    partitions: 1,
    replicationFactor: 1,
  });
  assert.deepEqual(COURSE_TOPICS.usersCoordinates, {
    name: "users_coordinates",
    partitions: 6,
    replicationFactor: 2,
    configs: { "min.insync.replicas": "1" },
  });
  assert.deepEqual(COURSE_TOPICS.final1, {
    name: "final-1-topic",
    partitions: 3,
    replicationFactor: 2,
  });
});

Deno.test("topicNameProblem accepts Kafka's legal names and explains the rest", () => {
  for (const ok of ["hello-kafka", "users_coordinates", "a.b-c_1", "x".repeat(249)]) {
    assert.equal(topicNameProblem(ok), undefined, ok);
  }
  assert.match(topicNameProblem("")!.en, /empty/);
  assert.match(topicNameProblem("..")!.en, /cannot be a topic name/);
  assert.match(topicNameProblem("x".repeat(250))!.en, /250 characters/);
  assert.match(topicNameProblem("bad name!")!.en, /only letters, digits/);
  assert.throws(() => checkTopicName("a/b"), UsageError);
});

Deno.test("parseConfigPairs reads key=value and rejects anything else", () => {
  assert.deepEqual(parseConfigPairs(["min.insync.replicas=2", "cleanup.policy=compact,delete"]), {
    "min.insync.replicas": "2",
    "cleanup.policy": "compact,delete",
  });
  for (const bad of ["novalue", "=2", "key="]) {
    assert.throws(() => parseConfigPairs([bad]), UsageError, bad);
  }
});

const layout: TopicLayout = {
  name: "t",
  partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1] }],
  replicationFactor: 1,
  configs: { "retention.ms": "1000" },
};

Deno.test("layoutDifferences says how an existing topic differs from the spec", () => {
  assert.deepEqual(
    layoutDifferences({ name: "t", partitions: 1, replicationFactor: 1 }, layout),
    [],
  );
  assert.deepEqual(
    layoutDifferences(
      {
        name: "t",
        partitions: 6,
        replicationFactor: 2,
        configs: { "min.insync.replicas": "1", "retention.ms": "1000" },
      },
      layout,
    ).map((d) => d.en),
    [
      "partitions: 1, expected 6",
      "replication factor 1, expected 2",
      "min.insync.replicas is the broker default, expected 1",
    ],
  );
});

Deno.test("unknownConfigKeys finds misspelt keys and suggests the closest known one", () => {
  const known = new Set(["min.insync.replicas", "retention.ms", "cleanup.policy"]);
  assert.deepEqual(unknownConfigKeys({ "retention.ms": "1" }, known), []);
  assert.deepEqual(unknownConfigKeys({ "min.insync.replica": "2" }, known), [
    { key: "min.insync.replica", suggestion: "min.insync.replicas" },
  ]);
  assert.deepEqual(unknownConfigKeys({ "totally.different.thing": "1" }, known), [{
    key: "totally.different.thing",
  }]);
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "abc"), 3);
});

Deno.test("collidingTopic finds a topic whose name differs only in '.' and '_'", () => {
  assert.equal(
    collidingTopic("users.coordinates", ["users_coordinates", "x"]),
    "users_coordinates",
  );
  assert.equal(collidingTopic("users_coordinates", ["users_coordinates"]), undefined);
  assert.equal(collidingTopic("orders", ["orders.dlq"]), undefined);
});

Deno.test("specWarnings warns when min.insync.replicas is above the replication factor", () => {
  const spec = { name: "t", partitions: 1, replicationFactor: 2 };
  assert.equal(specWarnings({ ...spec, configs: { "min.insync.replicas": "2" } }).length, 0);
  const [w] = specWarnings({ ...spec, configs: { "min.insync.replicas": "3" } });
  // Kafka 4.1.1 caps the effective value at the replica count (proven in
  // tests/integration/lab6_test.ts): writes go on while every replica is in sync.
  assert.match(w.en, /effective min ISR 2/);
  assert.match(w.en, /set it to 1 or below/);
  assert.match(w.ru, /действующий min ISR — 2/);
});

Deno.test("collisionRefusal refuses a name that collides with an existing topic, in both languages", () => {
  assert.equal(collisionRefusal("orders", ["orders", "orders.dlq"]), undefined);
  const e = collisionRefusal("users.coordinates", ["users_coordinates"]);
  assert.ok(e instanceof UsageError && e.exitCode === 2);
  assert.match(
    e.text.en,
    /users\.coordinates would collide with the existing topic users_coordinates/,
  );
  assert.match(e.text.ru, /совпал бы с существующим топиком users_coordinates/);
  assert.match(e.hint!, /use users_coordinates/);
});

Deno.test("brokerSettingRefusal names the topic config a broker setting stands for", () => {
  assert.equal(brokerSettingRefusal({}), undefined);
  assert.equal(brokerSettingRefusal({ "retention.ms": "1" }), undefined);
  const e = brokerSettingRefusal({ "retention.ms": "1", "log.retention.ms": "5" });
  assert.ok(e instanceof UsageError);
  assert.equal(e.text.en, "log.retention.ms is a broker setting, not a topic config");
  assert.equal(e.hint, "on a topic it is retention.ms");
});

Deno.test("unknownConfigRefusal suggests the closest known key, or the docs when none is close", () => {
  const known = new Set(["min.insync.replicas", "retention.ms"]);
  assert.equal(unknownConfigRefusal({ "retention.ms": "1" }, known), undefined);
  assert.equal(unknownConfigRefusal({ "anything.at.all": "1" }, undefined), undefined);
  const close = unknownConfigRefusal({ "retention.m": "1" }, known);
  assert.equal(close?.text.en, "unknown topic config 'retention.m'");
  assert.equal(close?.hint, "did you mean retention.ms?");
  const far = unknownConfigRefusal({ "totally.different.thing": "1" }, known);
  assert.match(far!.hint!, /topic configs in Kafka's documentation/);
});

Deno.test("replicationRefusal refuses more replicas than brokers and names both numbers", () => {
  assert.equal(replicationRefusal(3, 3), undefined);
  assert.equal(replicationRefusal(1, 3), undefined);
  const e = replicationRefusal(4, 3);
  assert.ok(e instanceof UsageError && e.exitCode === 2);
  assert.equal(e.text.en, "replication factor 4 is more than the brokers in the cluster (3)");
  assert.match(e.hint!, /--replication-factor 3 or less/);
});
