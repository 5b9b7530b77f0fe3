import assert from "node:assert/strict";
import { UsageError } from "../../lib/errors.ts";
import {
  checkTopicName,
  collidingTopic,
  COURSE_TOPICS,
  editDistance,
  layoutDifferences,
  parseConfigPairs,
  specWarnings,
  type TopicLayout,
  topicNameProblem,
  unknownConfigKeys,
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
  assert.match(w.en, /acks=all write will be refused/);
  assert.match(w.ru, /acks=all будет отклонена/);
});
