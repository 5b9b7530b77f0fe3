/**
 * Lab 2's guided run, step by step as in the manual: the topic, a consumer in
 * the group, the producer's messages arriving, the same group reading
 * nothing new, a new group reading everything.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, numberText } from "../../lib/i18n.ts";
import { waitFor, withTimeout } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic, topicSize } from "../../lib/kafka/topics.ts";
import { consumeHello } from "./consume.ts";
import { type Ack, produceHello } from "./produce.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import { type Lab2Text, lab2Text } from "./text.ts";
import { LAB2_EVENTS } from "./events.ts";

interface Run {
  readonly ctx: Context;
  readonly t: Lab2Text;
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
  const t = lab2Text(ctx.config.lang);
  const v = args.values;
  const { names } = ctx.config;
  const run: Run = {
    ctx,
    t,
    guide: Guide.begin(ctx, "lab2", t, 5),
    topic: names.topic(v.topic),
    group: names.group(v.group),
    idleTimeoutMs: secondsToMs(v["idle-timeout"])!,
  };
  await prepareHelloTopic(run);
  const consumer = await startConsumer(run);
  const arrived = await produceAndWatch(run, consumer, v.count, v.interval);
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
async function prepareHelloTopic({ ctx, t, guide, topic }: Run): Promise<void> {
  guide.step(fill(t.stepTopic, { topic }), t.stepTopicExplain);
  const created = await (await ctx.kafka()).withAdmin((admin) =>
    prepareTopic(admin, topic, COURSE_TOPICS.helloKafka)
  );
  guide.ok(
    fill(created ? t.topicCreated : t.topicReady, { topic }),
    { topic, created },
    LAB2_EVENTS.topicReady,
  );
}

interface RunningConsumer {
  readonly received: ConsumedRecord[];
  readonly stop: AbortController;
  readonly done: Promise<unknown>;
}

/** Step 2: a consumer joins the group and waits for records. */
async function startConsumer({ ctx, t, guide, topic, group }: Run): Promise<RunningConsumer> {
  guide.step(fill(t.stepConsumer, { group }), t.stepConsumerExplain);
  const stop = new AbortController();
  const received: ConsumedRecord[] = [];
  let assigned!: () => void;
  const joined = new Promise<void>((resolve) => (assigned = resolve));
  const done = consumeHello(ctx, t, {
    topic,
    group,
    fromBeginning: true,
    instances: 1,
    signal: AbortSignal.any([ctx.signal, stop.signal]),
    indent: "  ",
    onAssign: () => assigned(),
    onRecord: (r) => received.push(r),
  });
  await withTimeout(
    Promise.race([joined, done.then(() => {})]),
    60_000,
    () => new KafkaLabError(`the consumer did not join group ${group} within 60 s`),
  );
  return { received, stop, done };
}

/** Step 3: the producer sends; every acknowledged message reaches the consumer. */
async function produceAndWatch(
  run: Run,
  consumer: RunningConsumer,
  count: number,
  interval: number,
): Promise<number> {
  const { ctx, t, guide, topic, group } = run;
  guide.step(
    fill(t.stepProduce, { count, interval: numberText(interval, ctx.config.lang) }),
    t.stepProduceExplain,
  );
  const produced = await produceHello(ctx, t, {
    topic,
    count,
    intervalMs: Math.round(interval * 1000),
    jsonValue: false,
    indent: "  ",
  });
  const seen = (a: Ack) =>
    consumer.received.some((r) => r.partition === a.partition && r.offset === a.offset);
  const waitSeconds = 30;
  await waitFor(() => produced.acks.every(seen), {
    timeoutMs: waitSeconds * 1000,
    signal: ctx.signal,
  });
  consumer.stop.abort();
  await consumer.done;
  const arrived = produced.acks.filter(seen).length;
  const data = { sent: produced.sent, received: arrived };
  if (arrived === count && produced.failed === 0) {
    guide.ok(fill(t.allArrived, { count, group }), data, LAB2_EVENTS.checkArrived);
  } else {
    guide.fail(
      fill(t.missing, { got: arrived, count, seconds: waitSeconds }),
      data,
      LAB2_EVENTS.checkArrived,
    );
  }
  const older = consumer.received.length - arrived;
  if (older > 0) guide.note(fill(t.olderToo, { count: older }));
  return arrived;
}

/** Step 4: the same group again reads nothing: its offsets are committed. */
async function readAgainInSameGroup({ ctx, t, guide, topic, group, idleTimeoutMs }: Run) {
  guide.step(t.stepAgain, t.stepAgainExplain);
  const again = await consumeHello(ctx, t, {
    topic,
    group,
    fromBeginning: true,
    instances: 1,
    idleTimeoutMs,
    signal: ctx.signal,
  });
  if (again.count === 0) guide.ok(t.nothingNew, { records: 0 }, LAB2_EVENTS.checkAgain);
  else {
    guide.fail(
      fill(t.readAgain, { count: again.count }),
      { records: again.count },
      LAB2_EVENTS.checkAgain,
    );
  }
  return again.count;
}

/** Step 5: a new group reads the whole topic; the throw-away group is deleted afterwards. */
async function readAllInNewGroup(run: Run): Promise<number> {
  const { ctx, t, guide, topic, group, idleTimeoutMs } = run;
  guide.step(t.stepNewGroup, t.stepNewGroupExplain);
  const kafka = await ctx.kafka();
  const freshGroup = `${group}-${crypto.randomUUID().slice(0, 8)}`;
  const total = await kafka.withAdmin(async (admin) => (await topicSize(admin, topic)).total);
  const fresh = await consumeHello(ctx, t, {
    topic,
    group: freshGroup,
    fromBeginning: true,
    instances: 1,
    maxMessages: total,
    idleTimeoutMs,
    printLimit: 10,
    indent: "  ",
    signal: ctx.signal,
  });
  await kafka.withAdmin((admin) => admin.deleteGroups([freshGroup])).catch(() => {});
  const data = { group: freshGroup, records: fresh.count, total };
  if (fresh.count === total) {
    guide.ok(
      fill(t.newGroupRead, { group: freshGroup, count: fresh.count }),
      data,
      LAB2_EVENTS.checkNewGroup,
    );
  } else {
    guide.fail(
      fill(t.newGroupShort, { group: freshGroup, count: fresh.count, total }),
      data,
      LAB2_EVENTS.checkNewGroup,
    );
  }
  return fresh.count;
}
