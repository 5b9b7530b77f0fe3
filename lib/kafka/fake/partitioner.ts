/**
 * The fake producer's partitioner, choosing as the kafkajs adapter's default
 * (Java-compatible) one does: an explicit partition as given, a key by
 * murmur2 of its bytes, and records without a key round the partitions that
 * have a leader, moving on with every call, retries included (the behaviour
 * `SafeProducer` works around with its partition memo).
 *
 * @example
 * ```ts
 * const choose = roundRobinPartitioner();
 * choose({ value: "x" }, layout); // 0, then 1, 2, 0, ...
 * keyPartition("user-1", 3);      // the partition the Java client gives "user-1"
 * ```
 * @module
 */
import { Buffer } from "node:buffer";
import type { Message } from "../port.ts";

/** Kafka's murmur2 (the Java client's `Utils.murmur2`) of `bytes`, as a signed 32-bit number. */
export function murmur2(bytes: Uint8Array): number {
  const m = 0x5bd1e995;
  const length = bytes.length;
  let h = (0x9747b28c ^ length) | 0;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = length % 4;
  if (rest === 3) h ^= bytes[whole + 2] << 16;
  if (rest >= 2) h ^= bytes[whole + 1] << 8;
  if (rest >= 1) {
    h ^= bytes[whole];
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The partition of `key` among `partitions`, as the Java client and kafkajs choose it. */
export function keyPartition(key: Buffer | string, partitions: number): number {
  const bytes = typeof key === "string" ? Buffer.from(key) : key;
  return (murmur2(bytes) & 0x7fffffff) % partitions;
}

/** One partition as the partitioner sees it. */
export interface PartitionChoice {
  readonly partition: number;
  readonly leader: number;
}

/** Chooses a message's partition; a new one per producer (it keeps the round-robin counter). */
export type Partitioner = (message: Message, partitions: readonly PartitionChoice[]) => number;

/** A partitioner as described in the module docs. */
export function roundRobinPartitioner(): Partitioner {
  let counter = 0;
  return (message, partitions) => {
    if (message.partition !== undefined && message.partition !== null) return message.partition;
    if (message.key !== undefined && message.key !== null) {
      return keyPartition(message.key, partitions.length);
    }
    const available = partitions.filter((p) => p.leader >= 0);
    const pool = available.length > 0 ? available : partitions;
    return pool[counter++ % pool.length].partition;
  };
}
