/** Lab 3's answer key, proven on the real cluster and registry. */
import assert from "node:assert/strict";
import schema from "../../labs/lab3_coordinates/schema.json" with { type: "json" };
import { RegistryClient, SchemaValidationError } from "../../lib/registry.ts";
import { captureOutput, clusterConfig, createTopic, events, runCli, unique } from "../helpers.ts";
import { clients, send, withTopic } from "./support.ts";

Deno.test("lab3 answer: a record without latitude is refused by the producer but not by the broker", async () => {
  const config = clusterConfig();
  const registry = new RegistryClient(config, captureOutput().out);
  const subject = unique("answer-coordinates-value");
  try {
    const { id } = await registry.registerJson(schema, subject);
    await assert.rejects(
      () => registry.encode(id, { id: 7, longitude: 37.62 }),
      (err: unknown) => {
        assert.ok(err instanceof SchemaValidationError);
        assert.ok(err.issues.some((i) => /latitude/.test(`${i.path} ${i.message}`)), err.message);
        return true;
      },
    );
    const valid = await registry.encode(id, { id: 7, longitude: 37.62, latitude: 55.75 });
    assert.equal(valid[0], 0, "a valid record is encoded in the wire format");

    await withTopic(1, async (topic) => {
      const [ack] = await send(topic, [{
        key: "7",
        value: JSON.stringify({ id: 7, longitude: 37.62 }),
      }]);
      assert.equal(ack.offset, 0, "the broker stores whatever bytes it is given");
    });
  } finally {
    await fetch(`${config.registryUrl}/subjects/${encodeURIComponent(subject)}`, {
      method: "DELETE",
    })
      .then((r) => r.body?.cancel());
  }
});

Deno.test("lab3 answer: with a long linger.ms each partition's records leave as one batch of their own", async () => {
  await withTopic(6, async (topic) => {
    const subject = unique("answer-batches-value");
    try {
      // 20 small records over ~2 s with linger.ms=1000: far below batch.size, so batches
      // leave when linger.ms passes (or at the end), each with one partition's records.
      const run = await runCli([
        "lab3",
        "produce",
        "--json",
        ...["--topic", topic, "--subject", subject, "--count", "20", "--rate", "10"],
        ...["--invalid-every", "0", "--linger-ms", "1000"],
      ]);
      assert.equal(run.code, 0, run.stderr);
      const batches = batchesOf(events(run.stdout));
      assert.equal(batches.flatMap((b) => b.records).length, 20);
      for (const b of batches) {
        const partitions = new Set(b.records.map((r) => r.partition));
        assert.equal(partitions.size, 1, `one partition per batch: ${JSON.stringify(b)}`);
        const offsets = b.records.map((r) => r.offset);
        assert.deepEqual(offsets, offsets.map((_, i) => offsets[0] + i), "one append per batch");
        assert.notEqual(b.reason, "size", "60-byte records never fill batch.size=1000");
      }
      assert.ok(batches.some((b) => b.reason === "linger"), "batches leave when linger.ms passes");
      assert.ok(batches.some((b) => b.records.length > 1), "a partition's records wait together");
      assert.ok(new Set(batches.map((b) => b.records[0].partition)).size > 1, "several partitions");
    } finally {
      await deleteSubject(subject);
    }
  });
});

interface Batch {
  readonly reason: unknown;
  readonly records: { partition: number; offset: number }[];
}

/** The batches `lab3 produce --json` told, each with the deliveries reported after it. */
function batchesOf(evs: readonly Record<string, unknown>[]): Batch[] {
  const batches: Batch[] = [];
  for (const e of evs) {
    if (e.event === "lab3.batch.sent") batches.push({ reason: e.reason, records: [] });
    if (e.event === "lab3.record.delivered") {
      batches.at(-1)?.records.push({ partition: Number(e.partition), offset: Number(e.offset) });
    }
  }
  return batches;
}

Deno.test("lab3 answer: acks=all is acknowledged by the leader alone when the ISR is just the leader and min.insync.replicas=1", async () => {
  const kafka = clients();
  const one = await createTopic("answer-min-isr-1", 1, 1, { "min.insync.replicas": "1" });
  const two = await createTopic("answer-min-isr-2", 1, 1, { "min.insync.replicas": "2" });
  const producer = await kafka.connect(kafka.producer());
  try {
    const isr = await kafka.withAdmin(async (admin) => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [one] });
      return topics[0].partitions[0].isr;
    });
    assert.equal(isr.length, 1, "the ISR is the leader alone");
    const [ack] = await producer.send({
      topic: one,
      acks: -1,
      messages: [{ key: null, value: "a" }],
    });
    assert.equal(Number(ack.baseOffset), 0, "acknowledged with one copy (min.insync.replicas=1)");
    // Kafka 4.x counts min.insync.replicas as at most the replication factor (what lab1 create
    // warns about): on one replica, min.insync.replicas=2 still takes acks=all writes. The refusal
    // side (an RF 2+ topic whose ISR shrank below it) needs a stopped broker: tests/faults/lab5_test.ts.
    const [capped] = await producer.send({
      topic: two,
      acks: -1,
      messages: [{ key: null, value: "b" }],
    });
    assert.equal(Number(capped.baseOffset), 0, "min.insync.replicas is capped at the RF");
  } finally {
    await producer.disconnect();
    await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [one, two], timeout: 30_000 }));
  }
});

async function deleteSubject(subject: string): Promise<void> {
  const config = clusterConfig();
  await fetch(`${config.registryUrl}/subjects/${encodeURIComponent(subject)}`, {
    method: "DELETE",
  }).then((r) => r.body?.cancel());
}

Deno.test("lab3 answer: a record on the topic starts with magic byte 0 and the schema id as a big-endian int32", async () => {
  await withTopic(1, async (topic) => {
    const subject = unique("answer-wire-value");
    try {
      const run = await runCli([
        "lab3",
        "produce",
        "--json",
        ...["--topic", topic, "--subject", subject, "--count", "1", "--rate", "50"],
        ...["--invalid-every", "0", "--linger-ms", "0"],
      ]);
      assert.equal(run.code, 0, run.stderr);
      const [done] = events(run.stdout).filter((e) => e.event === "lab3.producer.done");
      const brokers = Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092";
      const out = await new Deno.Command("kcat", {
        args: ["-b", brokers, "-C", "-t", topic, "-o", "beginning", "-c", "1", "-e", "-q"]
          .concat(["-f", "%s"]),
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
      const bytes = out.stdout;
      assert.equal(bytes[0], 0, "magic byte");
      const id = new DataView(bytes.buffer, bytes.byteOffset).getInt32(1, false);
      assert.equal(id, done.schemaId, "bytes 1-4: the schema id, big-endian");
      const body = JSON.parse(new TextDecoder().decode(bytes.subarray(5)));
      assert.deepEqual(Object.keys(body).sort(), ["id", "latitude", "longitude"], "then JSON");
    } finally {
      await deleteSubject(subject);
    }
  });
});
