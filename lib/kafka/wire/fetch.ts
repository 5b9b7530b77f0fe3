/**
 * The two requests of the fetch path, written and read by hand: Fetch v11
 * (KIP-227 fetch sessions turned off: session 0, epoch -1, so every request
 * names its partitions and offsets) and ListOffsets v2 (earliest, latest or
 * by time), both read-committed, as kafkajs' and kcat's consumers are by
 * default. Both versions are non-flexible (no tagged fields).
 *
 * @example
 * ```ts
 * const body = fetchRequest("orders", [{ partition: 0, offset: 0 }], FETCH_LIMITS);
 * const answer = readFetch(await conn.request(FETCH_V11, body, 10_000));
 * ```
 * @module
 */
import type { Buffer } from "node:buffer";
import { type Reader, WireResponseError, Writer } from "./codec.ts";
import type { WireApi } from "./client.ts";
import type { AbortedTransaction } from "./record_batches.ts";

/** Fetch v11: the newest version before flexible ones (v12, KIP-482). */
export const FETCH_V11: WireApi = { key: 1, version: 11, flexible: false };
/** ListOffsets v2: the first version with an isolation level. */
export const LIST_OFFSETS_V2: WireApi = { key: 2, version: 2, flexible: false };

/** Read only what committed transactions wrote (and what no transaction wrote). */
const READ_COMMITTED = 1;
/** ListOffsets' timestamps for the log start and the end. */
export const EARLIEST = -2;
export const LATEST = -1;

/** How long and how much one Fetch may wait for and return. */
export interface FetchLimits {
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly partitionMaxBytes: number;
}

/** Where to fetch one partition from. */
export interface FetchPosition {
  readonly partition: number;
  readonly offset: number;
}

/** The Fetch v11 body for `positions` of `topic`. */
export function fetchRequest(
  topic: string,
  positions: readonly FetchPosition[],
  limits: FetchLimits,
): Buffer {
  const w = new Writer()
    .int32(-1) // replica id: a consumer
    .int32(limits.maxWaitMs)
    .int32(limits.minBytes)
    .int32(limits.maxBytes)
    .int8(READ_COMMITTED)
    .int32(0) // session id: none
    .int32(-1) // session epoch: no session
    .int32(1).string(topic)
    .int32(positions.length);
  for (const p of positions) {
    w.int32(p.partition)
      .int32(-1) // current leader epoch: not checked
      .int64(p.offset)
      .int64(-1) // log start offset: only followers send it
      .int32(limits.partitionMaxBytes);
  }
  return w.int32(0) // forgotten topics
    .string("") // rack id
    .bytes();
}

/** One partition of a Fetch answer. */
export interface FetchedPartition {
  readonly partition: number;
  readonly errorCode: number;
  readonly highWatermark: number;
  readonly lastStableOffset: number;
  readonly aborted: readonly AbortedTransaction[];
  /** The record set (whole batches, perhaps a cut one at the end); empty when none. */
  readonly records: Uint8Array;
}

/** A Fetch v11 answer: its error code and the partitions of `topic`. */
export function readFetch(r: Reader, topic: string): {
  errorCode: number;
  partitions: FetchedPartition[];
} {
  r.int32(); // throttle
  const errorCode = r.int16();
  r.int32(); // session id
  const partitions: FetchedPartition[] = [];
  for (const t of r.array(() => ({ name: r.nullableString(), parts: readPartitions(r) }))) {
    if (t.name !== topic) throw new WireResponseError(`a Fetch answer about topic ${t.name}`);
    partitions.push(...t.parts);
  }
  r.end();
  return { errorCode, partitions };
}

function readPartitions(r: Reader): FetchedPartition[] {
  return r.array(() => {
    const partition = r.int32();
    const errorCode = r.int16();
    const highWatermark = r.int64();
    const lastStableOffset = r.int64();
    r.int64(); // log start offset
    const count = r.int32();
    const aborted: AbortedTransaction[] = [];
    for (let i = 0; i < count; i++) aborted.push({ producerId: r.int64(), firstOffset: r.int64() });
    r.int32(); // preferred read replica
    const set = r.sizedBytes();
    return {
      partition,
      errorCode,
      highWatermark,
      lastStableOffset,
      aborted,
      records: new Uint8Array(set.buffer, set.byteOffset, set.byteLength),
    };
  });
}

/** The ListOffsets v2 body: `timestamp` (or {@linkcode EARLIEST}, {@linkcode LATEST}) for each partition. */
export function listOffsetsRequest(
  topic: string,
  partitions: readonly number[],
  timestamp: number,
): Buffer {
  const w = new Writer().int32(-1).int8(READ_COMMITTED).int32(1).string(topic)
    .int32(partitions.length);
  for (const p of partitions) w.int32(p).int64(timestamp);
  return w.bytes();
}

/** One partition of a ListOffsets answer (offset -1: no record at or after the time). */
export interface ListedOffset {
  readonly partition: number;
  readonly errorCode: number;
  readonly offset: number;
}

/** A ListOffsets v2 answer. */
export function readListOffsets(r: Reader): ListedOffset[] {
  r.int32(); // throttle
  const listed = r.array(() => {
    r.nullableString();
    return r.array(() => {
      const partition = r.int32();
      const errorCode = r.int16();
      r.int64(); // timestamp
      return { partition, errorCode, offset: r.int64() };
    });
  }).flat();
  r.end();
  return listed;
}
