/**
 * `lab2 consume`: reads the topic in a consumer group (one or more
 * instances), printing and committing each record. The experiments here
 * return what they read; the lines come from the renderer they are given
 * (`render.ts`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import { watched } from "../../lib/kafka/liveness.ts";
import { LAB2_EVENTS } from "./events.ts";
import { consume as consumeLoop, type ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { recordWork } from "../../lib/grading/journal.ts";
import { fillText } from "../../lib/i18n.ts";
import { withTimeout } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic, topicSize } from "../../lib/kafka/topics.ts";
import type {
  Cluster,
  ConsumeResult,
  ConsumerObserver,
  NewGroupRead,
  RunningConsumer,
} from "./model.ts";
import type { CONSUME_OPTIONS } from "./options.ts";
import { consumerRenderer, renderConsumerDone, renderWaiting, viewOf } from "./render.ts";
import { lab2Line } from "./text.ts";

/** How the hello consumers run. */
export interface ConsumeSettings {
  readonly topic: string;
  readonly group: string;
  readonly fromBeginning: boolean;
  readonly instances: number;
  readonly maxMessages?: number;
  readonly idleTimeoutMs?: number;
  readonly signal: AbortSignal;
}

/** Makes the hello topic with the course's layout when it is missing; returns whether it did. */
export async function ensureHelloTopic(cluster: Cluster, topic: string): Promise<boolean> {
  return await (await cluster.kafka()).withAdmin((admin) =>
    prepareTopic(admin, topic, COURSE_TOPICS.helloKafka)
  );
}

/** Runs `instances` consumers of one group; each commits its records and tells `observer`. */
export async function consumeHello(
  cluster: Cluster,
  s: ConsumeSettings,
  observer: ConsumerObserver,
): Promise<ConsumeResult> {
  const kafka = await cluster.kafka();
  const enough = new AbortController();
  const signal = AbortSignal.any([s.signal, enough.signal]);
  let count = 0;
  const perInstance = Array.from({ length: s.instances }, () => 0);
  const runs = perInstance.map((_, i) =>
    consumeLoop(kafka, {
      topic: s.topic,
      groupId: s.group,
      fromBeginning: s.fromBeginning,
      signal,
      idleTimeoutMs: s.idleTimeoutMs,
      onAssign: (partitions) => observer.assigned(i + 1, partitions),
      onRecord: (record) => {
        count++;
        perInstance[i]++;
        observer.received({ n: count, instance: i + 1, record });
        if (s.maxMessages !== undefined && count >= s.maxMessages) enough.abort();
      },
    })
  );
  const summaries = await Promise.all(runs);
  return { count, commits: summaries.reduce((n, x) => n + x.commits, 0), perInstance };
}

/** How long the guided run's consumer may take to join its group. */
const JOIN_SECONDS = 60;

/**
 * Starts one consumer of `group` from the earliest record and returns once it
 * holds its partitions; it reads on until stopped.
 */
export async function startConsumer(
  cluster: Cluster,
  s: { readonly topic: string; readonly group: string },
  observer: ConsumerObserver,
): Promise<RunningConsumer> {
  const stop = new AbortController();
  const received: ConsumedRecord[] = [];
  let assigned!: () => void;
  const joined = new Promise<void>((resolve) => (assigned = resolve));
  const done = consumeHello(cluster, {
    ...s,
    fromBeginning: true,
    instances: 1,
    signal: AbortSignal.any([cluster.signal, stop.signal]),
  }, {
    assigned: (instance, partitions) => (observer.assigned(instance, partitions), assigned()),
    received: (r) => (observer.received(r), received.push(r.record)),
  });
  await withTimeout(
    Promise.race([joined, done.then(() => {})]),
    JOIN_SECONDS * 1000,
    () =>
      new KafkaLabError(
        fillText(lab2Line("joinTimeout"), { group: s.group, seconds: JOIN_SECONDS }),
      ),
  );
  return { received, stop, done };
}

/**
 * Reads the whole topic with `s.group`, a new throw-away group (see
 * `freshGroup`), and deletes the group afterwards.
 */
export async function readWithNewGroup(
  cluster: Cluster,
  s: { readonly topic: string; readonly group: string; readonly idleTimeoutMs: number },
  observer: ConsumerObserver,
): Promise<NewGroupRead> {
  const kafka = await cluster.kafka();
  const total = await kafka.withAdmin(async (admin) => (await topicSize(admin, s.topic)).total);
  const read = await consumeHello(cluster, {
    topic: s.topic,
    group: s.group,
    fromBeginning: true,
    instances: 1,
    maxMessages: total,
    idleTimeoutMs: s.idleTimeoutMs,
    signal: cluster.signal,
  }, observer);
  await kafka.withAdmin((admin) => admin.deleteGroups([s.group])).catch(() => {});
  return { group: s.group, records: read.count, total };
}

/** Runs `lab2 consume`. */
export async function consume(
  ctx: Context,
  args: ParsedArgs<typeof CONSUME_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const v = args.values;
  const { names } = ctx.config;
  const topic = names.topic(v.topic);
  const group = names.group(v.group);
  await ensureHelloTopic(ctx, topic);
  if (!args.given("max-messages") && !args.given("idle-timeout")) renderWaiting(view);
  const idleTimeoutMs = secondsToMs(v["idle-timeout"]);
  const result = await watched(ctx, LAB2_EVENTS, idleTimeoutMs, (signal) =>
    consumeHello(ctx, {
      topic,
      group,
      fromBeginning: v.from === "beginning" || v.from === "earliest",
      instances: v.instances,
      maxMessages: v["max-messages"],
      idleTimeoutMs,
      signal,
    }, consumerRenderer(view, { group, instances: v.instances })));
  renderConsumerDone(view, result);
  await recordWork(await ctx.kafka(), {
    what: "lab2.consume",
    group,
    topic,
    from: v.from,
    seen: result.count,
    instances: v.instances,
  });
  return 0;
}
