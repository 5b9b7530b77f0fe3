/**
 * `lab3 consume`: reads, decodes and validates each record; a record that
 * cannot be read or breaks the schema goes to the dead letter topic with
 * headers that say why; every record's offset is committed once handled.
 * The experiment tells a renderer (`render.ts`) each record as it is handled.
 * @module
 */
import { Buffer } from "node:buffer";
import type { Producer } from "../../lib/kafka/port.ts";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import { consume as consumeLoop, type ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { watched } from "../../lib/kafka/liveness.ts";
import { LAB3_EVENTS } from "./events.ts";
import { fillText } from "../../lib/i18n.ts";
import {
  RecordFormatError,
  type RegistryClient,
  SchemaValidationError,
} from "../../lib/registry.ts";
import { COURSE_TOPICS, ensureTopic, prepareTopic } from "../../lib/kafka/topics.ts";
import {
  type Cluster,
  type ConsumeObserver,
  type ConsumeResult,
  type DeadLetter,
  deadLetterHeaders,
  type DeadLetterKind,
  dlqTopicOf,
} from "./model.ts";
import { readerIssues } from "./reader.ts";
import type { CONSUME_OPTIONS } from "./options.ts";
import { consumeRenderer, renderConsumerDone, renderWaiting, viewOf } from "./render.ts";
import { lab3Line } from "./text.ts";

/** Makes the topic and its dead letter topic when missing; returns the names it created. */
export async function ensureTopics(
  cluster: Pick<Context, "kafka">,
  topic: string,
  dlq: string,
): Promise<string[]> {
  return await (await cluster.kafka()).withAdmin(async (admin) => {
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
}

/** Why a record is bad (`reason` in English, for the DLQ header), and the JSON it broke in. */
interface Verdict {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly payload?: unknown;
}

/** Why a record cannot be used, or its payload when it is a valid UserCoordinates. */
async function classify(
  registry: RegistryClient,
  record: ConsumedRecord,
): Promise<{ valid: Record<string, unknown> } | Verdict> {
  let payload: unknown;
  try {
    payload = (await registry.decode(record.value)).payload;
  } catch (err) {
    // The writer's schema refused the payload: judge it against UserCoordinates
    // below, so the reason is the reader's.
    if (err instanceof SchemaValidationError) payload = wirePayload(record.value);
    else if (!(err instanceof RecordFormatError)) throw err; // registry down: stop, commit nothing
    else return { kind: err.kind, reason: err.message };
  }
  const issues = readerIssues(payload);
  if (issues.length === 0) return { valid: payload as Record<string, unknown> };
  return { kind: "schema-violation", reason: new SchemaValidationError(issues).message, payload };
}

/** The JSON after the wire format's 5-byte header (decode has checked that it parses). */
function wirePayload(value: Uint8Array | null): unknown {
  return JSON.parse(new TextDecoder().decode(value!.subarray(5)));
}

/** Reads the topic until stopped; valid records are told, bad ones go to the DLQ. */
export async function consumeCoordinates(
  cluster: Cluster,
  s: ConsumeSettings,
  observer: ConsumeObserver,
): Promise<ConsumeResult> {
  const kafka = await cluster.kafka();
  await ensureTopics(cluster, s.topic, s.dlq);
  if (s.fromBeginning) await resetToBeginning(cluster, s, observer);
  const registry = await cluster.registry();
  await registry.preflight();
  const dlqProducer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const result: ConsumeResult = { good: [], dead: [], commits: 0 };
  const handler = { s, registry, dlqProducer, result, observer };
  try {
    const summary = await consumeLoop(kafka, {
      topic: s.topic,
      groupId: s.group,
      fromBeginning: true,
      signal: cluster.signal,
      maxMessages: s.maxMessages,
      idleTimeoutMs: s.idleTimeoutMs,
      onRecord: (r) => handleRecord(handler, r),
    });
    return { ...result, commits: summary.commits };
  } finally {
    await dlqProducer.disconnect().catch(() => {});
  }
}

/** Moves the group's offsets to the start of every partition (the group must be idle). */
async function resetToBeginning(
  cluster: Cluster,
  s: ConsumeSettings,
  observer: ConsumeObserver,
): Promise<void> {
  await (await cluster.kafka()).withAdmin(async (admin) => {
    // Offsets of a group with members cannot be moved: say so before trying.
    const [described] = (await admin.describeGroups([s.group])).groups;
    if (described && described.members.length > 0) {
      throw new UsageError(fillText(lab3Line("resetBusy"), { group: s.group }));
    }
    await admin.resetOffsets({ groupId: s.group, topic: s.topic, earliest: true });
  });
  observer.offsetsReset(s.group, s.topic);
}

/** What {@linkcode handleRecord} works with. */
interface Handler {
  readonly s: ConsumeSettings;
  readonly registry: RegistryClient;
  readonly dlqProducer: Producer;
  readonly result: ConsumeResult;
  readonly observer: ConsumeObserver;
}

/** One record: told when valid, else written to the DLQ with its reason. */
async function handleRecord(h: Handler, r: ConsumedRecord): Promise<void> {
  const { s, result, observer } = h;
  const where = { topic: r.topic, partition: r.partition, offset: r.offset };
  const verdict = await classify(h.registry, r);
  if ("valid" in verdict) {
    result.good.push(where);
    observer.valid(where, verdict.valid);
    return;
  }
  const [meta] = await h.dlqProducer.send({
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
    partition: r.partition,
    offset: r.offset,
    ...verdict,
    dlqPartition: meta.partition,
    dlqOffset: meta.baseOffset ?? "?",
  };
  result.dead.push(letter);
  observer.deadLettered(where, letter);
}

/** Runs `lab3 consume`. */
export async function consume(
  ctx: Context,
  args: ParsedArgs<typeof CONSUME_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const { names } = ctx.config;
  const view = viewOf(ctx);
  const topic = names.topic(v.topic);
  const dlq = v["dlq-topic"] === undefined ? dlqTopicOf(topic) : names.topic(v["dlq-topic"]);
  if (!args.given("max-messages") && !args.given("idle-timeout")) renderWaiting(view);
  const idleTimeoutMs = secondsToMs(v["idle-timeout"]);
  const result = await watched(
    ctx,
    LAB3_EVENTS,
    idleTimeoutMs,
    (signal) =>
      consumeCoordinates({ kafka: () => ctx.kafka(), registry: () => ctx.registry(), signal }, {
        topic,
        group: names.group(v.group),
        dlq,
        fromBeginning: v.from !== "committed",
        maxMessages: v["max-messages"],
        idleTimeoutMs,
      }, consumeRenderer(view, { dlq })),
  );
  renderConsumerDone(view, result);
  return 0;
}
