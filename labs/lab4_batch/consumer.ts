/**
 * Lab 4's consumer: deserializes, processes and counts MessageModel records
 * in batch mode (one commit per batch) or single mode (one commit per
 * record), timing each commit. `consume`, `compare` and the guided run share
 * it; each gives it the renderer (`render.ts`) it tells what happens.
 * @module
 */
import {
  type BatchControl,
  consume as consumeLoop,
  type ConsumedRecord,
} from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { sleep } from "../../lib/time.ts";
import { offsetSpan } from "./figures.ts";
import { deserialize, InvalidMessageError, type MessageModel, type Mode } from "./model.ts";
import { type BatchSpan, type ConsumerObserver, type RunStats } from "./results.ts";

/** What `lab4 consume` runs: topic, mode, group, batch size, processing time, stop conditions. */
export interface ConsumerSettings {
  readonly topic: string;
  readonly mode: Mode;
  readonly group: string;
  readonly batchSize: number;
  /** Simulated processing time per record. */
  readonly processMs: number;
  readonly maxMessages?: number;
  readonly idleTimeoutMs?: number;
}

/** A consumer run: the settings and when to stop. */
export interface RunSettings extends ConsumerSettings {
  readonly signal: AbortSignal;
}

/**
 * Runs one consumer: deserializes each record, sleeps `processMs` to simulate
 * work, tells `observer`, and lets the shared loop commit once per batch
 * (batch mode) or after every record (single mode). Invalid records are
 * counted and committed past, never fatal.
 */
export async function runConsumer(
  cluster: Pick<Context, "kafka">,
  s: RunSettings,
  observer: ConsumerObserver,
): Promise<RunStats> {
  const run = new ConsumerRun(s, observer);
  const common = {
    topic: s.topic,
    groupId: s.group,
    fromBeginning: true,
    signal: s.signal,
    maxMessages: s.maxMessages,
    idleTimeoutMs: s.idleTimeoutMs,
    onAssign: (partitions: readonly number[]) => observer.assigned(partitions),
  };
  const kafka = await cluster.kafka();
  const summary = s.mode === "batch"
    ? await consumeLoop(kafka, {
      ...common,
      batchSize: s.batchSize,
      onBatch: (records, batch) => run.batch(records, batch),
      onCommit: (partition, next) => run.batchCommitted(partition, next),
    })
    : await consumeLoop(kafka, {
      ...common,
      onRecord: (r) => run.record(r),
      onCommit: (partition, next) => run.recordCommitted(partition, next),
    });
  return run.stats(summary);
}

/** The counters and timings of one consumer run. */
class ConsumerRun {
  readonly #s: RunSettings;
  readonly #observer: ConsumerObserver;
  #processed = 0;
  #invalid = 0;
  #batchNo = 0;
  #firstAt?: number;
  #lastCommitAt?: number;
  #handledAt?: number;
  #current?: BatchSpan;
  readonly #ids: string[] = [];
  readonly #commitMs: number[] = [];

  constructor(s: RunSettings, observer: ConsumerObserver) {
    this.#s = s;
    this.#observer = observer;
  }

  /**
   * Batch mode: handles the records of one batch in order, heartbeating after
   * each so slow work (`--process-ms`) does not get this member thrown out of
   * its group before the batch is committed.
   */
  async batch(records: readonly ConsumedRecord[], control: BatchControl): Promise<void> {
    this.#batchNo++;
    const { first, last } = offsetSpan(records);
    this.#current = { batch: this.#batchNo, size: records.length, first, last };
    for (const r of records) {
      await this.#handle(r, this.#batchNo);
      await control.heartbeat();
    }
    this.#handledAt = performance.now();
  }

  /** Single mode: handles one record. */
  async record(r: ConsumedRecord): Promise<void> {
    await this.#handle(r);
    this.#handledAt = performance.now();
  }

  batchCommitted(partition: number, next: string): void {
    this.#committed();
    const span = this.#current;
    if (span) this.#observer.batchCommitted({ partition, next, span });
  }

  recordCommitted(partition: number, next: string): void {
    this.#committed();
    this.#observer.recordCommitted({ partition, next });
  }

  stats(summary: Awaited<ReturnType<typeof consumeLoop>>): RunStats {
    const s = this.#s;
    return {
      mode: s.mode,
      group: s.group,
      records: summary.records,
      processed: this.#processed,
      invalid: this.#invalid,
      batches: s.mode === "batch" ? summary.batches : summary.records,
      commits: summary.commits,
      elapsedMs: summary.elapsedMs,
      activeMs: this.#firstAt !== undefined && this.#lastCommitAt !== undefined
        ? this.#lastCommitAt - this.#firstAt
        : 0,
      commitMs: this.#commitMs,
      ids: this.#ids,
      stoppedBy: summary.stoppedBy,
    };
  }

  #committed(): void {
    this.#lastCommitAt = Date.now();
    if (this.#handledAt !== undefined) {
      this.#commitMs.push(performance.now() - this.#handledAt);
      this.#handledAt = undefined;
    }
  }

  async #handle(r: ConsumedRecord, batch?: number): Promise<void> {
    this.#firstAt ??= Date.now();
    const where = { topic: r.topic, partition: r.partition, offset: r.offset };
    let model: MessageModel;
    try {
      model = deserialize(r.value);
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      this.#invalid++;
      this.#observer.invalid({ where, error: err, batch });
      return;
    }
    // The work in hand is finished, even on Ctrl+C.
    if (this.#s.processMs > 0) await sleep(this.#s.processMs);
    this.#processed++;
    this.#ids.push(model.message_id);
    this.#observer.processed({ where, model, batch });
  }
}
