/**
 * The fake driver's producer: a plain producer that behaves as the kafkajs
 * adapter's does in the ways `SafeProducer` (`../safe_producer.ts`) works
 * around, so that tests of the safe producer fail when a workaround is
 * taken away:
 * - each attempt of a send runs the partitioner again, and an unkeyed record
 *   moves to the next partition on every call, unless a partition memo is
 *   given (then each message object's partition is chosen once);
 * - one request per leader broker; a broker that answered is not asked again
 *   on a retry, so a partition whose leader moved to it is left out of the
 *   result (kafkajs' `responsePerBroker`);
 * - an idempotent producer's sequence numbers advance when a request is made
 *   and are rolled back when it fails, whether or not the broker wrote it;
 * - retries: `retry.retries` (default {@linkcode DEFAULT_RETRIES}) on retriable errors, then
 *   `KafkaJSNumberOfRetriesExceeded`; an error that is not retriable is
 *   thrown as it is. There is no back-off time: a retry waits only for the
 *   next turn of the event loop.
 *
 * @example
 * ```ts
 * const producer = new FakeProducer(cluster, { idempotent: true }, memo);
 * await producer.connect();
 * await producer.send({ topic: "t", messages: [{ value: "v" }] });
 * ```
 * @module
 */
import type {
  Message,
  PartitionMemo,
  Producer,
  ProducerBatch,
  ProducerOptions,
  ProducerRecord,
  RecordMetadata,
  TopicMessages,
  TopicOffsets,
  Transaction,
} from "../port.ts";
import type { FakeCluster, ProduceEntry } from "./cluster.ts";
import {
  FakeKafkaError,
  nonRetriable,
  protocolError,
  retriedByClient,
  retriesExceeded,
} from "./errors.ts";
import { type Partitioner, roundRobinPartitioner } from "./partitioner.ts";

/** What the driver's producer takes (the port's options without the safe producer's own). */
export type DriverProducerOptions = Omit<
  ProducerOptions,
  "deliveryTimeoutMs" | "unsafePartitioning"
>;

/**
 * The retries of a producer that sets none: the kafkajs adapter's
 * client-wide `retry.retries` (`kafkajs/driver.ts`), which kafkajs gives
 * every producer.
 */
export const DEFAULT_RETRIES = 8;

/** The next turn of the event loop: lets requests in flight settle, as a back-off would. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Throws a connect failure as kafkajs' retrier would hand it over. */
export function asClientFailure(err: unknown): Error {
  const e = err as Error;
  return retriedByClient(e) ? retriesExceeded(e, DEFAULT_RETRIES) : nonRetriable(e);
}

type Entry = Omit<ProduceEntry, "firstSequence">;

/** The fake producer; see the module docs. */
export class FakeProducer implements Producer {
  readonly #cluster: FakeCluster;
  readonly #options: DriverProducerOptions;
  readonly #memo?: PartitionMemo;
  readonly #partitioner: Partitioner = roundRobinPartitioner();
  readonly #sequences = new Map<string, number>();
  #stop = new AbortController();
  #connected = false;
  #producerId = -1;
  #epoch = 0;
  #transaction?: FakeTransaction;

  constructor(cluster: FakeCluster, options: DriverProducerOptions = {}, memo?: PartitionMemo) {
    if (options.idempotent && (options.retry?.retries ?? DEFAULT_RETRIES) < 1) {
      // kafkajs refuses this when the producer is made.
      throw new FakeKafkaError(
        "KafkaJSNonRetriableError",
        "Idempotent producer must allow retries to protect against transient errors",
        { retriable: false },
      );
    }
    this.#cluster = cluster;
    this.#options = options;
    this.#memo = memo;
  }

  /** The producer id the broker gave it (-1 when it is not idempotent or not connected). */
  get producerId(): number {
    return this.#producerId;
  }

  async connect(): Promise<void> {
    const cluster = this.#cluster;
    this.#stop = new AbortController();
    const signal = this.#stop.signal;
    try {
      await cluster.failIfInjected("connect", { address: cluster.addresses[0], signal });
      cluster.checkReachable(cluster.addresses);
    } catch (err) {
      throw asClientFailure(err);
    }
    if (this.isIdempotent()) {
      await cluster.failIfInjected("initProducerId", { signal });
      const id = cluster.initProducerId(this.#options.transactionalId);
      this.#producerId = id.producerId;
      this.#epoch = id.epoch;
    }
    this.#connected = true;
  }

  disconnect(): Promise<void> {
    this.#connected = false;
    this.#stop.abort(); // requests without an answer fail now
    return Promise.resolve();
  }

  isIdempotent(): boolean {
    return this.#options.idempotent === true || this.#options.transactionalId !== undefined;
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...rest } = record;
    return this.sendBatch({ ...rest, topicMessages: [{ topic, messages }] });
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    if (this.#options.transactionalId !== undefined && !this.#transaction) {
      return Promise.reject(
        new FakeKafkaError("KafkaJSNonRetriableError", "no transaction is open", {
          retriable: false,
        }),
      );
    }
    return this.#sendWithRetries(batch);
  }

  transaction(): Promise<Transaction> {
    if (this.#options.transactionalId === undefined || this.#transaction) {
      return Promise.reject(
        new FakeKafkaError("KafkaJSNonRetriableError", "cannot begin a transaction here", {
          retriable: false,
        }),
      );
    }
    this.#transaction = new FakeTransaction(this.#cluster, {
      send: (batch) => this.#sendWithRetries(batch),
      producerId: () => this.#producerId,
      signal: () => this.#stop.signal,
      epoch: () => this.#epoch,
      ended: () => (this.#transaction = undefined),
    });
    return Promise.resolve(this.#transaction);
  }

  async #sendWithRetries(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const retries = this.#options.retry?.retries ?? DEFAULT_RETRIES;
    const responses = new Map<number, RecordMetadata[] | null>();
    for (let attempt = 0;; attempt++) {
      if (!this.#connected) {
        throw new FakeKafkaError("KafkaJSError", "the producer is disconnected", {
          retriable: false,
        });
      }
      try {
        await this.#attempt(batch, responses);
        return [...responses.values()].flatMap((r) => r ?? []);
      } catch (err) {
        if (!retriedByClient(err) || !this.#connected) throw err;
        if (attempt >= retries) throw retriesExceeded(err as Error, attempt);
        await nextTurn();
      }
    }
  }

  /** One attempt: a request to each leader that has not answered yet. */
  async #attempt(
    batch: ProducerBatch,
    responses: Map<number, RecordMetadata[] | null>,
  ): Promise<void> {
    const perBroker = new Map<number, Entry[]>();
    for (const tm of batch.topicMessages ?? []) {
      for (const [leader, entry] of this.#byLeader(tm)) {
        perBroker.set(leader, [...(perBroker.get(leader) ?? []), entry]);
      }
    }
    for (const leader of perBroker.keys()) if (!responses.has(leader)) responses.set(leader, null);
    const pending = [...responses].filter(([, r]) => r === null).map(([b]) => b);
    const settled = await Promise.allSettled(
      pending.map((broker) =>
        this.#request(broker, perBroker.get(broker) ?? [], batch.acks ?? -1, responses)
      ),
    );
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  /** A topic's messages grouped by partition, each group with its partition's leader now. */
  #byLeader({ topic, messages }: TopicMessages): Array<[number, Entry]> {
    const known = this.#cluster.topics.get(topic);
    if (!known) throw protocolError("UNKNOWN_TOPIC_OR_PARTITION");
    const layout = known.partitions.map((p) => ({ partition: p.partition, leader: p.leader }));
    const byPartition = new Map<number, Message[]>();
    for (const m of messages) {
      const partition = this.#memo?.get(m) ?? this.#partitioner(m, layout);
      this.#memo?.set(m, partition);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), m]);
    }
    return [...byPartition].map(([partition, group]) => {
      const p = known.partitions[partition];
      if (!p) throw protocolError("UNKNOWN_TOPIC_OR_PARTITION");
      if (p.leader < 0) throw protocolError("LEADER_NOT_AVAILABLE");
      return [p.leader, { topic, partition, messages: group }];
    });
  }

  /** One produce request: sequences taken before it, rolled back if it fails. */
  async #request(
    broker: number,
    entries: Entry[],
    acks: number,
    responses: Map<number, RecordMetadata[] | null>,
  ): Promise<void> {
    const idempotent = this.isIdempotent();
    const key = (e: Entry) => `${e.topic}\u0000${e.partition}`;
    let taken: ProduceEntry[] = [];
    try {
      if (this.#transaction) await this.#transaction.addPartitions(broker, entries);
      taken = entries.map((e) => {
        const first = idempotent ? this.#sequences.get(key(e)) ?? 0 : -1;
        if (idempotent) this.#sequences.set(key(e), first + e.messages.length);
        return { ...e, firstSequence: first };
      });
      const result = await this.#cluster.produce({
        broker,
        producerId: this.#producerId,
        epoch: this.#epoch,
        transactional: this.#transaction !== undefined,
        acks,
        entries: taken,
      }, this.#stop.signal);
      responses.set(broker, acks === 0 ? [] : result);
    } catch (err) {
      for (const e of taken) {
        const now = this.#sequences.get(key(e)) ?? 0;
        if (idempotent) this.#sequences.set(key(e), now - e.messages.length);
      }
      responses.delete(broker);
      throw err;
    }
  }
}

/** What a transaction needs of its producer. */
interface TransactionHost {
  send(batch: ProducerBatch): Promise<RecordMetadata[]>;
  producerId(): number;
  epoch(): number;
  /** Aborted when the producer disconnects (a hanging request then fails). */
  signal(): AbortSignal;
  ended(): void;
}

/**
 * An open transaction of the fake producer: its records are in the log but
 * hidden from read_committed consumers until `commit()`; offsets given to
 * `sendOffsets()` are stored with the commit.
 */
export class FakeTransaction implements Transaction {
  readonly #cluster: FakeCluster;
  readonly #host: TransactionHost;
  readonly #offsets: Array<{ groupId: string; topic: string; partition: number; offset: bigint }> =
    [];
  #open = true;

  constructor(cluster: FakeCluster, host: TransactionHost) {
    this.#cluster = cluster;
    this.#host = host;
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...rest } = record;
    return this.sendBatch({ ...rest, topicMessages: [{ topic, messages }] });
  }

  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    this.#checkOpen();
    return await this.#host.send(batch);
  }

  /** AddPartitionsToTxn for a produce request's partitions (faults of that kind hit here). */
  async addPartitions(broker: number, entries: readonly Entry[]): Promise<void> {
    await this.#cluster.failIfInjected("addPartitionsToTxn", {
      broker,
      signal: this.#host.signal(),
      partitions: entries.map((e) => ({ topic: e.topic, partition: e.partition })),
    });
    this.#checkEpoch();
  }

  async sendOffsets(offsets: { consumerGroupId: string; topics: TopicOffsets[] }): Promise<void> {
    this.#checkOpen();
    await this.#cluster.failIfInjected("sendOffsets", {
      groupId: offsets.consumerGroupId,
      signal: this.#host.signal(),
    });
    this.#checkEpoch();
    for (const t of offsets.topics) {
      for (const p of t.partitions) {
        this.#offsets.push({
          groupId: offsets.consumerGroupId,
          topic: t.topic,
          partition: p.partition,
          offset: BigInt(p.offset),
        });
      }
    }
  }

  async commit(): Promise<void> {
    await this.#end("commit");
    for (const o of this.#offsets) this.#cluster.group(o.groupId).store([o]);
  }

  async abort(): Promise<void> {
    await this.#end("abort");
  }

  async #end(how: "commit" | "abort"): Promise<void> {
    this.#checkOpen();
    await this.#cluster.failIfInjected("endTxn", { signal: this.#host.signal() });
    this.#checkEpoch();
    this.#cluster.endTransaction(this.#host.producerId(), how);
    this.#open = false;
    this.#host.ended();
  }

  #checkOpen(): void {
    if (!this.#open) throw protocolError("INVALID_TXN_STATE");
  }

  /** A newer instance with the same transactional id fenced this one. */
  #checkEpoch(): void {
    const current = this.#cluster.currentEpoch(this.#host.producerId());
    if (current !== undefined && current > this.#host.epoch()) {
      throw protocolError("INVALID_PRODUCER_EPOCH");
    }
  }
}
