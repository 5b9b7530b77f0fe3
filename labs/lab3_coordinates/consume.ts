/**
 * `lab3 consume`: reads, decodes and validates each record; a record that
 * cannot be read or breaks the schema goes to the dead letter topic with
 * headers that say why; every record's offset is committed once handled.
 * @module
 */
import { Buffer } from "node:buffer";
import type { Producer } from "../../lib/kafka/port.ts";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import { consume as consumeLoop, type ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill } from "../../lib/i18n.ts";
import { describeIssues, RecordFormatError, SchemaValidationError } from "../../lib/registry.ts";
import { COURSE_TOPICS, ensureTopic, prepareTopic } from "../../lib/kafka/topics.ts";
import { deadLetterHeaders, type DeadLetterKind, dlqTopicOf } from "./model.ts";
import { readerIssues } from "./reader.ts";
import type { CONSUME_OPTIONS } from "./options.ts";
import { type Lab3Text, lab3Text } from "./text.ts";
import { LAB3_EVENTS } from "./events.ts";

/** Makes the topic and its dead letter topic when missing; returns the names it created. */
export async function ensureTopics(ctx: Context, topic: string, dlq: string): Promise<string[]> {
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

/** How the coordinates consumer runs. */
export interface ConsumeSettings {
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

/** Where a consumed record was. */
export interface Consumed {
  readonly partition: number;
  readonly offset: string;
}

/** A record sent to the dead letter topic, and why. */
export interface DeadLetter extends Consumed {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
}

/** What one consumer run did. */
export interface ConsumeResult {
  readonly good: Consumed[];
  readonly dead: DeadLetter[];
  readonly commits: number;
}

/** Why a record is bad: `reason` in English for the DLQ header, `shown` in the user's language. */
interface Verdict {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly shown: string;
}

/** Why a record cannot be used, or its payload when it is a valid UserCoordinates. */
async function classify(
  ctx: Context,
  t: Lab3Text,
  record: ConsumedRecord,
): Promise<{ payload: unknown } | Verdict> {
  const lang = ctx.config.lang;
  let payload: unknown;
  try {
    payload = (await (await ctx.registry()).decode(record.value)).payload;
  } catch (err) {
    // The writer's schema refused the payload: judge it against UserCoordinates
    // below, so the reason is the reader's, in the user's language.
    if (err instanceof SchemaValidationError) payload = wirePayload(record.value);
    else if (!(err instanceof RecordFormatError)) throw err; // registry down: stop, commit nothing
    else return formatVerdict(t, err, lang);
  }
  const issues = readerIssues(payload);
  if (issues.length === 0) return { payload };
  const reason = new SchemaValidationError(issues).message;
  const shown = fill(t.reasonSchema, { issues: describeIssues(readerIssues(payload, lang)) });
  return { kind: "schema-violation", reason, shown: lang === "en" ? reason : shown };
}

/** The JSON after the wire format's 5-byte header (decode has checked that it parses). */
function wirePayload(value: Uint8Array | null): unknown {
  return JSON.parse(new TextDecoder().decode(value!.subarray(5)));
}

/** The verdict on a record that is not in the wire format, names an unknown schema, or is not JSON. */
function formatVerdict(t: Lab3Text, err: RecordFormatError, lang: string): Verdict {
  const shown = {
    "not-wire-format": t.reasonNotWire,
    "unknown-schema": t.reasonUnknownSchema,
    "invalid-json": t.reasonInvalidJson,
  }[err.kind];
  return { kind: err.kind, reason: err.message, shown: lang === "en" ? err.message : shown };
}

/** Reads the topic until stopped; valid records are printed, bad ones go to the DLQ. */
export async function consumeCoordinates(
  ctx: Context,
  t: Lab3Text,
  s: ConsumeSettings,
): Promise<ConsumeResult> {
  const kafka = await ctx.kafka();
  await ensureTopics(ctx, s.topic, s.dlq);
  if (s.fromBeginning) await resetToBeginning(ctx, t, s);
  await (await ctx.registry()).preflight();
  const dlqProducer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const result: ConsumeResult = { good: [], dead: [], commits: 0 };
  let commits = 0;
  try {
    const summary = await consumeLoop(kafka, {
      topic: s.topic,
      groupId: s.group,
      fromBeginning: true,
      signal: ctx.signal,
      maxMessages: s.maxMessages,
      idleTimeoutMs: s.idleTimeoutMs,
      onRecord: (r) => handleRecord(ctx, t, s, dlqProducer, result, r),
    });
    commits = summary.commits;
  } finally {
    await dlqProducer.disconnect().catch(() => {});
  }
  const { good, dead } = result;
  ctx.out.event(
    LAB3_EVENTS.consumerDone,
    { valid: good.length, invalid: dead.length, deadLetters: dead.length, commits },
    `${s.indent ?? ""}${
      fill(t.consumerDone, { good: good.length, invalid: dead.length, dlq: dead.length })
    }`,
  );
  return { good, dead, commits };
}

/** Moves the group's offsets to the start of every partition (the group must be idle). */
async function resetToBeginning(ctx: Context, t: Lab3Text, s: ConsumeSettings): Promise<void> {
  await (await ctx.kafka()).withAdmin(async (admin) => {
    // Offsets of a group with members cannot be moved: say so before trying.
    const [described] = (await admin.describeGroups([s.group])).groups;
    if (described && described.members.length > 0) {
      throw new UsageError(fill(t.resetBusy, { group: s.group }));
    }
    await admin.resetOffsets({ groupId: s.group, topic: s.topic, earliest: true });
  });
  ctx.out.event(
    LAB3_EVENTS.offsetsReset,
    { group: s.group, topic: s.topic, to: "earliest" },
    `${s.indent ?? ""}${fill(t.resetOffsets, { group: s.group, topic: s.topic })}`,
  );
}

/** One record: printed when valid, else written to the DLQ with its reason. */
async function handleRecord(
  ctx: Context,
  t: Lab3Text,
  s: ConsumeSettings,
  dlqProducer: Producer,
  result: ConsumeResult,
  r: ConsumedRecord,
): Promise<void> {
  const indent = s.indent ?? "";
  const where = { topic: r.topic, partition: r.partition, offset: r.offset };
  const verdict = await classify(ctx, t, r);
  if ("payload" in verdict) {
    result.good.push(where);
    const v = verdict.payload as Record<string, unknown>;
    const human = s.printLimit === undefined || result.good.length <= s.printLimit
      ? `${indent}${ctx.out.style("green", "✓")} ${
        fill(t.good, {
          id: String(v.id),
          longitude: String(v.longitude),
          latitude: String(v.latitude),
          ...where,
        })
      }`
      : undefined;
    ctx.out.event(LAB3_EVENTS.valid, { ...where, value: v }, human);
    return;
  }
  const [meta] = await dlqProducer.send({
    topic: s.dlq,
    acks: -1,
    messages: [{
      key: r.key ? Buffer.from(r.key) : null,
      value: r.value ? Buffer.from(r.value) : null,
      headers: deadLetterHeaders({
        kind: verdict.kind,
        reason: verdict.reason,
        ...where,
        timestamp: r.timestamp,
        group: s.group,
      }),
    }],
  });
  const letter: DeadLetter = {
    ...where,
    kind: verdict.kind,
    reason: verdict.reason,
    dlqPartition: meta.partition,
    dlqOffset: meta.baseOffset ?? "?",
  };
  result.dead.push(letter);
  ctx.out.event(
    LAB3_EVENTS.deadLettered,
    { ...letter, topic: where.topic, dlq: s.dlq },
    `${indent}${ctx.out.style("red", "✗")} ${
      fill(t.bad, { ...letter, reason: verdict.shown, dlq: s.dlq })
    }`,
  );
}

/** Runs `lab3 consume`. */
export async function consume(
  ctx: Context,
  args: ParsedArgs<typeof CONSUME_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const { names } = ctx.config;
  const t = lab3Text(ctx.config.lang);
  const topic = names.topic(v.topic);
  if (!args.given("max-messages") && !args.given("idle-timeout")) ctx.out.text(t.waiting);
  await consumeCoordinates(ctx, t, {
    topic,
    group: names.group(v.group),
    dlq: v["dlq-topic"] === undefined ? dlqTopicOf(topic) : names.topic(v["dlq-topic"]),
    fromBeginning: v["from-beginning"],
    maxMessages: v["max-messages"],
    idleTimeoutMs: secondsToMs(v["idle-timeout"]),
  });
  return 0;
}
