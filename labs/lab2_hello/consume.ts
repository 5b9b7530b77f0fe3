/**
 * `lab2 consume`: reads the topic in a consumer group (one or more
 * instances), printing and committing each record.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import { consume as consumeLoop, type ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import { describeRecord } from "./model.ts";
import type { CONSUME_OPTIONS } from "./options.ts";
import { type Lab2Text, lab2Text } from "./text.ts";
import { LAB2_EVENTS } from "./events.ts";

/** How the hello consumers run. */
export interface ConsumeSettings {
  readonly topic: string;
  readonly group: string;
  readonly fromBeginning: boolean;
  readonly instances: number;
  readonly maxMessages?: number;
  readonly idleTimeoutMs?: number;
  readonly signal: AbortSignal;
  /** Print at most this many record lines (the rest are counted). */
  readonly printLimit?: number;
  readonly indent?: string;
  readonly onRecord?: (record: ConsumedRecord) => void;
  readonly onAssign?: (instance: number, partitions: readonly number[]) => void;
}

/** Runs `instances` consumers of one group; each prints and commits its records. */
export async function consumeHello(
  ctx: Context,
  t: Lab2Text,
  settings: ConsumeSettings,
): Promise<{ count: number; commits: number; perInstance: number[] }> {
  const kafka = await ctx.kafka();
  const enough = new AbortController();
  const signal = AbortSignal.any([settings.signal, enough.signal]);
  let count = 0;
  const perInstance = Array.from({ length: settings.instances }, () => 0);
  const runs = perInstance.map((_, i) => {
    const instance = i + 1;
    return consumeLoop(kafka, {
      topic: settings.topic,
      groupId: settings.group,
      fromBeginning: settings.fromBeginning,
      signal,
      idleTimeoutMs: settings.idleTimeoutMs,
      onAssign: (partitions) => {
        ctx.out.event(
          LAB2_EVENTS.assigned,
          { instance, group: settings.group, partitions },
          partitions.length > 0
            ? `  ${fill(t.assigned, { instance, partitions: partitions.join(", ") })}`
            : `  ${ctx.out.style("yellow", fill(t.idle, { instance }))}`,
        );
        settings.onAssign?.(instance, partitions);
      },
      onRecord: (r) => {
        count++;
        perInstance[i]++;
        const prefix = (settings.indent ?? "") +
          (settings.instances > 1 ? fill(t.instancePrefix, { instance }) : "");
        const human = settings.printLimit === undefined || count <= settings.printLimit
          ? `${prefix}${describeRecord(t, count, r)}`
          : undefined;
        ctx.out.event(LAB2_EVENTS.received, {
          n: count,
          instance,
          topic: r.topic,
          partition: r.partition,
          offset: r.offset,
          key: r.key === null ? null : new TextDecoder().decode(r.key),
          value: r.value === null ? null : new TextDecoder().decode(r.value),
          timestamp: r.timestamp,
        }, human);
        settings.onRecord?.(r);
        if (settings.maxMessages !== undefined && count >= settings.maxMessages) enough.abort();
      },
    });
  });
  const summaries = await Promise.all(runs);
  return { count, commits: summaries.reduce((n, s) => n + s.commits, 0), perInstance };
}

/** Runs `lab2 consume`. */
export async function consume(
  ctx: Context,
  args: ParsedArgs<typeof CONSUME_OPTIONS>,
): Promise<number> {
  const t = lab2Text(ctx.config.lang);
  const v = args.values;
  const { names } = ctx.config;
  const topic = names.topic(v.topic);
  await (await ctx.kafka()).withAdmin((admin) =>
    prepareTopic(admin, topic, COURSE_TOPICS.helloKafka)
  );
  if (!args.given("max-messages") && !args.given("idle-timeout")) ctx.out.text(t.waiting);
  const result = await consumeHello(ctx, t, {
    topic,
    group: names.group(v.group),
    fromBeginning: v.from === "earliest",
    instances: v.instances,
    maxMessages: v["max-messages"],
    idleTimeoutMs: secondsToMs(v["idle-timeout"]),
    signal: ctx.signal,
  });
  ctx.out.event(
    LAB2_EVENTS.consumerDone,
    { records: result.count, commits: result.commits, perInstance: result.perInstance },
    fill(t.consumerDone, { count: result.count, commits: result.commits }),
  );
  if (result.perInstance.length > 1) {
    result.perInstance.forEach((count, i) =>
      ctx.out.line(`  ${fill(t.perInstance, { instance: i + 1, count })}`)
    );
  }
  return 0;
}
