/**
 * Lab 2's guided run, step by step as in the manual: the topic, a consumer in
 * the group, the producer's messages arriving, the same group reading
 * nothing new, a new group reading everything. Each step opens with its
 * heading, runs its experiment and hands the result to a renderer
 * (`render.ts`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, numberText } from "../../lib/i18n.ts";
import { consumeHello, ensureHelloTopic, readWithNewGroup, startConsumer } from "./consume.ts";
import { freshGroup, type RunningConsumer } from "./model.ts";
import { produceAndWatch } from "./produce.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import {
  consumerRenderer,
  renderArrival,
  renderNewGroup,
  renderReadAgain,
  renderSent,
  renderTopicReady,
  type View,
  viewOf,
} from "./render.ts";

interface Run {
  readonly ctx: Context;
  readonly view: View;
  readonly guide: Guide;
  readonly topic: string;
  readonly group: string;
  readonly idleTimeoutMs: number;
}

/** Runs lab 2 from the theory to the control questions. */
export async function guided(
  ctx: Context,
  args: ParsedArgs<typeof GUIDED_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const { t } = view;
  const v = args.values;
  const { names } = ctx.config;
  const run: Run = {
    ctx,
    view,
    guide: Guide.begin(ctx, "lab2", t, 5),
    topic: names.topic(v.topic),
    group: names.group(v.group),
    idleTimeoutMs: secondsToMs(v["idle-timeout"])!,
  };
  await prepareHelloTopic(run);
  const consumer = await startWatching(run);
  const arrived = await produceAndWait(run, consumer, v.count, v.interval);
  if (ctx.signal.aborted) return run.guide.done([]);
  const again = await readAgainInSameGroup(run);
  if (ctx.signal.aborted) return run.guide.done([]);
  const fresh = await readAllInNewGroup(run);
  return run.guide.done([
    fill(t.summaryArrived, { count: arrived, group: run.group }),
    fill(t.summaryAgain, { count: again }),
    fill(t.summaryNew, { count: fresh }),
  ]);
}

/** Step 1: the topic exists (created with the course's layout when missing). */
async function prepareHelloTopic({ ctx, view, guide, topic }: Run): Promise<void> {
  guide.step(fill(view.t.stepTopic, { topic }), view.t.stepTopicExplain);
  const created = await ensureHelloTopic(ctx, topic);
  renderTopicReady(view, guide, { topic, created });
}

/** Step 2: a consumer joins the group and waits for records. */
async function startWatching({ ctx, view, guide, topic, group }: Run): Promise<RunningConsumer> {
  guide.step(fill(view.t.stepConsumer, { group }), view.t.stepConsumerExplain);
  const look = { group, instances: 1, indent: "  " };
  return await startConsumer(ctx, { topic, group }, consumerRenderer(view, look));
}

/** Step 3: the producer sends; every acknowledged message reaches the consumer. */
async function produceAndWait(
  run: Run,
  consumer: RunningConsumer,
  count: number,
  interval: number,
): Promise<number> {
  const { ctx, view, guide, topic, group } = run;
  guide.step(
    fill(view.t.stepProduce, { count, interval: numberText(interval, view.lang) }),
    view.t.stepProduceExplain,
  );
  const intervalMs = Math.round(interval * 1000);
  const arrival = await produceAndWatch(
    ctx,
    { topic, count, intervalMs, jsonValue: false, group, consumer },
    (sent) => renderSent(view, sent, "  "),
  );
  renderArrival(view, guide, arrival);
  return arrival.arrived;
}

/** Step 4: the same group again reads nothing: its offsets are committed. */
async function readAgainInSameGroup(run: Run): Promise<number> {
  const { ctx, view, guide, topic, group, idleTimeoutMs } = run;
  guide.step(view.t.stepAgain, view.t.stepAgainExplain);
  const again = await consumeHello(ctx, {
    topic,
    group,
    fromBeginning: true,
    instances: 1,
    idleTimeoutMs,
    signal: ctx.signal,
  }, consumerRenderer(view, { group, instances: 1 }));
  renderReadAgain(view, guide, again.count);
  return again.count;
}

/** Step 5: a new group reads the whole topic; the throw-away group is deleted afterwards. */
async function readAllInNewGroup(run: Run): Promise<number> {
  const { ctx, view, guide, topic, group, idleTimeoutMs } = run;
  guide.step(view.t.stepNewGroup, view.t.stepNewGroupExplain);
  const fresh = freshGroup(group);
  const look = { group: fresh, instances: 1, printLimit: 10, indent: "  " };
  const read = await readWithNewGroup(
    ctx,
    { topic, group: fresh, idleTimeoutMs },
    consumerRenderer(view, look),
  );
  renderNewGroup(view, guide, read);
  return read.records;
}
