/**
 * Lab 4: a batch consumer and a single-message consumer of MessageModel
 * records. Two idempotent producers write random messages to final-1-topic;
 * the batch consumer (batch-group) processes up to 10 records of a partition
 * and commits once per batch, the single consumer (single-group) commits after
 * every record; `compare` measures both over the same prepared records. The
 * guided run shows the theory, both producers, both consumers and their
 * commits side by side.
 *
 * @example
 * ```sh
 * kafka-lab lab4
 * kafka-lab lab4 produce --instances 2 --count 10
 * kafka-lab lab4 consume --mode batch --idle-timeout 5
 * kafka-lab lab4 compare --count 200
 * ```
 * @module
 */
import { Buffer } from "node:buffer";
import type { Producer } from "kafkajs";
import type { ParsedArgs } from "../lib/cli/args.ts";
import type { Command } from "../lib/cli/command.ts";
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  intervalOption,
  secondsToMs,
  topicOption,
} from "../lib/cli/lab_options.ts";
import { consume, type ConsumedRecord, type StopReason } from "../lib/consume.ts";
import type { Context } from "../lib/context.ts";
import { type KafkaLabError, UsageError } from "../lib/errors.ts";
import { Guide } from "../lib/guide.ts";
import { fill, pick, type Translation } from "../lib/i18n.ts";
import { table } from "../lib/output.ts";
import { paced, sleep } from "../lib/time.ts";
import {
  COURSE_TOPICS,
  deleteTopic,
  describeTopic,
  ensureTopic,
  prepareTopic,
} from "../lib/topics.ts";
import {
  compareFigures,
  deserialize,
  formatNumber,
  formatSeconds,
  InvalidMessageError,
  type InvalidReason,
  type MessageModel,
  offsetSpan,
  perSecond,
  producerSequence,
  randomMessage,
  ratio,
  serialize,
} from "./lab4_model.ts";
import { LAB4_TEXT } from "./lab4_text.ts";

type Text = Translation<typeof LAB4_TEXT.en>;

/** How a consumer commits: once per batch, or after every record. */
export type Mode = "batch" | "single";

/** The seed's consumer groups, per mode. */
export const DEFAULT_GROUPS: Readonly<Record<Mode, string>> = {
  batch: "batch-group",
  single: "single-group",
};

/** The seed's batch size (its max.poll.records). */
export const DEFAULT_BATCH_SIZE = 10;

const TOPIC = COURSE_TOPICS.final1;

function text(ctx: Context): Text {
  return pick(LAB4_TEXT, ctx.config.lang);
}

function modeName(t: Text, mode: Mode): string {
  return mode === "batch" ? t.modeBatch : t.modeSingle;
}

/** The reason of an invalid record, in the user's language. */
export function reasonText(t: Text, err: InvalidMessageError): string {
  const templates: Record<InvalidReason, string> = {
    "empty": t.reasonEmpty,
    "not-utf8": t.reasonNotUtf8,
    "not-json": t.reasonNotJson,
    "not-object": t.reasonNotObject,
    "message-id-missing": t.reasonIdMissing,
    "message-id-invalid": t.reasonIdInvalid,
    "content-missing": t.reasonContentMissing,
    "content-invalid": t.reasonContentInvalid,
  };
  return fill(templates[err.reason], { found: err.found ?? "" });
}

// ---------------------------------------------------------------- producing

interface ProduceSettings {
  readonly topic: string;
  /** Messages per producer; 0 = until Ctrl+C. */
  readonly count: number;
  readonly intervalMs: number;
  readonly instances: number;
  /** Put before each printed line (the guided run indents under its steps). */
  readonly indent?: string;
}

/** One acknowledged record. */
interface Delivery {
  readonly producer: number;
  readonly n: number;
  readonly message_id: string;
  readonly content: string;
  readonly partition: number;
  readonly offset: string;
}

interface ProduceResult {
  readonly deliveries: Delivery[];
  readonly failed: number;
  readonly perProducer: number[];
}

function recordValue(model: MessageModel): Buffer {
  const bytes = serialize(model);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Runs `instances` idempotent producers at once, each with its own paced
 * loop, printing every acknowledgement. The topic must be prepared first.
 */
async function produceMessages(
  ctx: Context,
  t: Text,
  settings: ProduceSettings,
): Promise<ProduceResult> {
  const kafka = await ctx.kafka();
  const deliveries: Delivery[] = [];
  const perProducer = Array.from({ length: settings.instances }, () => 0);
  let failed = 0;
  const producers: Producer[] = [];
  const halt = new AbortController();
  const signal = AbortSignal.any([ctx.signal, halt.signal]);
  try {
    for (let i = 0; i < settings.instances; i++) {
      producers.push(
        await kafka.connect(kafka.producer({ idempotent: true, maxInFlightRequests: 1 })),
      );
    }
    const loops = producers.map((producer, i) => {
      const p = i + 1;
      const prefix = (settings.indent ?? "") +
        (settings.instances > 1 ? fill(t.producerPrefix, { n: p }) : "");
      return paced(settings.count, settings.intervalMs, signal, async (n) => {
        const model = randomMessage();
        try {
          const [meta] = await producer.send({
            topic: settings.topic,
            acks: -1,
            messages: [{ value: recordValue(model) }],
          });
          const offset = meta.baseOffset ?? "?";
          const d: Delivery = { producer: p, n, ...model, partition: meta.partition, offset };
          deliveries.push(d);
          perProducer[i]++;
          ctx.out.event(
            "delivered",
            { ...d, topic: settings.topic },
            `${prefix}${ctx.out.style("green", "✓")} ${
              fill(t.delivered, {
                id: model.message_id,
                content: model.content,
                partition: meta.partition,
                offset,
              })
            }`,
          );
        } catch (err) {
          const e = kafka.translate(err) as KafkaLabError;
          if (e.exitCode === 3) throw e;
          failed++;
          ctx.out.event(
            "delivery.failed",
            { producer: p, n, ...model, topic: settings.topic, error: e.message },
            `${prefix}${ctx.out.style("red", "✗")} ${
              fill(t.sendFailed, { id: model.message_id, reason: e.message })
            }`,
          );
        }
      });
    });
    const results = await Promise.allSettled(
      loops.map((loop) =>
        loop.catch((err) => {
          halt.abort(); // one producer cannot reach Kafka: stop the others too
          throw err;
        })
      ),
    );
    const rejected = results.find((r) => r.status === "rejected");
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
  } finally {
    await Promise.all(producers.map((p) => p.disconnect().catch(() => {})));
  }
  return { deliveries, failed, perProducer };
}

// ---------------------------------------------------------------- consuming

/** A consumer's settings, resolved from the command line. */
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

/**
 * Resolves `lab4 consume`'s options: the group defaults by mode, and
 * `--batch-size` is refused with `--mode single` (it would mean nothing).
 *
 * @example
 * ```ts
 * consumerSettings(parseOptions(["--mode", "single"], CONSUME_OPTIONS), t).group; // "single-group"
 * ```
 */
export function consumerSettings(args: ParsedArgs, t: Text): ConsumerSettings {
  const mode = (args.string("mode") ?? "batch") as Mode;
  if (mode === "single" && args.given("batch-size")) {
    throw new UsageError(t.errBatchSizeSingle, t.errBatchSizeSingleHint);
  }
  return {
    topic: args.string("topic") ?? TOPIC.name,
    mode,
    group: args.string("group") ?? DEFAULT_GROUPS[mode],
    batchSize: args.int("batch-size") ?? DEFAULT_BATCH_SIZE,
    processMs: args.int("process-ms") ?? 0,
    maxMessages: args.int("max-messages"),
    idleTimeoutMs: secondsToMs(args.number("idle-timeout")),
  };
}

interface RunSettings extends ConsumerSettings {
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
interface RunStats {
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
  readonly ids: readonly string[];
  readonly hiddenLines: number;
  readonly stoppedBy: StopReason;
}

/**
 * Runs one consumer: deserializes each record, sleeps `processMs` to simulate
 * work, prints it, and lets {@linkcode consume} commit once per batch (batch
 * mode) or after every record (single mode). Invalid records are counted and
 * committed past, never fatal.
 */
async function runConsumer(ctx: Context, t: Text, s: RunSettings): Promise<RunStats> {
  const { out } = ctx;
  const indent = s.indent ?? "";
  let processed = 0;
  let invalid = 0;
  let batchNo = 0;
  let shown = 0;
  let hidden = 0;
  let firstAt: number | undefined;
  let lastCommitAt: number | undefined;
  let current: { batch: number; size: number; first: string; last: string } | undefined;
  const ids: string[] = [];
  const mode = modeName(t, s.mode);

  /** Whether the next record or commit line is printed. */
  const visible = (): boolean => {
    if (s.printLimit === undefined || shown < s.printLimit) {
      shown++;
      return true;
    }
    hidden++;
    return false;
  };
  const progress = () => {
    if (!s.silent) return;
    const done = processed + invalid;
    out.progress(
      `lab4.${s.mode}`,
      fill(t.compareProgress, { mode, done, total: s.total ?? "?" }),
      { mode: s.mode, done, total: s.total },
      1000,
    );
  };

  const handle = async (r: ConsumedRecord, batch?: number): Promise<void> => {
    firstAt ??= Date.now();
    let model: MessageModel;
    try {
      model = deserialize(r.value);
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      invalid++;
      out.event(
        "invalid",
        {
          mode: s.mode,
          topic: r.topic,
          partition: r.partition,
          offset: r.offset,
          reason: err.reason,
          error: err.message,
          ...(batch === undefined ? {} : { batch }),
        },
        s.silent ? undefined : `${indent}${out.style("yellow", "!")} ${
          fill(t.invalid, {
            partition: r.partition,
            offset: r.offset,
            reason: reasonText(t, err),
          })
        }`,
      );
      progress();
      return;
    }
    if (s.processMs > 0) await sleep(s.processMs); // the work in hand is finished, even on Ctrl+C
    processed++;
    ids.push(model.message_id);
    if (!s.silent) {
      out.event(
        "processed",
        {
          mode: s.mode,
          group: s.group,
          ...model,
          topic: r.topic,
          partition: r.partition,
          offset: r.offset,
          ...(batch === undefined ? {} : { batch }),
        },
        visible()
          ? `${indent}  ${
            fill(t.processed, {
              id: model.message_id,
              content: model.content,
              partition: r.partition,
              offset: r.offset,
            })
          }`
          : undefined,
      );
    }
    progress();
  };

  const common = {
    topic: s.topic,
    groupId: s.group,
    fromBeginning: true,
    signal: s.signal,
    maxMessages: s.maxMessages,
    idleTimeoutMs: s.idleTimeoutMs,
    onAssign: (partitions: readonly number[]) => {
      if (s.silent) return;
      out.event(
        "assigned",
        { mode: s.mode, group: s.group, partitions },
        `${indent}${
          partitions.length > 0
            ? fill(t.assigned, { group: s.group, partitions: partitions.join(", ") })
            : out.style("yellow", fill(t.assignedNone, { group: s.group }))
        }`,
      );
    },
  };

  const summary = s.mode === "batch"
    ? await consume(await ctx.kafka(), {
      ...common,
      batchSize: s.batchSize,
      onBatch: async (records) => {
        batchNo++;
        const span = offsetSpan(records);
        current = { batch: batchNo, size: records.length, first: span.first, last: span.last };
        for (const r of records) await handle(r, batchNo);
      },
      onCommit: (partition, next) => {
        lastCommitAt = Date.now();
        if (s.silent || !current) return;
        const c = current;
        out.event(
          "batch.committed",
          { mode: s.mode, group: s.group, partition, ...c, next },
          visible()
            ? `${indent}${out.style("green", "✓")} ${
              fill(t.batchCommitted, { ...c, partition, next })
            }`
            : undefined,
        );
      },
    })
    : await consume(await ctx.kafka(), {
      ...common,
      onRecord: (r) => handle(r),
      onCommit: (partition, next) => {
        lastCommitAt = Date.now();
        if (s.silent) return;
        out.event(
          "committed",
          { mode: s.mode, group: s.group, partition, next },
          visible()
            ? `${indent}    ${out.style("green", fill(t.committed, { partition, next }))}`
            : undefined,
        );
      },
    });
  if (s.silent) out.progressDone();
  return {
    mode: s.mode,
    group: s.group,
    records: summary.records,
    processed,
    invalid,
    batches: s.mode === "batch" ? summary.batches : summary.records,
    commits: summary.commits,
    elapsedMs: summary.elapsedMs,
    activeMs: firstAt !== undefined && lastCommitAt !== undefined ? lastCommitAt - firstAt : 0,
    ids,
    hiddenLines: hidden,
    stoppedBy: summary.stoppedBy,
  };
}

function consumerDone(ctx: Context, t: Text, topic: string, stats: RunStats, indent = ""): void {
  ctx.out.event(
    "consumer.done",
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
      seconds: formatSeconds(stats.elapsedMs),
    }),
  );
}

// ---------------------------------------------------------------- options

const INSTANCES_OPTION = {
  name: "instances",
  type: "integer",
  min: 1,
  max: 4,
  default: 1,
  description: "Producers to run at once, each with its own loop (the seed runs 2)",
} as const;

const BATCH_SIZE_OPTION = {
  name: "batch-size",
  type: "integer",
  min: 1,
  max: 1000,
  default: DEFAULT_BATCH_SIZE,
  description: "Most records of one partition in a batch (the seed's max.poll.records)",
} as const;

const PROCESS_MS_OPTION = {
  name: "process-ms",
  type: "integer",
  min: 0,
  max: 60_000,
  default: 0,
  valueName: "MS",
  description: "Simulated processing time per record, in milliseconds",
} as const;

/** The options of `lab4 consume` (exported for the option-parsing tests). */
export const CONSUME_OPTIONS = [
  topicOption(TOPIC.name),
  {
    name: "mode",
    type: "string",
    choices: ["batch", "single"],
    default: "batch",
    description: "batch: one commit per batch; single: one commit per record",
  },
  {
    name: "group",
    short: "g",
    type: "string",
    valueName: "ID",
    description: "Consumer group id (default: batch-group or single-group, by --mode)",
  },
  BATCH_SIZE_OPTION,
  PROCESS_MS_OPTION,
  ...CONSUMER_STOP_OPTIONS,
] as const;

// ---------------------------------------------------------------- subcommands

const produceCommand: Command = {
  name: "produce",
  summary: "Send random MessageModel records to final-1-topic, printing partition and offset",
  description: `
Each message is {"message_id": "<uuid>", "content": "Test message <n>"} as
JSON. Each producer is idempotent (acks=all, one request in flight, retries)
and prints the partition and offset of every acknowledged record. With
--instances 2, two producers run at once, each with its own loop, and their
lines are prefixed [producer 1], [producer 2]. --count is per producer;
--count 0 sends until Ctrl+C, which finishes the send in progress and stops.
final-1-topic is created when missing; another topic must exist.`,
  options: [
    topicOption(TOPIC.name),
    { ...countOption(10), description: "Messages per producer; 0 sends until Ctrl+C" },
    intervalOption(1.5),
    INSTANCES_OPTION,
  ],
  examples: [
    "kafka-lab lab4 produce",
    "kafka-lab lab4 produce --instances 2 --count 0",
    "kafka-lab lab4 produce --count 50 --interval 0",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const topic = args.string("topic")!;
    await (await ctx.kafka()).withAdmin((admin) => prepareTopic(admin, topic, TOPIC));
    const result = await produceMessages(ctx, t, {
      topic,
      count: args.int("count")!,
      intervalMs: Math.round(args.number("interval")! * 1000),
      instances: args.int("instances")!,
    });
    const sent = result.deliveries.length;
    ctx.out.event(
      "producer.done",
      { topic, sent, failed: result.failed, perProducer: result.perProducer },
      fill(t.producerDone, { sent, failed: result.failed }),
    );
    if (result.perProducer.length > 1) {
      result.perProducer.forEach((n, i) =>
        ctx.out.line(`  ${fill(t.perProducer, { n: i + 1, sent: n })}`)
      );
    }
    return result.failed > 0 ? 1 : 0;
  },
};

const consumeCommand: Command = {
  name: "consume",
  summary: "Read MessageModel records in batches (one commit each) or one by one",
  description: `
--mode batch (the default): group batch-group; up to --batch-size records of
one partition are processed, then one commit stores the offset after the last
(at-least-once: a crash mid-batch reprocesses the whole batch). Each batch's
size, partition, offsets and committed next offset are printed.
--mode single: group single-group; one commit after every record.
Runs until Ctrl+C (the batch or record in hand is finished and committed),
--max-messages records, or --idle-timeout seconds without a record.
Records that are not MessageModels are reported, counted and committed past.`,
  options: CONSUME_OPTIONS,
  examples: [
    "kafka-lab lab4 consume",
    "kafka-lab lab4 consume --mode single --idle-timeout 5",
    "kafka-lab lab4 consume --mode batch --batch-size 5 --process-ms 200",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const settings = consumerSettings(args, t);
    await (await ctx.kafka()).withAdmin((admin) => prepareTopic(admin, settings.topic, TOPIC));
    if (settings.maxMessages === undefined && settings.idleTimeoutMs === undefined) {
      ctx.out.text(
        fill(settings.mode === "batch" ? t.waitingBatch : t.waitingSingle, {
          topic: settings.topic,
          group: settings.group,
        }),
      );
    }
    const stats = await runConsumer(ctx, t, { ...settings, signal: ctx.signal });
    consumerDone(ctx, t, settings.topic, stats);
    return 0;
  },
};

/** Eight hex digits, to name the comparison's throw-away topic and groups. */
function shortHex(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 8);
}

/** Writes `count` random models as fast as acks=all allows, 100 per request. */
async function writeRecords(ctx: Context, t: Text, topic: string, count: number): Promise<void> {
  const { out } = ctx;
  const kafka = await ctx.kafka();
  const started = Date.now();
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  try {
    for (let sent = 0; sent < count && !ctx.signal.aborted; sent += 100) {
      const n = Math.min(100, count - sent);
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: n }, () => ({ value: recordValue(randomMessage()) })),
      });
    }
  } finally {
    await producer.disconnect().catch(() => {});
  }
  const elapsedMs = Date.now() - started;
  out.event(
    "produced",
    { topic, count, elapsedMs },
    `${out.style("green", "✓")} ${
      fill(t.compareProduced, { count, seconds: formatSeconds(elapsedMs) })
    }`,
  );
}

/** Prints the comparison: a `compare.result` event, the table and the ratios. */
function printComparison(
  ctx: Context,
  t: Text,
  run: { topic: string; count: number; batchSize: number; processMs: number },
  batch: RunStats,
  single: RunStats,
): void {
  const { out } = ctx;
  const ratios = compareFigures(batch, single);
  const figures = (s: RunStats) => ({
    group: s.group,
    records: s.records,
    batches: s.batches,
    commits: s.commits,
    activeMs: s.activeMs,
    perSecond: perSecond(s.records, s.activeMs),
  });
  out.event("compare.result", {
    ...run,
    batch: figures(batch),
    single: figures(single),
    commitsSingleToBatch: ratios.commitsSingleToBatch,
    speedBatchToSingle: ratios.speedBatchToSingle,
  });
  out.line();
  const rows = [batch, single].map((s) => [
    modeName(t, s.mode),
    String(s.records),
    String(s.commits),
    formatSeconds(s.activeMs),
    formatNumber(perSecond(s.records, s.activeMs)),
  ]);
  const headers = [t.colMode, t.colRecords, t.colCommits, t.colTime, t.colRate];
  for (const l of table(headers, rows)) out.line(`  ${l}`);
  out.line();
  const times = (r: number | undefined) => `${formatNumber(r)}×`;
  out.line(`  ${fill(t.ratioCommits, { ratio: times(ratios.commitsSingleToBatch) })}`);
  out.line(`  ${fill(t.ratioSpeed, { ratio: times(ratios.speedBatchToSingle) })}`);
  out.text();
  out.text(`  ${t.compareNote}`);
}

const compareCommand: Command = {
  name: "compare",
  summary: "Measure the batch and the single consumer over the same records, side by side",
  description: `
Creates a temporary topic (final-1-topic.compare-<hex>, 3 partitions,
replication factor 2 or the broker count if smaller), writes --count records
quickly, lets the batch consumer read them all in a fresh group, then the
single consumer in another fresh group, and prints records, commits, time and
records/s of each, with the ratios measured in this run. The temporary topic
and groups are deleted afterwards unless --keep-topic.`,
  options: [
    { ...countOption(200), min: 1, description: "Records to write and read" },
    BATCH_SIZE_OPTION,
    PROCESS_MS_OPTION,
    { name: "keep-topic", type: "boolean", description: "Keep the temporary topic afterwards" },
  ],
  examples: [
    "kafka-lab lab4 compare",
    "kafka-lab lab4 compare --count 500 --process-ms 2",
    "kafka-lab lab4 compare --json",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const { out } = ctx;
    const count = args.int("count")!;
    const batchSize = args.int("batch-size")!;
    const processMs = args.int("process-ms")!;
    const kafka = await ctx.kafka();
    const tag = shortHex();
    const topic = `${TOPIC.name}.compare-${tag}`;
    const groups = { batch: `batch-group.compare-${tag}`, single: `single-group.compare-${tag}` };
    out.line(out.style("bold", fill(t.compareTitle, { count })));

    const layout = await kafka.withAdmin(async (admin) => {
      const { brokers } = await admin.describeCluster();
      const result = await ensureTopic(admin, {
        name: topic,
        partitions: TOPIC.partitions,
        replicationFactor: Math.min(TOPIC.replicationFactor, brokers.length),
      });
      return result.layout;
    });
    const partitions = layout.partitions.length;
    out.event(
      "topic.created",
      { topic, partitions, replicationFactor: layout.replicationFactor },
      `${out.style("green", "✓")} ${
        fill(t.compareTopic, { topic, partitions, rf: layout.replicationFactor })
      }`,
    );

    let failed = false;
    try {
      await writeRecords(ctx, t, topic, count);
      const runs: RunStats[] = [];
      for (const mode of ["batch", "single"] as const) {
        if (ctx.signal.aborted) break;
        const name = modeName(t, mode);
        out.line(`  ${fill(t.compareRunning, { mode: name, group: groups[mode], count })}`);
        const stats = await runConsumer(ctx, t, {
          topic,
          mode,
          group: groups[mode],
          batchSize,
          processMs,
          maxMessages: count,
          idleTimeoutMs: 15_000, // only a safety net: every record is already there
          signal: ctx.signal,
          silent: true,
          total: count,
        });
        runs.push(stats);
        out.line(`  ${out.style("green", "✓")} ${
          fill(t.compareDone, {
            mode: name,
            records: stats.records,
            commits: stats.commits,
            seconds: formatSeconds(stats.activeMs),
          })
        }`);
        if (stats.records < count && !ctx.signal.aborted) {
          failed = true;
          out.warn(fill(t.compareShort, { mode: name, records: stats.records, count }));
        }
      }
      if (runs.length === 2) {
        printComparison(ctx, t, { topic, count, batchSize, processMs }, runs[0], runs[1]);
      }
    } finally {
      if (args.bool("keep-topic")) {
        out.event("topic.kept", { topic }, fill(t.topicKept, { topic }));
      } else {
        await kafka.withAdmin(async (admin) => {
          await admin.deleteGroups([groups.batch, groups.single]).catch(() => {});
          await deleteTopic(admin, topic);
        });
        out.event(
          "topic.deleted",
          { topic },
          `${out.style("green", "✓")} ${fill(t.topicDeleted, { topic })}`,
        );
      }
    }
    return failed ? 1 : 0;
  },
};

// ---------------------------------------------------------------- guided run

async function guided(ctx: Context, args: ParsedArgs): Promise<number> {
  const t = text(ctx);
  const topic = args.string("topic")!;
  const count = args.int("count")!;
  const interval = args.number("interval")!;
  const batchGroup = args.string("batch-group")!;
  const singleGroup = args.string("single-group")!;
  const batchSize = args.int("batch-size")!;
  const idleSeconds = args.number("idle-timeout")!;
  const idleTimeoutMs = secondsToMs(idleSeconds)!;
  const producers = 2;
  const guide = Guide.begin(ctx, "lab4", t, 5);
  const kafka = await ctx.kafka();

  guide.step(fill(t.stepTopic, { topic }), t.stepTopicExplain);
  const { created, layout } = await kafka.withAdmin(async (admin) => ({
    created: await prepareTopic(admin, topic, TOPIC),
    layout: await describeTopic(admin, topic),
  }));
  const vars = {
    topic,
    partitions: layout?.partitions.length ?? 0,
    rf: layout?.replicationFactor ?? 0,
  };
  guide.ok(fill(created ? t.topicCreated : t.topicReady, vars), {
    ...vars,
    created,
  }, "topic.ready");

  guide.step(fill(t.stepProduce, { count, interval }), t.stepProduceExplain);
  const produced = await produceMessages(ctx, t, {
    topic,
    count,
    intervalMs: Math.round(interval * 1000),
    instances: producers,
    indent: "  ",
  });
  const expected = count * producers;
  const sent = produced.deliveries.length;
  if (sent === expected && produced.failed === 0) {
    guide.ok(fill(t.producedAll, { count: sent, producers }), { sent }, "check.produced");
  } else {
    guide.fail(
      fill(t.producedShort, { sent, count: expected, failed: produced.failed }),
      { sent, failed: produced.failed },
      "check.produced",
    );
  }
  const byPartition = Map.groupBy(produced.deliveries, (d) => d.partition);
  for (const [partition, ds] of [...byPartition].sort((a, b) => a[0] - b[0])) {
    const span = offsetSpan(ds);
    guide.note(
      fill(t.partitionOrder, {
        partition,
        first: span.first,
        last: span.last,
        sequence: producerSequence(ds),
      }),
    );
  }
  if (ctx.signal.aborted) return guide.done([]);
  const sentIds = new Set(produced.deliveries.map((d) => d.message_id));

  const read = async (mode: Mode, group: string): Promise<RunStats> => {
    const stats = await runConsumer(ctx, t, {
      topic,
      mode,
      group,
      batchSize,
      processMs: 0,
      idleTimeoutMs,
      signal: ctx.signal,
      printLimit: 30,
      indent: "  ",
    });
    if (stats.hiddenLines > 0) guide.note(fill(t.hiddenLines, { count: stats.hiddenLines }));
    const seen = new Set(stats.ids);
    const missing = [...sentIds].filter((id) => !seen.has(id)).length;
    const data = {
      mode,
      group,
      records: stats.records,
      batches: stats.batches,
      commits: stats.commits,
      invalid: stats.invalid,
      missing,
    };
    if (missing === 0) {
      guide.ok(
        fill(mode === "batch" ? t.allProcessed : t.allProcessedSingle, {
          count: sentIds.size,
          records: stats.records,
          batches: stats.batches,
          commits: stats.commits,
        }),
        data,
        `check.${mode}`,
      );
    } else {
      guide.fail(fill(t.missingIds, { missing, count: sentIds.size }), data, `check.${mode}`);
    }
    const older = stats.ids.filter((id) => !sentIds.has(id)).length;
    if (older > 0) guide.note(fill(t.olderToo, { count: older }));
    if (stats.invalid > 0) guide.note(fill(t.invalidSeen, { count: stats.invalid }));
    return stats;
  };

  guide.step(
    fill(t.stepBatch, { group: batchGroup }),
    fill(t.stepBatchExplain, { size: batchSize, seconds: idleSeconds }),
  );
  const batch = await read("batch", batchGroup);
  if (ctx.signal.aborted) return guide.done([]);

  guide.step(
    fill(t.stepSingle, { group: singleGroup }),
    fill(t.stepSingleExplain, { seconds: idleSeconds }),
  );
  const single = await read("single", singleGroup);
  if (ctx.signal.aborted) return guide.done([]);

  guide.step(t.stepCompare, t.stepCompareExplain);
  const commitsRatio = ratio(single.commits, batch.commits);
  guide.ok(
    fill(t.compareCommits, {
      batchRecords: batch.records,
      batchCommits: batch.commits,
      singleRecords: single.records,
      singleCommits: single.commits,
    }),
    {
      batch: { records: batch.records, commits: batch.commits },
      single: { records: single.records, commits: single.commits },
      commitsSingleToBatch: commitsRatio,
    },
    "compare.commits",
  );
  const perCommit = fill(t.perCommit, {
    batch: formatNumber(ratio(batch.records, batch.commits)),
    single: formatNumber(ratio(single.records, single.commits)),
  });
  guide.note(perCommit);
  guide.note(t.compareHint);

  return guide.done([
    fill(t.summaryProduced, { count: sent, topic }),
    fill(t.summaryBatch, { group: batchGroup, records: batch.records, commits: batch.commits }),
    fill(t.summarySingle, {
      group: singleGroup,
      records: single.records,
      commits: single.commits,
    }),
    perCommit,
  ]);
}

/** The `lab4` command. */
export const lab4: Command = {
  name: "lab4",
  summary: "Batch vs single consumer: MessageModel, two producers, commits per batch or record",
  description: `
Without a subcommand, runs the lab: makes sure final-1-topic exists (3
partitions, RF 2), two idempotent producers send --count random messages each,
the batch consumer (group batch-group) reads what it has not read yet in
batches of up to 10 with one commit per batch, the single consumer (group
single-group) does the same with one commit per record, and the commits of
both are compared. For the speed of both, see \`kafka-lab lab4 compare\`.`,
  options: [
    topicOption(TOPIC.name),
    { ...countOption(5), min: 1, description: "Messages per producer (two producers)" },
    intervalOption(1.5),
    {
      name: "batch-group",
      type: "string",
      default: DEFAULT_GROUPS.batch,
      valueName: "ID",
      description: "Group of the batch consumer",
    },
    {
      name: "single-group",
      type: "string",
      default: DEFAULT_GROUPS.single,
      valueName: "ID",
      description: "Group of the single consumer",
    },
    BATCH_SIZE_OPTION,
    {
      name: "idle-timeout",
      type: "number",
      min: 0.1,
      default: 3,
      valueName: "SECONDS",
      description: "How long each consumer waits for a new record before it stops",
    },
  ],
  subcommands: [produceCommand, consumeCommand, compareCommand],
  examples: ["kafka-lab lab4", "kafka-lab lab4 --lang ru", "kafka-lab lab4 --interval 0 --json"],
  run: (ctx: Context, args: ParsedArgs) => guided(ctx, args),
};
