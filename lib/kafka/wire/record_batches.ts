/**
 * Record batches (magic 2, the only format Kafka 4 writes) decoded from a
 * Fetch answer's record set straight into the records `read` prints: keys and
 * values are views of the answer's bytes, not copies, and nothing else is
 * built per record.
 *
 * Each record is a small object whose key, value, headers and offset are read
 * from the batch's bytes only when asked for. What is read here: uncompressed,
 * gzip (`node:zlib`, loaded by {@linkcode prepareFor} for the first set that
 * has a gzip batch), snappy (`snappy.ts`) and lz4 batches (`lz4.ts`), headers, null keys and
 * values, create and log-append times, and transactions as a read-committed
 * consumer sees them: control batches (commit and abort markers) are never
 * handed on, and the batches of an aborted transaction are skipped using the
 * answer's aborted-transaction list (as the Java consumer does). Anything
 * else (zstd, another magic, damage) makes the batch
 * {@linkcode RecordSet.unreadable}: the records before it are handed on and
 * the caller reads on from that batch with another client.
 *
 * @example
 * ```ts
 * const out: ConsumedRecord[] = [];
 * await prepareFor(bytes);
 * const set = decodeRecordSet(bytes, { topic: "t", partition: 0, from: 0, aborted: [] }, out);
 * set.next; // the offset after the last batch read
 * ```
 * @module
 */
import type { ConsumedRecord } from "../records.ts";
import { unsnappy } from "./snappy.ts";
import { unlz4 } from "./lz4.ts";

/** A transaction the answer says was aborted: its producer and its first offset. */
export interface AbortedTransaction {
  readonly producerId: number;
  readonly firstOffset: number;
}

/** Where a record set came from and where reading it starts. */
export interface RecordSetPlace {
  readonly topic: string;
  readonly partition: number;
  /** The offset asked for: records before it (in the first batch) are not handed on. */
  readonly from: number;
  readonly aborted: readonly AbortedTransaction[];
}

/** What {@linkcode decodeRecordSet} read. */
export interface RecordSet {
  /** The offset after the last batch read (or skipped), or `from` when none was. */
  readonly next: number;
  /** Why the batch at `next` cannot be read here; undefined when every whole batch was. */
  readonly unreadable?: string;
}

/** The size of a batch's header up to its records, after `baseOffset` and `batchLength`. */
const HEADER = 61;
const GZIP = 1;
const SNAPPY = 2;
const LZ4 = 3;
const CODECS = ["none", "gzip", "snappy", "lz4", "zstd"];
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const text = new TextDecoder();

function int64(view: DataView, at: number): number {
  return view.getInt32(at) * 2 ** 32 + view.getUint32(at + 4);
}

let gunzip: ((bytes: Uint8Array) => Uint8Array) | undefined;

/**
 * Loads what decoding `set` needs beyond this module: `node:zlib` (about 8 ms
 * of start-up, so only once a set has a gzip batch).
 */
export async function prepareFor(set: Uint8Array): Promise<void> {
  if (gunzip) return;
  const view = new DataView(set.buffer, set.byteOffset, set.byteLength);
  for (let at = 0; at + 12 + HEADER - 12 <= set.length; at += 12 + view.getInt32(at + 8)) {
    if ((view.getInt16(at + 21) & 0x07) !== GZIP || view.getInt8(at + 16) !== 2) continue;
    const { gunzipSync } = await import("node:zlib");
    gunzip = (bytes) => {
      const out = gunzipSync(bytes);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    };
    return;
  }
}

/**
 * The offset after the last whole batch of `set` (a fetch answer may end in
 * a cut batch), found from the batch headers alone: what to fetch next while
 * this set is still being decoded.
 */
export function nextOffsetOf(set: Uint8Array, from: number): number {
  const view = new DataView(set.buffer, set.byteOffset, set.byteLength);
  let next = from;
  for (let at = 0; at + 12 <= set.length;) {
    const end = at + 12 + view.getInt32(at + 8);
    if (end > set.length || end < at + 12 + HEADER - 12) break;
    next = Math.max(next, int64(view, at) + view.getInt32(at + 23) + 1);
    at = end;
  }
  return next;
}

/**
 * Decodes every whole batch of `set` into `out` (see the module docs), from
 * `place.from` on; stops at the first batch it cannot read.
 */
export function decodeRecordSet(
  set: Uint8Array,
  place: RecordSetPlace,
  out: ConsumedRecord[],
): RecordSet {
  const view = new DataView(set.buffer, set.byteOffset, set.byteLength);
  const pending = [...place.aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  const abortedNow = new Set<number>();
  let next = place.from;
  for (let at = 0; at + 12 <= set.length;) {
    const base = int64(view, at);
    const end = at + 12 + view.getInt32(at + 8);
    if (end > set.length) break; // a batch cut by the answer's size limit: fetched again next time
    const magic = view.getInt8(at + 16);
    if (magic !== 2 || end < at + 12 + HEADER - 12) {
      return { next, unreadable: `a batch of magic ${magic} at offset ${base}` };
    }
    const attributes = view.getInt16(at + 21);
    const last = base + view.getInt32(at + 23);
    const producerId = int64(view, at + 43);
    while (pending.length > 0 && pending[0].firstOffset <= last) {
      abortedNow.add(pending.shift()!.producerId);
    }
    const transactional = (attributes & 0x10) !== 0;
    if ((attributes & 0x20) !== 0) {
      if (transactional && isAbortMarker(set, at + HEADER)) abortedNow.delete(producerId);
    } else if (!(transactional && abortedNow.has(producerId)) && last >= place.from) {
      const problem = decodeBatch(set, view, at, end, place, out);
      if (problem) return { next, unreadable: `${problem} in the batch at offset ${base}` };
    }
    next = Math.max(next, last + 1);
    at = end;
  }
  return { next };
}

/** Whether the control batch's record at `at` is an ABORT marker (key: version, type 0). */
function isAbortMarker(set: Uint8Array, at: number): boolean {
  const r = new Cursor(set, at);
  r.varint(); // length
  r.pos++; // attributes
  r.varlong(); // timestamp delta
  r.varint(); // offset delta
  const keyLength = r.varint();
  return keyLength >= 4 && set[r.pos + 2] === 0 && set[r.pos + 3] === 0;
}

/** Decodes one batch's records into `out`; returns what went wrong, if anything did. */
function decodeBatch(
  set: Uint8Array,
  view: DataView,
  at: number,
  end: number,
  place: RecordSetPlace,
  out: ConsumedRecord[],
): string | undefined {
  const attributes = view.getInt16(at + 21);
  const codec = attributes & 0x07;
  let bytes = set.subarray(0, end);
  let start = at + HEADER;
  if (codec === GZIP) {
    if (!gunzip) return "a gzip batch before prepareFor() loaded zlib";
    try {
      bytes = gunzip(set.subarray(at + HEADER, end));
    } catch {
      return "gzip data that does not inflate";
    }
    start = 0;
  } else if (codec === SNAPPY || codec === LZ4) {
    try {
      bytes = (codec === SNAPPY ? unsnappy : unlz4)(set.subarray(at + HEADER, end));
    } catch (err) {
      return (err as Error).message;
    }
    start = 0;
  } else if (codec !== 0) {
    return `records compressed with ${CODECS[codec] ?? `codec ${codec}`}`;
  }
  const batch = {
    base: int64(view, at),
    // Log-append time: the broker's time of the whole batch, not each record's own.
    time: (attributes & 0x08) !== 0 ? int64(view, at + 35) : undefined,
    baseTime: int64(view, at + 27),
    count: view.getInt32(at + 57),
  };
  return readRecords(new Cursor(bytes, start), batch, place, out);
}

/** The records of one (inflated) batch from the cursor to the end of its bytes. */
function readRecords(
  r: Cursor,
  batch: { base: number; time: number | undefined; baseTime: number; count: number },
  place: RecordSetPlace,
  out: ConsumedRecord[],
): string | undefined {
  const { topic, partition, from } = place;
  const stop = r.b.length;
  for (let i = 0; i < batch.count; i++) {
    const length = r.varint();
    const recordEnd = r.pos + length;
    if (length < 0 || recordEnd > stop) return "a damaged record";
    r.pos++; // attributes
    const delta = r.varlong();
    const offset = batch.base + r.varint();
    const keyLength = r.varint();
    const keyAt = r.pos;
    r.pos += Math.max(0, keyLength);
    const valueLength = r.varint();
    const valueAt = r.pos;
    r.pos += Math.max(0, valueLength);
    if (r.pos > recordEnd) return "a damaged record";
    if (offset >= from) {
      const time = batch.time ?? batch.baseTime + delta;
      out.push(
        new WireRecord(
          topic,
          partition,
          offset,
          time,
          r.b,
          keyAt,
          keyLength,
          valueAt,
          valueLength,
          r.pos,
          recordEnd,
        ),
      );
    }
    r.pos = recordEnd;
  }
  return r.pos === stop ? undefined : "bytes after the last record";
}

/** Reads varints and byte strings of records (a position in `b`). */
class Cursor {
  constructor(readonly b: Uint8Array, public pos: number) {}

  /** A zigzag varint of at most 5 bytes (Kafka's `varint`). */
  varint(): number {
    let v = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.b[this.pos++] ?? 0;
      v |= (byte & 0x7f) << shift;
      shift += 7;
    } while ((byte & 0x80) !== 0 && shift < 35);
    return (v >>> 1) ^ -(v & 1);
  }

  /** A zigzag varint of up to 10 bytes (Kafka's `varlong`), exact within ±2^53. */
  varlong(): number {
    let v = 0;
    let scale = 1;
    let byte;
    do {
      byte = this.b[this.pos++] ?? 0;
      v += (byte & 0x7f) * scale;
      scale *= 128;
    } while ((byte & 0x80) !== 0 && scale < 2 ** 70);
    return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
  }

  /** A varint length (-1: null), then that many bytes, viewed; past `end`, the position says so. */
  bytes(end: number): Uint8Array | null {
    const length = this.varint();
    if (length < 0) return null;
    if (this.pos + length > end) {
      this.pos = end + 1;
      return null;
    }
    return this.b.subarray(this.pos, this.pos += length);
  }
}

/**
 * A record as read from a batch: its key, value, headers, offset and time are
 * read from the batch's bytes when asked for (`read --value-only` asks only
 * for the value), so a record costs one small object until it is printed.
 */
class WireRecord implements ConsumedRecord {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly at: number,
    readonly ms: number,
    readonly bytes: Uint8Array,
    readonly keyAt: number,
    readonly keyLength: number,
    readonly valueAt: number,
    readonly valueLength: number,
    readonly headersAt: number,
    readonly end: number,
  ) {}

  get offset(): string {
    return String(this.at);
  }

  get timestamp(): string {
    return String(this.ms);
  }

  get key(): Uint8Array | null {
    return this.keyLength < 0 ? null : this.bytes.subarray(this.keyAt, this.keyAt + this.keyLength);
  }

  get value(): Uint8Array | null {
    return this.valueLength < 0
      ? null
      : this.bytes.subarray(this.valueAt, this.valueAt + this.valueLength);
  }

  /** The first value of each key, as text ("" for a null value); what a damaged end cuts is left out. */
  get headers(): Readonly<Record<string, string>> {
    const r = new Cursor(this.bytes, this.headersAt);
    const count = r.varint();
    if (count <= 0) return NO_HEADERS;
    const headers: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      const key = r.bytes(this.end);
      const value = r.bytes(this.end);
      if (r.pos > this.end) break;
      const name = key === null ? "" : text.decode(key);
      if (!(name in headers)) headers[name] = value === null ? "" : text.decode(value);
    }
    return headers;
  }
}
