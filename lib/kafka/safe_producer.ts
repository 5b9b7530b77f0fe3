/**
 * A producer made safe for retries: every producer of the program comes from
 * here (through `Kafka.producer()`, `lib/kafka/clients.ts`), so labs call
 * `send` and `sendBatch` as on any producer. It is written against the port
 * (`port.ts`): the driver's plain producer does the sending.
 *
 * What kafkajs 2.2.4 gets wrong, and what this wrapper does about it:
 * - A retried `send()` runs the partitioner again; the default one moves an
 *   unkeyed record to the next partition on every call, retries included.
 *   Here each record's partition is chosen once, before its first attempt
 *   (the driver's producer takes a {@linkcode PartitionMemo}: the kafkajs
 *   one wraps its partitioner with `kafkajs/partitioner.ts`), so a retry is
 *   the same batch to the same partition with the same sequence numbers,
 *   which the broker recognises as a duplicate if it had written it.
 * - After an ambiguous failure kafkajs rolls the partition's sequence number
 *   back although the broker may have written the batch. If that batch is
 *   not retried as it was, the next record sent to that partition reuses the
 *   sequence, the broker takes it for a duplicate, drops it and acknowledges
 *   the earlier record's offset: one record lost, one written twice, no
 *   error. Here a producer whose send failed is replaced by a new one (a new
 *   producer id, fresh sequences) before the next send, and sends run one at
 *   a time so no other send can pick up a rolled-back sequence.
 * - kafkajs remembers replies per broker, so when a partition's leader moves
 *   to a broker that already answered for another partition during a retry,
 *   that partition is never sent and its result is missing. Here the
 *   records of a partition without a result are sent again, as the same
 *   batch (their sequence was rolled back, so the broker de-duplicates).
 *
 * - A send can stay pending for an hour: the idempotent producer retries 100
 *   times (kafkajs' own default is forever), each attempt up to the 30 s
 *   request timeout plus a back-off. Here every send settles within
 *   `deliveryTimeoutMs` (Java's `delivery.timeout.ms`, 120 s by default): past
 *   it the send fails with {@linkcode DeliveryTimeoutError}, the producer is
 *   replaced, and the late attempt can only write the same records once
 *   (they count as failed, never as acknowledged).
 *
 * `unsafePartitioning: true` gives the driver's plain producer, for lab 5 to
 * show the loss on purpose.
 *
 * @example
 * ```ts
 * const producer = await kafka.connect(kafka.idempotentProducer());
 * const [meta] = await producer.send({ topic, messages: [{ value: "hello" }] });
 * await producer.disconnect();
 * ```
 * @module
 */
import { KafkaLabError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { sleep, withTimeout } from "../time.ts";
import type {
  PartitionMemo,
  Producer,
  ProducerBatch,
  ProducerRecord,
  RecordMetadata,
  TopicMessages,
  Transaction,
} from "./port.ts";

export type { ProducerOptions } from "./port.ts";

/**
 * Asked while a send is slow: the error that explains why it cannot succeed
 * now (e.g. a partition of its topic has no leader), or undefined.
 */
export type WhyStuck = (topics: readonly string[]) => Promise<Error | undefined>;

/** When a slow send is first asked about, then how often. */
const STUCK_FIRST_MS = 2_000;
const STUCK_EVERY_MS = 5_000;

/** Java's default `delivery.timeout.ms`. */
export const DELIVERY_TIMEOUT_MS = 120_000;
/** How long a replaced producer may take to disconnect before it is left behind. */
const OLD_PRODUCER_GRACE_MS = 5_000;

/** A send did not settle within its delivery timeout; its records count as not delivered. */
export class DeliveryTimeoutError extends KafkaLabError {
  constructor(ms: number) {
    super(
      fillText(
        t(
          "the records were not acknowledged within {s} s (delivery timeout, retries included)",
          "записи не подтверждены за {s} с (тайм-аут доставки с учётом повторов)",
        ),
        { s: Math.round(ms / 1000) },
      ),
      {
        hint: t(
          "a broker may be down or the partition without a leader: see `kafka-lab status`",
          "возможно, брокер остановлен или у партиции нет лидера: см. `kafka-lab status`",
        ),
      },
    );
    this.name = "DeliveryTimeoutError";
  }
}

/** How many times the records of a partition missing from a reply are sent again. */
const MISSING_RESENDS = 5;

/** A producer that is safe to retry; see the module docs. */
export class SafeProducer implements Producer {
  readonly #create: (chosen: PartitionMemo) => Producer;
  readonly #deliveryTimeoutMs: number;
  readonly #whyStuck?: WhyStuck;
  readonly #chosen: PartitionMemo = new WeakMap();
  #current: Producer;
  #stale = false;
  #connected = false;
  #queue: Promise<unknown> = Promise.resolve();
  #replaced = 0;

  /** `create` makes a driver's producer that chooses each partition once, through `chosen`. */
  constructor(
    create: (chosen: PartitionMemo) => Producer,
    options: { deliveryTimeoutMs?: number; whyStuck?: WhyStuck } = {},
  ) {
    this.#create = create;
    this.#deliveryTimeoutMs = options.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS;
    this.#whyStuck = options.whyStuck;
    this.#current = create(this.#chosen);
  }

  /** How many times a producer was replaced after a failed send. */
  get replacements(): number {
    return this.#replaced;
  }

  async connect(): Promise<void> {
    await this.#current.connect();
    this.#connected = true;
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
    await this.#queue.catch(() => {});
    if (!this.#stale) return await this.#current.disconnect();
    // A send past its delivery timeout may still be retrying: do not wait for it.
    await withTimeout(this.#current.disconnect(), OLD_PRODUCER_GRACE_MS, () => new Error("left"))
      .catch(() => {});
  }

  isIdempotent(): boolean {
    return this.#current.isIdempotent();
  }

  transaction(): Promise<Transaction> {
    return this.#current.transaction();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...rest } = record;
    return this.sendBatch({ ...rest, topicMessages: [{ topic, messages }] });
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    // Fresh message objects: a partition is remembered per object and per send.
    const topicMessages = (batch.topicMessages ?? []).map(({ topic, messages }) => ({
      topic,
      messages: messages.map((m) => ({ ...m })),
    }));
    const run = this.#queue.catch(() => {}).then(() => this.#send({ ...batch, topicMessages }));
    this.#queue = run;
    return run;
  }

  async #send(batch: ProducerBatch & { topicMessages: TopicMessages[] }) {
    const ms = this.#deliveryTimeoutMs;
    const deliver = async () => {
      if (this.#stale) await this.#replace();
      return await this.#sendOn(this.#current, batch);
    };
    const done = new AbortController();
    const attempt = deliver().finally(() => done.abort());
    const topics = [...new Set(batch.topicMessages.map((m) => m.topic))];
    try {
      return await withTimeout(
        Promise.race([attempt, this.#watch(topics, done.signal)]),
        ms,
        () => new DeliveryTimeoutError(ms),
      );
    } catch (err) {
      // The attempt still running belongs to a producer that is replaced before the next send.
      if (!done.signal.aborted) this.#stale = true;
      throw err;
    } finally {
      done.abort();
    }
  }

  /** Rejects with {@linkcode WhyStuck}'s answer while the send is slow; never resolves. */
  async #watch(topics: readonly string[], settled: AbortSignal): Promise<never> {
    const why = this.#whyStuck;
    for (let wait = STUCK_FIRST_MS; why; wait = STUCK_EVERY_MS) {
      if (!await sleep(wait, settled)) break;
      const err = await why(topics).catch(() => undefined);
      if (settled.aborted) break;
      if (err) throw err;
    }
    return await new Promise<never>(() => {});
  }

  async #sendOn(producer: Producer, batch: ProducerBatch & { topicMessages: TopicMessages[] }) {
    try {
      const results = await producer.sendBatch(batch);
      return await this.#completeMissing(producer, batch, results);
    } catch (err) {
      // Its sequence numbers may have been rolled back for a batch the broker wrote.
      if (producer.isIdempotent()) this.#stale = true;
      throw err;
    }
  }

  /** Sends again the records of partitions the reply left out (see the module docs). */
  async #completeMissing(
    producer: Producer,
    batch: ProducerBatch & { topicMessages: TopicMessages[] },
    results: RecordMetadata[],
  ): Promise<RecordMetadata[]> {
    if (batch.acks === 0) return results; // no reply is expected: nothing is missing
    const all = [...results];
    let missing = this.#missing(batch.topicMessages, all);
    for (let i = 0; missing.length > 0 && i < MISSING_RESENDS; i++) {
      all.push(...await producer.sendBatch({ ...batch, topicMessages: missing }));
      missing = this.#missing(missing, all);
    }
    if (missing.length > 0) {
      throw new Error(`no reply for ${missing.map((m) => m.topic).join(", ")} after resending`);
    }
    return all;
  }

  #missing(sent: readonly TopicMessages[], results: readonly RecordMetadata[]): TopicMessages[] {
    // Runs over every record of every send: partition numbers per topic, no
    // string built per record (about 0.5 µs a record in a CPU profile before).
    const answered = new Map<string, Set<number>>();
    for (const r of results) {
      const parts = answered.get(r.topicName) ?? new Set<number>();
      answered.set(r.topicName, parts.add(r.partition));
    }
    const none = new Set<number>();
    return sent.map(({ topic, messages }) => {
      const parts = answered.get(topic) ?? none;
      return {
        topic,
        messages: messages.filter((m) => {
          const partition = this.#chosen.get(m);
          return partition !== undefined && !parts.has(partition);
        }),
      };
    }).filter((t) => t.messages.length > 0);
  }

  /** A new driver producer (new producer id, fresh sequences) in place of the current one. */
  async #replace(): Promise<void> {
    const old = this.#current;
    const next = this.#create(this.#chosen);
    if (this.#connected) await next.connect();
    this.#current = next;
    this.#stale = false;
    this.#replaced++;
    // disconnect() waits for the old producer's requests; one may hang past any deadline.
    await withTimeout(old.disconnect(), OLD_PRODUCER_GRACE_MS, () => new Error("left behind"))
      .catch(() => {});
  }
}
