/**
 * Readers that count records (lab 5's, the grader's) on a consumer that is
 * dropped from its group after its first batch and reads from the start again.
 */
import assert from "node:assert/strict";
import { readAll } from "../../labs/lab5_guarantees/records.ts";
import { readRecords } from "../../lib/grading/read_records.ts";
import { fakeWithTopic, within } from "./fake_setup.ts";

const TOPIC = "read-again";

/** A fake whose topic holds a0..a3 and b0..b2, handed over one record at a time. */
function filled() {
  // A member that does not join again in time leaves the group after 100 ms.
  const fake = fakeWithTopic(TOPIC, 2, { maxBatchRecords: 1, rebalanceTimeoutMs: 100 });
  fake.cluster.addRecords(TOPIC, 0, ["a0", "a1", "a2", "a3"]);
  fake.cluster.addRecords(TOPIC, 1, ["b0", "b1", "b2"]);
  return fake;
}

const ALL = ["a0", "a1", "a2", "a3", "b0", "b1", "b2"];

Deno.test("lab 5's reader counts each offset once when its consumer restarts from its last commit", async () => {
  const fake = filled();
  try {
    // Commits fail until kafkajs gives up and restarts the consumer, which
    // reads again from offset 0 (nothing was committed).
    const fault = fake.cluster.inject("commit", { error: "REQUEST_TIMEOUT", times: 6 });
    const records = await within(10_000, readAll(fake.kafka, TOPIC));
    assert.equal(fault.fired, 6, "the consumer restarted");
    assert.deepEqual(records.map((r) => r.id).sort(), ALL);
  } finally {
    fake.cluster.close();
  }
});

Deno.test("the grader's reader keeps each offset once when its consumer joins again and reads from the start", async () => {
  const fake = filled();
  try {
    // Dropped from the group at its first heartbeat (after its first record):
    // it joins again and, with nothing committed, starts over.
    const fault = fake.cluster.inject("heartbeat", { error: "UNKNOWN_MEMBER_ID" });
    const ends = [{ partition: 0, low: 0, high: 4 }, { partition: 1, low: 0, high: 3 }];
    const { records, short } = await within(
      10_000,
      readRecords(fake.kafka, [{ name: TOPIC, ends, limit: 100 }], 2_000),
    );
    assert.equal(fault.fired, 1, "the consumer was dropped");
    const values = (records.get(TOPIC) ?? []).map((r) => new TextDecoder().decode(r.value!));
    assert.deepEqual(values, ALL);
    assert.equal(short.size, 0);
  } finally {
    fake.cluster.close();
  }
});
