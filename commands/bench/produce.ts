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
 * That pacing is decided by two pure functions, {@linkcode dueRecords} and
 * {@linkcode nextMove}; the run's state (records made, sent, acknowledged)
 * lives in one object.
 * @module
 */
import { Buffer } from "node:buffer";
import {
  CompressionTypes,
  type Kafka,
  type Producer,
  type ProducerRecord,
} from "../../lib/kafka/port.ts";
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
  const run = new ProduceRun(producer, topic, s, options.progress);
  while (run.acked < s.records && run.failure === undefined && !options.signal.aborted) {
    const now = performance.now();
    run.makeDue(now);
    const move = run.nextMove(now);
    if ("send" in move) run.send(move.send);
    else await run.pause(move.waitMs);
  }
  while (run.inFlight > 0) await run.pause(Infinity);
  if (run.failure !== undefined) throw run.failure;
  return run.samples();
}

/** Where a run stands: records made so far, records handed to `send()`, send calls unanswered. */
export interface SendWindow {
  readonly next: number;
  readonly sent: number;
  readonly inFlight: number;
}

/**
 * How many records should have been made `elapsedMs` into the run: with a
 * rate, those it schedules; without, a batch beyond those sent whenever a
 * send slot is free.
 */
export function dueRecords(s: ProduceSettings, w: SendWindow, elapsedMs: number): number {
  if (s.rate === 0) return w.inFlight < s.inFlight ? Math.min(s.records, w.sent + s.batch) : w.next;
  return Math.min(s.records, Math.floor((elapsedMs / 1000) * s.rate) + 1);
}

/** What a run does next: send the records made up to `send`, or wait `waitMs` (Infinity: until woken). */
export type Move = { readonly send: number } | { readonly waitMs: number };

/**
 * Decides the next {@linkcode Move}: a send when a slot is free and the
 * records waiting fill a batch, have lingered `lingerMs` (`waitedMs` is how
 * long the oldest has waited), or are the last; otherwise a wait until the
 * linger ends or the next record is due, whichever comes first.
 */
export function nextMove(
  s: ProduceSettings,
  w: SendWindow,
  times: { readonly waitedMs: number; readonly elapsedMs: number },
): Move {
  const waiting = w.next - w.sent;
  const slotFree = w.inFlight < s.inFlight;
  const lingered = waiting > 0 && times.waitedMs >= s.lingerMs;
  if (slotFree && (waiting >= s.batch || (waiting > 0 && (lingered || w.next === s.records)))) {
    return { send: Math.min(w.next, w.sent + s.batch) };
  }
  const lingerLeft = waiting > 0 ? Math.max(1, s.lingerMs - times.waitedMs) : Infinity;
  return { waitMs: Math.min(slotFree ? lingerLeft : Infinity, nextDueMs(s, times.elapsedMs)) };
}

/** Milliseconds until the next record is due (Infinity without a rate). */
function nextDueMs(s: ProduceSettings, elapsedMs: number): number {
  if (s.rate === 0) return Infinity;
  return Math.max(1, 1000 / s.rate - (elapsedMs % (1000 / s.rate)));
}

/** One run's state: when each record was made, its latency once acknowledged, the sends in flight. */
class ProduceRun implements SendWindow {
  readonly #producer: Producer;
  readonly #record: Omit<ProducerRecord, "messages">;
  readonly #s: ProduceSettings;
  readonly #progress: Progress;
  readonly #value: Buffer;
  readonly #latencies: Float64Array;
  readonly #made: Float64Array;
  readonly #start: number;
  next = 0;
  sent = 0;
  acked = 0;
  inFlight = 0;
  failure: unknown;
  #wake: () => void = () => {};

  constructor(producer: Producer, topic: string, s: ProduceSettings, progress: Progress) {
    this.#producer = producer;
    this.#s = s;
    this.#progress = progress;
    this.#value = Buffer.alloc(s.recordSize);
    crypto.getRandomValues(this.#value.subarray(0, Math.min(this.#value.length, 65_536)));
    this.#latencies = new Float64Array(s.records);
    this.#made = new Float64Array(s.records);
    const compression = CODECS[s.compression as keyof typeof CODECS] ?? CompressionTypes.None;
    this.#record = { topic, acks: ACKS[s.acks], compression };
    this.#start = performance.now();
  }

  /** Makes the records due by `now` (stamps the time each was made). */
  makeDue(now: number): void {
    for (const upTo = dueRecords(this.#s, this, now - this.#start); this.next < upTo; this.next++) {
      this.#made[this.next] = now;
    }
  }

  nextMove(now: number): Move {
    const waitedMs = this.next > this.sent ? now - this.#made[this.sent] : 0;
    return nextMove(this.#s, this, { waitedMs, elapsedMs: now - this.#start });
  }

  /** Sends the records from `sent` up to `to` in one call, without waiting for it. */
  send(to: number): void {
    const from = this.sent;
    this.sent = to;
    this.inFlight++;
    const messages = Array.from({ length: to - from }, () => ({ value: this.#value }));
    this.#producer.send({ ...this.#record, messages }).then(() => {
      const now = performance.now();
      for (let i = from; i < to; i++) this.#latencies[i] = now - this.#made[i];
      this.acked += to - from;
      this.#progress(this.acked, this.#s.records, now - this.#start);
    }, (err) => this.failure ??= err).finally(() => {
      this.inFlight--;
      this.#wake();
    });
  }

  /** Waits `ms` (Infinity: until a send settles), or less when a send settles first. */
  pause(ms: number): Promise<void> {
    return pause(ms, (w) => (this.#wake = w));
  }

  samples(): Samples {
    return {
      records: this.acked,
      bytes: this.acked * this.#s.recordSize,
      elapsedMs: performance.now() - this.#start,
      latenciesMs: this.#latencies.subarray(0, this.acked),
    };
  }
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
