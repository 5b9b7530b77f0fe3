/**
 * What the fake consumer reads and hands over: a batch of one partition
 * from a position (read_committed hides markers and records of open or
 * aborted transactions, while the batch's last offset still covers them),
 * records as the consumer sees them, the payload of `eachBatch` and the
 * END_BATCH_PROCESS event. Pure; the consumer keeps the positions.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type {
  Batch,
  EachBatchPayload,
  EndBatchProcessEvent,
  KafkaMessage,
  MessageHeaders,
} from "../port.ts";
import type { FakePartition, StoredRecord } from "./log.ts";

/** The key of a partition in the consumer's maps. */
export function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** One fetched batch before it is handed over. */
export interface Fetched {
  readonly topic: string;
  readonly partition: number;
  readonly first: bigint;
  readonly last: bigint;
  readonly highWatermark: bigint;
  readonly messages: KafkaMessage[];
}

function headersOut(headers: MessageHeaders): MessageHeaders {
  const out: MessageHeaders = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const buf = (x: Buffer | string) => typeof x === "string" ? Buffer.from(x) : x;
    out[k] = Array.isArray(v) ? v.map(buf) : buf(v);
  }
  return out;
}

function messageOf(r: StoredRecord): KafkaMessage {
  return {
    key: r.key,
    value: r.value,
    timestamp: r.timestamp,
    offset: r.offset.toString(),
    headers: headersOut(r.headers),
  };
}

/** Up to `maxRecords` offsets of `p` from `position`; undefined when there is nothing past it. */
export function fetchFrom(
  p: FakePartition,
  position: bigint,
  look: { readonly readCommitted: boolean; readonly maxRecords: number },
): Fetched | undefined {
  const end = look.readCommitted ? p.lastStable : p.highWatermark;
  if (position >= end) return undefined;
  const stop = position + BigInt(look.maxRecords) < end ? position + BigInt(look.maxRecords) : end;
  const messages: KafkaMessage[] = [];
  for (let o = position; o < stop; o++) {
    const r = p.at(o);
    if (!r || r.control || (r.aborted && look.readCommitted)) continue;
    messages.push(messageOf(r));
  }
  return {
    topic: p.topic,
    partition: p.partition,
    first: position,
    last: stop - 1n,
    highWatermark: p.highWatermark,
    messages,
  };
}

/** What `eachBatch` gets for `f`, on the consumer's callbacks. */
export function batchPayload(
  f: Fetched,
  on: {
    resolve(offset: bigint): void;
    heartbeat(): Promise<void>;
    isRunning(): boolean;
    isStale(): boolean;
  },
): EachBatchPayload {
  const lastMessage = f.messages[f.messages.length - 1].offset;
  const batch: Batch = {
    topic: f.topic,
    partition: f.partition,
    highWatermark: f.highWatermark.toString(),
    messages: f.messages,
    lastOffset: () => f.last.toString(),
  };
  return {
    batch,
    // The last record resolves the markers after it too (as kafkajs does).
    resolveOffset: (offset: string) => on.resolve(offset === lastMessage ? f.last : BigInt(offset)),
    heartbeat: () => on.heartbeat(),
    isRunning: () => on.isRunning(),
    isStale: () => on.isStale(),
  };
}

/** The END_BATCH_PROCESS payload of a batch handed over. */
export function endBatchEvent(f: Fetched): EndBatchProcessEvent["payload"] {
  const lag = (from: bigint) => {
    const behind = f.highWatermark - 1n - from;
    return (behind < 0n ? 0n : behind).toString();
  };
  return {
    topic: f.topic,
    partition: f.partition,
    highWatermark: f.highWatermark.toString(),
    offsetLag: lag(f.last),
    offsetLagLow: lag(f.first),
    batchSize: f.messages.length,
    firstOffset: f.first.toString(),
    lastOffset: f.last.toString(),
  };
}
