/**
 * Lab 2's pure parts: the hello message, how a consumed record is printed,
 * and the results its experiments return.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
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

/** What lab 2's experiments reach: Kafka and the stop signal, never the output. */
export type Cluster = Pick<Context, "kafka" | "signal">;

/** How long the guided run waits for every acknowledged message to reach the consumer. */
export const ARRIVAL_WAIT_SECONDS = 30;

/** Where an acknowledged record landed. */
export interface Ack {
  readonly partition: number;
  readonly offset: string;
}

/** One message the producer sent: where it landed, or the error that kept it out. */
export type Sent =
  & {
    readonly n: number;
    readonly topic: string;
    readonly key: string | null;
    readonly value: string;
  }
  & ({ readonly ack: Ack } | { readonly error: KafkaLabError });

/** What one producer run did. */
export interface ProduceResult {
  readonly sent: number;
  readonly failed: number;
  readonly acks: readonly Ack[];
}

/** What the guided run's producer step saw: sent, arrived at the consumer, and older records. */
export interface Arrival {
  readonly count: number;
  readonly group: string;
  readonly sent: number;
  readonly failed: number;
  /** Acknowledged messages the consumer read within {@linkcode ARRIVAL_WAIT_SECONDS}. */
  readonly arrived: number;
  /** Records the consumer read that this run did not send. */
  readonly older: number;
}

/** A record one consumer instance (from 1) read; `n` counts across the instances. */
export interface Received {
  readonly n: number;
  readonly instance: number;
  readonly record: ConsumedRecord;
}

/** What the hello consumers tell as they run: a renderer, or the guided run's watcher. */
export interface ConsumerObserver {
  assigned(instance: number, partitions: readonly number[]): void;
  received(r: Received): void;
}

/** What the hello consumers did. */
export interface ConsumeResult {
  readonly count: number;
  readonly commits: number;
  readonly perInstance: readonly number[];
}

/** A new throw-away group's name: `<group>-<8 random hex digits>`. */
export function freshGroup(group: string): string {
  return `${group}-${crypto.randomUUID().slice(0, 8)}`;
}

/** What a throw-away group read of the whole topic. */
export interface NewGroupRead {
  readonly group: string;
  readonly records: number;
  readonly total: number;
}

/** A consumer the guided run keeps reading while the producer sends. */
export interface RunningConsumer {
  /** What it has read so far. */
  readonly received: readonly ConsumedRecord[];
  /** Stops it (it drains and commits first). */
  readonly stop: AbortController;
  /** Settles once it has stopped. */
  readonly done: Promise<unknown>;
}
