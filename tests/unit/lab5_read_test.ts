import assert from "node:assert/strict";
import { readAll } from "../../labs/lab5_guarantees/records.ts";
import { fakeWithTopic, within } from "./fake_setup.ts";

Deno.test("lab 5's reader counts each offset once when its consumer restarts and reads a partition again", async () => {
  const topic = "lab5-read";
  const fake = fakeWithTopic(topic, 2, { maxBatchRecords: 1 });
  try {
    fake.cluster.addRecords(topic, 0, ["a0", "a1", "a2", "a3"]);
    fake.cluster.addRecords(topic, 1, ["b0", "b1", "b2"]);
    // The first batch is handed over, its commit fails until kafkajs gives
    // up and restarts the consumer, which starts again from offset 0.
    fake.cluster.inject("commit", { error: "REQUEST_TIMEOUT", times: 6 });
    const records = await within(10_000, readAll(fake.kafka, topic));
    const crashes = fake.cluster.requests.filter((r) => r.kind === "commit" && r.error).length;
    assert.ok(
      crashes >= 6,
      `the commits failed ${crashes} times, enough for the consumer to restart`,
    );
    assert.deepEqual(
      records.map((r) => r.id).sort(),
      ["a0", "a1", "a2", "a3", "b0", "b1", "b2"],
    );
  } finally {
    fake.cluster.close();
  }
});
