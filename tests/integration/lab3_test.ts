/** Lab 3 (coordinates pipeline with Schema Registry) end to end against the real cluster. */
import assert from "node:assert/strict";
import { consume } from "../../lib/kafka/consumer_loop.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import schema from "../../labs/lab3_coordinates/schema.json" with { type: "json" };
import {
  captureOutput,
  CliProcess,
  closedPort,
  clusterConfig,
  createTopic,
  events,
  runCli,
  unique,
} from "../helpers.ts";

type Ev = Record<string, unknown> & { event: string };
const kafka = new KafkaClients(clusterConfig(), captureOutput().out);

const coordinatesTopic = () => createTopic("coords", 6, 2, { "min.insync.replicas": "1" });

const only = (evs: Ev[], name: string) => evs.filter((e) => e.event === name);

Deno.test("lab3 guided run refuses broken records, delivers the rest and routes bad ones to the DLQ", async () => {
  const topic = await coordinatesTopic();
  const r = await runCli([
    "lab3",
    "--json",
    "--topic",
    topic,
    "--group",
    unique("g"),
    "--count",
    "6",
    "--rate",
    "20",
    "--invalid-every",
    "3",
    "--linger-ms",
    "200",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const rejected = only(evs, "lab3.record.rejected");
  assert.deepEqual(rejected.map((e) => e.n), [3, 6]);
  assert.match(String(rejected[0].reason), /must have required property 'latitude'/);
  assert.match(String(rejected[1].reason), /\/id: must be integer/);
  assert.equal(only(evs, "lab3.record.delivered").length, 4);
  assert.deepEqual(
    only(evs, "lab3.record.dead-lettered").map((e) => [e.kind, e.dlq]).sort(),
    [["not-wire-format", `${topic}.dlq`], ["schema-violation", `${topic}.dlq`]].sort(),
  );
  for (const name of ["lab3.check.valid", "lab3.check.dlq"]) {
    assert.equal(evs.find((e) => e.event === name)!.ok, true, name);
  }
  assert.equal(evs.find((e) => e.event === "lab.done")!.ok, true);
});

Deno.test("lab3 register gives the same id for the same schema and returns it by id", async () => {
  const subject = `${unique("subj")}-value`;
  const first = await runCli(["lab3", "register", "--json", "--subject", subject]);
  assert.equal(first.code, 0, first.stderr);
  const [a] = only(events(first.stdout), "lab3.schema.registered");
  assert.equal(a.new, true);
  assert.deepEqual(a.schema, schema);
  const second = await runCli(["lab3", "register", "--json", "--subject", subject]);
  const [b] = only(events(second.stdout), "lab3.schema.registered");
  assert.deepEqual([b.id, b.new], [a.id, false]);
});

async function readBack(topic: string, count: number): Promise<Map<string, unknown>> {
  const seen = new Map<string, unknown>();
  await consume(kafka, {
    topic,
    groupId: unique("readback"),
    fromBeginning: true,
    signal: new AbortController().signal,
    maxMessages: count,
    idleTimeoutMs: 10_000,
    onRecord: (r) => {
      seen.set(
        `${r.partition}/${r.offset}`,
        JSON.parse(new TextDecoder().decode(r.value!.subarray(5))),
      );
    },
  });
  return seen;
}

Deno.test("lab3 produce sends a batch when linger.ms passes, and reports each record's real offset", async () => {
  const topic = await coordinatesTopic();
  const r = await runCli([
    "lab3",
    "produce",
    "--json",
    "--topic",
    topic,
    "--count",
    "8",
    "--rate",
    "2",
    "--linger-ms",
    "1000",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const batches = only(evs, "lab3.batch.sent");
  // Batches are per partition (6 here), so how many records share one is
  // chance; the batcher's unit tests pin the grouping. Here: linger closes them.
  assert.ok(batches.some((b) => b.reason === "linger"), JSON.stringify(batches));
  assert.equal(batches.reduce((n, b) => n + Number(b.records), 0), 8);
  const delivered = only(evs, "lab3.record.delivered");
  assert.equal(delivered.length, 8);
  const stored = await readBack(topic, 8);
  for (const d of delivered) {
    assert.deepEqual(
      stored.get(`${d.partition}/${d.offset}`),
      d.record,
      `record at ${d.partition}/${d.offset}`,
    );
  }
});

Deno.test("lab3 produce closes a partition's batch before a record would overflow batch.size", async () => {
  const topic = await coordinatesTopic();
  const r = await runCli([
    "lab3",
    "produce",
    "--json",
    "--topic",
    topic,
    "--count",
    "6",
    "--rate",
    "50",
    "--linger-ms",
    "60000",
    "--batch-bytes",
    "120",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const batches = only(events(r.stdout), "lab3.batch.sent");
  // Which partitions fill up depends on the random ids; tests/unit/batcher_test.ts checks when.
  assert.ok(batches.every((b) => Number(b.bytes) <= 120), JSON.stringify(batches));
  assert.equal(only(events(r.stdout), "lab3.record.delivered").length, 6);
});

Deno.test("lab3 consume sends each kind of bad record to the DLQ with its reason and origin, and goes on", async () => {
  const topic = await coordinatesTopic();
  const group = unique("dlq");
  const kinds = ["raw-json", "missing-field", "unknown-schema", "not-json"];
  const injected = await runCli([
    "lab3",
    "inject",
    "--json",
    "--topic",
    topic,
    ...kinds.flatMap((k) => ["--kind", k]),
  ]);
  assert.equal(injected.code, 0, injected.stderr);
  const good = await runCli([
    "lab3",
    "produce",
    "--topic",
    topic,
    "--count",
    "2",
    "--rate",
    "50",
    "--linger-ms",
    "0",
  ]);
  assert.equal(good.code, 0, good.stderr);
  const r = await runCli([
    "lab3",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--max-messages",
    "6",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const dead = only(evs, "lab3.record.dead-lettered");
  assert.deepEqual(dead.map((e) => e.kind).sort(), [
    "invalid-json",
    "not-wire-format",
    "schema-violation",
    "unknown-schema",
  ]);
  assert.equal(only(evs, "lab3.record.valid").length, 2);
  assert.deepEqual(evs.at(-1), {
    event: "lab3.consumer.done",
    valid: 2,
    invalid: 4,
    deadLetters: 4,
    commits: 6,
  });

  const letters: Array<Record<string, string>> = [];
  await consume(kafka, {
    topic: `${topic}.dlq`,
    groupId: unique("dlq-reader"),
    fromBeginning: true,
    signal: new AbortController().signal,
    maxMessages: 4,
    idleTimeoutMs: 10_000,
    onRecord: (rec) => void letters.push(rec.headers),
  });
  assert.equal(letters.length, 4);
  for (const h of letters) {
    const origin = dead.find((d) =>
      String(d.offset) === h["dlq.original.offset"] &&
      String(d.partition) === h["dlq.original.partition"]
    );
    assert.ok(
      origin,
      `a dead letter for ${h["dlq.original.partition"]}/${h["dlq.original.offset"]}`,
    );
    assert.equal(h["dlq.original.topic"], topic);
    assert.equal(h["dlq.error.kind"], origin.kind);
    assert.equal(h["dlq.error.reason"], origin.reason);
    assert.equal(h["dlq.consumer.group"], group);
  }
  const unknown = dead.find((d) => d.kind === "unknown-schema")!;
  assert.match(String(unknown.reason), /schema id 2147483647 is not in the registry/);
});

Deno.test("lab3 consume --from-beginning reads the topic again from the start of every partition", async () => {
  const topic = await coordinatesTopic();
  const group = unique("again");
  assert.equal(
    (await runCli([
      "lab3",
      "produce",
      "--topic",
      topic,
      "--count",
      "4",
      "--rate",
      "50",
      "--linger-ms",
      "0",
    ])).code,
    0,
  );
  const first = await runCli([
    "lab3",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--max-messages",
    "4",
  ]);
  assert.equal(only(events(first.stdout), "lab3.record.valid").length, 4, first.stderr);
  const again = await runCli([
    "lab3",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--from-beginning",
    "--max-messages",
    "4",
  ]);
  assert.equal(again.code, 0, again.stderr);
  const evs = events(again.stdout);
  assert.deepEqual(evs.find((e) => e.event === "lab3.offsets.reset"), {
    event: "lab3.offsets.reset",
    group,
    topic,
    to: "earliest",
  });
  assert.equal(only(evs, "lab3.record.valid").length, 4);
});

Deno.test("lab3 consume stops with exit code 3 when the registry is down, committing nothing", async () => {
  const topic = await coordinatesTopic();
  const group = unique("noreg");
  assert.equal(
    (await runCli(["lab3", "produce", "--topic", topic, "--count", "1", "--linger-ms", "0"])).code,
    0,
  );
  const r = await runCli([
    "lab3",
    "consume",
    "--topic",
    topic,
    "--group",
    group,
    "--max-messages",
    "1",
    "--registry-url",
    `http://127.0.0.1:${closedPort()}`,
  ]);
  assert.equal(r.code, 3);
  assert.match(
    r.stderr,
    /no Schema Registry answers at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/,
  );
  const offsets = await kafka.withAdmin((a) => a.fetchOffsets({ groupId: group, topics: [topic] }));
  assert.ok(offsets[0].partitions.every((p) => p.offset === "-1"), "nothing committed");
});

Deno.test("lab3 produce on Ctrl+C sends the open batch, reports every delivery, and exits 130", async () => {
  const topic = await coordinatesTopic();
  const proc = new CliProcess([
    "lab3",
    "produce",
    "--json",
    "--topic",
    topic,
    "--rate",
    "20",
    "--linger-ms",
    "60000",
  ]);
  await proc.waitFor((e) => e.event === "lab3.record.generated" && e.n === 3);
  proc.kill("SIGINT");
  const r = await proc.finish();
  assert.equal(r.code, 130, r.stderr);
  const generated = only(r.events, "lab3.record.generated").length;
  assert.ok(generated >= 3);
  const batches = only(r.events, "lab3.batch.sent");
  assert.ok(batches.every((b) => b.reason === "close"), JSON.stringify(batches));
  assert.equal(batches.reduce((n, b) => n + Number(b.records), 0), generated);
  assert.equal(only(r.events, "lab3.record.delivered").length, generated);
  assert.deepEqual(r.events.at(-1)?.delivered, generated);
});
