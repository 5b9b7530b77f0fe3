/**
 * What the consumer loop (`consumer_loop.ts`) takes and gives back: its
 * options, why it stopped, and its summary.
 * @module
 */
import type { Localizable } from "../i18n.ts";
import type { ConsumedRecord } from "./records.ts";

export type StopReason = "max-messages" | "idle" | "signal";

export interface ConsumeOptions {
  readonly topic: string;
  readonly groupId: string;
  /** Where a group without committed offsets starts: the oldest record (true) or new ones only. */
  readonly fromBeginning: boolean;
  readonly signal: AbortSignal;
  /** Stop after handling this many records. */
  readonly maxMessages?: number;
  /** Stop after this long without a record, counted from joining the group. */
  readonly idleTimeoutMs?: number;
  /** Handle one record; its offset is committed when this resolves. */
  readonly onRecord?: (record: ConsumedRecord) => Promise<void> | void;
  /**
   * Handle a batch (at most `batchSize` records of one partition); one commit
   * follows the whole batch. A handler that takes long over a batch calls
   * `batch.heartbeat()` between records (see {@linkcode BatchControl}).
   */
  readonly onBatch?: (
    records: readonly ConsumedRecord[],
    batch: BatchControl,
  ) => Promise<void> | void;
  readonly batchSize?: number;
  /** Told after each commit: the partition and the next offset to read. */
  readonly onCommit?: (partition: number, nextOffset: string) => void;
  /** Told when this member gets its partitions (empty: it stays idle). */
  readonly onAssign?: (partitions: readonly number[]) => void;
  /** Fail when the consumer has not joined its group by then (default 60 s). */
  readonly joinTimeoutMs?: number;
  /** The fetch wait (`maxWaitTimeInMs`); default {@linkcode FETCH_WAIT_MS}. */
  readonly fetchWaitMs?: number;
  /** How long to wait for a lost group coordinator; default {@linkcode COORDINATOR_WAIT_MS}. */
  readonly coordinatorWaitMs?: number;
  /**
   * Told what the consumer waits for (a lost group coordinator), every few
   * seconds while it waits; default: the Kafka port's warnings (stderr, or a
   * `warning` event with `--json`).
   */
  readonly onWarning?: (message: Localizable) => void;
}

/**
 * What a batch handler may do while it works. kafkajs 2.2.4 has no background
 * heartbeat (Java's consumer has a thread for it): a member heartbeats only
 * between fetches and when a handler asks, so a batch that takes longer than
 * the session timeout (10 s) gets its member thrown out of the group, and
 * the same batch, re-read by the next member, throws that one out too.
 */
export interface BatchControl {
  /**
   * Tells the group coordinator this member is alive (sent at most once per
   * heartbeat interval; cheap to call after every record). When the group is
   * rebalancing it throws {@linkcode BatchAbandoned}: let it propagate; the
   * batch is not committed and its records are read again after the rejoin.
   */
  heartbeat(): Promise<void>;
}

/** Thrown by {@linkcode BatchControl.heartbeat} when the group rebalances during a batch. */
export class BatchAbandoned extends Error {
  constructor(options?: ErrorOptions) {
    super("the group is rebalancing: this batch is abandoned and will be read again", options);
    this.name = "BatchAbandoned";
  }
}

export interface ConsumeSummary {
  readonly records: number;
  readonly batches: number;
  readonly commits: number;
  readonly elapsedMs: number;
  readonly stoppedBy: StopReason;
}
