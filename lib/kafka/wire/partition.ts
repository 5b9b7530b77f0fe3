/**
 * What one broker says about one partition, asked on that broker's own
 * address only (so a paused broker elsewhere in the cluster cannot hold the
 * question up): its leader, the leader's epoch and the ISR (Metadata v7),
 * and, from the leader, the high watermark (ListOffsets v2, latest, read
 * uncommitted). Lab 5 prints these before and after each fault it sets up.
 *
 * @example
 * ```ts
 * const s = await partitionSnapshot("localhost:19094", "lab5.acks-1", 0);
 * s.leader; s.leaderEpoch; s.isr; s.highWatermark;
 * ```
 * @module
 */
import { Writer } from "./codec.ts";
import { request, type WireSasl } from "./client.ts";

/** One partition as one broker sees it. */
export interface PartitionSnapshot {
  /** The broker asked. */
  readonly answeredBy: string;
  /** -1 when it has no leader. */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly replicas: readonly number[];
  /** The leader's high watermark; undefined when the broker asked is not the leader or failed. */
  readonly highWatermark?: number;
}

/** Metadata v7 of `topic` from `address` only: leader, epoch, replicas, ISR of `partition`. */
export async function partitionMetadata(
  address: string,
  topic: string,
  partition: number,
  timeoutMs = 3000,
  sasl?: WireSasl,
): Promise<PartitionSnapshot> {
  const body = new Writer().int32(1).string(topic).int8(0).bytes();
  const r = await request(address, { key: 3, version: 7, flexible: false }, body, timeoutMs, sasl);
  r.int32(); // throttle
  r.array(() => [r.int32(), r.nullableString(), r.int32(), r.nullableString()]);
  r.nullableString(); // cluster id
  r.int32(); // controller
  const ints = () => r.array(() => r.int32());
  const topics = r.array(() => {
    r.int16();
    r.nullableString();
    r.int8();
    return r.array(() => ({
      errorCode: r.int16(),
      partition: r.int32(),
      leader: r.int32(),
      leaderEpoch: r.int32(),
      replicas: ints(),
      isr: ints(),
      offline: ints(),
    }));
  });
  const p = topics[0]?.find((x) => x.partition === partition);
  return {
    answeredBy: address,
    leader: p?.leader ?? -1,
    leaderEpoch: p?.leaderEpoch ?? -1,
    isr: p?.isr ?? [],
    replicas: p?.replicas ?? [],
  };
}

/** The high watermark of `topic`/`partition` from its leader at `address` (ListOffsets v2, latest). */
export async function highWatermark(
  address: string,
  topic: string,
  partition: number,
  timeoutMs = 3000,
  sasl?: WireSasl,
): Promise<number> {
  const body = new Writer().int32(-1).int8(0).int32(1).string(topic).int32(1).int32(partition)
    .int32(-1).int32(-1) // timestamp -1 (latest), as an int64
    .bytes();
  const r = await request(address, { key: 2, version: 2, flexible: false }, body, timeoutMs, sasl);
  r.int32(); // throttle
  const parts = r.array(() => {
    r.nullableString();
    return r.array(() => ({
      partition: r.int32(),
      error: r.int16(),
      ts: r.int64(),
      off: r.int64(),
    }));
  }).flat();
  const p = parts.find((x) => x.partition === partition);
  if (!p || p.error !== 0) {
    throw new Error(
      `ListOffsets of ${topic}-${partition} at ${address}: error ${p?.error ?? "none"}`,
    );
  }
  return p.off;
}

/**
 * The partition as the broker at `address` sees it, with the high watermark
 * when that broker is the leader.
 */
export async function partitionSnapshot(
  address: string,
  topic: string,
  partition: number,
  options: { timeoutMs?: number; sasl?: WireSasl; leaderId?: number } = {},
): Promise<PartitionSnapshot> {
  const md = await partitionMetadata(address, topic, partition, options.timeoutMs, options.sasl);
  if (options.leaderId !== undefined && md.leader !== options.leaderId) return md;
  try {
    const hw = await highWatermark(address, topic, partition, options.timeoutMs, options.sasl);
    return { ...md, highWatermark: hw };
  } catch {
    return md;
  }
}
