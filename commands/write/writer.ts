/**
 * Writes records to a topic (what `kcat -P` does): each record's partition is
 * chosen before it is sent (the one asked for, the key's murmur2 partition as
 * Java clients pick it, or round robin for records without a key), so the
 * writer knows every record's offset from the broker's answer and a retry can
 * never move a record to another partition.
 *
 * @example
 * ```ts
 * const w = await Writer.open(kafka, { topic: "hello-kafka", headers: {} });
 * const delivered = await w.send([{ value: "Hello Kafka 1" }]);
 * await w.close();
 * ```
 * @module
 */
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import type { Kafka, Producer } from "../../lib/kafka/port.ts";
import { UsageError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";
import { topicPartitions } from "../../lib/inspect/reader.ts";

/** One record to write. */
export interface OutgoingRecord {
  readonly key?: string;
  readonly value: string;
}

/** Where a record was stored. */
export interface Delivered {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
}

/** Options of {@linkcode Writer.open}. */
export interface WriterOptions {
  readonly topic: string;
  /** Put every record in this partition. */
  readonly partition?: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** Parses `k=v` header options (the value may contain `=`). */
export function parseHeaders(pairs: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i <= 0) {
      throw new UsageError(
        fillText(
          t(
            "--header takes key=value, not '{pair}'",
            "--header принимает ключ=значение, а не '{pair}'",
          ),
          { pair },
        ),
      );
    }
    headers[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return headers;
}

/** Splits `key<sep>value` (kcat's `-K`); a line without the separator has no key. */
export function splitKey(line: string, separator: string | undefined): OutgoingRecord {
  if (!separator) return { value: line };
  const i = line.indexOf(separator);
  return i < 0
    ? { value: line }
    : { key: line.slice(0, i), value: line.slice(i + separator.length) };
}

/** A connected producer for one topic. */
export class Writer {
  readonly #kafka: Kafka;
  readonly #producer: Producer;
  readonly #options: WriterOptions;
  readonly #partitions: readonly number[];
  readonly #byKey: (key: string) => number;
  #roundRobin: number;

  private constructor(
    kafka: Kafka,
    producer: Producer,
    options: WriterOptions,
    partitions: readonly number[],
    byKey: (key: string) => number,
  ) {
    this.#kafka = kafka;
    this.#producer = producer;
    this.#options = options;
    this.#partitions = partitions;
    this.#byKey = byKey;
    this.#roundRobin = Math.floor(Math.random() * partitions.length);
  }

  /** Checks the topic (and partition) exist and connects a producer. */
  static async open(kafka: Kafka, options: WriterOptions): Promise<Writer> {
    // kafkajs cannot write to a topic with a leaderless partition: say which, at once.
    const leaderless = await kafka.leaderless([options.topic]);
    if (leaderless && leaderless.length > 0) throw new LeaderlessError(leaderless);
    const partitions = await kafka.withAdmin((admin) => topicPartitions(admin, options.topic));
    if (options.partition !== undefined && !partitions.includes(options.partition)) {
      throw new UsageError(
        fillText(
          t(
            "topic {topic} has no partition {p} (it has {list})",
            "у топика {topic} нет партиции {p} (есть {list})",
          ),
          { topic: options.topic, p: options.partition, list: partitions.join(", ") },
        ),
      );
    }
    const byKey = await kafka.keyPartitioner(options.topic, partitions.length);
    // Idempotent: a send retried after a leader dies must not store its records twice.
    const producer = await kafka.connect(
      kafka.idempotentProducer({ allowAutoTopicCreation: false }),
    );
    return new Writer(kafka, producer, options, partitions, byKey);
  }

  #partitionOf(record: OutgoingRecord): number {
    if (this.#options.partition !== undefined) return this.#options.partition;
    if (record.key !== undefined) return this.#byKey(record.key);
    this.#roundRobin = (this.#roundRobin + 1) % this.#partitions.length;
    return this.#partitions[this.#roundRobin];
  }

  /** Sends records (acks from all in-sync replicas) and returns where each was stored, in order. */
  async send(records: readonly OutgoingRecord[]): Promise<Delivered[]> {
    if (records.length === 0) return [];
    const placed = records.map((r) => ({ ...r, partition: this.#partitionOf(r) }));
    let metadata;
    try {
      metadata = await this.#producer.send({
        topic: this.#options.topic,
        acks: -1,
        messages: placed.map((r) => ({
          key: r.key ?? null,
          value: r.value,
          partition: r.partition,
          headers: { ...this.#options.headers },
        })),
      });
    } catch (err) {
      throw this.#kafka.translate(err);
    }
    const base = new Map(metadata.map((m) => [m.partition, BigInt(m.baseOffset ?? "0")]));
    const seen = new Map<number, bigint>();
    return placed.map((r) => {
      const i = seen.get(r.partition) ?? 0n;
      seen.set(r.partition, i + 1n);
      return {
        partition: r.partition,
        offset: (base.get(r.partition)! + i).toString(),
        key: r.key ?? null,
        value: r.value,
      };
    });
  }

  /** Disconnects the producer. */
  async close(): Promise<void> {
    await this.#producer.disconnect().catch(() => {});
  }
}
