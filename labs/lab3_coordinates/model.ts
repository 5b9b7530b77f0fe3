/**
 * Lab 3's pure parts: the `UserCoordinates` JSON Schema (imported, so the
 * compiled program carries it), the faker generator, the ways a record can
 * break the schema, the "rogue" records another producer might write, and
 * the dead letter headers, and the results the experiments return. The
 * consumer's own validator is in `reader.ts` (it loads Ajv, which help and
 * the other commands do not need).
 *
 * @example
 * ```ts
 * const record = generateCoordinates(faker); // { id: 62, longitude: 103.088325, latitude: 2.195661 }
 * ```
 * @module
 */
import type { Faker } from "@faker-js/faker";
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import type { FlushReason } from "../../lib/kafka/batcher.ts";
import type { ValidationIssue } from "../../lib/registry.ts";
import schema from "./schema.json" with { type: "json" };
import { ROGUE_KINDS } from "./options.ts";

/** The JSON Schema (draft-07) every coordinates record must match. */
export const USER_COORDINATES_SCHEMA: Readonly<Record<string, unknown>> = schema;

/** A valid coordinates record. */
export interface UserCoordinates {
  readonly id: number;
  readonly longitude: number;
  readonly latitude: number;
}

/** A random record as the seed makes it: id 1..100, longitude and latitude with 6 decimals. */
export function generateCoordinates(faker: Faker): UserCoordinates {
  return {
    id: faker.number.int({ min: 1, max: 100 }),
    longitude: faker.location.longitude({ precision: 6 }),
    latitude: faker.location.latitude({ precision: 6 }),
  };
}

/** The ways `--invalid-every` breaks a record, in turn. */
export const BREAKAGES = ["missing-latitude", "id-as-text", "missing-longitude"] as const;

/** One of {@linkcode BREAKAGES}. */
export type Breakage = typeof BREAKAGES[number];

/** The k-th breakage (k from 0), cycling through {@linkcode BREAKAGES}. */
export function breakageFor(k: number): Breakage {
  return BREAKAGES[k % BREAKAGES.length];
}

/** A copy of `record` that breaks the schema in the given way. */
export function breakRecord(record: UserCoordinates, how: Breakage): Record<string, unknown> {
  const { id, longitude, latitude } = record;
  switch (how) {
    case "missing-latitude":
      return { id, longitude };
    case "missing-longitude":
      return { id, latitude };
    case "id-as-text":
      return { id: `user-${id}`, longitude, latitude };
  }
}

/** Whether the n-th record (from 1) is to be broken with `--invalid-every every`. */
export function isBrokenTurn(n: number, every: number): boolean {
  return every > 0 && n % every === 0;
}

// Declared with the options, so the command table loads no model.
export { ROGUE_KINDS };

/** One of {@linkcode ROGUE_KINDS}. */
export type RogueKind = typeof ROGUE_KINDS[number];

/** A Confluent wire-format value: magic byte 0, big-endian schema id, payload. */
export function wireValue(schemaId: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = 0;
  new DataView(out.buffer).setInt32(1, schemaId);
  out.set(payload, 5);
  return out;
}

/** A schema id no registry hands out (the largest 32-bit id). */
export const UNKNOWN_SCHEMA_ID = 2_147_483_647;

/** The bytes of a rogue record of the given kind, made from a valid record. */
export function rogueValue(kind: RogueKind, record: UserCoordinates, schemaId: number): Uint8Array {
  const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  switch (kind) {
    case "raw-json":
      return encode(record);
    case "missing-field":
      return wireValue(schemaId, encode(breakRecord(record, "missing-latitude")));
    case "unknown-schema":
      return wireValue(UNKNOWN_SCHEMA_ID, encode(record));
    case "not-json":
      return wireValue(
        schemaId,
        new TextEncoder().encode(`id=${record.id};lon=${record.longitude}`),
      );
  }
}

/** Why a record went to the dead letter topic. */
export type DeadLetterKind =
  | "not-wire-format"
  | "unknown-schema"
  | "invalid-json"
  | "schema-violation";

/** Where a dead letter came from and why. */
export interface DeadLetterInfo {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly group: string;
}

/** Header names on dead letter records. */
export const DLQ_HEADERS = {
  kind: "dlq.error.kind",
  reason: "dlq.error.reason",
  topic: "dlq.original.topic",
  partition: "dlq.original.partition",
  offset: "dlq.original.offset",
  timestamp: "dlq.original.timestamp",
  group: "dlq.consumer.group",
} as const;

/** The headers of a dead letter record. */
export function deadLetterHeaders(info: DeadLetterInfo): Record<string, string> {
  return {
    [DLQ_HEADERS.kind]: info.kind,
    [DLQ_HEADERS.reason]: info.reason,
    [DLQ_HEADERS.topic]: info.topic,
    [DLQ_HEADERS.partition]: String(info.partition),
    [DLQ_HEADERS.offset]: info.offset,
    [DLQ_HEADERS.timestamp]: info.timestamp,
    [DLQ_HEADERS.group]: info.group,
  };
}

/** The dead letter topic of a topic: `<topic>.dlq`. */
export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** `id=62 longitude=103.088325 latitude=2.195661`. */
export function formatCoordinates(value: unknown): string {
  const v = value as Record<string, unknown>;
  return `id=${v.id} longitude=${v.longitude} latitude=${v.latitude}`;
}

// ---------------------------------------------------------------- what the experiments return

/** What lab 3's experiments reach: Kafka, the registry and the stop signal, never the output. */
export type Cluster = Pick<Context, "kafka" | "registry" | "signal">;

/** What registering the schema gave. */
export interface Registration {
  readonly id: number;
  readonly isNew: boolean;
  readonly schemaText: string;
}

/** Where a record is (or landed) in a topic. */
export interface Where {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Where a delivered record landed. */
export interface Delivery {
  readonly partition: number;
  readonly offset: string;
}

/** A record the producer generated and sent, with where it landed. */
export interface Delivered extends Delivery {
  readonly n: number;
  readonly key: string;
  readonly record: Record<string, unknown>;
  readonly topic: string;
}

/** A generated record the schema refused before sending (`issues` in English). */
export interface Rejected {
  readonly n: number;
  readonly record: Record<string, unknown>;
  readonly issues: readonly ValidationIssue[];
}

/** A record Kafka did not take. */
export interface SendFailed {
  readonly n: number;
  readonly key: string;
  readonly error: KafkaLabError;
}

/** Why a batch went out: linger.ms passed, batch.size filled, or the producer closed. */
export type BatchReason = FlushReason;

/** What the coordinates producer tells as it runs (a renderer). */
export interface ProduceObserver {
  generated(n: number, record: Record<string, unknown>): void;
  rejected(r: Rejected): void;
  batchSent(batch: { records: number; bytes: number; reason: BatchReason }): void;
  delivered(d: Delivered): void;
  failed(f: SendFailed): void;
}

/** What one producer run did. */
export interface ProduceResult {
  readonly schemaId: number;
  readonly generated: number;
  readonly delivered: Delivery[];
  readonly rejected: number;
  readonly failed: number;
}

/** Where an injected record landed. */
export interface Injected {
  readonly kind: RogueKind;
  readonly partition: number;
  readonly offset: string;
}

/** Where a consumed record was. */
export interface Consumed {
  readonly partition: number;
  readonly offset: string;
}

/** A record sent to the dead letter topic, and why. */
export interface DeadLetter extends Consumed {
  readonly kind: DeadLetterKind;
  /** In English, as the `dlq.error.reason` header has it. */
  readonly reason: string;
  readonly dlqPartition: number;
  readonly dlqOffset: string;
  /** The JSON a schema violation was found in, to say why in the user's language. */
  readonly payload?: unknown;
}

/** What the coordinates consumer tells as it runs (a renderer). */
export interface ConsumeObserver {
  offsetsReset(group: string, topic: string): void;
  valid(where: Where, value: Record<string, unknown>): void;
  deadLettered(where: Where, letter: DeadLetter): void;
}

/** What one consumer run did. */
export interface ConsumeResult {
  readonly good: Consumed[];
  readonly dead: DeadLetter[];
  readonly commits: number;
}

/** The guided run's check: every delivered record was read back as valid. */
export interface ReadBack {
  readonly delivered: number;
  readonly readBack: number;
  readonly failed: number;
}

/** The guided run's check: every injected record reached the dead letter topic. */
export interface Lettered {
  readonly injected: number;
  readonly deadLetters: number;
}

const same = (a: Consumed) => (b: Consumed) => a.partition === b.partition && a.offset === b.offset;

/** How many of the delivered records the consumer read back as valid. */
export function readBack(produced: ProduceResult, consumed: ConsumeResult): ReadBack {
  return {
    delivered: produced.delivered.length,
    readBack: produced.delivered.filter((d) => consumed.good.some(same(d))).length,
    failed: produced.failed,
  };
}

/** How many of the injected records the consumer sent to the dead letter topic. */
export function lettered(injected: readonly Injected[], consumed: ConsumeResult): Lettered {
  return {
    injected: injected.length,
    deadLetters: injected.filter((i) => consumed.dead.some(same(i))).length,
  };
}
