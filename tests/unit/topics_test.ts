import assert from "node:assert/strict";
import { UsageError } from "../../lib/errors.ts";
import {
  checkTopicName,
  COURSE_TOPICS,
  editDistance,
  layoutDifferences,
  parseConfigPairs,
  type TopicLayout,
  topicNameProblem,
  unknownConfigKeys,
} from "../../lib/topics.ts";

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
  assert.match(topicNameProblem("")!, /empty/);
  assert.match(topicNameProblem("..")!, /cannot be a topic name/);
  assert.match(topicNameProblem("x".repeat(250))!, /250 characters/);
  assert.match(topicNameProblem("bad name!")!, /only letters, digits/);
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
    ),
    [
      "has 1 partition(s), expected 6",
      "has replication factor 1, expected 2",
      "has min.insync.replicas=(broker default), expected 1",
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
