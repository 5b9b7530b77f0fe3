/**
 * Lab 4's consumer: deserializes, processes and counts MessageModel records
 * in batch mode (one commit per batch) or single mode (one commit per
 * record), timing each commit. `consume`, `compare` and the guided run share it.
 * @module
 */
import {
  consume as consumeLoop,
  type ConsumedRecord,
  type StopReason,
} from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { sleep } from "../../lib/time.ts";
import {
  deserialize,
  formatSeconds,
  InvalidMessageError,
  type MessageModel,
  type Mode,
  modeName,
  offsetSpan,
  reasonText,
} from "./model.ts";
import type { Lab4Text } from "./text.ts";
import { LAB4_EVENTS } from "./events.ts";

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

/** A consumer run: the settings and how it prints. */
export interface RunSettings extends ConsumerSettings {
  readonly signal: AbortSignal;
  /** No per-record lines or events (the comparison shows progress instead). */
  readonly silent?: boolean;
  /** Print at most this many record and commit lines (the rest are counted; JSON gets all). */
  readonly printLimit?: number;
  readonly indent?: string;
  /** Expected total, for progress lines. */
  readonly total?: number;
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
  readonly hiddenLines: number;
  readonly stoppedBy: StopReason;
}

/**
 * Runs one consumer: deserializes each record, sleeps `processMs` to simulate
 * work, prints it, and lets the shared loop commit once per batch (batch
 * mode) or after every record (single mode). Invalid records are counted and
 * committed past, never fatal.
 */
export async function runConsumer(ctx: Context, t: Lab4Text, s: RunSettings): Promise<RunStats> {
  const run = new ConsumerRun(ctx, t, s);
  const common = {
    topic: s.topic,
    groupId: s.group,
    fromBeginning: true,
    signal: s.signal,
    maxMessages: s.maxMessages,
    idleTimeoutMs: s.idleTimeoutMs,
    onAssign: (partitions: readonly number[]) => run.assigned(partitions),
  };
  const kafka = await ctx.kafka();
  const summary = s.mode === "batch"
    ? await consumeLoop(kafka, {
      ...common,
      batchSize: s.batchSize,
      onBatch: (records) => run.batch(records),
      onCommit: (partition, next) => run.batchCommitted(partition, next),
    })
    : await consumeLoop(kafka, {
      ...common,
      onRecord: (r) => run.record(r),
      onCommit: (partition, next) => run.recordCommitted(partition, next),
    });
  if (s.silent) ctx.out.progressDone();
  return run.stats(summary);
}

/** The counters and printing of one consumer run. */
class ConsumerRun {
  readonly #ctx: Context;
  readonly #t: Lab4Text;
  readonly #s: RunSettings;
  readonly #indent: string;
  #processed = 0;
  #invalid = 0;
  #batchNo = 0;
  #shown = 0;
  #hidden = 0;
  #firstAt?: number;
  #lastCommitAt?: number;
  #handledAt?: number;
  #current?: { batch: number; size: number; first: string; last: string };
  readonly #ids: string[] = [];
  readonly #commitMs: number[] = [];

  constructor(ctx: Context, t: Lab4Text, s: RunSettings) {
    this.#ctx = ctx;
    this.#t = t;
    this.#s = s;
    this.#indent = s.indent ?? "";
  }

  /** Batch mode: handles the records of one batch in order. */
  async batch(records: readonly ConsumedRecord[]): Promise<void> {
    this.#batchNo++;
    const span = offsetSpan(records);
    this.#current = { batch: this.#batchNo, size: records.length, ...span };
    for (const r of records) await this.#handle(r, this.#batchNo);
    this.#handledAt = performance.now();
  }

  /** Single mode: handles one record. */
  async record(r: ConsumedRecord): Promise<void> {
    await this.#handle(r);
    this.#handledAt = performance.now();
  }

  assigned(partitions: readonly number[]): void {
    const { out } = this.#ctx;
    const t = this.#t;
    const group = this.#s.group;
    if (this.#s.silent) return;
    out.event(
      LAB4_EVENTS.assigned,
      { mode: this.#s.mode, group, partitions },
      `${this.#indent}${
        partitions.length > 0
          ? fill(t.assigned, { group, partitions: partitions.join(", ") })
          : out.style("yellow", fill(t.assignedNone, { group }))
      }`,
    );
  }

  batchCommitted(partition: number, next: string): void {
    this.#committed();
    const c = this.#current;
    if (this.#s.silent || !c) return;
    const { out } = this.#ctx;
    out.event(
      LAB4_EVENTS.batchCommitted,
      { mode: this.#s.mode, group: this.#s.group, partition, ...c, next },
      this.#visible()
        ? `${this.#indent}${out.style("green", "✓")} ${
          fill(this.#t.batchCommitted, { ...c, partition, next })
        }`
        : undefined,
    );
  }

  recordCommitted(partition: number, next: string): void {
    this.#committed();
    if (this.#s.silent) return;
    const { out } = this.#ctx;
    out.event(
      LAB4_EVENTS.offsetCommitted,
      { mode: this.#s.mode, group: this.#s.group, partition, next },
      this.#visible()
        ? `${this.#indent}    ${out.style("green", fill(this.#t.committed, { partition, next }))}`
        : undefined,
    );
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
      hiddenLines: this.#hidden,
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

  /** Whether the next record or commit line is printed. */
  #visible(): boolean {
    const limit = this.#s.printLimit;
    if (limit === undefined || this.#shown < limit) {
      this.#shown++;
      return true;
    }
    this.#hidden++;
    return false;
  }

  #progress(): void {
    const s = this.#s;
    if (!s.silent) return;
    const done = this.#processed + this.#invalid;
    const mode = modeName(this.#t, s.mode);
    this.#ctx.out.progress(
      `lab4.${s.mode}`,
      fill(this.#t.compareProgress, { mode, done, total: s.total ?? "?" }),
      { mode: s.mode, done, total: s.total },
      1000,
    );
  }

  async #handle(r: ConsumedRecord, batch?: number): Promise<void> {
    this.#firstAt ??= Date.now();
    let model: MessageModel;
    try {
      model = deserialize(r.value);
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      this.#reportInvalid(r, err, batch);
      return;
    }
    // The work in hand is finished, even on Ctrl+C.
    if (this.#s.processMs > 0) await sleep(this.#s.processMs);
    this.#processed++;
    this.#ids.push(model.message_id);
    if (!this.#s.silent) this.#reportProcessed(r, model, batch);
    this.#progress();
  }

  #reportInvalid(r: ConsumedRecord, err: InvalidMessageError, batch?: number): void {
    const { out } = this.#ctx;
    this.#invalid++;
    const where = { topic: r.topic, partition: r.partition, offset: r.offset };
    out.event(
      LAB4_EVENTS.invalid,
      {
        mode: this.#s.mode,
        ...where,
        reason: err.reason,
        error: err.message,
        ...(batch === undefined ? {} : { batch }),
      },
      this.#s.silent
        ? undefined
        : `${this.#indent}${out.style("yellow", "!")} ${
          fill(this.#t.invalid, { ...where, reason: reasonText(this.#t, err) })
        }`,
    );
    this.#progress();
  }

  #reportProcessed(r: ConsumedRecord, model: MessageModel, batch?: number): void {
    const where = { topic: r.topic, partition: r.partition, offset: r.offset };
    this.#ctx.out.event(
      LAB4_EVENTS.processed,
      {
        mode: this.#s.mode,
        group: this.#s.group,
        ...model,
        ...where,
        ...(batch === undefined ? {} : { batch }),
      },
      this.#visible()
        ? `${this.#indent}  ${
          fill(this.#t.processed, { id: model.message_id, content: model.content, ...where })
        }`
        : undefined,
    );
  }
}

/** Prints what a consumer run did. */
export function consumerDone(
  ctx: Context,
  t: Lab4Text,
  topic: string,
  stats: RunStats,
  indent = "",
): void {
  ctx.out.event(
    LAB4_EVENTS.consumerDone,
    {
      mode: stats.mode,
      group: stats.group,
      topic,
      records: stats.records,
      processed: stats.processed,
      invalid: stats.invalid,
      batches: stats.batches,
      commits: stats.commits,
      elapsedMs: stats.elapsedMs,
      stoppedBy: stats.stoppedBy,
    },
    indent + fill(stats.mode === "batch" ? t.consumerDone : t.consumerDoneSingle, {
      mode: modeName(t, stats.mode),
      group: stats.group,
      records: stats.records,
      invalid: stats.invalid,
      batches: stats.batches,
      commits: stats.commits,
      seconds: formatSeconds(stats.elapsedMs, ctx.config.lang),
    }),
  );
}
