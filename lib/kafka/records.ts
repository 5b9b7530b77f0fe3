/**
 * Records as the labs see them, converted from the port's consumed messages, and the
 * small arithmetic of the consumer loop (next offset, batches).
 * @module
 */
import type { KafkaMessage } from "./port_records.ts";

/** A record as a lab sees it. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  /** The record's offset (a decimal string: offsets are 64-bit). */
  readonly offset: string;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  /** Milliseconds since the epoch, as a string. */
  readonly timestamp: string;
  readonly headers: Readonly<Record<string, string>>;
}

const headerText = new TextDecoder();
function copy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/** A view of the same bytes as a plain Uint8Array (no copy). */
export function view(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Converts a consumed message: key and value copied out (the default), or
 * with `bytes` = {@linkcode view} seen where the client decoded them (a
 * reader that hands each record on at once); header values decoded.
 */
export function toRecord(
  topic: string,
  partition: number,
  m: KafkaMessage,
  bytes: (b: Uint8Array) => Uint8Array = copy,
): ConsumedRecord {
  const headers: Record<string, string> = {};
  for (const k in m.headers) {
    const v = m.headers[k];
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    headers[k] = typeof first === "string" ? first : headerText.decode(first);
  }
  return {
    topic,
    partition,
    offset: m.offset,
    // A plain Uint8Array (kafkajs hands Node Buffers that view its response).
    key: m.key ? bytes(m.key) : null,
    value: m.value ? bytes(m.value) : null,
    timestamp: m.timestamp,
    headers,
  };
}

/** The offset after `offset` (what a commit stores: the next record to read). */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

/** Splits records into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`chunk size must be ≥ 1, not ${size}`);
  }
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A filter that lets each offset of each partition (`key`) through once: a
 * group consumer that restarts or joins again reads a partition again from its
 * last commit (or its start), and a reader that counts records must not count
 * those twice. Offsets of one partition arrive in order, so the next offset
 * not yet seen is all it keeps per partition.
 */
export function onceEachOffset(): (key: string, offset: number) => boolean {
  const next = new Map<string, number>();
  return (key, offset) => {
    if (offset < (next.get(key) ?? 0)) return false;
    next.set(key, offset + 1);
    return true;
  };
}
