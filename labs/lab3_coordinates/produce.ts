/**
 * `lab3 produce`: faker coordinates, validated against the registered schema
 * before sending, written in the Confluent wire format and batched the way
 * the seed configures librdkafka (linger.ms, batch.size), a delivery report
 * for every record.
 * @module
 */
import { Buffer } from "node:buffer";
import { faker } from "@faker-js/faker";
import type { Producer } from "../../lib/kafka/port.ts";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { LingerBatcher } from "../../lib/kafka/batcher.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import { fill, localize } from "../../lib/i18n.ts";
import { describeIssues, type RegistryClient, SchemaValidationError } from "../../lib/registry.ts";
import { paced } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import {
  breakageFor,
  breakRecord,
  generateCoordinates,
  isBrokenTurn,
  USER_COORDINATES_SCHEMA,
} from "./model.ts";
import type { PRODUCE_OPTIONS } from "./options.ts";
import { readerIssues } from "./reader.ts";
import { namesOf } from "./register.ts";
import { type Lab3Text, lab3Text } from "./text.ts";
import { LAB3_EVENTS } from "./events.ts";

/** What the coordinates producer does. */
export interface ProduceSettings {
  readonly topic: string;
  readonly subject: string;
  readonly count: number;
  readonly rate: number;
  readonly invalidEvery: number;
  readonly lingerMs: number;
  readonly batchBytes: number;
  readonly indent?: string;
}

/** Where a delivered record landed. */
export interface Delivery {
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

/** What one producer run did. */
export interface ProduceResult {
  readonly schemaId: number;
  readonly generated: number;
  readonly delivered: Delivery[];
  readonly rejected: number;
  readonly failed: number;
}

/** The open connections of one producer run. */
interface Session {
  readonly ctx: Context;
  readonly t: Lab3Text;
  readonly s: ProduceSettings;
  readonly indent: string;
  readonly registry: RegistryClient;
  readonly schemaId: number;
  readonly partitionOf: (key: string) => number;
  readonly producer: Producer;
}

/** Produces `s.count` records (0: until Ctrl+C); the open batch is sent before returning. */
export async function produceCoordinates(
  ctx: Context,
  t: Lab3Text,
  s: ProduceSettings,
): Promise<ProduceResult> {
  const session = await openSession(ctx, t, s);
  const batcher = makeBatcher(session);
  const delivered: Delivery[] = [];
  const pending: Promise<void>[] = [];
  const counts = { rejected: 0, failed: 0, broken: 0 };
  let generated = 0;
  try {
    generated = await paced(s.count, 1000 / s.rate, ctx.signal, async (n) => {
      const record = nextRecord(n, s.invalidEvery, counts);
      const value = await encodeOrReject(session, n, record);
      if (value === undefined) return void counts.rejected++;
      const key = String(record.id);
      const outgoing = { n, key, value, record, partition: session.partitionOf(key) };
      pending.push(
        batcher.add(outgoing).then(
          (d) => void delivered.push(reportDelivered(session, outgoing, d)),
          (err) => void (counts.failed++, reportFailed(session, outgoing, err)),
        ),
      );
    });
  } finally {
    // Ctrl+C lands here too: what waits in the open batch is sent before stopping.
    await batcher.close();
    await Promise.all(pending);
    await session.producer.disconnect().catch(() => {});
  }
  const result = { schemaId: session.schemaId, generated, delivered, ...counts };
  ctx.out.event(
    LAB3_EVENTS.producerDone,
    {
      generated,
      delivered: delivered.length,
      rejected: result.rejected,
      failed: result.failed,
      schemaId: result.schemaId,
    },
    `${session.indent}${
      fill(t.producerDone, {
        generated,
        delivered: delivered.length,
        rejected: result.rejected,
        failed: result.failed,
      })
    }`,
  );
  return result;
}

/** The topic ready, the schema registered, the producer connected. */
async function openSession(ctx: Context, t: Lab3Text, s: ProduceSettings): Promise<Session> {
  const kafka = await ctx.kafka();
  const partitions = await kafka.withAdmin(async (admin) => {
    await prepareTopic(admin, s.topic, COURSE_TOPICS.usersCoordinates);
    return (await admin.fetchTopicMetadata({ topics: [s.topic] })).topics[0].partitions.length;
  });
  const registry = await ctx.registry();
  await registry.preflight();
  const { id: schemaId } = await registry.registerJson(USER_COORDINATES_SCHEMA, s.subject);
  const producer = await kafka.connect(kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 10 },
  }));
  return {
    ctx,
    t,
    s,
    indent: s.indent ?? "",
    registry,
    schemaId,
    partitionOf: await kafka.keyPartitioner(s.topic, partitions),
    producer,
  };
}

/** The batcher that sends when linger.ms passes or batch.size fills, printing each batch. */
function makeBatcher(session: Session): LingerBatcher<Outgoing, Delivery> {
  const { ctx, t, s, indent, producer } = session;
  const why = { linger: t.whyLinger, size: t.whySize, close: t.whyClose };
  return new LingerBatcher<Outgoing, Delivery>({
    lingerMs: s.lingerMs,
    batchBytes: s.batchBytes,
    sizeOf: (o) => o.value.length + o.key.length,
    send: async (items, reason) => {
      const bytes = items.reduce((n, o) => n + o.value.length + o.key.length, 0);
      ctx.out.event(
        LAB3_EVENTS.batchSent,
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
}

/** The n-th record: a fresh faker record, broken on purpose on every `invalidEvery`-th turn. */
function nextRecord(
  n: number,
  invalidEvery: number,
  counts: { broken: number },
): Record<string, unknown> {
  const base = generateCoordinates(faker);
  return isBrokenTurn(n, invalidEvery) ? breakRecord(base, breakageFor(counts.broken++)) : {
    ...base,
  };
}

/** The record in the wire format, or undefined (and a printed reason) when the schema refuses it. */
async function encodeOrReject(
  { ctx, t, indent, registry, schemaId }: Session,
  n: number,
  record: Record<string, unknown>,
): Promise<Uint8Array | undefined> {
  const lang = ctx.config.lang;
  try {
    const value = await registry.encode(schemaId, record);
    ctx.out.event(LAB3_EVENTS.generated, { n, record });
    ctx.out.text(`${indent}  ${fill(t.generated, { n, record: JSON.stringify(record) })}`);
    return value;
  } catch (err) {
    if (!(err instanceof SchemaValidationError)) throw err;
    const reason = describeIssues(err.issues);
    // The registry's validator speaks English; the same schema checked here speaks the user's language.
    const shown = lang === "en" ? reason : describeIssues(readerIssues(record, lang));
    ctx.out.event(
      LAB3_EVENTS.rejected,
      { n, record, reason, issues: err.issues },
      `${indent}${ctx.out.style("red", "✗")} ${fill(t.rejected, { n, reason: shown })}`,
    );
    return undefined;
  }
}

function reportDelivered({ ctx, t, s, indent }: Session, o: Outgoing, d: Delivery): Delivery {
  ctx.out.event(
    LAB3_EVENTS.delivered,
    { n: o.n, key: o.key, record: o.record, topic: s.topic, ...d },
    `${indent}${ctx.out.style("green", "✓")} ${
      fill(t.delivered, { id: o.key, topic: s.topic, ...d })
    }`,
  );
  return d;
}

async function reportFailed({ ctx, t, indent }: Session, o: Outgoing, err: unknown) {
  const e = (await ctx.kafka()).translate(err);
  ctx.out.event(
    LAB3_EVENTS.deliveryFailed,
    { n: o.n, key: o.key, error: e.message },
    `${indent}${ctx.out.style("red", "✗")} ${
      fill(t.deliveryFailed, {
        n: o.n,
        reason: localize((e as KafkaLabError).text, ctx.config.lang),
      })
    }`,
  );
}

/** Runs `lab3 produce`. */
export async function produce(
  ctx: Context,
  args: ParsedArgs<typeof PRODUCE_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const result = await produceCoordinates(ctx, lab3Text(ctx.config.lang), {
    ...namesOf(ctx.config.names, v),
    count: v.count,
    rate: v.rate,
    invalidEvery: v["invalid-every"],
    lingerMs: v["linger-ms"],
    batchBytes: v["batch-bytes"],
  });
  return result.failed > 0 ? 1 : 0;
}
