/**
 * A fake cluster's topics and partition logs: the records a partition holds
 * with their offsets, high watermark and last stable offset, what each
 * idempotent producer last wrote to it, its open transactions, and the topic
 * configs the fake knows.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { MessageHeaders } from "../port.ts";

/** A record in a partition's log. */
export interface StoredRecord {
  readonly offset: bigint;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: MessageHeaders;
  readonly timestamp: string;
  /** -1 when the producer is not idempotent. */
  readonly producerId: number;
  readonly sequence: number;
  /** The producer id of the transaction it belongs to. */
  readonly transactional: boolean;
  /** A transaction marker (not a record a consumer sees). */
  readonly control?: "commit" | "abort";
  /** Written in a transaction that was aborted. */
  aborted?: boolean;
}

/** What an idempotent producer last wrote to a partition. */
export interface ProducerState {
  epoch: number;
  lastSequence: number;
  batches: Array<{ firstSequence: number; lastSequence: number; baseOffset: bigint }>;
}

/** One partition: its replicas, its log and its producers. */
export class FakePartition {
  leader: number;
  replicas: number[];
  isr: number[];
  readonly log: StoredRecord[] = [];
  logStart = 0n;
  readonly producers = new Map<number, ProducerState>();
  /** Producer id -> first offset of its open transaction here. */
  readonly openTransactions = new Map<number, bigint>();

  constructor(readonly topic: string, readonly partition: number, replicas: number[]) {
    this.replicas = replicas;
    this.isr = [...replicas];
    this.leader = replicas[0];
  }

  /** The offset the next record gets (every record here is replicated at once). */
  get highWatermark(): bigint {
    return this.logStart + BigInt(this.log.length);
  }

  /** The first offset of an open transaction, or the high watermark. */
  get lastStable(): bigint {
    let lso = this.highWatermark;
    for (const first of this.openTransactions.values()) if (first < lso) lso = first;
    return lso;
  }

  /** The record at `offset`, if the log holds it. */
  at(offset: bigint): StoredRecord | undefined {
    return this.log[Number(offset - this.logStart)];
  }

  append(record: Omit<StoredRecord, "offset">): bigint {
    const offset = this.highWatermark;
    this.log.push({ ...record, offset });
    return offset;
  }
}

/** A topic: its partitions and the configs set on it. */
export interface FakeTopic {
  readonly name: string;
  readonly partitions: FakePartition[];
  readonly configs: Map<string, string>;
}

/** The topic configs the fake knows, with their defaults. */
export const TOPIC_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  "cleanup.policy": "delete",
  "compression.type": "producer",
  "delete.retention.ms": "86400000",
  "max.message.bytes": "1048588",
  "message.timestamp.type": "CreateTime",
  "min.insync.replicas": "1",
  "retention.bytes": "-1",
  "retention.ms": "604800000",
  "segment.bytes": "1073741824",
  "segment.ms": "604800000",
  "unclean.leader.election.enable": "false",
};

/** Bytes of a record's key or value (null stays null). */
export function toBuffer(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? Buffer.from(v) : Buffer.from(v);
}
