/**
 * Lab 6's answer key, proven on the real cluster with the lab's own
 * experiments on topics of their own (unique names, deleted afterwards); what
 * each experiment reports is checked against what the admin client reads.
 */
import assert from "node:assert/strict";
import { runLiveness } from "../../labs/lab6_limits/liveness.ts";
import { runMinIsr } from "../../labs/lab6_limits/min_isr.ts";
import {
  LIVENESS,
  REFUSED_COMMIT_CODES,
  RETENTION,
  SIZE_REFUSAL_CODES,
} from "../../labs/lab6_limits/model.ts";
import { RETENTION_CONFIGS, runRetention } from "../../labs/lab6_limits/retention.ts";
import { runSize } from "../../labs/lab6_limits/size.ts";
import { createTopic, unique } from "../helpers.ts";
import { clients } from "./support.ts";

const signal = new AbortController().signal;

Deno.test("lab6 answer: a member silent past session.timeout.ms is removed and its commit refused", async () => {
  const topic = await createTopic("answer-lab6", 1, 1);
  const group = unique("answer-lab6-live");
  const kafka = clients();
  const r = await runLiveness(kafka, { topic, group, signal });
  assert.deepEqual(r.stuckOffsets, ["0", "1", "2", "3", "4"]);
  assert.ok(r.removedAfterMs !== undefined, "the silent member was removed");
  assert.ok(r.removedAfterMs >= LIVENESS.sessionTimeoutMs - 500, `${r.removedAfterMs} ms`);
  assert.ok(r.lateCommit.refused && REFUSED_COMMIT_CODES.has(r.lateCommit.code));
  for (const o of r.stuckOffsets) assert.ok(r.takeoverOffsets.includes(o), `offset ${o} again`);
  // The group's committed offset is the other member's: the end of the topic.
  const committed = await kafka.withAdmin((a) =>
    a.fetchOffsets({ groupId: group, topics: [topic] })
  );
  assert.equal(committed[0].partitions[0].offset, String(LIVENESS.records));
});

Deno.test("lab6 answer: retention.bytes is kept per partition and a group below the log start resumes at it", async () => {
  const topic = await createTopic("answer-lab6", RETENTION.partitions, 1, RETENTION_CONFIGS);
  const group = unique("answer-lab6-reader");
  const kafka = clients();
  const r = await runRetention(kafka, { topic, group, signal });
  const ends = await kafka.withAdmin((a) => a.fetchTopicOffsets(topic));
  for (const e of ends) {
    const low = Number(e.low);
    assert.ok(low > 0, `partition ${e.partition}: log start ${low}`);
    // Each partition still holds at least retention.bytes: the limit is not the topic's.
    const kept = (Number(e.high) - low) * RETENTION.recordBytes;
    assert.ok(kept >= RETENTION.retentionBytes, `partition ${e.partition} keeps ${kept} bytes`);
    // earliest: the group, committed at 0, resumed at the log start.
    assert.deepEqual(r.firstRead.find((f) => f.partition === e.partition)?.offset, low);
  }
  const committed = await kafka.withAdmin((a) =>
    a.fetchOffsets({ groupId: group, topics: [topic] })
  );
  for (const p of committed[0].partitions) {
    assert.equal(p.offset, ends.find((e) => e.partition === p.partition)?.high);
  }
});

Deno.test("lab6 answer: a batch over max.message.bytes is refused though each record fits", async () => {
  const topic = await createTopic("answer-lab6", 1, 1);
  const kafka = clients();
  const r = await runSize(kafka, topic);
  const [fits, tooLarge, batch] = r.attempts;
  assert.equal(fits.written, true);
  assert.ok(
    !tooLarge.written && SIZE_REFUSAL_CODES.has(tooLarge.code ?? ""),
    String(tooLarge.code),
  );
  assert.ok(batch.sizes.every((n) => n < r.maxMessageBytes), "each record fits alone");
  assert.ok(!batch.written && SIZE_REFUSAL_CODES.has(batch.code ?? ""), String(batch.code));
  // Nothing of the refused sends reached the log: only the record that fits.
  const [end] = await kafka.withAdmin((a) => a.fetchTopicOffsets(topic));
  assert.equal(Number(end.high) - Number(end.low), 1);
});

Deno.test("lab6 answer: min.insync.replicas above the replicas is accepted and acks=all writes succeed", async () => {
  const kafka = clients();
  const brokers = (await kafka.cluster()).brokers.length;
  const rf = Math.min(2, brokers);
  const topic = await createTopic("answer-lab6", 1, rf, { "min.insync.replicas": "3" });
  const r = await runMinIsr(kafka, topic);
  assert.equal(r.minIsr, 3);
  assert.equal(r.replicas, rf);
  assert.equal(r.effective, rf);
  assert.equal(r.written, true, String(r.code));
  const [end] = await kafka.withAdmin((a) => a.fetchTopicOffsets(topic));
  assert.equal(end.high, "1");
});
