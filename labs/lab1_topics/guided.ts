/**
 * Lab 1's guided run, step by step as in the manual: look at the cluster,
 * create the course topics, list them, describe each. Each step opens with
 * its heading, runs its experiment and hands the result to a renderer
 * (`render.ts`).
 * @module
 */
import type { Admin } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { fill } from "../../lib/i18n.ts";
import { describeTopic, type TopicLayout, type TopicSpec } from "../../lib/kafka/topics.ts";
import { ensureCourseTopic } from "./create.ts";
import { courseTopics } from "./model.ts";
import {
  renderCluster,
  renderCreateFailed,
  renderDescribedTopics,
  renderEnsured,
  renderTopicNames,
  type View,
  viewOf,
} from "./render.ts";

interface Run {
  readonly ctx: Context;
  readonly view: View;
  readonly guide: Guide;
  readonly admin: Admin;
}

/** Runs lab 1 from the theory to the control questions. */
export async function guided(ctx: Context): Promise<number> {
  const view = viewOf(ctx);
  const { t } = view;
  const guide = Guide.begin(ctx, "lab1", t, 4);
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    const run: Run = { ctx, view, guide, admin };
    const brokers = await lookAtCluster(run);
    const specs = courseTopics(ctx.config.names);
    const ready = await createCourseTopics(run, specs);
    await listTopics(run);
    await describeTopics(run, specs);
    return guide.done([
      fill(t.summaryTopics, { ok: ready, total: specs.length }),
      fill(t.summaryBrokers, { count: brokers }),
    ], { ready, total: specs.length });
  });
}

/** Step 1: the brokers the cluster metadata lists (not the quorum leader); returns how many. */
async function lookAtCluster({ view, guide, admin }: Run): Promise<number> {
  guide.step(view.t.stepCluster, view.t.stepClusterExplain);
  const cluster = await admin.describeCluster();
  renderCluster(view, guide, cluster);
  return cluster.brokers.length;
}

/** Step 2: create each course topic (an existing one is compared); returns how many are right. */
async function createCourseTopics(run: Run, specs: readonly TopicSpec[]): Promise<number> {
  const { ctx, view, guide, admin } = run;
  guide.step(view.t.stepCreate, view.t.stepCreateExplain);
  const kafka = await ctx.kafka();
  let ready = 0;
  for (const spec of specs) {
    const outcome = await ensureCourseTopic(kafka, admin, spec);
    if ("result" in outcome) {
      if (renderEnsured(view, outcome, guide)) ready++;
      continue;
    }
    renderCreateFailed(view, guide, outcome);
    // Unreachable (3) or refused by the cluster's ACLs (4): the other topics would fail alike.
    if (outcome.error.exitCode === 3 || outcome.error.exitCode === 4) throw outcome.error;
  }
  return ready;
}

/** Step 3: every topic of the cluster. */
async function listTopics({ view, guide, admin }: Run): Promise<void> {
  guide.step(view.t.stepList, view.t.stepListExplain);
  renderTopicNames(view, (await admin.listTopics()).sort());
}

/** Step 4: each course topic's partitions, replicas, ISR and configs. */
async function describeTopics(run: Run, specs: readonly TopicSpec[]): Promise<void> {
  const { view, guide, admin } = run;
  guide.step(view.t.stepDescribe, view.t.stepDescribeExplain);
  const layouts: TopicLayout[] = [];
  for (const spec of specs) {
    const layout = await describeTopic(admin, spec.name);
    if (layout) layouts.push(layout);
  }
  renderDescribedTopics(view, layouts);
}
