/**
 * A consumed record decoded for people: what `read --json` prints and the web
 * console shows.
 * @module
 */
import type { ConsumedRecord } from "../kafka/consumer_loop.ts";
import { decodeBytes, type Format } from "./decode.ts";

/** A record as `read --json` and the web console show it. */
export interface ShownRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** ISO 8601. */
  readonly time: string;
  readonly timestamp: string;
  readonly key: unknown;
  readonly keyFormat: string;
  readonly value: unknown;
  readonly valueFormat: string;
  readonly schemaId?: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** Decodes a record's key and value in `format`. */
export function showRecord(r: ConsumedRecord, format: Format): ShownRecord {
  const key = decodeBytes(r.key, format === "registry" ? "auto" : format);
  const value = decodeBytes(r.value, format);
  return {
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    time: new Date(Number(r.timestamp)).toISOString(),
    timestamp: r.timestamp,
    key: key.value,
    keyFormat: key.format,
    value: value.value,
    valueFormat: value.format,
    ...(value.schemaId !== undefined ? { schemaId: value.schemaId } : {}),
    headers: r.headers,
  };
}
