/**
 * Lab 3: the coordinates pipeline. Registers the `UserCoordinates` JSON Schema,
 * produces faker records in the Confluent wire format (validated before
 * sending, batched by linger.ms / batch.size, a delivery report each), and
 * consumes them with validation, sending records that cannot be read or
 * break the schema to `<topic>.dlq` with headers, then committing.
 * @module
 */
import { Buffer } from "node:buffer";
import { faker } from "@faker-js/faker";
import type { ParsedArgs } from "../lib/cli/args.ts";
import type { Command } from "../lib/cli/command.ts";
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  groupOption,
  secondsToMs,
  topicOption,
} from "../lib/cli/lab_options.ts";
import { LingerBatcher } from "../lib/batcher.ts";
import { consume, type ConsumedRecord } from "../lib/consume.ts";
import type { Context } from "../lib/context.ts";
import { UsageError } from "../lib/errors.ts";
import { Guide } from "../lib/guide.ts";
import { fill, pick, type Translation } from "../lib/i18n.ts";
import { keyPartitioner } from "../lib/kafka.ts";
import { describeIssues, RecordFormatError, SchemaValidationError } from "../lib/registry.ts";
import { paced } from "../lib/time.ts";
import { COURSE_TOPICS, ensureTopic, prepareTopic } from "../lib/topics.ts";
import {
  breakageFor,
  breakRecord,
  deadLetterHeaders,
  type DeadLetterKind,
  dlqTopicOf,
  generateCoordinates,
  isBrokenTurn,
  readerIssues,
  ROGUE_KINDS,
  type RogueKind,
  rogueValue,
  USER_COORDINATES_SCHEMA,
} from "./lab3_model.ts";
import { LAB3_TEXT } from "./lab3_text.ts";

type Text = Translation<typeof LAB3_TEXT.en>;

const DEFAULT_GROUP = "users-coordinates-consumer";
const SCHEMA_TITLE = String(USER_COORDINATES_SCHEMA.title);

function text(ctx: Context): Text {
  return pick(LAB3_TEXT, ctx.config.lang);
}

function subjectOf(args: ParsedArgs): string {
  return args.string("subject") ?? `${args.string("topic")}-value`;
}

const ok = (ctx: Context) => ctx.out.style("green", "✓");
const bad = (ctx: Context) => ctx.out.style("red", "✗");

async function ensureTopics(ctx: Context, topic: string, dlq: string): Promise<string[]> {
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    const created: string[] = [];
    if (await prepareTopic(admin, topic, COURSE_TOPICS.usersCoordinates)) created.push(topic);
    const { brokers } = await admin.describeCluster();
    const dlqResult = await ensureTopic(admin, {
      name: dlq,
      partitions: 1,
      replicationFactor: Math.min(2, brokers.length),
    });
    if (dlqResult.status === "created") created.push(dlq);
    return created;
  });
}

interface Registration {
  readonly id: number;
  readonly isNew: boolean;
  readonly schemaText: string;
}

async function registerSchema(ctx: Context, subject: string): Promise<Registration> {
  const registry = await ctx.registry();
  await registry.preflight();
  const before = await registry.versions(subject).catch(() => [] as number[]);
  const { id } = await registry.registerJson(USER_COORDINATES_SCHEMA, subject);
  const after = await registry.versions(subject).catch(() => [] as number[]);
  return { id, isNew: after.length > before.length, schemaText: await registry.schemaText(id) };
}

function reportRegistration(
  ctx: Context,
  t: Text,
  subject: string,
  r: Registration,
  indent = "",
): void {
  ctx.out.event(
    "schema.registered",
    { subject, id: r.id, new: r.isNew, schema: JSON.parse(r.schemaText) },
    `${indent}${ok(ctx)} ${
      fill(r.isNew ? t.registered : t.alreadyRegistered, { title: SCHEMA_TITLE, subject, id: r.id })
    }`,
  );
  ctx.out.text(`${indent}  ${fill(t.fetched, { id: r.id, schema: r.schemaText })}`);
}

interface ProduceSettings {
  readonly topic: string;
  readonly subject: string;
  readonly count: number;
  readonly rate: number;
  readonly invalidEvery: number;
  readonly lingerMs: number;
  readonly batchBytes: number;
  readonly indent?: string;
}

interface Delivery {
  readonly partition: number;
  readonly offset: string;
}

interface Outgoing {
  readonly n: number;
  readonly key: string;
  readonly value: Uint8Array;
  readonly record: Record<string, unknown>;
  readonly partition: number;
}

interface ProduceResult {
  readonly schemaId: number;
  readonly generated: number;
  readonly delivered: Delivery[];
  readonly rejected: number;
  readonly failed: number;
}

async function produceCoordinates(
  ctx: Context,
  t: Text,
  s: ProduceSettings,
): Promise<ProduceResult> {
  const kafka = await ctx.kafka();
  const indent = s.indent ?? "";
  const partitions = await kafka.withAdmin(async (admin) => {
    await prepareTopic(admin, s.topic, COURSE_TOPICS.usersCoordinates);
    return (await admin.fetchTopicMetadata({ topics: [s.topic] })).topics[0].partitions.length;
  });
  const registry = await ctx.registry();
  await registry.preflight();
  const { id: schemaId } = await registry.registerJson(USER_COORDINATES_SCHEMA, s.subject);
  const partitionOf = keyPartitioner(s.topic, partitions);
  const producer = await kafka.connect(kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 10 },
  }));

  const why = { linger: t.whyLinger, size: t.whySize, close: t.whyClose };
  const batcher = new LingerBatcher<Outgoing, Delivery>({
    lingerMs: s.lingerMs,
    batchBytes: s.batchBytes,
    sizeOf: (o) => o.value.length + o.key.length,
    send: async (items, reason) => {
      const bytes = items.reduce((n, o) => n + o.value.length + o.key.length, 0);
      ctx.out.event(
        "batch.sent",
        { records: items.length, bytes, reason },
        `${indent}${fill(t.batchSent, { count: items.length, bytes, why: why[reason] })}`,
      );
      const meta = await producer.send({
        topic: s.topic,
        acks: -1,
        messages: items.map((o) => ({
          key: o.key,
          value: Buffer.from(o.value),
          partition: o.partition,
        })),
      });
      // Records of one partition are appended in order from the batch's base offset.
      const next = new Map(meta.map((m) => [m.partition, BigInt(m.baseOffset ?? "0")]));
      return items.map((o) => {
        const offset = next.get(o.partition) ?? 0n;
        next.set(o.partition, offset + 1n);
        return { partition: o.partition, offset: offset.toString() };
      });
    },
  });

  const delivered: Delivery[] = [];
  const pending: Promise<void>[] = [];
  let rejected = 0;
  let failed = 0;
  let broken = 0;
  let generated = 0;
  try {
    generated = await paced(s.count, 1000 / s.rate, ctx.signal, async (n) => {
      const base = generateCoordinates(faker);
      const record: Record<string, unknown> = isBrokenTurn(n, s.invalidEvery)
        ? breakRecord(base, breakageFor(broken++))
        : { ...base };
      let value: Uint8Array;
      try {
        value = await registry.encode(schemaId, record);
      } catch (err) {
        if (!(err instanceof SchemaValidationError)) throw err;
        rejected++;
        const reason = describeIssues(err.issues);
        ctx.out.event(
          "rejected",
          { n, record, reason, issues: err.issues },
          `${indent}${bad(ctx)} ${fill(t.rejected, { n, reason })}`,
        );
        return;
      }
      ctx.out.event("generated", { n, record });
      ctx.out.text(`${indent}  ${fill(t.generated, { n, record: JSON.stringify(record) })}`);
      const key = String(record.id);
      pending.push(
        batcher.add({ n, key, value, record, partition: partitionOf(key) }).then(
          (d) => {
            delivered.push(d);
            ctx.out.event(
              "delivered",
              { n, key, record, topic: s.topic, ...d },
              `${indent}${ok(ctx)} ${fill(t.delivered, { id: key, topic: s.topic, ...d })}`,
            );
          },
          (err) => {
            failed++;
            const e = kafka.translate(err);
            ctx.out.event(
              "delivery.failed",
              { n, key, error: e.message },
              `${indent}${bad(ctx)} ${fill(t.deliveryFailed, { n, reason: e.message })}`,
            );
          },
        ),
      );
    });
  } finally {
    // Ctrl+C lands here too: what waits in the open batch is sent before stopping.
    await batcher.close();
    await Promise.all(pending);
    await producer.disconnect().catch(() => {});
  }
  ctx.out.event(
    "producer.done",
    { generated, delivered: delivered.length, rejected, failed, schemaId },
    `${indent}${
      fill(t.producerDone, { generated, delivered: delivered.length, rejected, failed })
    }`,
  );
  return { schemaId, generated, delivered, rejected, failed };
}

interface Injected {
  readonly kind: RogueKind;
  readonly partition: number;
  readonly offset: string;
}

async function injectRogue(
  ctx: Context,
  t: Text,
  s: { topic: string; subject: string; kinds: readonly RogueKind[]; indent?: string },
): Promise<Injected[]> {
  const kafka = await ctx.kafka();
  await kafka.withAdmin((admin) => prepareTopic(admin, s.topic, COURSE_TOPICS.usersCoordinates));
  const registry = await ctx.registry();
  await registry.preflight();
  const { id } = await registry.registerJson(USER_COORDINATES_SCHEMA, s.subject);
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const out: Injected[] = [];
  try {
    for (const kind of s.kinds) {
      const record = generateCoordinates(faker);
      const [meta] = await producer.send({
        topic: s.topic,
        acks: -1,
        messages: [{ key: String(record.id), value: Buffer.from(rogueValue(kind, record, id)) }],
      });
      const item = { kind, partition: meta.partition, offset: meta.baseOffset ?? "?" };
      out.push(item);
      ctx.out.event(
        "injected",
        { topic: s.topic, ...item },
        `${s.indent ?? ""}${ok(ctx)} ${fill(t.injected, { topic: s.topic, ...item })}`,
      );
    }
  } finally {
    await producer.disconnect().catch(() => {});
  }
  return out;
}

interface ConsumeSettings {
  readonly topic: string;
  readonly group: string;
  readonly dlq: string;
  readonly fromBeginning: boolean;
  readonly maxMessages?: number;
  readonly idleTimeoutMs?: number;
  readonly indent?: string;
  /** Print at most this many valid records (dead letters are always printed). */
  readonly printLimit?: number;
}

interface Consumed {
  readonly partition: number;
  readonly offset: string;
}

interface DeadLetter extends Consumed {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
}

/** Why a record cannot be used, or undefined when it is a valid UserCoordinates. */
async function classify(
  ctx: Context,
  record: ConsumedRecord,
): Promise<{ payload: unknown } | { kind: DeadLetterKind; reason: string }> {
  try {
    const { payload } = await (await ctx.registry()).decode(record.value);
    const issues = readerIssues(payload);
    if (issues.length > 0) throw new SchemaValidationError(issues);
    return { payload };
  } catch (err) {
    if (err instanceof RecordFormatError) return { kind: err.kind, reason: err.message };
    if (err instanceof SchemaValidationError) {
      return { kind: "schema-violation", reason: err.message };
    }
    throw err; // the registry is down or refuses: stop without committing
  }
}

async function consumeCoordinates(
  ctx: Context,
  t: Text,
  s: ConsumeSettings,
): Promise<{ good: Consumed[]; dead: DeadLetter[]; commits: number }> {
  const kafka = await ctx.kafka();
  const indent = s.indent ?? "";
  await ensureTopics(ctx, s.topic, s.dlq);
  if (s.fromBeginning) {
    await kafka.withAdmin(async (admin) => {
      try {
        await admin.resetOffsets({ groupId: s.group, topic: s.topic, earliest: true });
      } catch (err) {
        if (/running instances|no running/i.test((err as Error).message)) {
          throw new UsageError(fill(t.resetBusy, { group: s.group }));
        }
        throw err;
      }
    });
    ctx.out.event(
      "offsets.reset",
      { group: s.group, topic: s.topic, to: "earliest" },
      `${indent}${fill(t.resetOffsets, { group: s.group, topic: s.topic })}`,
    );
  }
  await (await ctx.registry()).preflight();
  const dlqProducer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const good: Consumed[] = [];
  const dead: DeadLetter[] = [];
  let commits = 0;
  try {
    const summary = await consume(kafka, {
      topic: s.topic,
      groupId: s.group,
      fromBeginning: true,
      signal: ctx.signal,
      maxMessages: s.maxMessages,
      idleTimeoutMs: s.idleTimeoutMs,
      onRecord: async (r) => {
        const where = { topic: r.topic, partition: r.partition, offset: r.offset };
        const result = await classify(ctx, r);
        if ("payload" in result) {
          good.push(where);
          const v = result.payload as Record<string, unknown>;
          const human = s.printLimit === undefined || good.length <= s.printLimit
            ? `${indent}${ok(ctx)} ${
              fill(t.good, {
                id: String(v.id),
                longitude: String(v.longitude),
                latitude: String(v.latitude),
                ...where,
              })
            }`
            : undefined;
          ctx.out.event("valid", { ...where, value: v }, human);
          return;
        }
        const [meta] = await dlqProducer.send({
          topic: s.dlq,
          acks: -1,
          messages: [{
            key: r.key ? Buffer.from(r.key) : null,
            value: r.value ? Buffer.from(r.value) : null,
            headers: deadLetterHeaders({
              ...result,
              ...where,
              timestamp: r.timestamp,
              group: s.group,
            }),
          }],
        });
        const letter: DeadLetter = {
          ...where,
          kind: result.kind,
          reason: result.reason,
          dlqPartition: meta.partition,
          dlqOffset: meta.baseOffset ?? "?",
        };
        dead.push(letter);
        ctx.out.event(
          "dead-letter",
          { ...letter, dlq: s.dlq },
          `${indent}${bad(ctx)} ${fill(t.bad, { ...letter, dlq: s.dlq })}`,
        );
      },
    });
    commits = summary.commits;
  } finally {
    await dlqProducer.disconnect().catch(() => {});
  }
  ctx.out.event(
    "consumer.done",
    { valid: good.length, invalid: dead.length, deadLetters: dead.length, commits },
    `${indent}${
      fill(t.consumerDone, { good: good.length, invalid: dead.length, dlq: dead.length })
    }`,
  );
  return { good, dead, commits };
}

const RATE_OPTION = {
  name: "rate",
  type: "number",
  min: 0.01,
  max: 1000,
  default: 1,
  valueName: "PER_SECOND",
  description: "Records per second",
} as const;

function invalidEveryOption(defaultEvery: number) {
  return {
    name: "invalid-every",
    type: "integer",
    min: 0,
    default: defaultEvery,
    valueName: "N",
    description: "Break every Nth record (0 = never)",
  } as const;
}

const SUBJECT_OPTION = {
  name: "subject",
  type: "string",
  valueName: "NAME",
  description:
    "Schema Registry subject (default: <topic>-value; the seed used users-coordinates-values)",
} as const;

const registerCommand: Command = {
  name: "register",
  summary: "Register the UserCoordinates JSON Schema and fetch it back by id",
  options: [topicOption(COURSE_TOPICS.usersCoordinates.name), SUBJECT_OPTION],
  examples: [
    "kafka-lab lab3 register",
    "kafka-lab lab3 register --subject users-coordinates-values",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const subject = subjectOf(args);
    reportRegistration(ctx, text(ctx), subject, await registerSchema(ctx, subject));
    return 0;
  },
};

const produceCommand: Command = {
  name: "produce",
  summary:
    "Produce faker coordinates, validated against the schema, batched as the seed configures",
  description: `
Generates {id 1..100, longitude, latitude} records, validates each against the
registered schema and writes it in the Confluent wire format with key = id.
Producer settings from the seed: acks=all, idempotence, retries, one request in
flight, linger.ms=10000 and batch.size=1000 (kafkajs sends each call at once,
so kafka-lab holds records in a batch the way librdkafka does). A delivery
report follows for every record. --invalid-every N breaks every Nth record:
it is refused before sending, with the validator's reason, and counted.
Runs until Ctrl+C (the open batch is sent before stopping) unless --count.`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    SUBJECT_OPTION,
    countOption(0),
    RATE_OPTION,
    invalidEveryOption(0),
    {
      name: "linger-ms",
      type: "integer",
      min: 0,
      default: 10_000,
      description: "linger.ms: how long a batch may wait for more records",
    },
    {
      name: "batch-bytes",
      type: "integer",
      min: 1,
      default: 1000,
      description: "batch.size: bytes that send a batch at once",
    },
  ],
  examples: [
    "kafka-lab lab3 produce",
    "kafka-lab lab3 produce --count 20 --rate 5 --invalid-every 4",
    "kafka-lab lab3 produce --count 3 --linger-ms 0 --json",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const result = await produceCoordinates(ctx, text(ctx), {
      topic: args.string("topic")!,
      subject: subjectOf(args),
      count: args.int("count")!,
      rate: args.number("rate")!,
      invalidEvery: args.int("invalid-every")!,
      lingerMs: args.int("linger-ms")!,
      batchBytes: args.int("batch-bytes")!,
    });
    return result.failed > 0 ? 1 : 0;
  },
};

const injectCommand: Command = {
  name: "inject",
  summary: "Write bad records as a careless producer would, to see the dead letter topic at work",
  description: `
Kinds: raw-json (plain JSON, no wire format), missing-field (wire format,
latitude missing: validation skipped), unknown-schema (a schema id the
registry does not know), not-json (wire format, payload not JSON).`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    SUBJECT_OPTION,
    {
      name: "kind",
      short: "k",
      type: "list",
      choices: ROGUE_KINDS,
      valueName: "KIND",
      description: "Kind of bad record (default: raw-json)",
    },
  ],
  examples: ["kafka-lab lab3 inject", "kafka-lab lab3 inject --kind raw-json --kind missing-field"],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const kinds = args.list("kind") as RogueKind[];
    await injectRogue(ctx, text(ctx), {
      topic: args.string("topic")!,
      subject: subjectOf(args),
      kinds: kinds.length > 0 ? kinds : ["raw-json"],
    });
    return 0;
  },
};

const consumeCommand: Command = {
  name: "consume",
  summary: "Consume, decode and validate; bad records go to <topic>.dlq with headers, then commit",
  description: `
Reads with a consumer group (earliest when the group has no offsets), decodes
each record (magic byte, schema id, JSON), validates it against the writer's
schema and UserCoordinates, and commits its offset once it is handled: printed
when valid, or written to the dead letter topic with headers dlq.error.kind,
dlq.error.reason, dlq.original.topic/partition/offset/timestamp and
dlq.consumer.group. A bad record never stops the consumer; an unreachable
registry does (exit 3, nothing committed). --from-beginning resets the group's
offsets to the start of every partition first (the group must be idle).`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    groupOption(DEFAULT_GROUP),
    {
      name: "from-beginning",
      type: "boolean",
      description: "Re-read from offset 0 (the log start) on every partition",
    },
    {
      name: "dlq-topic",
      type: "string",
      valueName: "NAME",
      description: "Dead letter topic (default: <topic>.dlq)",
    },
    ...CONSUMER_STOP_OPTIONS,
  ],
  examples: [
    "kafka-lab lab3 consume",
    "kafka-lab lab3 consume --from-beginning --idle-timeout 5",
    "kafka-lab lab3 consume --max-messages 10 --json",
  ],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const t = text(ctx);
    const topic = args.string("topic")!;
    if (!args.given("max-messages") && !args.given("idle-timeout")) ctx.out.text(t.waiting);
    await consumeCoordinates(ctx, t, {
      topic,
      group: args.string("group")!,
      dlq: args.string("dlq-topic") ?? dlqTopicOf(topic),
      fromBeginning: args.bool("from-beginning"),
      maxMessages: args.int("max-messages"),
      idleTimeoutMs: secondsToMs(args.number("idle-timeout")),
    });
    return 0;
  },
};

async function guided(ctx: Context, args: ParsedArgs): Promise<number> {
  const t = text(ctx);
  const topic = args.string("topic")!;
  const dlq = dlqTopicOf(topic);
  const subject = subjectOf(args);
  const group = args.string("group")!;
  const count = args.int("count")!;
  const invalidEvery = args.int("invalid-every")!;
  const lingerMs = args.int("linger-ms")!;
  if (count === 0) {
    throw new UsageError("the guided run sends a fixed number of records: --count 1 or more");
  }
  const guide = Guide.begin(ctx, "lab3", t, 5);

  guide.step(fill(t.stepTopics, { topic, dlq }), fill(t.stepTopicsExplain, { topic }));
  const created = await ensureTopics(ctx, topic, dlq);
  for (const name of [topic, dlq]) {
    guide.ok(fill(created.includes(name) ? t.topicCreated : t.topicReady, { topic: name }), {
      topic: name,
    }, "topic.ready");
  }

  guide.step(fill(t.stepRegister, { subject }), fill(t.stepRegisterExplain, { subject }));
  const registration = await registerSchema(ctx, subject);
  reportRegistration(ctx, t, subject, registration, "  ");

  guide.step(
    fill(t.stepProduce, { count, invalidEvery }),
    fill(t.stepProduceExplain, { linger: lingerMs, batchBytes: 1000 }),
  );
  const produced = await produceCoordinates(ctx, t, {
    topic,
    subject,
    count,
    rate: args.number("rate")!,
    invalidEvery,
    lingerMs,
    batchBytes: 1000,
    indent: "  ",
  });
  if (ctx.signal.aborted) return guide.done([]);

  const rogueKinds: RogueKind[] = ["raw-json", "missing-field"];
  guide.step(fill(t.stepInject, { count: rogueKinds.length }), t.stepInjectExplain);
  const injected = await injectRogue(ctx, t, { topic, subject, kinds: rogueKinds, indent: "  " });

  guide.step(fill(t.stepConsume, { group }), fill(t.stepConsumeExplain, { dlq }));
  const consumed = await consumeCoordinates(ctx, t, {
    topic,
    group,
    dlq,
    fromBeginning: false,
    idleTimeoutMs: secondsToMs(args.number("idle-timeout")) ?? 3000,
    indent: "  ",
    printLimit: 20,
  });
  const same =
    (a: { partition: number; offset: string }) => (b: { partition: number; offset: string }) =>
      a.partition === b.partition && a.offset === b.offset;
  const readBack = produced.delivered.filter((d) => consumed.good.some(same(d))).length;
  if (readBack === produced.delivered.length && produced.failed === 0) {
    guide.ok(fill(t.checkDelivered, { count: readBack }), {
      delivered: produced.delivered.length,
      readBack,
    }, "check.valid");
  } else {
    guide.fail(
      fill(t.checkDeliveredMissing, { got: readBack, count: produced.delivered.length }),
      { delivered: produced.delivered.length, readBack },
      "check.valid",
    );
  }
  const lettered = injected.filter((i) => consumed.dead.some(same(i))).length;
  if (lettered === injected.length) {
    guide.ok(
      fill(t.checkDlq, { dlq }),
      { injected: injected.length, deadLetters: lettered },
      "check.dlq",
    );
  } else {
    guide.fail(fill(t.checkDlqMissing, { got: lettered, count: injected.length, dlq }), {
      injected: injected.length,
      deadLetters: lettered,
    }, "check.dlq");
  }

  return guide.done([
    fill(t.summarySchema, { id: registration.id, subject }),
    fill(t.summaryProduced, { delivered: produced.delivered.length, rejected: produced.rejected }),
    fill(t.summaryConsumed, { good: consumed.good.length, invalid: consumed.dead.length, dlq }),
  ]);
}

/** The `lab3` command. */
export const lab3: Command = {
  name: "lab3",
  summary: "Coordinates pipeline: JSON Schema in a Schema Registry, validation, dead letter topic",
  description: `
Without a subcommand, runs the lab: creates users_coordinates (6 partitions,
RF 2, min.insync.replicas=1) and its dead letter topic, registers the
UserCoordinates schema, produces faker records with every 4th broken on
purpose (refused before sending), lets another producer write two bad records,
then consumes and validates: good records printed, bad ones to the DLQ.`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    SUBJECT_OPTION,
    groupOption(DEFAULT_GROUP),
    countOption(12),
    RATE_OPTION,
    invalidEveryOption(4),
    {
      name: "linger-ms",
      type: "integer",
      min: 0,
      default: 10_000,
      description: "linger.ms of the producer",
    },
    {
      name: "idle-timeout",
      type: "number",
      min: 0.1,
      default: 3,
      valueName: "SECONDS",
      description: "How long the consumer waits for more records",
    },
  ],
  subcommands: [registerCommand, produceCommand, injectCommand, consumeCommand],
  examples: [
    "kafka-lab lab3",
    "kafka-lab lab3 --lang ru",
    "kafka-lab lab3 --rate 4 --linger-ms 1000",
  ],
  run: (ctx: Context, args: ParsedArgs) => guided(ctx, args),
};
