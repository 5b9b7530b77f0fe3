/**
 * A consumer that is done commits what it handled and leaves its group: with
 * a count limit of 1 it reads one record of three, the group's committed
 * offset is 1, and the group is empty right after `consume` returns. (How
 * fast it stops is measured in `bench/consumer_exit_bench.ts`, not here.)
 */
import assert from "node:assert/strict";
import { consume, type ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { captureOutput, cleanUp, clusterConfig, createTopic, unique } from "../helpers.ts";

const kafka = new KafkaClients(clusterConfig(), captureOutput().out);

Deno.test("consume with a count limit of 1 commits offset 1 and leaves its group", async () => {
  const topic = await createTopic("consume-stop", 1, 1);
  const group = unique("consume-stop");
  try {
    const producer = await kafka.connect(kafka.idempotentProducer());
    try {
      await producer.send({ topic, messages: ["a", "b", "c"].map((value) => ({ value })) });
    } finally {
      await producer.disconnect();
    }
    const seen: ConsumedRecord[] = [];
    const summary = await consume(kafka, {
      topic,
      groupId: group,
      fromBeginning: true,
      signal: AbortSignal.timeout(120_000),
      maxMessages: 1,
      onRecord: (r) => {
        seen.push(r);
      },
    });
    assert.equal(summary.stoppedBy, "max-messages");
    const text = (v: Uint8Array | null) => v === null ? null : new TextDecoder().decode(v);
    assert.deepEqual(seen.map((r) => [r.offset, text(r.value)]), [["0", "a"]]);
    assert.equal(summary.commits, 1);
    await kafka.withAdmin(async (admin) => {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      assert.deepEqual(offsets.partitions.map((p) => [p.partition, p.offset]), [[0, "1"]]);
      const { groups } = await admin.describeGroups([group]);
      assert.equal(groups[0].state, "Empty");
      assert.equal(groups[0].members.length, 0);
    });
  } finally {
    await cleanUp({ topics: [topic], groups: [group] });
  }
});
