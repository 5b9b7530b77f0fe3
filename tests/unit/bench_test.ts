import assert from "node:assert/strict";
import {
  CONSUME_OPTIONS,
  consumeSettings,
  DEFAULT_BATCH,
  DEFAULT_IN_FLIGHT,
  parseSweep,
  PRODUCE_OPTIONS,
  type ProduceSettings,
  produceSettings,
} from "../../commands/bench/options.ts";
import { dueRecords, nextMove } from "../../commands/bench/produce.ts";
import { num, progressText, resultText, sweepTable } from "../../commands/bench/report.ts";
import { percentile, ratio, summarize } from "../../commands/bench/stats.ts";
import { parseOptions } from "../../lib/cli/args.ts";
import { UsageError } from "../../lib/errors.ts";

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

Deno.test("percentile takes the nearest rank", () => {
  const xs = sorted(Array.from({ length: 100 }, (_, i) => i + 1));
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 95), 95);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile(xs, 100), 100);
  assert.equal(percentile(sorted([7]), 99), 7);
  assert.equal(percentile(sorted([1, 2, 3, 4]), 50), 2);
  assert.equal(percentile(sorted([1, 2, 3, 4]), 51), 3);
});

Deno.test("percentile of no samples is NaN and rejects p outside (0, 100]", () => {
  assert.ok(Number.isNaN(percentile(new Float64Array(), 50)));
  assert.throws(() => percentile(sorted([1]), 0), RangeError);
  assert.throws(() => percentile(sorted([1]), 101), RangeError);
});

Deno.test("summarize computes records/s, MB/s and sorts latencies before the percentiles", () => {
  const r = summarize({
    records: 1000,
    bytes: 2_000_000,
    elapsedMs: 500,
    latenciesMs: Float64Array.from([9, 1, 5, 3, 7]),
  });
  assert.equal(r.recordsPerSec, 2000);
  assert.equal(r.mbPerSec, 4);
  assert.deepEqual(r.latencyMs, { p50: 5, p95: 9, p99: 9, max: 9 });
});

Deno.test("ratio divides records/s of the second run by the first", () => {
  const a = summarize({ records: 100, bytes: 0, elapsedMs: 1000, latenciesMs: sorted([1]) });
  const b = summarize({ records: 450, bytes: 0, elapsedMs: 1000, latenciesMs: sorted([1]) });
  assert.equal(ratio(a, b), 4.5);
});

Deno.test("parseSweep reads a setting and values typed like the option", () => {
  assert.deepEqual(parseSweep("batch=1,100,5000", PRODUCE_OPTIONS), {
    name: "batch",
    values: [1, 100, 5000],
  });
  assert.deepEqual(parseSweep("acks=0,1,all", PRODUCE_OPTIONS).values, ["0", "1", "all"]);
  assert.deepEqual(parseSweep("--in-flight=1, 5", PRODUCE_OPTIONS).values, [1, 5]);
  assert.deepEqual(parseSweep("idempotent=false,true", PRODUCE_OPTIONS).values, [false, true]);
  assert.deepEqual(parseSweep("commit=none,batch,record", CONSUME_OPTIONS).values, [
    "none",
    "batch",
    "record",
  ]);
});

Deno.test("parseSweep rejects unknown settings, single values and values the option refuses", () => {
  assert.throws(() => parseSweep("speed=1,2", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("sweep=a,b", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("commit=none,batch", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("batch=100", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("batch", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("batch=1,,3", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("batch=1,0", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("acks=1,2", PRODUCE_OPTIONS), UsageError);
  assert.throws(() => parseSweep("idempotent=yes,maybe", PRODUCE_OPTIONS), UsageError);
});

Deno.test("bench produce defaults are the measured best batch and in-flight settings", () => {
  const s = produceSettings(parseOptions([], PRODUCE_OPTIONS).values);
  assert.equal(s.batch, DEFAULT_BATCH);
  assert.equal(s.inFlight, DEFAULT_IN_FLIGHT);
  assert.equal(s.acks, "all");
  assert.equal(s.compression, "none");
  assert.equal(s.idempotent, true);
});

Deno.test("produceSettings: idempotent with acks=all unless --not-idempotent", () => {
  const settings = (argv: string[]) =>
    produceSettings(parseOptions(argv, PRODUCE_OPTIONS).values).idempotent;
  assert.equal(settings([]), true);
  assert.equal(settings(["--idempotent"]), true);
  assert.equal(settings(["--not-idempotent"]), false);
  assert.equal(settings(["--acks", "1"]), false);
  assert.equal(settings(["--acks", "0", "--idempotent"]), false);
});

Deno.test("produceSettings names the plugin a codec without a built-in kafkajs codec needs", () => {
  for (
    const [codec, plugin] of [["snappy", "kafkajs-snappy"], ["lz4", "kafkajs-lz4"], [
      "zstd",
      "@kafkajs/zstd",
    ]]
  ) {
    const values = parseOptions(["--compression", codec], PRODUCE_OPTIONS).values;
    assert.throws(
      () => produceSettings(values),
      (e) => e instanceof UsageError && e.message.includes(plugin) && e.exitCode === 2,
    );
  }
  const gzip = parseOptions(["--compression", "gzip"], PRODUCE_OPTIONS).values;
  assert.equal(produceSettings(gzip).compression, "gzip");
});

Deno.test("consumeSettings defaults to one commit per batch", () => {
  const s = consumeSettings(parseOptions([], CONSUME_OPTIONS).values);
  assert.equal(s.commit, "batch");
  assert.equal(s.records, 100_000);
});

Deno.test("num groups digits and writes decimals as each language does", () => {
  assert.equal(num(70423, "en"), "70,423");
  assert.equal(num(70423, "ru"), "70 423");
  assert.equal(num(1.5, "ru", 1), "1,5");
  assert.equal(num(Number.NaN, "en"), "-");
});

Deno.test("sweepTable prints one row per value with the ratio to the first", () => {
  const run = (records: number) =>
    summarize({ records, bytes: records * 100, elapsedMs: 1000, latenciesMs: sorted([2, 4]) });
  const lines = sweepTable("batch", [
    { value: 1, result: run(2000) },
    { value: 1000, result: run(50000) },
  ], "en");
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^batch \(value\)\s+records\/s\s+MB\/s\s+p50 ms.*× first$/);
  assert.match(lines[1], /^1\s+2,000\s+0\.20\s+2\.0\s+4\.0\s+4\.0\s+4\.0\s+1\.00×$/);
  assert.match(lines[2], /^1000\s+50,000\s+5\.00\s.*25\.00×$/);
  const ru = sweepTable("batch", [{ value: 1, result: run(2000) }], "ru");
  assert.match(ru[0], /записей\/с.*МБ\/с.*p50 мс.*макс\. мс.*× к первому/);
});

Deno.test("progress and result lines carry the numbers in both languages", () => {
  assert.equal(progressText(500, 1000, 250, "en"), "500/1,000 records, 2,000 records/s");
  assert.equal(progressText(500, 1000, 250, "ru"), "записей: 500/1 000, 2 000 записей/с");
  const r = summarize({ records: 10, bytes: 1000, elapsedMs: 2000, latenciesMs: sorted([1]) });
  assert.match(
    resultText(r, "en"),
    /^10 records in 2\.00 s: 5 records\/s, 0\.00 MB\/s; latency ms: p50 1\.0/,
  );
  assert.match(resultText(r, "ru"), /^записей: 10 за 2,00 с: 5 записей\/с/);
});

const pacing = (over: Partial<ProduceSettings> = {}): ProduceSettings => ({
  records: 100,
  recordSize: 10,
  partitions: 1,
  acks: "all",
  batch: 10,
  lingerMs: 5,
  rate: 0,
  compression: "none",
  inFlight: 2,
  idempotent: false,
  ...over,
});

Deno.test("dueRecords without a rate makes a batch beyond the sent records only while a send slot is free", () => {
  const s = pacing();
  assert.equal(dueRecords(s, { next: 0, sent: 0, inFlight: 0 }, 0), 10);
  assert.equal(dueRecords(s, { next: 20, sent: 20, inFlight: 1 }, 0), 30);
  assert.equal(dueRecords(s, { next: 95, sent: 95, inFlight: 1 }, 0), 100);
  assert.equal(dueRecords(s, { next: 20, sent: 20, inFlight: 2 }, 0), 20);
});

Deno.test("dueRecords with a rate follows the clock, one record at the start, never past the total", () => {
  const s = pacing({ rate: 100 });
  assert.equal(dueRecords(s, { next: 0, sent: 0, inFlight: 2 }, 0), 1);
  assert.equal(dueRecords(s, { next: 0, sent: 0, inFlight: 2 }, 255), 26);
  assert.equal(dueRecords(s, { next: 0, sent: 0, inFlight: 2 }, 60_000), 100);
});

Deno.test("nextMove sends a full batch, a lingered one or the last records when a slot is free", () => {
  const s = pacing();
  const at = { waitedMs: 0, elapsedMs: 0 };
  assert.deepEqual(nextMove(s, { next: 25, sent: 10, inFlight: 1 }, at), { send: 20 });
  assert.deepEqual(nextMove(s, { next: 13, sent: 10, inFlight: 1 }, { ...at, waitedMs: 5 }), {
    send: 13,
  });
  assert.deepEqual(nextMove(s, { next: 100, sent: 97, inFlight: 0 }, at), { send: 100 });
});

Deno.test("nextMove waits for the linger, for a free slot, or for the next record due", () => {
  const s = pacing();
  assert.deepEqual(
    nextMove(s, { next: 13, sent: 10, inFlight: 1 }, { waitedMs: 2, elapsedMs: 0 }),
    { waitMs: 3 },
  );
  assert.deepEqual(
    nextMove(s, { next: 13, sent: 10, inFlight: 1 }, { waitedMs: 4.5, elapsedMs: 0 }),
    { waitMs: 1 },
  );
  assert.deepEqual(
    nextMove(s, { next: 30, sent: 10, inFlight: 2 }, { waitedMs: 50, elapsedMs: 0 }),
    { waitMs: Infinity },
  );
  assert.deepEqual(
    nextMove(pacing({ rate: 100 }), { next: 4, sent: 4, inFlight: 0 }, {
      waitedMs: 0,
      elapsedMs: 32,
    }),
    { waitMs: 8 },
  );
});
