/**
 * A batch consumer whose batch takes longer than the group's session timeout
 * (10 s) while a second member joins: kafkajs 2.2.4 has no background
 * heartbeat, so before the batch handler heartbeated after each record the
 * two members threw each other out of the group for ever and no commit ever
 * landed (measured: 319 records handled for 30, no commit, in 240 s). With one
 * partition per broker every kafkajs fetcher is inside a batch, so none
 * heartbeats for the member. Now the group settles, both exit 0 and every
 * record is committed (on the old code this test is stopped at its bound).
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { randomMessage, serialize } from "../../labs/lab4_batch/model.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { captureOutput, CliProcess, clusterConfig, createTopic, unique } from "../helpers.ts";

const kafka = new KafkaClients(clusterConfig(), captureOutput().out);

Deno.test("lab4 consume in batch mode with slow records settles when a second member joins: every record committed", async () => {
  // One partition per broker (RF 1): every kafkajs fetcher is busy in a batch, none heartbeats.
  const topic = await createTopic("lab4-slow", 3, 1);
  const group = unique("lab4-slow-group");
  const ids = Array.from({ length: 12 }, () => randomMessage());
  try {
    const producer = await kafka.connect(kafka.producer({ idempotent: true }));
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: ids.map((m, i) => ({ value: Buffer.from(serialize(m)), partition: i % 3 })),
      });
    } finally {
      await producer.disconnect();
    }
    // A batch of 4 records at 2.7 s each takes 10.8 s, past the 10 s session.
    const args = ["lab4", "consume", "-t", topic, "-g", group, "--process-ms", "2700"];
    const first = new CliProcess([...args, "--idle-timeout", "8", "--json"]);
    await first.waitFor((e) => e.event === "lab4.record.processed", 60_000);
    const second = new CliProcess([...args, "--idle-timeout", "8", "--json"]);
    // Settled well within this; a group that never settles is stopped here and fails.
    const bound = setTimeout(() => {
      for (const p of [first, second]) p.kill("SIGKILL");
    }, 120_000);
    const [a, b] = await Promise.all([first.finish(), second.finish()]).finally(() =>
      clearTimeout(bound)
    );
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);

    const processed = new Set(
      [...a.events, ...b.events].filter((e) => e.event === "lab4.record.processed")
        .map((e) => String(e.message_id)),
    );
    assert.deepEqual([...processed].sort(), ids.map((m) => m.message_id).sort());
    const offsets = await kafka.withAdmin((admin) =>
      admin.fetchOffsets({ groupId: group, topics: [topic] })
    );
    for (const p of offsets[0].partitions) {
      assert.equal(p.offset, "4", `partition ${p.partition} committed through its 4 records`);
    }
  } finally {
    await kafka.withAdmin(async (admin) => {
      await admin.deleteGroups([group]).catch(() => {});
      await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    });
  }
});
