/**
 * Lab 2's pure parts: the hello message and how a consumed record is printed.
 * @module
 */
import type { ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import { fill } from "../../lib/i18n.ts";
import type { Lab2Text } from "./text.ts";

/** The n-th message: `Hello Kafka n`, or a JSON object with `--json-value`. */
export function helloValue(n: number, json: boolean, now: Date = new Date()): string {
  const text = `Hello Kafka ${n}`;
  return json ? JSON.stringify({ n, text, sentAt: now.toISOString() }) : text;
}

/** A record as the consumer prints it. */
export function describeRecord(
  t: Pick<Lab2Text, "received">,
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
