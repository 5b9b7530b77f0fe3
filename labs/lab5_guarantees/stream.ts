/**
 * A stream of numbered records from one producer to one topic, with every
 * send's outcome recorded by id; a stream's topic counted by id afterwards.
 * Parts 1-3 build on it, parts 4 and 5 write their input with it.
 * @module
 */
import type { Kafka, Message } from "../../lib/kafka/port.ts";
import { type LabProducer, makeProducer } from "./producers.ts";
import { idRecord, readAll, recordId } from "./records.ts";
import { type SendOutcome, tally } from "./model.ts";
import type { FigureKey, FigureRow } from "./steps.ts";

/** What one stream did. */
export interface StreamResult {
  readonly sent: string[];
  readonly acknowledged: string[];
  /** Failed sends: how many of each outcome and error code. */
  readonly failures: Array<{ outcome: SendOutcome; code: string; records: number }>;
  readonly elapsedMs: number;
}

/** Settings of one stream. */
export interface StreamSettings {
  readonly producer: LabProducer;
  readonly topic: string;
  readonly acks: -1 | 0 | 1;
  /** Run name: ids are `<run>-000001`... */
  readonly run: string;
  readonly count: number;
  readonly perSend: number;
  /** Send a failed group again this many times (an application's own retry). */
  readonly appRetries?: number;
  readonly signal: AbortSignal;
  /** Records handed to send() so far (for the kill trigger). */
  onProgress?(sent: number): void;
}

/** Sends `count` records in groups of `perSend`, one send at a time. */
export async function runStream(s: StreamSettings): Promise<StreamResult> {
  const started = Date.now();
  const sent: string[] = [];
  const acknowledged: string[] = [];
  const failures: StreamResult["failures"] = [];
  for (let first = 1; first <= s.count && !s.signal.aborted; first += s.perSend) {
    const n = Math.min(s.perSend, s.count - first + 1);
    const ids = Array.from({ length: n }, (_, i) => recordId(s.run, first + i));
    const messages: Message[] = ids.map((id) => idRecord(id));
    sent.push(...ids);
    s.onProgress?.(sent.length);
    for (let attempt = 0; attempt <= (s.appRetries ?? 0); attempt++) {
      const r = await s.producer.send(s.topic, messages, s.acks);
      if (r.ok) {
        acknowledged.push(...ids);
        break;
      }
      failures.push({ outcome: r.outcome, code: r.code, records: n });
    }
  }
  return { sent, acknowledged, failures, elapsedMs: Date.now() - started };
}

/** Sums failures by outcome. */
export function failureCounts(r: StreamResult): { refused: number; ambiguous: number } {
  let refused = 0;
  let ambiguous = 0;
  for (const f of r.failures) {
    if (f.outcome === "refused") refused += f.records;
    else ambiguous += f.records;
  }
  return { refused, ambiguous };
}

/** The distinct error codes of a stream's failures, most frequent first. */
export function failureCodes(r: StreamResult): string[] {
  const counts = new Map<string, number>();
  for (const f of r.failures) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/** Reads `topic` back and counts the stream that wrote it: a row of figures named `key`. */
export async function countRow(
  kafka: Kafka,
  key: FigureKey,
  topic: string,
  result: StreamResult,
): Promise<FigureRow> {
  const found = (await readAll(kafka, topic)).map((f) => f.id);
  return {
    key,
    tally: tally({ ...result, found }),
    ...failureCounts(result),
    codes: failureCodes(result),
  };
}

/**
 * Writes the `count` records of run `run` to `topic` (acks=all, 50 per send,
 * no idempotence) and returns the ids Kafka acknowledged: a part's input.
 */
export async function writeInput(
  kafka: Kafka,
  s: { topic: string; run: string; count: number; signal: AbortSignal },
): Promise<string[]> {
  const producer = await makeProducer(kafka, "plain");
  try {
    const sent = await runStream({ producer, acks: -1, perSend: 50, ...s });
    return sent.acknowledged;
  } finally {
    await producer.close();
  }
}
