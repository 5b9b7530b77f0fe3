/**
 * What lab 4's experiments return and report as they go: the producers'
 * deliveries and results, a consumer run's observer and stats, the guided
 * run's check of what was processed, and the plan `lab4 compare` runs. Types
 * only; nothing here talks to Kafka.
 *
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import type { StopReason } from "../../lib/kafka/consumer_loop.ts";
import type { InvalidMessageError, MessageModel, Mode } from "./model.ts";

/** What lab 4's experiments reach: Kafka and the stop signal, never the output. */
export type Cluster = Pick<Context, "kafka" | "signal">;

/** One acknowledged record. */
export interface Delivery extends MessageModel {
  /** Which producer (from 1). */
  readonly producer: number;
  readonly n: number;
  readonly partition: number;
  readonly offset: string;
}

/** One message a producer sent: delivered, or the error that kept it out. */
export type Sent =
  | { readonly topic: string; readonly delivery: Delivery }
  | {
    readonly topic: string;
    readonly producer: number;
    readonly n: number;
    readonly model: MessageModel;
    readonly error: KafkaLabError;
  };

/** What the producers did. */
export interface ProduceResult {
  readonly deliveries: Delivery[];
  readonly failed: number;
  readonly perProducer: number[];
}

/** Where a record was read. */
export interface Where {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** The batch a batch-mode consumer is handling: its number, size and offsets. */
export interface BatchSpan {
  readonly batch: number;
  readonly size: number;
  readonly first: string;
  readonly last: string;
}

/** What a consumer run tells as it goes (a renderer). `batch` is set in batch mode. */
export interface ConsumerObserver {
  assigned(partitions: readonly number[]): void;
  processed(p: { where: Where; model: MessageModel; batch?: number }): void;
  invalid(i: { where: Where; error: InvalidMessageError; batch?: number }): void;
  batchCommitted(c: { partition: number; next: string; span: BatchSpan }): void;
  recordCommitted(c: { partition: number; next: string }): void;
}

/** What one consumer run did. */
export interface RunStats {
  readonly mode: Mode;
  readonly group: string;
  readonly records: number;
  readonly processed: number;
  readonly invalid: number;
  readonly batches: number;
  readonly commits: number;
  /** From start to leaving the group. */
  readonly elapsedMs: number;
  /** From the first record handled to the last commit. */
  readonly activeMs: number;
  /** How long each commit took, from the handler's end to the commit's acknowledgement. */
  readonly commitMs: readonly number[];
  readonly ids: readonly string[];
  readonly stoppedBy: StopReason;
}

/** What the guided run checks after a consumer: every message of this run processed. */
export interface Processed {
  readonly stats: RunStats;
  /** The message ids this run sent. */
  readonly sentIds: ReadonlySet<string>;
  /** Record and commit lines left out of the human output. */
  readonly hiddenLines: number;
}

/** What `lab4 compare` runs: its own topic and groups, the record count and the settings. */
export interface ComparePlan {
  readonly topic: string;
  readonly groups: { readonly batch: string; readonly single: string };
  readonly count: number;
  readonly batchSize: number;
  readonly processMs: number;
}
