/**
 * Lab 4 against the real cluster, through the real CLI: two producers, the
 * batch and the single consumer (commits, invalid records, Ctrl+C drain), a
 * batch consumer killed mid-batch and restarted (at-least-once with at most
 * one batch of duplicates), the comparison and the guided run. Every test
 * uses its own topic and groups; nothing waits on a fixed sleep.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Admin } from "../../lib/kafka/port.ts";
import { deserialize, randomMessage, serialize } from "../../labs/lab4_batch/model.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor } from "../../lib/time.ts";
import {
  captureOutput,
  CliProcess,
  clusterConfig,
  createTopic,
  events,
  runCli,
  unique,
} from "../helpers.ts";

type Event = Record<string, unknown> & { event: string };

const kafka = new KafkaClients(clusterConfig(), captureOutput().out);

const withAdmin = <T>(fn: (admin: Admin) => Promise<T>): Promise<T> => kafka.withAdmin(fn);

/** A fresh topic like final-1-topic: 3 partitions, replication factor 2. */
const newTopic = () => createTopic("lab4", 3, 2);

async function dropTopic(topic: string): Promise<void> {
  await withAdmin((a) => a.deleteTopics({ topics: [topic] })).catch(() => {});
}

/** Writes raw record values (null = no value); `partition` pins them all to one partition. */
async function produceValues(
  topic: string,
  values: ReadonlyArray<Uint8Array | null>,
  partition?: number,
): Promise<void> {
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((v) => ({
        value: v === null ? null : Buffer.from(v),
        ...(partition === undefined ? {} : { partition }),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Writes `n` random models in one send (spread over the partitions); returns their ids. */
async function produceModels(topic: string, n: number): Promise<string[]> {
  const models = Array.from({ length: n }, () => randomMessage());
  await produceValues(topic, models.map(serialize));
  return models.map((m) => m.message_id);
}

/** Committed offset per partition of a group, and the end offset per partition of its topic. */
async function committedAndEnds(
  group: string,
  topic: string,
): Promise<{ committed: Map<number, string>; ends: Map<number, string> }> {
  const [offsets, ends] = await withAdmin((a) =>
    Promise.all([a.fetchOffsets({ groupId: group, topics: [topic] }), a.fetchTopicOffsets(topic)])
  );
  return {
    committed: new Map(offsets[0].partitions.map((p) => [p.partition, p.offset])),
    ends: new Map(ends.map((e) => [e.partition, e.high])),
  };
}

/** Asserts that the group has committed every partition up to its end. */
async function assertCommittedToEnd(group: string, topic: string): Promise<void> {
  const { committed, ends } = await committedAndEnds(group, topic);
  for (const [partition, high] of ends) {
    const expected = high === "0" ? "-1" : high; // -1: nothing to commit on an empty partition
    assert.equal(committed.get(partition), expected, `partition ${partition} committed to the end`);
  }
}

const ofType = (evs: readonly Event[], name: string) => evs.filter((e) => e.event === name);
const idsOf = (evs: readonly Event[]) =>
  ofType(evs, "lab4.record.processed").map((e) => String(e.message_id));

Deno.test("lab4 produce delivers MessageModels from two producers with partition and offset", async () => {
  const topic = await newTopic();
  try {
    const r = await runCli([
      "lab4",
      "produce",
      "--topic",
      topic,
      "--count",
      "3",
      "--instances",
      "2",
      "--interval",
      "0",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const evs = events(r.stdout);
    const delivered = ofType(evs, "lab4.record.delivered");
    assert.equal(delivered.length, 6);
    assert.deepEqual(delivered.filter((d) => d.producer === 1).length, 3);
    assert.deepEqual(delivered.filter((d) => d.producer === 2).length, 3);
    for (const d of delivered) {
      assert.ok([0, 1, 2].includes(d.partition as number), `partition ${d.partition}`);
      assert.match(String(d.offset), /^\d+$/);
      assert.match(String(d.content), /^Test message \d+$/);
    }
    const places = new Set(delivered.map((d) => `${d.partition}@${d.offset}`));
    assert.equal(places.size, 6, "every record has its own partition and offset");
    const [done] = ofType(evs, "lab4.producer.done");
    assert.equal(done.sent, 6);
    assert.equal(done.failed, 0);

    // Read the topic with a plain kafkajs consumer: the bytes are the models that were sent.
    const seen: Array<{ id: string; content: string; partition: number; offset: string }> = [];
    const consumer = await kafka.connect(kafka.consumer({ groupId: unique("lab4-check") }));
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: ({ partition, message }) => {
          const m = deserialize(message.value);
          seen.push({ id: m.message_id, content: m.content, partition, offset: message.offset });
          return Promise.resolve();
        },
      });
      assert.ok(await waitFor(() => seen.length >= 6, { timeoutMs: 30_000 }), `${seen.length}/6`);
    } finally {
      await consumer.disconnect();
    }
    const sent = delivered.map((d) => ({
      id: d.message_id,
      content: d.content,
      partition: d.partition,
      offset: d.offset,
    }));
    const key = (x: { id: unknown }) => String(x.id);
    assert.deepEqual(
      [...seen].sort((a, b) => key(a).localeCompare(key(b))),
      [...sent].sort((a, b) => key(a).localeCompare(key(b))),
    );
  } finally {
    await dropTopic(topic);
  }
});

Deno.test("lab4 batch consumer commits once per batch of at most 10", async () => {
  const topic = await newTopic();
  const group = unique("batch");
  try {
    const ids = await produceModels(topic, 45); // 15 per partition: batches of 10 and 5
    const r = await runCli([
      "lab4",
      "consume",
      "--mode",
      "batch",
      "--topic",
      topic,
      "--group",
      group,
      "--idle-timeout",
      "3",
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const evs = events(r.stdout);
    assert.deepEqual(idsOf(evs).sort(), [...ids].sort(), "each record processed once");
    const commits = ofType(evs, "lab4.batch.committed");
    const sizes = commits.map((c) => c.size as number);
    assert.ok(sizes.every((s) => s >= 1 && s <= 10), `batch sizes ${sizes}`);
    assert.ok(sizes.includes(10), `a full batch of 10 among ${sizes}`);
    assert.equal(sizes.reduce((a, b) => a + b, 0), 45);
    for (const c of commits) {
      assert.equal(BigInt(c.next as string), BigInt(c.last as string) + 1n);
      const inBatch = ofType(evs, "lab4.record.processed").filter((p) => p.batch === c.batch);
      assert.equal(inBatch.length, c.size, `batch ${c.batch}: every record processed`);
      assert.ok(inBatch.every((p) => p.partition === c.partition));
      // The commit comes after the last record of its batch.
      assert.ok(evs.indexOf(c) > evs.indexOf(inBatch[inBatch.length - 1]));
    }
    const [done] = ofType(evs, "lab4.consumer.done");
    assert.equal(done.records, 45);
    assert.equal(done.commits, commits.length);
    assert.equal(done.batches, commits.length);
    await assertCommittedToEnd(group, topic);

    const again = await runCli([
      "lab4",
      "consume",
      "--topic",
      topic,
      "--group",
      group,
      "--idle-timeout",
      "2",
      "--json",
    ]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(idsOf(events(again.stdout)).length, 0, "the same group reads nothing again");
  } finally {
    await dropTopic(topic);
  }
});

Deno.test("lab4 single consumer commits after every record and resumes after --max-messages", async () => {
  const topic = await newTopic();
  const group = unique("single");
  try {
    const ids = await produceModels(topic, 12);
    const args = ["lab4", "consume", "--mode", "single", "--topic", topic, "--group", group];
    const first = await runCli([...args, "--max-messages", "5", "--json"]);
    assert.equal(first.code, 0, first.stderr);
    const evs1 = events(first.stdout);
    assert.equal(idsOf(evs1).length, 5);
    assert.equal(ofType(evs1, "lab4.consumer.done")[0].stoppedBy, "max-messages");

    const rest = await runCli([...args, "--idle-timeout", "3", "--json"]);
    assert.equal(rest.code, 0, rest.stderr);
    const evs2 = events(rest.stdout);
    assert.deepEqual([...idsOf(evs1), ...idsOf(evs2)].sort(), [...ids].sort());

    for (const evs of [evs1, evs2]) {
      const steps = evs.filter((e) =>
        e.event === "lab4.record.processed" || e.event === "lab4.offset.committed"
      );
      assert.equal(steps.length % 2, 0);
      for (let i = 0; i < steps.length; i += 2) {
        const [p, c] = [steps[i], steps[i + 1]];
        assert.equal(p.event, "lab4.record.processed");
        assert.equal(c.event, "lab4.offset.committed", "a commit right after each record");
        assert.equal(c.partition, p.partition);
        assert.equal(BigInt(c.next as string), BigInt(p.offset as string) + 1n);
      }
      const [done] = ofType(evs, "lab4.consumer.done");
      assert.equal(done.commits, done.records);
    }
    await assertCommittedToEnd(group, topic);
  } finally {
    await dropTopic(topic);
  }
});

Deno.test("lab4 consumers report records that are not MessageModels and commit past them", async () => {
  const topic = await newTopic();
  try {
    const enc = (s: string) => new TextEncoder().encode(s);
    const good = Array.from({ length: 3 }, () => randomMessage());
    await produceValues(topic, [
      serialize(good[0]),
      enc("Test message 1"),
      serialize(good[1]),
      enc('{"content":"no id"}'),
      new Uint8Array([0xff, 0xfe]),
      enc('{"message_id":"m","content":5}'),
      null,
      serialize(good[2]),
    ], 0);
    for (const mode of ["batch", "single"]) {
      const group = unique(mode);
      const r = await runCli([
        "lab4",
        "consume",
        "--mode",
        mode,
        "--topic",
        topic,
        "--group",
        group,
        "--idle-timeout",
        "3",
        "--json",
      ]);
      assert.equal(r.code, 0, r.stderr);
      const evs = events(r.stdout);
      assert.deepEqual(
        idsOf(evs),
        good.map((m) => m.message_id),
        `${mode}: the valid ones, in order`,
      );
      assert.deepEqual(
        ofType(evs, "lab4.record.invalid").map((e) => [e.offset, e.reason]),
        [
          ["1", "not-json"],
          ["3", "message-id-missing"],
          ["4", "not-utf8"],
          ["5", "content-invalid"],
          ["6", "empty"],
        ],
      );
      const [done] = ofType(evs, "lab4.consumer.done");
      assert.equal(done.invalid, 5);
      assert.equal(done.records, 8);
      await assertCommittedToEnd(group, topic);
    }
    const human = await runCli([
      "lab4",
      "consume",
      "--topic",
      topic,
      "--group",
      unique("human"),
      "--idle-timeout",
      "3",
    ]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(
      human.stdout,
      /offset 1: not a MessageModel \(the text is not JSON: "Test message 1"\)/,
    );
    assert.match(human.stdout, /offset 3: not a MessageModel \(message_id is missing\)/);
  } finally {
    await dropTopic(topic);
  }
});

Deno.test("lab4 batch consumer on Ctrl+C finishes the batch in hand, commits it and exits 130", async () => {
  const topic = await newTopic();
  const group = unique("drain");
  try {
    await produceModels(topic, 30);
    const live = new CliProcess([
      "lab4",
      "consume",
      "--topic",
      topic,
      "--group",
      group,
      "--process-ms",
      "100",
      "--json",
    ]);
    const started = await waitFor(() => idsOf(live.events).length >= 2, { timeoutMs: 60_000 });
    live.kill("SIGINT");
    const { code, stderr } = await live.finish();
    assert.ok(started, "the consumer processed records");
    assert.equal(code, 130, stderr);
    const evs = live.events;
    const processed = ofType(evs, "lab4.record.processed");
    const commits = ofType(evs, "lab4.batch.committed");
    assert.ok(processed.length < 30, "stopped before the end");
    const last = evs.findLastIndex((e) => e.event === "lab4.record.processed");
    assert.ok(
      evs.slice(last).some((e) => e.event === "lab4.batch.committed"),
      "the last processed record was committed",
    );
    assert.equal(commits.reduce((n, c) => n + (c.size as number), 0), processed.length);
    const { committed } = await committedAndEnds(group, topic);
    for (const c of commits) {
      const lastOfPartition = commits.filter((x) => x.partition === c.partition).at(-1)!;
      assert.equal(committed.get(c.partition as number), lastOfPartition.next);
    }
  } finally {
    await dropTopic(topic);
  }
});

Deno.test("lab4 compare reads the same records with both consumers and deletes its topic", async () => {
  const r = await runCli(["lab4", "compare", "--count", "30", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const [result] = ofType(evs, "lab4.compare.result");
  const batch = result.batch as Record<string, number>;
  const single = result.single as Record<string, number>;
  assert.equal(batch.records, 30);
  assert.equal(single.records, 30);
  assert.equal(single.commits, 30, "one commit per record");
  assert.ok(batch.commits >= 3 && batch.commits < 30, `batch commits: ${batch.commits}`);
  assert.equal(typeof result.commitsSingleToBatch, "number");
  assert.equal(typeof result.speedBatchToSingle, "number");
  const topic = String(result.topic);
  assert.match(topic, /^final-1-topic\.compare-[0-9a-f]{8}$/);
  assert.deepEqual(ofType(evs, "lab4.topic.deleted").map((e) => e.topic), [topic]);
  // Topic deletion is asynchronous: the controller removes the topic after the response.
  const gone = await waitFor(async () => {
    const [topics, groups] = await withAdmin(async (a) => [
      await a.listTopics(),
      (await a.listGroups()).groups.map((g) => g.groupId),
    ]);
    return !topics.includes(topic) && !groups.includes(String(batch.group)) &&
      !groups.includes(String(single.group));
  }, { timeoutMs: 30_000, intervalMs: 250 });
  assert.ok(gone, "the temporary topic and both groups are gone within 30 s");
});

Deno.test("lab4 guided run sends from two producers and both groups process every new message", async () => {
  const topic = await newTopic();
  const batchGroup = unique("batch");
  const singleGroup = unique("single");
  const args = [
    "lab4",
    "--topic",
    topic,
    "--batch-group",
    batchGroup,
    "--single-group",
    singleGroup,
    "--count",
    "3",
    "--interval",
    "0",
    "--idle-timeout",
    "2",
  ];
  try {
    const r = await runCli([...args, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const evs = events(r.stdout);
    const delivered = ofType(evs, "lab4.record.delivered");
    assert.deepEqual(delivered.map((d) => d.producer).sort(), [1, 1, 1, 2, 2, 2]);
    const sent = delivered.map((d) => String(d.message_id)).sort();
    const processed = (mode: string) =>
      ofType(evs, "lab4.record.processed").filter((p) => p.mode === mode).map((p) =>
        String(p.message_id)
      );
    assert.deepEqual(processed("batch").sort(), sent);
    assert.deepEqual(processed("single").sort(), sent);
    assert.equal(ofType(evs, "lab4.check.batch")[0].ok, true);
    assert.equal(ofType(evs, "lab4.check.single")[0].ok, true);
    const [commits] = ofType(evs, "lab4.compare.commits");
    const b = commits.batch as Record<string, number>;
    const s = commits.single as Record<string, number>;
    assert.equal(s.commits, 6);
    assert.ok(b.commits >= 3 && b.commits <= s.commits, `batch commits ${b.commits}`);
    assert.deepEqual(ofType(evs, "lab.step").map((e) => e.n), [1, 2, 3, 4, 5]);
    const [done] = ofType(evs, "lab.done");
    assert.equal(done.ok, true);
    assert.ok((done.questions as string[]).length >= 6);

    // Again, in Russian and as text: each group reads only the three new messages of each producer.
    const ru = await runCli([...args, "--lang", "ru"]);
    assert.equal(ru.code, 0, ru.stderr);
    assert.match(ru.stdout, /Шаг 5\/5/);
    assert.match(ru.stdout, /\[продюсер 2\] ✓ отправлено/);
    assert.match(ru.stdout, /пакет 1: записей \d+ из партиции \d/);
    assert.match(ru.stdout, /обработаны все новые сообщения \(6\): записей 6,/);
    assert.match(ru.stdout, /Контрольные вопросы/);
    assert.doesNotMatch(ru.stdout, /Control questions|более ранние записи/);
  } finally {
    await dropTopic(topic);
  }
});

Deno.test("lab4 bad input exits 2, a missing topic 1, an unreachable broker 3, without a stack trace", async () => {
  const mode = await runCli(["lab4", "consume", "--mode", "bulk"]);
  assert.equal(mode.code, 2);
  assert.match(mode.stderr, /--mode must be one of batch, single, not 'bulk'/);
  assert.match(mode.stderr, /usage: (kafka-lab|deno task lab) lab4 consume/);

  const size = await runCli(["lab4", "consume", "--mode", "single", "--batch-size", "5"]);
  assert.equal(size.code, 2);
  assert.match(size.stderr, /--batch-size applies to --mode batch only/);

  const count = await runCli(["lab4", "compare", "--count", "0"]);
  assert.equal(count.code, 2);
  assert.match(count.stderr, /--count must be at least 1/);

  const missing = unique("lab4-missing");
  const topic = await runCli(["lab4", "produce", "--topic", missing, "--count", "1"]);
  assert.equal(topic.code, 1);
  assert.match(topic.stderr, new RegExp(`topic ${missing} does not exist`));
  assert.match(topic.stderr, /hint: create it first: `(?:kafka-lab|deno task lab) topic create /);

  const down = await runCli(["lab4", "consume", "--idle-timeout", "1", "-b", "127.0.0.1:1"]);
  assert.equal(down.code, 3);
  assert.match(down.stderr, /no Kafka broker answers at 127\.0\.0\.1:1/);

  for (const r of [mode, size, count, topic, down]) {
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
});
