/**
 * `lab3 produce`: faker coordinates, validated against the registered schema
 * before sending, written in the Confluent wire format and batched the way
 * the seed configures librdkafka (linger.ms, batch.size), a delivery report
 * for every record. The experiment returns what it sent and tells a renderer
 * (`render.ts`) each record as it goes.
 * @module
 */
import { Buffer } from "node:buffer";
import { faker } from "@faker-js/faker";
import type { Kafka, Producer } from "../../lib/kafka/port.ts";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { LingerBatcher } from "../../lib/kafka/batcher.ts";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import { type RegistryClient, SchemaValidationError } from "../../lib/registry.ts";
import { paced } from "../../lib/time.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import {
  breakageFor,
  breakRecord,
  type Cluster,
  type Delivery,
  generateCoordinates,
  isBrokenTurn,
  type ProduceObserver,
  type ProduceResult,
  USER_COORDINATES_SCHEMA,
} from "./model.ts";
import type { PRODUCE_OPTIONS } from "./options.ts";
import { namesOf } from "./register.ts";
import { produceRenderer, renderProducerDone, viewOf } from "./render.ts";

/** What the coordinates producer does. */
export interface ProduceSettings {
  readonly topic: string;
  readonly subject: string;
  readonly count: number;
  readonly rate: number;
  readonly invalidEvery: number;
  readonly lingerMs: number;
  readonly batchBytes: number;
}

interface Outgoing {
  readonly n: number;
  readonly key: string;
  readonly value: Uint8Array;
  readonly record: Record<string, unknown>;
  readonly partition: number;
}

/** The open connections of one producer run. */
interface Session {
  readonly s: ProduceSettings;
  readonly kafka: Kafka;
  readonly registry: RegistryClient;
  readonly schemaId: number;
  readonly partitionOf: (key: string) => number;
  readonly producer: Producer;
  readonly observer: ProduceObserver;
}

/** Produces `s.count` records (0: until Ctrl+C); the open batch is sent before returning. */
export async function produceCoordinates(
  cluster: Cluster,
  s: ProduceSettings,
  observer: ProduceObserver,
): Promise<ProduceResult> {
  const session = await openSession(cluster, s, observer);
  const batcher = makeBatcher(session);
  const delivered: Delivery[] = [];
  const pending: Promise<void>[] = [];
  const counts = { rejected: 0, failed: 0, broken: 0 };
  let generated = 0;
  try {
    generated = await paced(s.count, 1000 / s.rate, cluster.signal, async (n) => {
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
  return { schemaId: session.schemaId, generated, delivered, ...counts };
}

/** The topic ready, the schema registered, the producer connected. */
async function openSession(
  cluster: Cluster,
  s: ProduceSettings,
  observer: ProduceObserver,
): Promise<Session> {
  const kafka = await cluster.kafka();
  const partitions = await kafka.withAdmin(async (admin) => {
    await prepareTopic(admin, s.topic, COURSE_TOPICS.usersCoordinates);
    return (await admin.fetchTopicMetadata({ topics: [s.topic] })).topics[0].partitions.length;
  });
  const registry = await cluster.registry();
  await registry.preflight();
  const { id: schemaId } = await registry.registerJson(USER_COORDINATES_SCHEMA, s.subject);
  const producer = await kafka.connect(kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 10 },
  }));
  return {
    s,
    kafka,
    registry,
    schemaId,
    partitionOf: await kafka.keyPartitioner(s.topic, partitions),
    producer,
    observer,
  };
}

/** The batcher that sends when linger.ms passes or batch.size fills, telling each batch. */
function makeBatcher(session: Session): LingerBatcher<Outgoing, Delivery> {
  const { s, producer, observer } = session;
  return new LingerBatcher<Outgoing, Delivery>({
    lingerMs: s.lingerMs,
    batchBytes: s.batchBytes,
    sizeOf: (o) => o.value.length + o.key.length,
    send: async (items, reason) => {
      const bytes = items.reduce((n, o) => n + o.value.length + o.key.length, 0);
      observer.batchSent({ records: items.length, bytes, reason });
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

/** The record in the wire format, or undefined (told as rejected) when the schema refuses it. */
async function encodeOrReject(
  { registry, schemaId, observer }: Session,
  n: number,
  record: Record<string, unknown>,
): Promise<Uint8Array | undefined> {
  try {
    const value = await registry.encode(schemaId, record);
    observer.generated(n, record);
    return value;
  } catch (err) {
    if (!(err instanceof SchemaValidationError)) throw err;
    observer.rejected({ n, record, issues: err.issues });
    return undefined;
  }
}

function reportDelivered({ s, observer }: Session, o: Outgoing, d: Delivery): Delivery {
  observer.delivered({ n: o.n, key: o.key, record: o.record, topic: s.topic, ...d });
  return d;
}

function reportFailed({ kafka, observer }: Session, o: Outgoing, err: unknown): void {
  observer.failed({ n: o.n, key: o.key, error: kafka.translate(err) as KafkaLabError });
}

/** Runs `lab3 produce`. */
export async function produce(
  ctx: Context,
  args: ParsedArgs<typeof PRODUCE_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const view = viewOf(ctx);
  const result = await produceCoordinates(ctx, {
    ...namesOf(ctx.config.names, v),
    count: v.count,
    rate: v.rate,
    invalidEvery: v["invalid-every"],
    lingerMs: v["linger-ms"],
    batchBytes: v["batch-bytes"],
  }, produceRenderer(view));
  renderProducerDone(view, result);
  return result.failed > 0 ? 1 : 0;
}
