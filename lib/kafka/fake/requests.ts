/**
 * What a fake cluster is asked and what it remembers of it: a produce
 * request and its per-partition batches, and the request log tests read.
 *
 * @module
 */
import type { Buffer } from "node:buffer";
import type { MessageHeaders } from "../port.ts";
import type { RequestKind } from "./faults.ts";

/** A batch of one partition in a produce request. */
export interface ProduceEntry {
  readonly topic: string;
  readonly partition: number;
  readonly firstSequence: number;
  readonly messages: ReadonlyArray<{
    key?: Buffer | string | null;
    value: Buffer | string | null;
    headers?: MessageHeaders;
    timestamp?: string;
  }>;
}

/** A produce request to one broker. */
export interface ProduceRequest {
  readonly broker: number;
  readonly producerId: number;
  readonly epoch: number;
  readonly transactional: boolean;
  readonly acks: number;
  readonly entries: readonly ProduceEntry[];
}

/** One request the fake answered (or failed), for tests to inspect. */
export interface RequestLogEntry {
  readonly kind: RequestKind;
  readonly broker?: number;
  readonly client?: string;
  readonly groupId?: string;
  readonly producerId?: number;
  /** produce: each partition's batch, whether it was appended or a duplicate. */
  readonly batches?: ReadonlyArray<
    {
      topic: string;
      partition: number;
      firstSequence: number;
      count: number;
      outcome: "appended" | "duplicate" | "refused";
    }
  >;
  /** commit: the offsets asked to store. */
  readonly offsets?: ReadonlyArray<{ topic: string; partition: number; offset: string }>;
  /** The error type or class it failed with, if it did. */
  readonly error?: string;
}

/** The name a request log gives an error: its Kafka type, else its class. */
export function errorName(err: unknown): string {
  const e = err as { type?: string; name?: string };
  return e?.type ?? e?.name ?? "Error";
}
