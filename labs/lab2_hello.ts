/**
 * Lab 2: the hello-kafka producer and consumer. The producer sends
 * `Hello Kafka 1..5` one per second and prints each acknowledgement; the
 * consumer (group hello-group, earliest) prints each record and commits it.
 * The guided run proves what the manual teaches: all messages arrive, the
 * same group run again reads nothing new, a new group reads everything.
 * @module
 */
import type { ParsedArgs } from "../lib/cli/args.ts";
import type { Command } from "../lib/cli/command.ts";
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  groupOption,
  intervalOption,
  secondsToMs,
  topicOption,
} from "../lib/cli/lab_options.ts";
import { consume, type ConsumedRecord } from "../lib/consume.ts";
import type { Context } from "../lib/context.ts";
import { KafkaLabError, UsageError } from "../lib/errors.ts";
import { Guide } from "../lib/guide.ts";
import { fill, pick, type Translation } from "../lib/i18n.ts";
import { paced, waitFor, withTimeout } from "../lib/time.ts";
import { COURSE_TOPICS, prepareTopic, topicSize } from "../lib/topics.ts";
import { LAB2_TEXT } from "./lab2_text.ts";

type Text = Translation<typeof LAB2_TEXT.en>;

const DEFAULT_GROUP = "hello-group";

/** The n-th message: `Hello Kafka n`, or a JSON object with `--json-value`. */
export function helloValue(n: number, json: boolean, now: Date = new Date()): string {
  const text = `Hello Kafka ${n}`;
  return json ? JSON.stringify({ n, text, sentAt: now.toISOString() }) : text;
}

/** A record as the consumer prints it. */
export function describeRecord(
  t: Pick<Text, "received">,
  n: number,
  r: Pick<ConsumedRecord, "key" | "value" | "partition" | "offset" | "timestamp">,
): string {
  const decode = (b: Uint8Array | null) => (b === null ? "-" : new TextDecoder().decode(b));
  return fill(t.received, {
    n,
    value: decode(r.value),
    key: decode(r.key),
    partition: r.partition,
    offset: r.offset,
    time: new Date(Number(r.timestamp)).toISOString(),
  });
}

function text(ctx: Context): Text {
  return pick(LAB2_TEXT, ctx.config.lang);
}

interface ProduceSettings {
  readonly topic: string;
  readonly count: number;
  readonly intervalMs: number;
  readonly key?: string;
  readonly jsonValue: boolean;
  /** Put before each printed line (the guided run indents under its steps). */
  readonly indent?: string;
}

interface Ack {
  readonly partition: number;
  readonly offset: string;
}

/** Sends the hello messages, printing each acknowledgement. */
async function produceHello(
  ctx: Context,
  t: Text,
  settings: ProduceSettings,
): Promise<{ sent: number; failed: number; acks: Ack[] }> {
  const kafka = await ctx.kafka();
  await kafka.withAdmin((admin) => prepareTopic(admin, settings.topic, COURSE_TOPICS.helloKafka));
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const acks: Ack[] = [];
  let failed = 0;
  try {
    await paced(settings.count, settings.intervalMs, ctx.signal, async (n) => {
      const value = helloValue(n, settings.jsonValue);
      try {
        const [meta] = await producer.send({
          topic: settings.topic,
          acks: -1,
          messages: [{ key: settings.key ?? null, value }],
        });
        const offset = meta.baseOffset ?? "?";
        acks.push({ partition: meta.partition, offset });
        ctx.out.event(
          "delivered",
          {
            n,
            topic: settings.topic,
            key: settings.key ?? null,
            value,
            partition: meta.partition,
            offset,
          },
          `${ctx.out.style("green", "✓")} ${
            fill(t.sent, { value, partition: meta.partition, offset })
          }`,
        );
      } catch (err) {
        const e = kafka.translate(err);
        if ((e as KafkaLabError).exitCode === 3) throw e;
        failed++;
        ctx.out.event(
          "delivery.failed",
          { n, value, error: e.message },
          `${settings.indent ?? ""}${ctx.out.style("red", "✗")} ${
            fill(t.sendFailed, { value, reason: e.message })
          }`,
        );
      }
    });
  } finally {
    await producer.disconnect().catch(() => {});
  }
  return { sent: acks.length, failed, acks };
}

interface ConsumeSettings {
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
async function consumeHello(
  ctx: Context,
  t: Text,
  settings: ConsumeSettings,
): Promise<{ count: number; commits: number; perInstance: number[] }> {
  const kafka = await ctx.kafka();
  const enough = new AbortController();
  const signal = AbortSignal.any([settings.signal, enough.signal]);
  let count = 0;
  const perInstance = Array.from({ length: settings.instances }, () => 0);
  const runs = perInstance.map((_, i) => {
    const instance = i + 1;
    return consume(kafka, {
      topic: settings.topic,
      groupId: settings.group,
      fromBeginning: settings.fromBeginning,
      signal,
      idleTimeoutMs: settings.idleTimeoutMs,
      onAssign: (partitions) => {
        ctx.out.event(
          "assigned",
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
        ctx.out.event("received", {
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

function produceSettings(args: ParsedArgs): ProduceSettings {
  return {
    topic: args.string("topic")!,
    count: args.int("count")!,
    intervalMs: Math.round(args.number("interval")! * 1000),
    key: args.string("key"),
    jsonValue: args.bool("json-value"),
  };
}

const produceCommand: Command = {
  name: "produce",
  summary: "Send Hello Kafka 1..N, one per interval, printing partition and offset of each",
  description: `
Each send waits for the acknowledgement (acks=all, idempotent producer) and
prints the partition and offset the record got. Ctrl+C finishes the send in
progress and stops.`,
  options: [
    topicOption(COURSE_TOPICS.helloKafka.name),
    countOption(5),
    intervalOption(1),
    {
      name: "key",
      short: "k",
      type: "string",
      valueName: "TEXT",
      description: "Key of every message (same key, same partition)",
    },
    {
      name: "json-value",
      type: "boolean",
      description: 'Send JSON values: {"n":1,"text":"Hello Kafka 1","sentAt":...}',
    },
  ],
  examples: [
    "kafka-lab lab2 produce",
    "kafka-lab lab2 produce --count 10 --interval 0",
    "kafka-lab lab2 produce --key user-1 --json-value",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const result = await produceHello(ctx, t, produceSettings(args));
    ctx.out.event(
      "producer.done",
      { sent: result.sent, failed: result.failed },
      fill(t.producerDone, { sent: result.sent, failed: result.failed }),
    );
    return result.failed > 0 ? 1 : 0;
  },
};

const consumeCommand: Command = {
  name: "consume",
  summary:
    "Read the topic in a consumer group, printing count, value, key, partition, offset, time",
  description: `
Runs until Ctrl+C (then commits and leaves the group), or until --max-messages
records or --idle-timeout seconds without a record. Each record's offset is
committed after it is printed. --instances 2 runs two consumers in one group
and shows which partitions each holds: on a one-partition topic one stays idle.`,
  options: [
    topicOption(COURSE_TOPICS.helloKafka.name),
    groupOption(DEFAULT_GROUP),
    {
      name: "from",
      type: "string",
      choices: ["earliest", "latest"],
      default: "earliest",
      description: "Where a group with no committed offset starts (auto.offset.reset)",
    },
    ...CONSUMER_STOP_OPTIONS,
    {
      name: "instances",
      type: "integer",
      min: 1,
      max: 4,
      default: 1,
      description: "Consumers to run in the group",
    },
  ],
  examples: [
    "kafka-lab lab2 consume",
    "kafka-lab lab2 consume --group other-group --max-messages 5",
    "kafka-lab lab2 consume --instances 2 --idle-timeout 10",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const topic = args.string("topic")!;
    await (await ctx.kafka()).withAdmin((admin) =>
      prepareTopic(admin, topic, COURSE_TOPICS.helloKafka)
    );
    if (!args.given("max-messages") && !args.given("idle-timeout")) ctx.out.text(t.waiting);
    const result = await consumeHello(ctx, t, {
      topic,
      group: args.string("group")!,
      fromBeginning: args.string("from") === "earliest",
      instances: args.int("instances")!,
      maxMessages: args.int("max-messages"),
      idleTimeoutMs: secondsToMs(args.number("idle-timeout")),
      signal: ctx.signal,
    });
    ctx.out.event(
      "consumer.done",
      { records: result.count, commits: result.commits, perInstance: result.perInstance },
      fill(t.consumerDone, { count: result.count, commits: result.commits }),
    );
    if (result.perInstance.length > 1) {
      result.perInstance.forEach((count, i) =>
        ctx.out.line(`  ${fill(t.perInstance, { instance: i + 1, count })}`)
      );
    }
    return 0;
  },
};

async function guided(ctx: Context, args: ParsedArgs): Promise<number> {
  const t = text(ctx);
  const topic = args.string("topic")!;
  const group = args.string("group")!;
  const count = args.int("count")!;
  const interval = args.number("interval")!;
  const idleTimeoutMs = secondsToMs(args.number("idle-timeout")) ?? 3000;
  if (count === 0) {
    throw new UsageError("the guided run sends a fixed number of messages: --count 1 or more");
  }
  const guide = Guide.begin(ctx, "lab2", t, 5);
  const kafka = await ctx.kafka();

  guide.step(fill(t.stepTopic, { topic }), t.stepTopicExplain);
  const created = await kafka.withAdmin((admin) =>
    prepareTopic(admin, topic, COURSE_TOPICS.helloKafka)
  );
  guide.ok(
    fill(created ? t.topicCreated : t.topicReady, { topic }),
    { topic, created },
    "topic.ready",
  );

  guide.step(fill(t.stepConsumer, { group }), t.stepConsumerExplain);
  const stopConsumer = new AbortController();
  const received: ConsumedRecord[] = [];
  let assigned!: () => void;
  const joined = new Promise<void>((resolve) => (assigned = resolve));
  const consumer = consumeHello(ctx, t, {
    topic,
    group,
    fromBeginning: true,
    instances: 1,
    signal: AbortSignal.any([ctx.signal, stopConsumer.signal]),
    indent: "  ",
    onAssign: () => assigned(),
    onRecord: (r) => received.push(r),
  });
  await withTimeout(
    Promise.race([joined, consumer.then(() => {})]),
    60_000,
    () => new KafkaLabError(`the consumer did not join group ${group} within 60 s`),
  );

  guide.step(fill(t.stepProduce, { count, interval }), t.stepProduceExplain);
  const produced = await produceHello(ctx, t, {
    topic,
    count,
    intervalMs: Math.round(interval * 1000),
    jsonValue: false,
    indent: "  ",
  });
  const seen = (a: Ack) =>
    received.some((r) => r.partition === a.partition && r.offset === a.offset);
  const waitSeconds = 30;
  await waitFor(() => produced.acks.every(seen), {
    timeoutMs: waitSeconds * 1000,
    signal: ctx.signal,
  });
  stopConsumer.abort();
  await consumer;
  const arrived = produced.acks.filter(seen).length;
  if (arrived === count && produced.failed === 0) {
    guide.ok(
      fill(t.allArrived, { count, group }),
      { sent: produced.sent, received: arrived },
      "check.arrived",
    );
  } else {
    guide.fail(fill(t.missing, { got: arrived, count, seconds: waitSeconds }), {
      sent: produced.sent,
      received: arrived,
    }, "check.arrived");
  }
  const older = received.length - arrived;
  if (older > 0) guide.note(fill(t.olderToo, { count: older }));
  if (ctx.signal.aborted) return guide.done([]);

  guide.step(t.stepAgain, t.stepAgainExplain);
  const again = await consumeHello(ctx, t, {
    topic,
    group,
    fromBeginning: true,
    instances: 1,
    idleTimeoutMs,
    signal: ctx.signal,
  });
  if (again.count === 0) guide.ok(t.nothingNew, { records: 0 }, "check.again");
  else {guide.fail(
      fill(t.readAgain, { count: again.count }),
      { records: again.count },
      "check.again",
    );}
  if (ctx.signal.aborted) return guide.done([]);

  guide.step(t.stepNewGroup, t.stepNewGroupExplain);
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
  if (fresh.count === total) {
    guide.ok(fill(t.newGroupRead, { group: freshGroup, count: fresh.count }), {
      group: freshGroup,
      records: fresh.count,
      total,
    }, "check.new-group");
  } else {
    guide.fail(fill(t.newGroupShort, { group: freshGroup, count: fresh.count, total }), {
      group: freshGroup,
      records: fresh.count,
      total,
    }, "check.new-group");
  }

  return guide.done([
    fill(t.summaryArrived, { count: arrived, group }),
    fill(t.summaryAgain, { count: again.count }),
    fill(t.summaryNew, { count: fresh.count }),
  ]);
}

/** The `lab2` command. */
export const lab2: Command = {
  name: "lab2",
  summary: "hello-kafka: a producer and a consumer group, offsets and committed positions",
  description: `
Without a subcommand, runs the lab: starts a consumer in group hello-group,
sends Hello Kafka 1..5 one per second, shows each acknowledgement and each
record as it arrives, then proves that the same group run again reads nothing
new and that a new group reads the whole topic.`,
  options: [
    topicOption(COURSE_TOPICS.helloKafka.name),
    groupOption(DEFAULT_GROUP),
    countOption(5),
    intervalOption(1),
    {
      name: "idle-timeout",
      type: "number",
      min: 0.1,
      default: 3,
      valueName: "SECONDS",
      description: "How long the re-reading steps wait for records",
    },
  ],
  subcommands: [produceCommand, consumeCommand],
  examples: ["kafka-lab lab2", "kafka-lab lab2 --lang ru", "kafka-lab lab2 --interval 0 --json"],
  run: (ctx: Context, args: ParsedArgs) => guided(ctx, args),
};
