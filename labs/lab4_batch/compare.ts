/**
 * `lab4 compare`: the batch and the single consumer over the same prepared
 * records in a temporary topic, side by side: records, commits, time,
 * records/s and commit latency, with the ratios measured in this run. Each
 * part is an experiment that returns what it measured, then its renderer
 * (`compare_render.ts`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { COURSE_TOPICS, deleteTopic, ensureTopic } from "../../lib/kafka/topics.ts";
import { runConsumer } from "./consumer.ts";
import { randomMessage } from "./model.ts";
import { type Cluster, type ComparePlan, type RunStats } from "./results.ts";
import { recordValue } from "./produce.ts";
import type { COMPARE_OPTIONS } from "./options.ts";
import {
  renderCleanedUp,
  renderCompareProduced,
  renderCompareRun,
  renderCompareRunning,
  renderCompareTitle,
  renderCompareTopic,
  renderComparison,
} from "./compare_render.ts";
import { progressRenderer, type View, viewOf } from "./render.ts";

const TOPIC = COURSE_TOPICS.final1;

/** The plan of one comparison: a temporary topic and groups with a random tag. */
function planOf(ctx: Context, v: ParsedArgs<typeof COMPARE_OPTIONS>["values"]): ComparePlan {
  const { names } = ctx.config;
  const tag = crypto.randomUUID().replaceAll("-", "").slice(0, 8);
  return {
    topic: names.topic(`${TOPIC.name}.compare-${tag}`),
    groups: {
      batch: names.group(`batch-group.compare-${tag}`),
      single: names.group(`single-group.compare-${tag}`),
    },
    count: v.count,
    batchSize: v["batch-size"],
    processMs: v["process-ms"],
  };
}

/** Runs `lab4 compare`. */
export async function compare(
  ctx: Context,
  args: ParsedArgs<typeof COMPARE_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const plan = planOf(ctx, args.values);
  renderCompareTitle(view, plan.count);
  renderCompareTopic(view, await createTopic(ctx, plan.topic));
  try {
    renderCompareProduced(view, await writeRecords(ctx, plan.topic, plan.count));
    const runs = await readWithBoth(ctx, view, plan);
    if (runs.length === 2) renderComparison(view, { plan, batch: runs[0], single: runs[1] });
    return runs.some((r) => r.records < plan.count) && !ctx.signal.aborted ? 1 : 0;
  } finally {
    const kept = args.values["keep-topic"];
    if (!kept) await cleanUp(ctx, plan);
    renderCleanedUp(view, { topic: plan.topic, kept });
  }
}

/** The temporary topic: the course topic's partitions, RF at most the broker count. */
async function createTopic(cluster: Pick<Context, "kafka">, topic: string) {
  const layout = await (await cluster.kafka()).withAdmin(async (admin) => {
    const { brokers } = await admin.describeCluster();
    const result = await ensureTopic(admin, {
      name: topic,
      partitions: TOPIC.partitions,
      replicationFactor: Math.min(TOPIC.replicationFactor, brokers.length),
    });
    return result.layout;
  });
  return {
    topic,
    partitions: layout.partitions.length,
    replicationFactor: layout.replicationFactor,
  };
}

/** Writes `count` random models as fast as acks=all allows, 100 per request. */
async function writeRecords(cluster: Cluster, topic: string, count: number) {
  const kafka = await cluster.kafka();
  const started = Date.now();
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  try {
    for (let sent = 0; sent < count && !cluster.signal.aborted; sent += 100) {
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
  return { topic, count, elapsedMs: Date.now() - started };
}

/** The batch consumer, then the single one, each in a fresh group over every record. */
async function readWithBoth(ctx: Context, view: View, plan: ComparePlan): Promise<RunStats[]> {
  const runs: RunStats[] = [];
  for (const mode of ["batch", "single"] as const) {
    if (ctx.signal.aborted) break;
    const group = plan.groups[mode];
    renderCompareRunning(view, { mode, group, count: plan.count });
    const progress = progressRenderer(view, { mode, total: plan.count });
    const stats = await runConsumer(ctx, {
      topic: plan.topic,
      mode,
      group,
      batchSize: plan.batchSize,
      processMs: plan.processMs,
      maxMessages: plan.count,
      idleTimeoutMs: 15_000, // only a safety net: every record is already there
      signal: ctx.signal,
    }, progress);
    runs.push(stats);
    renderCompareRun(view, {
      stats,
      count: plan.count,
      interrupted: ctx.signal.aborted,
      lag: progress.lag,
    });
  }
  return runs;
}

/** Deletes the temporary groups and topic. */
async function cleanUp(cluster: Pick<Context, "kafka">, plan: ComparePlan): Promise<void> {
  await (await cluster.kafka()).withAdmin(async (admin) => {
    await admin.deleteGroups([plan.groups.batch, plan.groups.single]).catch(() => {});
    await deleteTopic(admin, plan.topic);
  });
}
