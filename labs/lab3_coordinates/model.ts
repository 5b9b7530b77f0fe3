/**
 * Lab 3's pure parts: the `UserCoordinates` JSON Schema (imported, so the
 * compiled program carries it), the faker generator, the ways a record can
 * break the schema, the "rogue" records another producer might write, and
 * the dead letter headers. The consumer's own validator is in `reader.ts`
 * (it loads Ajv, which help and the other commands do not need).
 *
 * @example
 * ```ts
 * const record = generateCoordinates(faker); // { id: 62, longitude: 103.088325, latitude: 2.195661 }
 * ```
 * @module
 */
import type { Faker } from "@faker-js/faker";
import schema from "./schema.json" with { type: "json" };

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

/** What `lab3 inject` writes, as a producer that skips the registry or validation might. */
export const ROGUE_KINDS = ["raw-json", "missing-field", "unknown-schema", "not-json"] as const;

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
