/** `kafka-lab bench` against the real cluster: behaviour only, no timed assertions. */
import assert from "node:assert/strict";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, clusterConfig, events, runCli } from "../helpers.ts";

/** Whether `name` is gone within 30 s (topic deletion completes after the response). */
async function topicGone(name: string): Promise<boolean> {
  const kafka = new KafkaClients(clusterConfig(), captureOutput().out);
  const gone = await waitFor(
    () => kafka.withAdmin(async (admin) => !(await admin.listTopics()).includes(name)),
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  return gone === true;
}

type Event = Record<string, unknown> & { event: string };
const latency = (e: Event) => e.latencyMs as { p50: number; p95: number; p99: number; max: number };

Deno.test("bench produce sends every record, reports throughput and latency, deletes its topic", async () => {
  const r = await runCli(["bench", "produce", "--records", "3000", "--batch", "200", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const start = evs.find((e) => e.event === "bench.started")!;
  assert.match(String(start.topic), /^kafka-lab-bench-/);
  assert.equal(start.batch, 200);
  const [result] = evs.filter((e) => e.event === "bench.result");
  assert.equal(result.records, 3000);
  assert.equal(result.bytes, 300_000);
  assert.ok((result.recordsPerSec as number) > 0);
  const l = latency(result);
  assert.ok(l.p50 <= l.p95 && l.p95 <= l.p99 && l.p99 <= l.max, JSON.stringify(l));
  assert.ok(await topicGone(String(start.topic)), "the bench deleted its topic");
});

Deno.test("bench produce --sweep prints one row per value, the first with ratio 1", async () => {
  const r = await runCli([
    "bench",
    "produce",
    "--records",
    "1000",
    "--sweep",
    "batch=1,100",
    "--in-flight",
    "1",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  assert.equal(evs.filter((e) => e.event === "bench.result").length, 2);
  const sweep = evs.find((e) => e.event === "bench.sweep")!;
  assert.equal(sweep.setting, "batch");
  const rows = sweep.rows as Array<{ value: number; ratio: number; result: { records: number } }>;
  assert.deepEqual(rows.map((row) => row.value), [1, 100]);
  assert.equal(rows[0].ratio, 1);
  assert.ok(rows.every((row) => row.result.records === 1000));
  for (const s of evs.filter((e) => e.event === "bench.started")) {
    assert.ok(await topicGone(String(s.topic)), `bench topic ${s.topic} deleted`);
  }
});

Deno.test("bench produce prints a human table for a sweep over acks", async () => {
  const r = await runCli(["bench", "produce", "--records", "500", "--sweep", "acks=1,all"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^acks \(value\)\s+records\/s\s+MB\/s/m);
  assert.match(r.stdout, /^1\s+[\d,]+\s.*1\.00×$/m);
  assert.match(r.stdout, /^all\s+[\d,]+\s/m);
});

Deno.test("bench produce with gzip and an idempotent producer delivers every record", async () => {
  const r = await runCli([
    "bench",
    "produce",
    "--records",
    "2000",
    "--compression",
    "gzip",
    "--idempotent",
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const [result] = events(r.stdout).filter((e) => e.event === "bench.result");
  assert.equal(result.records, 2000);
});

Deno.test("bench produce refuses a codec kafkajs lacks with exit 2 and names the plugin", async () => {
  const r = await runCli(["bench", "produce", "--compression", "zstd"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /@kafkajs\/zstd/);
});

Deno.test("bench consume reads every record with each commit mode", async () => {
  const r = await runCli([
    "bench",
    "consume",
    "--records",
    "500",
    "--partitions",
    "2",
    "--sweep",
    "commit=none,record",
    "--json",
  ], { timeoutMs: 300_000 });
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const results = evs.filter((e) => e.event === "bench.result");
  assert.deepEqual(results.map((e) => e.commit), ["none", "record"]);
  assert.ok(results.every((e) => e.records === 500 && e.bytes === 50_000));
  assert.equal(evs.filter((e) => e.event === "bench.joined").length, 2);
  for (const s of evs.filter((e) => e.event === "bench.started")) {
    assert.ok(await topicGone(String(s.topic)), `bench topic ${s.topic} deleted`);
  }
});
