/**
 * A group's commits as the broker recorded them: every OffsetCommit a group
 * coordinator accepts is written to the internal topic `__consumer_offsets`,
 * one record per committed partition, in the partition of that topic the
 * group belongs to (`abs(javaHashCode(group)) % partitions`, Kafka's
 * `Utils.abs`). An offset-commit record's key is version 0 or 1: group, topic,
 * partition; its value holds the committed offset and the commit time
 * (versions 0–4; 4 is the flexible one Kafka 4.1.1 writes). Reading that
 * topic from where it stood before a program ran shows each commit the
 * program made — not the program's word for it. Checked on Kafka 4.1.1: a
 * consumer committing after every 10 of 25 records leaves three key-v1
 * records with offsets 10, 20, 25.
 *
 * @example
 * ```ts
 * coordinatorPartition("hello-group", 50); // the partition of __consumer_offsets holding its commits
 * decodeCommitKey(key); // { group, topic, partition } or undefined (group metadata, other records)
 * ```
 * @module
 */

import { groupPartition, javaHashCode } from "../kafka/group_partition.ts";

/** The internal topic of group offsets and metadata. */
export const OFFSETS_TOPIC = "__consumer_offsets";

/** The partition of `__consumer_offsets` that holds `group`'s commits. */
export const coordinatorPartition = groupPartition;
export { javaHashCode };

class Reader {
  #at = 0;
  readonly #view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  int16(): number {
    const v = this.#view.getInt16(this.#at);
    this.#at += 2;
    return v;
  }
  int32(): number {
    const v = this.#view.getInt32(this.#at);
    this.#at += 4;
    return v;
  }
  int64(): bigint {
    const v = this.#view.getBigInt64(this.#at);
    this.#at += 8;
    return v;
  }
  /** An unsigned varint (the length of a compact string, plus one). */
  uvarint(): number {
    let shift = 0;
    let value = 0;
    for (;;) {
      const b = this.bytes[this.#at++];
      if (b === undefined) throw new RangeError("varint past the end");
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
      shift += 7;
    }
  }
  #text(length: number): string {
    if (length < 0) return "";
    if (this.#at + length > this.bytes.length) throw new RangeError("string past the end");
    const s = new TextDecoder().decode(this.bytes.subarray(this.#at, this.#at + length));
    this.#at += length;
    return s;
  }
  string(): string {
    return this.#text(this.int16());
  }
  compactString(): string {
    return this.#text(this.uvarint() - 1);
  }
}

/** What an offset-commit record's key says. */
export interface CommitKey {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
}

/** The key of an offset-commit record (versions 0 and 1); undefined for any other record. */
export function decodeCommitKey(key: Uint8Array | null): CommitKey | undefined {
  if (key === null || key.length < 2) return undefined;
  try {
    const r = new Reader(key);
    const version = r.int16();
    if (version !== 0 && version !== 1) return undefined;
    return { group: r.string(), topic: r.string(), partition: r.int32() };
  } catch {
    return undefined;
  }
}

/** What an offset-commit record's value says. */
export interface CommitValue {
  readonly offset: number;
  /** Milliseconds since the epoch. */
  readonly commitTimestamp: number;
}

/** The value of an offset-commit record (versions 0–4); undefined for a tombstone or a bad one. */
export function decodeCommitValue(value: Uint8Array | null): CommitValue | undefined {
  if (value === null || value.length < 2) return undefined;
  try {
    const r = new Reader(value);
    const version = r.int16();
    if (version < 0 || version > 4) return undefined;
    const offset = Number(r.int64());
    if (version >= 3) r.int32(); // leader epoch
    if (version >= 4) r.compactString();
    else r.string(); // metadata
    const commitTimestamp = Number(r.int64());
    return { offset, commitTimestamp };
  } catch {
    return undefined;
  }
}

/** One commit of one partition, in the order the coordinator wrote them. */
export interface Commit extends CommitKey, CommitValue {}

/** The commits of `group` on `topic` among records of `__consumer_offsets`, in order. */
export function commitsOf(
  records: readonly { key: Uint8Array | null; value: Uint8Array | null }[],
  group: string,
  topic: string,
): Commit[] {
  const out: Commit[] = [];
  for (const r of records) {
    const key = decodeCommitKey(r.key);
    if (!key || key.group !== group || key.topic !== topic) continue;
    const value = decodeCommitValue(r.value);
    if (value) out.push({ ...key, ...value });
  }
  return out;
}
