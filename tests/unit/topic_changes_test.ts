import assert from "node:assert/strict";
import { KafkaLabError, UsageError } from "../../lib/errors.ts";
import { addPartitions, alterTopicConfigs } from "../../lib/kafka/topic_changes.ts";
import { fakeWithTopic } from "./fake_setup.ts";

Deno.test("alterTopicConfigs sets and removes keys and keeps the ones not named", async () => {
  const fake = fakeWithTopic("t", 1);
  await fake.kafka.withAdmin((admin) =>
    alterTopicConfigs(admin, "t", {
      set: { "retention.ms": "1000", "cleanup.policy": "compact" },
      remove: [],
    })
  );
  const after = await fake.kafka.withAdmin((admin) =>
    alterTopicConfigs(admin, "t", { set: { "retention.ms": "2000" }, remove: ["cleanup.policy"] })
  );
  assert.deepEqual(after, { "retention.ms": "2000" });
  assert.deepEqual(Object.fromEntries(fake.cluster.topic("t").configs), { "retention.ms": "2000" });
});

Deno.test("addPartitions raises the count and refuses a count not above it", async () => {
  const fake = fakeWithTopic("t", 2);
  const { before, layout } = await fake.kafka.withAdmin((admin) => addPartitions(admin, "t", 5));
  assert.equal(before, 2);
  assert.equal(layout.partitions.length, 5);
  await assert.rejects(
    fake.kafka.withAdmin((admin) => addPartitions(admin, "t", 5)),
    (e: unknown) => e instanceof UsageError && /can only add partitions/.test(e.message),
  );
  await assert.rejects(
    fake.kafka.withAdmin((admin) => addPartitions(admin, "missing", 3)),
    (e: unknown) => e instanceof KafkaLabError && /topic missing does not exist/.test(e.message),
  );
});
