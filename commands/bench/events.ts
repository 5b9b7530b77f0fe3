/**
 * The `--json` events of `bench`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

const latency = f.object({ p50: f.number, p95: f.number, p99: f.number, max: f.number });

const RESULT = {
  records: f.integer,
  bytes: f.integer.doc("Payload bytes."),
  elapsedMs: f.number,
  recordsPerSec: f.number,
  mbPerSec: f.number.doc("10^6 bytes of payload per second."),
  latencyMs: latency.doc("Percentiles; null without samples."),
};

/** The events of `bench`. */
export const BENCH_EVENTS = {
  started: event("bench.started", "A run starts on a topic of its own, with these settings.", {
    mode: f.oneOf("produce", "consume"),
    topic: f.string,
    replicationFactor: f.integer,
    records: f.integer,
    recordSize: f.integer,
    partitions: f.integer,
    acks: f.optional(f.oneOf("0", "1", "all")).doc("produce"),
    batch: f.optional(f.integer).doc("produce"),
    lingerMs: f.optional(f.integer).doc("produce"),
    rate: f.optional(f.integer).doc("produce"),
    compression: f.optional(f.oneOf("none", "gzip", "snappy", "lz4", "zstd")).doc("produce"),
    inFlight: f.optional(f.integer).doc("produce"),
    idempotent: f.optional(f.boolean).doc("produce"),
    commit: f.optional(f.oneOf("none", "batch", "record")).doc("consume"),
  }, { was: "bench-start" }),
  joined: event("bench.joined", "`bench consume`: the consumer joined its group.", {
    ms: f.number,
  }, { was: "bench-joined" }),
  result: event(
    "bench.result",
    "What a run measured; with `--sweep`, the swept setting and its value too (`batch: 100`).",
    { mode: f.oneOf("produce", "consume"), ...RESULT },
    { open: true, was: "bench-result" },
  ),
  sweep: event("bench.sweep", "`--sweep`: every run, and its records/s ratio to the first.", {
    setting: f.string,
    rows: f.array(f.object({
      value: f.union(f.string, f.number, f.boolean),
      result: f.object(RESULT),
      ratio: f.number,
    })),
  }, { was: "bench-sweep" }),
};
