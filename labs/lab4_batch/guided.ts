/**
 * Lab 4's guided run, step by step as in the manual: the topic, two
 * producers, the batch consumer, the single consumer, their commits compared.
 * Each step opens with its heading, runs its experiment and hands the result
 * to a renderer (`guided_render.ts`, and `render.ts` for the records).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, numberText } from "../../lib/i18n.ts";
import type { PartitionOffset } from "../../lib/kafka/port.ts";
import { COURSE_TOPICS, describeTopic, prepareTopic } from "../../lib/kafka/topics.ts";
import { runConsumer } from "./consumer.ts";
import type { Mode } from "./model.ts";
import type { ProduceResult, RunStats } from "./results.ts";
import { produceMessages } from "./produce.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import {
  perCommitLine,
  renderCommitsCompared,
  renderProcessed,
  renderProduced,
  renderSameStart,
  renderTopicReady,
} from "./guided_render.ts";
import { consumerRenderer, producerRenderer, type View, viewOf } from "./render.ts";

/** The seed runs two producer replicas. */
const PRODUCERS = 2;

interface Run {
  readonly ctx: Context;
  readonly view: View;
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
  const view = viewOf(ctx);
  const { t } = view;
  const run: Run = {
    ctx,
    view,
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
  compareCommits(run, batch, single);
  return run.guide.done([
    fill(t.summaryProduced, { count: produced.deliveries.length, topic: run.topic }),
    fill(t.summaryBatch, { group: batch.group, records: batch.records, commits: batch.commits }),
    fill(t.summarySingle, {
      group: single.group,
      records: single.records,
      commits: single.commits,
    }),
    perCommitLine(view, batch, single),
  ]);
}

/** Step 1: final-1-topic exists with the course's layout. */
async function prepareFinalTopic({ ctx, view, guide, topic }: Run): Promise<void> {
  guide.step(fill(view.t.stepTopic, { topic }), view.t.stepTopicExplain);
  const { created, layout } = await (await ctx.kafka()).withAdmin(async (admin) => ({
    created: await prepareTopic(admin, topic, COURSE_TOPICS.final1),
    layout: await describeTopic(admin, topic),
  }));
  renderTopicReady(view, guide, {
    topic,
    partitions: layout?.partitions.length ?? 0,
    rf: layout?.replicationFactor ?? 0,
    created,
  });
}

/** Where each partition ends before this run writes: where its messages will begin. */
async function endOffsets({ ctx, topic }: Run): Promise<PartitionOffset[]> {
  return await (await ctx.kafka()).withAdmin(async (admin) =>
    (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high }))
  );
}

/** Step 2: two producers at once; what each partition received, in order. */
async function produceWithTwo(run: Run, count: number, interval: number): Promise<ProduceResult> {
  const { ctx, view, guide, topic } = run;
  guide.step(
    fill(view.t.stepProduce, { count, interval: numberText(interval, view.lang) }),
    view.t.stepProduceExplain,
  );
  const produced = await produceMessages(
    ctx,
    { topic, count, intervalMs: Math.round(interval * 1000), instances: PRODUCERS },
    producerRenderer(view, { instances: PRODUCERS, indent: "  " }),
  );
  renderProduced(view, guide, {
    expected: count * PRODUCERS,
    producers: PRODUCERS,
    result: produced,
  });
  return produced;
}

/**
 * Both groups start where this run's messages begin, so the comparison is
 * over the same records whatever earlier runs left behind. A group with
 * active members cannot be moved: it is said so and left where it is.
 */
async function startBothGroupsAt(
  { ctx, view, guide, topic, groups }: Run,
  start: PartitionOffset[],
): Promise<void> {
  const busy: string[] = [];
  await (await ctx.kafka()).withAdmin(async (admin) => {
    for (const group of Object.values(groups)) {
      const [described] = (await admin.describeGroups([group])).groups;
      if (described && described.members.length > 0) busy.push(group);
      else await admin.setOffsets({ groupId: group, topic, partitions: start });
    }
  });
  renderSameStart(view, guide, { busy, offsets: start });
}

/** Steps 3 and 4: one consumer reads what its group has not read yet. */
async function readWith(run: Run, mode: Mode, sentIds: ReadonlySet<string>): Promise<RunStats> {
  const { ctx, view, guide, topic, batchSize, idleSeconds } = run;
  const group = run.groups[mode];
  const seconds = numberText(idleSeconds, view.lang);
  if (mode === "batch") {
    guide.step(
      fill(view.t.stepBatch, { group }),
      fill(view.t.stepBatchExplain, { size: batchSize, seconds }),
    );
  } else {
    guide.step(fill(view.t.stepSingle, { group }), fill(view.t.stepSingleExplain, { seconds }));
  }
  const lines = consumerRenderer(view, { mode, group, printLimit: 30, indent: "  " });
  const stats = await runConsumer(ctx, {
    topic,
    mode,
    group,
    batchSize,
    processMs: 0,
    idleTimeoutMs: secondsToMs(idleSeconds)!,
    signal: ctx.signal,
  }, lines);
  renderProcessed(view, guide, { stats, sentIds, hiddenLines: lines.hidden });
  return stats;
}

/** Step 5: the same records, and how many commits each consumer made for them. */
function compareCommits({ view, guide }: Run, batch: RunStats, single: RunStats): void {
  guide.step(view.t.stepCompare, view.t.stepCompareExplain);
  renderCommitsCompared(view, guide, { batch, single });
}
