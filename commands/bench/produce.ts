/**
 * One `bench produce` run: records of `recordSize` random bytes sent with
 * `batch` records per `send()` call, at most `inFlight` calls at once, with
 * the chosen acks, compression and idempotence. Each record's latency runs
 * from the moment it was made to the acknowledgement of its send call (as in
 * Kafka's ProducerPerformance, time waiting for a free slot counts).
 *
 * With `rate` 0 records are made when a send slot is free (the producer sets
 * the pace); with a rate they are made on schedule and wait in the batch
 * until it holds `batch` records or its first record has waited `lingerMs`.
 * @module
 */
import { Buffer } from "node:buffer";
import { CompressionTypes, type Kafka, type Producer } from "../../lib/kafka/port.ts";
import type { ProduceSettings } from "./options.ts";
import type { Samples } from "./stats.ts";

/** Told about progress: records acknowledged so far. */
export type Progress = (done: number, total: number, elapsedMs: number) => void;

const ACKS = { "0": 0, "1": 1, all: -1 } as const;
const CODECS = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP } as const;

/** The producer a run uses: idempotence and in-flight requests as set. */
export function benchProducer(kafka: Kafka, s: ProduceSettings): Promise<Producer> {
  return kafka.producer({
    allowAutoTopicCreation: false,
    idempotent: s.idempotent,
    maxInFlightRequests: s.inFlight,
  });
}

/** Sends `s.records` records to `topic` and returns the samples. */
export async function runProduce(
  producer: Producer,
  topic: string,
  s: ProduceSettings,
  options: { signal: AbortSignal; progress: Progress },
): Promise<Samples> {
  const value = Buffer.alloc(s.recordSize);
  crypto.getRandomValues(value.subarray(0, Math.min(value.length, 65_536)));
  const latencies = new Float64Array(s.records);
  const made = new Float64Array(s.records);
  const compression = CODECS[s.compression as keyof typeof CODECS] ?? CompressionTypes.None;
  const start = performance.now();
  let next = 0; // the next record to make
  let sent = 0; // records handed to send()
  let acked = 0;
  let inFlight = 0;
  let failure: unknown;
  let wake: () => void = () => {};

  const due = () =>
    s.rate === 0
      ? (inFlight < s.inFlight ? Math.min(s.records, sent + s.batch) : next)
      : Math.min(s.records, Math.floor(((performance.now() - start) / 1000) * s.rate) + 1);
  const send = (from: number, to: number) => {
    inFlight++;
    const messages = Array.from({ length: to - from }, () => ({ value }));
    producer.send({ topic, messages, acks: ACKS[s.acks], compression }).then(() => {
      const now = performance.now();
      for (let i = from; i < to; i++) latencies[i] = now - made[i];
      acked += to - from;
      options.progress(acked, s.records, now - start);
    }, (err) => failure ??= err).finally(() => {
      inFlight--;
      wake();
    });
  };

  while (acked < s.records && failure === undefined && !options.signal.aborted) {
    const now = performance.now();
    for (const upTo = due(); next < upTo; next++) made[next] = now;
    const waiting = next - sent;
    const lingered = waiting > 0 && now - made[sent] >= s.lingerMs;
    if (
      inFlight < s.inFlight &&
      (waiting >= s.batch || (waiting > 0 && (lingered || next === s.records)))
    ) {
      const to = Math.min(next, sent + s.batch);
      send(sent, to);
      sent = to;
      continue;
    }
    const lingerLeft = waiting > 0 ? Math.max(1, s.lingerMs - (now - made[sent])) : Infinity;
    const slotFree = inFlight < s.inFlight;
    await pause(Math.min(slotFree ? lingerLeft : Infinity, nextDueMs(s, start)), (w) => (wake = w));
  }
  while (inFlight > 0) await pause(Infinity, (w) => (wake = w));
  if (failure !== undefined) throw failure;
  return {
    records: acked,
    bytes: acked * s.recordSize,
    elapsedMs: performance.now() - start,
    latenciesMs: latencies.subarray(0, acked),
  };
}

/** Waits `ms` (Infinity: until woken) or until the wake function handed out is called. */
function pause(ms: number, setWake: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    setWake(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Milliseconds until the next record is due (Infinity without a rate). */
function nextDueMs(s: ProduceSettings, start: number): number {
  if (s.rate === 0) return Infinity;
  const elapsed = performance.now() - start;
  return Math.max(1, 1000 / s.rate - (elapsed % (1000 / s.rate)));
}
