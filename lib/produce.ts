/**
 * A kafkajs producer made safe for retries: every producer of the program
 * comes from here (through `KafkaClients.producer()`), so labs call `send` and
 * `sendBatch` as on any kafkajs producer.
 *
 * What kafkajs 2.2.4 gets wrong, and what this wrapper does about it:
 * - A retried `send()` runs the partitioner again; the default one moves an
 *   unkeyed record to the next partition on every call, retries included.
 *   Here each record's partition is chosen once, before its first attempt
 *   ({@linkcode partitionOncePerRecord}), so a retry is the same batch to the
 *   same partition with the same sequence numbers, which the broker
 *   recognises as a duplicate if it had written it.
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
 * `unsafePartitioning: true` gives the plain kafkajs producer, for lab 5 to
 * show the loss on purpose.
 *
 * @example
 * ```ts
 * const producer = kafka.idempotentProducer();
 * await producer.connect();
 * const [meta] = await producer.send({ topic, messages: [{ value: "hello" }] });
 * await producer.disconnect();
 * ```
 * @module
 */
import type {
  ICustomPartitioner,
  Message,
  Producer,
  ProducerBatch,
  ProducerConfig,
  ProducerRecord,
  RecordMetadata,
  TopicMessages,
} from "kafkajs";

/** Options of `KafkaClients.producer()`: kafkajs' own, and the unsafe switch for lab 5. */
export interface ProducerOptions extends ProducerConfig {
  /**
   * Lab 5 only: the plain kafkajs producer, whose retries re-run the
   * partitioner and which is reused after a failed send with rolled-back
   * sequence numbers, so a broker failure can lose an acknowledged record.
   */
  readonly unsafePartitioning?: boolean;
}

/** How many times the records of a partition missing from a reply are sent again. */
const MISSING_RESENDS = 5;

/**
 * Wraps a partitioner so it chooses a record's partition once: later calls
 * for the same message object (kafkajs' retries) get the same answer. `chosen`
 * receives every choice, so the caller knows where each record went.
 */
export function partitionOncePerRecord(
  create: ICustomPartitioner,
  chosen: WeakMap<Message, number>,
): ICustomPartitioner {
  return () => {
    const partitioner = create();
    return (args) => {
      const known = chosen.get(args.message);
      if (known !== undefined) return known;
      const partition = partitioner(args);
      chosen.set(args.message, partition);
      return partition;
    };
  };
}

type Listener = Parameters<Producer["on"]>;

/** A producer that is safe to retry; see the module docs. */
export class SafeProducer implements Producer {
  readonly #create: (chosen: WeakMap<Message, number>) => Producer;
  readonly #chosen = new WeakMap<Message, number>();
  readonly #listeners: Listener[] = [];
  #current: Producer;
  #stale = false;
  #connected = false;
  #queue: Promise<unknown> = Promise.resolve();
  #replaced = 0;

  /** `create` makes a kafkajs producer whose partitioner is wrapped with `chosen`. */
  constructor(create: (chosen: WeakMap<Message, number>) => Producer) {
    this.#create = create;
    this.#current = create(this.#chosen);
  }

  /** How many times a producer was replaced after a failed send. */
  get replacements(): number {
    return this.#replaced;
  }

  get events(): Producer["events"] {
    return this.#current.events;
  }

  async connect(): Promise<void> {
    await this.#current.connect();
    this.#connected = true;
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
    await this.#queue.catch(() => {});
    await this.#current.disconnect();
  }

  isIdempotent(): boolean {
    return this.#current.isIdempotent();
  }

  logger(): ReturnType<Producer["logger"]> {
    return this.#current.logger();
  }

  transaction(): ReturnType<Producer["transaction"]> {
    return this.#current.transaction();
  }

  on(...[event, listener]: Listener): ReturnType<Producer["on"]> {
    const entry = [event, listener] as Listener;
    this.#listeners.push(entry);
    let remove = (this.#current.on as (...a: Listener) => () => void)(...entry);
    const current = this.#current;
    return (() => {
      const i = this.#listeners.indexOf(entry);
      if (i >= 0) this.#listeners.splice(i, 1);
      if (current === this.#current) remove();
      remove = () => {};
    }) as ReturnType<Producer["on"]>;
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
    if (this.#stale) await this.#replace();
    const producer = this.#current;
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
    const answered = new Set(results.map((r) => `${r.topicName}\u0000${r.partition}`));
    return sent.map(({ topic, messages }) => ({
      topic,
      messages: messages.filter((m) => {
        const partition = this.#chosen.get(m);
        return partition !== undefined && !answered.has(`${topic}\u0000${partition}`);
      }),
    })).filter((t) => t.messages.length > 0);
  }

  /** A new kafkajs producer (new producer id, fresh sequences) in place of the current one. */
  async #replace(): Promise<void> {
    const old = this.#current;
    const next = this.#create(this.#chosen);
    for (const entry of this.#listeners) (next.on as (...a: Listener) => unknown)(...entry);
    if (this.#connected) await next.connect();
    this.#current = next;
    this.#stale = false;
    this.#replaced++;
    await old.disconnect().catch(() => {});
  }
}
