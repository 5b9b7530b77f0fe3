/**
 * Lab 4's guided run, step by step as in the manual: the topic, two
 * producers, the batch consumer, the single consumer, their commits compared.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, numberText } from "../../lib/i18n.ts";
import { COURSE_TOPICS, describeTopic, prepareTopic } from "../../lib/kafka/topics.ts";
import { runConsumer, type RunStats } from "./consumer.ts";
import { formatNumber, type Mode, offsetSpan, producerSequence, ratio } from "./model.ts";
import { produceMessages, type ProduceResult } from "./produce.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import { type Lab4Text, lab4Text } from "./text.ts";
import { LAB4_EVENTS } from "./events.ts";

/** The seed runs two producer replicas. */
const PRODUCERS = 2;

interface Run {
  readonly ctx: Context;
  readonly t: Lab4Text;
  readonly guide: Guide;
  readonly topic: string;
  readonly groups: Readonly<Record<Mode, string>>;
  readonly batchSize: number;
  readonly idleSeconds: number;
}

/** Runs lab 4 from the theory to the control questions. */
export async function guided(
  ctx: Context,
  args: ParsedArgs<typeof GUIDED_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const { names } = ctx.config;
  const t = lab4Text(ctx.config.lang);
  const run: Run = {
    ctx,
    t,
    guide: Guide.begin(ctx, "lab4", t, 5),
    topic: names.topic(v.topic),
    groups: { batch: names.group(v["batch-group"]), single: names.group(v["single-group"]) },
    batchSize: v["batch-size"],
    idleSeconds: v["idle-timeout"],
  };
  await prepareFinalTopic(run);
  const start = await endOffsets(run);
  const produced = await produceWithTwo(run, v.count, v.interval);
  if (ctx.signal.aborted) return run.guide.done([]);
  const sentIds = new Set(produced.deliveries.map((d) => d.message_id));
  await startBothGroupsAt(run, start);
  const batch = await readWith(run, "batch", sentIds);
  if (ctx.signal.aborted) return run.guide.done([]);
  const single = await readWith(run, "single", sentIds);
  if (ctx.signal.aborted) return run.guide.done([]);
  const perCommit = compareCommits(run, batch, single);
  return run.guide.done([
    fill(t.summaryProduced, { count: produced.deliveries.length, topic: run.topic }),
    fill(t.summaryBatch, { group: batch.group, records: batch.records, commits: batch.commits }),
    fill(t.summarySingle, {
      group: single.group,
      records: single.records,
      commits: single.commits,
    }),
    perCommit,
  ]);
}

/** Step 1: final-1-topic exists with the course's layout. */
async function prepareFinalTopic({ ctx, t, guide, topic }: Run): Promise<void> {
  guide.step(fill(t.stepTopic, { topic }), t.stepTopicExplain);
  const { created, layout } = await (await ctx.kafka()).withAdmin(async (admin) => ({
    created: await prepareTopic(admin, topic, COURSE_TOPICS.final1),
    layout: await describeTopic(admin, topic),
  }));
  const vars = {
    topic,
    partitions: layout?.partitions.length ?? 0,
    rf: layout?.replicationFactor ?? 0,
  };
  guide.ok(
    fill(created ? t.topicCreated : t.topicReady, vars),
    { ...vars, created },
    LAB4_EVENTS.topicReady,
  );
}

/** Where each partition ends before this run writes: where its messages will begin. */
async function endOffsets({ ctx, topic }: Run): Promise<{ partition: number; offset: string }[]> {
  return await (await ctx.kafka()).withAdmin(async (admin) =>
    (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high }))
  );
}

/** Step 2: two producers at once; what each partition received, in order. */
async function produceWithTwo(run: Run, count: number, interval: number): Promise<ProduceResult> {
  const { ctx, t, guide, topic } = run;
  guide.step(
    fill(t.stepProduce, { count, interval: numberText(interval, ctx.config.lang) }),
    t.stepProduceExplain,
  );
  const produced = await produceMessages(ctx, t, {
    topic,
    count,
    intervalMs: Math.round(interval * 1000),
    instances: PRODUCERS,
    indent: "  ",
  });
  const expected = count * PRODUCERS;
  const sent = produced.deliveries.length;
  if (sent === expected && produced.failed === 0) {
    guide.ok(
      fill(t.producedAll, { count: sent, producers: PRODUCERS }),
      { sent },
      LAB4_EVENTS.checkProduced,
    );
  } else {
    guide.fail(
      fill(t.producedShort, { sent, count: expected, failed: produced.failed }),
      { sent, failed: produced.failed },
      LAB4_EVENTS.checkProduced,
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
  return produced;
}

/**
 * Both groups start where this run's messages begin, so the comparison is
 * over the same records whatever earlier runs left behind. A group with
 * active members cannot be moved: it is said so and left where it is.
 */
async function startBothGroupsAt(
  { ctx, t, guide, topic, groups }: Run,
  start: { partition: number; offset: string }[],
): Promise<void> {
  const kafka = await ctx.kafka();
  for (const group of Object.values(groups)) {
    const idle = await kafka.withAdmin(async (admin) => {
      const [described] = (await admin.describeGroups([group])).groups;
      if (described && described.members.length > 0) return false;
      await admin.setOffsets({ groupId: group, topic, partitions: start });
      return true;
    });
    if (!idle) guide.note(fill(t.sameStartBusy, { group }));
  }
  const offsets = start.map((p) => `${p.partition}:${p.offset}`).join(", ");
  guide.note(fill(t.sameStart, { offsets }));
}

/** Steps 3 and 4: one consumer reads what its group has not read yet. */
async function readWith(run: Run, mode: Mode, sentIds: ReadonlySet<string>): Promise<RunStats> {
  const { ctx, t, guide, topic, batchSize, idleSeconds } = run;
  const group = run.groups[mode];
  if (mode === "batch") {
    guide.step(
      fill(t.stepBatch, { group }),
      fill(t.stepBatchExplain, {
        size: batchSize,
        seconds: numberText(idleSeconds, ctx.config.lang),
      }),
    );
  } else {
    guide.step(
      fill(t.stepSingle, { group }),
      fill(t.stepSingleExplain, { seconds: numberText(idleSeconds, ctx.config.lang) }),
    );
  }
  const stats = await runConsumer(ctx, t, {
    topic,
    mode,
    group,
    batchSize,
    processMs: 0,
    idleTimeoutMs: secondsToMs(idleSeconds)!,
    signal: ctx.signal,
    printLimit: 30,
    indent: "  ",
  });
  if (stats.hiddenLines > 0) guide.note(fill(t.hiddenLines, { count: stats.hiddenLines }));
  checkAllProcessed(run, stats, sentIds);
  return stats;
}

/** Every message of this run was processed; older and invalid records are noted. */
function checkAllProcessed(run: Run, stats: RunStats, sentIds: ReadonlySet<string>): void {
  const { t, guide } = run;
  const seen = new Set(stats.ids);
  const missing = [...sentIds].filter((id) => !seen.has(id)).length;
  const data = {
    mode: stats.mode,
    group: stats.group,
    records: stats.records,
    batches: stats.batches,
    commits: stats.commits,
    invalid: stats.invalid,
    missing,
  };
  if (missing === 0) {
    guide.ok(
      fill(stats.mode === "batch" ? t.allProcessed : t.allProcessedSingle, {
        count: sentIds.size,
        records: stats.records,
        batches: stats.batches,
        commits: stats.commits,
      }),
      data,
      stats.mode === "batch" ? LAB4_EVENTS.checkBatch : LAB4_EVENTS.checkSingle,
    );
  } else {
    guide.fail(
      fill(t.missingIds, { missing, count: sentIds.size }),
      data,
      stats.mode === "batch" ? LAB4_EVENTS.checkBatch : LAB4_EVENTS.checkSingle,
    );
  }
  const older = stats.ids.filter((id) => !sentIds.has(id)).length;
  if (older > 0) guide.note(fill(t.olderToo, { count: older }));
  if (stats.invalid > 0) guide.note(fill(t.invalidSeen, { count: stats.invalid }));
}

/** Step 5: the same records, and how many commits each consumer made for them. */
function compareCommits({ ctx, t, guide }: Run, batch: RunStats, single: RunStats): string {
  guide.step(t.stepCompare, t.stepCompareExplain);
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
      commitsSingleToBatch: ratio(single.commits, batch.commits),
    },
    LAB4_EVENTS.compareCommits,
  );
  const perCommit = fill(t.perCommit, {
    batch: formatNumber(ratio(batch.records, batch.commits), ctx.config.lang),
    single: formatNumber(ratio(single.records, single.commits), ctx.config.lang),
  });
  guide.note(perCommit);
  guide.note(t.compareHint);
  return perCommit;
}
