/**
 * Lab 1's guided run, step by step as in the manual: look at the cluster,
 * create the course topics, list them, describe each.
 * @module
 */
import type { Admin } from "../../lib/kafka/port.ts";
import type { Names } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, localize } from "../../lib/i18n.ts";
import {
  checkTopicName,
  COURSE_TOPICS,
  describeTopic,
  type TopicSpec,
} from "../../lib/kafka/topics.ts";
import { layoutData, printLayout, reportEnsure } from "./report.ts";
import { type Lab1Text, lab1Text } from "./text.ts";
import { LAB1_EVENTS } from "./events.ts";

interface Run {
  readonly ctx: Context;
  readonly t: Lab1Text;
  readonly guide: Guide;
  readonly admin: Admin;
}

/** Runs lab 1 from the theory to the control questions. */
export async function guided(ctx: Context): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const guide = Guide.begin(ctx, "lab1", t, 4);
  const kafka = await ctx.kafka();
  return await kafka.withAdmin(async (admin) => {
    const run: Run = { ctx, t, guide, admin };
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
async function lookAtCluster({ t, guide, admin }: Run): Promise<number> {
  guide.step(t.stepCluster, t.stepClusterExplain);
  const cluster = await admin.describeCluster();
  const brokers = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(", ");
  guide.ok(
    fill(t.clusterLine, { count: cluster.brokers.length, brokers }),
    {
      brokers: cluster.brokers.map((b) => ({ id: b.nodeId, address: `${b.host}:${b.port}` })),
      /** What Metadata calls the controller: on KRaft any live broker, not the quorum leader. */
      metadataController: cluster.controller,
      clusterId: cluster.clusterId,
    },
    LAB1_EVENTS.cluster,
  );
  guide.note(fill(t.clusterId, { clusterId: cluster.clusterId }));
  guide.note(fill(t.metadataController, { controller: cluster.controller ?? "?" }));
  return cluster.brokers.length;
}

/** The course topics, each name behind the student's prefix. */
function courseTopics(names: Names): TopicSpec[] {
  return (Object.values(COURSE_TOPICS) as TopicSpec[]).map((s) => ({
    ...s,
    name: checkTopicName(names.topic(s.name)),
  }));
}

/** Step 2: create each course topic (an existing one is compared); returns how many are right. */
async function createCourseTopics(run: Run, specs: readonly TopicSpec[]): Promise<number> {
  const { ctx, t, guide, admin } = run;
  guide.step(t.stepCreate, t.stepCreateExplain);
  const kafka = await ctx.kafka();
  let ready = 0;
  for (const spec of specs) {
    try {
      if (await reportEnsure(ctx, t, admin, spec, guide)) ready++;
    } catch (err) {
      const e = kafka.translate(err) as KafkaLabError;
      guide.fail(
        fill(t.createFailed, { topic: spec.name, reason: localize(e.text, ctx.config.lang) }),
        {
          topic: spec.name,
          error: e.message,
          hint: e.hint,
        },
        LAB1_EVENTS.topicFailed,
      );
      if (e.exitCode === 3) throw e;
    }
  }
  return ready;
}

/** Step 3: every topic of the cluster. */
async function listTopics({ ctx, t, guide, admin }: Run): Promise<void> {
  guide.step(t.stepList, t.stepListExplain);
  const names = (await admin.listTopics()).sort();
  ctx.out.event(LAB1_EVENTS.topicNames, { topics: names });
  for (const name of names) ctx.out.line(`  ${name}`);
}

/** Step 4: each course topic's partitions, replicas, ISR and configs. */
async function describeTopics(run: Run, specs: readonly TopicSpec[]): Promise<void> {
  const { ctx, t, guide, admin } = run;
  guide.step(t.stepDescribe, t.stepDescribeExplain);
  for (const [i, spec] of specs.entries()) {
    const layout = await describeTopic(admin, spec.name);
    if (!layout) continue;
    if (i > 0) ctx.out.line();
    ctx.out.event(LAB1_EVENTS.topicLayout, layoutData(layout));
    printLayout(ctx, t, layout);
  }
}
