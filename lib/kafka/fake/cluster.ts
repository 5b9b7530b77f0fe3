/**
 * The state of a fake Kafka cluster, in memory: brokers, topics whose
 * partitions hold logs with offsets and high watermarks, what each
 * idempotent producer last wrote to each partition, transactions, consumer
 * groups, injected faults, and a log of the requests it answered (for tests
 * to see what a client sent).
 *
 * The parts live beside it: partition logs in `log.ts`, the request types
 * and log in `requests.ts`, writes checked as a broker checks them (leader,
 * `min.insync.replicas`, idempotence, epochs, transaction markers) in
 * `writes.ts`, injected faults in `faults.ts`, groups in `group.ts`.
 *
 * @example
 * ```ts
 * const cluster = new FakeCluster({ brokers: 3 });
 * cluster.createTopic("orders", { partitions: 3, replicationFactor: 3 });
 * cluster.inject("produce", { error: "NOT_ENOUGH_REPLICAS", times: 2 });
 * cluster.values("orders", 0); // ["..."]: what partition 0 holds, as strings
 * ```
 * @module
 */
import type { RecordMetadata } from "../port.ts";
import { connectionRefused, protocolError } from "./errors.ts";
import {
  type Fault,
  FaultBook,
  faultError,
  type FaultHandle,
  type RequestKind,
  type RequestScope,
} from "./faults.ts";
import { FakeGroup } from "./group.ts";
import {
  FakePartition,
  type FakeTopic,
  type StoredRecord,
  toBuffer,
  TOPIC_CONFIG_DEFAULTS,
} from "./log.ts";
import { errorName, type ProduceRequest, type RequestLogEntry } from "./requests.ts";
import { endTransactionIn, produce } from "./writes.ts";

export { errorName, FakePartition, type FakeTopic, type StoredRecord, TOPIC_CONFIG_DEFAULTS };
export type { ProduceEntry, ProduceRequest, RequestLogEntry } from "./requests.ts";

/** Options of {@linkcode FakeCluster}. */
export interface FakeClusterOptions {
  /** How many brokers (ids 1..n; default 3). */
  readonly brokers?: number;
  readonly clusterId?: string;
  /** Records per fetched batch at most (default 100). */
  readonly maxBatchRecords?: number;
  /** A member's rebalance timeout when its consumer sets none (default 10 s). */
  readonly rebalanceTimeoutMs?: number;
  /** Partitions of a topic created without a count (default 1). */
  readonly defaultPartitions?: number;
}

export class FakeCluster {
  readonly clusterId: string;
  readonly brokerIds: readonly number[];
  readonly maxBatchRecords: number;
  readonly rebalanceTimeoutMs: number;
  readonly defaultPartitions: number;
  readonly topics = new Map<string, FakeTopic>();
  readonly groups = new Map<string, FakeGroup>();
  /** Every request answered or failed, oldest first. */
  readonly requests: RequestLogEntry[] = [];
  readonly #stopped = new Set<number>();
  readonly #faults = new FaultBook();
  #nextProducerId = 1000;
  /** Transactional id -> its producer id and epoch. */
  readonly #transactionalIds = new Map<string, { producerId: number; epoch: number }>();
  #waiters = new Set<() => void>();

  constructor(options: FakeClusterOptions = {}) {
    const n = options.brokers ?? 3;
    this.brokerIds = Array.from({ length: n }, (_, i) => i + 1);
    this.clusterId = options.clusterId ?? "fake-cluster";
    this.maxBatchRecords = options.maxBatchRecords ?? 100;
    this.rebalanceTimeoutMs = options.rebalanceTimeoutMs ?? 10_000;
    this.defaultPartitions = options.defaultPartitions ?? 1;
  }

  /** `host:port` of a broker. */
  address(broker: number): string {
    return `fake-broker-${broker}:9092`;
  }

  /** The bootstrap addresses of every broker. */
  get addresses(): string[] {
    return this.brokerIds.map((b) => this.address(b));
  }

  /** The brokers that run. */
  get liveBrokers(): number[] {
    return this.brokerIds.filter((b) => !this.#stopped.has(b));
  }

  /** The broker of an address, if it is one of this cluster's. */
  brokerAt(address: string): number | undefined {
    return this.brokerIds.find((b) => this.address(b) === address);
  }

  // ---------------------------------------------------------------- topics

  /**
   * Creates a topic (replicas placed round the brokers, the first one
   * leading). Throws TOPIC_ALREADY_EXISTS, INVALID_REPLICATION_FACTOR,
   * INVALID_PARTITIONS or INVALID_CONFIG as a broker would.
   */
  createTopic(
    name: string,
    options: { partitions?: number; replicationFactor?: number; configs?: Record<string, string> } =
      {},
  ): FakeTopic {
    if (this.topics.has(name)) throw protocolError("TOPIC_ALREADY_EXISTS");
    const count = options.partitions ?? this.defaultPartitions;
    const rf = options.replicationFactor ?? Math.min(3, this.brokerIds.length);
    if (!Number.isInteger(count) || count < 1) throw protocolError("INVALID_PARTITIONS");
    if (rf < 1 || rf > this.liveBrokers.length) throw protocolError("INVALID_REPLICATION_FACTOR");
    for (const key of Object.keys(options.configs ?? {})) {
      if (!(key in TOPIC_CONFIG_DEFAULTS)) throw protocolError("INVALID_CONFIG");
    }
    const live = this.liveBrokers;
    const partitions = Array.from({ length: count }, (_, p) => {
      const replicas = Array.from({ length: rf }, (_, r) => live[(p + r) % live.length]);
      return new FakePartition(name, p, replicas);
    });
    const topic = { name, partitions, configs: new Map(Object.entries(options.configs ?? {})) };
    this.topics.set(name, topic);
    this.notify();
    return topic;
  }

  /** Deletes a topic and the offsets groups committed on it. */
  deleteTopic(name: string): void {
    if (!this.topics.delete(name)) throw protocolError("UNKNOWN_TOPIC_OR_PARTITION");
    for (const g of this.groups.values()) g.forgetTopic(name);
    this.notify();
  }

  /** A topic; throws UNKNOWN_TOPIC_OR_PARTITION when there is none. */
  topic(name: string): FakeTopic {
    const topic = this.topics.get(name);
    if (!topic) throw protocolError("UNKNOWN_TOPIC_OR_PARTITION");
    return topic;
  }

  /** A partition; throws UNKNOWN_TOPIC_OR_PARTITION when there is none. */
  partition(topic: string, partition: number): FakePartition {
    const p = this.topic(topic).partitions[partition];
    if (!p) throw protocolError("UNKNOWN_TOPIC_OR_PARTITION");
    return p;
  }

  /**
   * Appends records to a partition as a plain (non-idempotent) producer
   * would, without a request; returns the offset of the first one.
   */
  addRecords(
    topic: string,
    partition: number,
    records: ReadonlyArray<string | { key?: string | null; value: string | null }>,
  ): bigint {
    const p = this.partition(topic, partition);
    const first = p.highWatermark;
    for (const r of records) {
      const { key, value } = typeof r === "string" ? { key: null, value: r } : r;
      p.append({
        key: toBuffer(key),
        value: toBuffer(value),
        headers: {},
        timestamp: String(Date.now()),
        producerId: -1,
        sequence: -1,
        transactional: false,
      });
    }
    this.notify();
    return first;
  }

  /** The value of a topic config (set on the topic, else the default). */
  topicConfig(topic: string, name: string): string | undefined {
    return this.topic(topic).configs.get(name) ?? TOPIC_CONFIG_DEFAULTS[name];
  }

  /**
   * The records a read_committed consumer would see in a partition (no
   * markers, nothing aborted or still open), e.g. for a test's assertions.
   */
  records(topic: string, partition: number): StoredRecord[] {
    const p = this.partition(topic, partition);
    return p.log.filter((r) => !r.control && !r.aborted && r.offset < p.lastStable);
  }

  /** The values of {@linkcode FakeCluster.records} as strings. */
  values(topic: string, partition: number): string[] {
    return this.records(topic, partition).map((r) => r.value?.toString("utf8") ?? "");
  }

  // ---------------------------------------------------------------- brokers

  /** Moves a partition's leadership to `broker` (which joins its replicas and ISR). */
  moveLeader(topic: string, partition: number, broker: number): void {
    const p = this.partition(topic, partition);
    if (!p.replicas.includes(broker)) p.replicas.push(broker);
    if (!p.isr.includes(broker)) p.isr.push(broker);
    p.leader = broker;
    this.notify();
  }

  /**
   * Stops a broker: it leaves every ISR, partitions it led move to another
   * in-sync replica or have no leader (-1), and connections to it are refused.
   */
  stopBroker(broker: number): void {
    this.#stopped.add(broker);
    for (const topic of this.topics.values()) {
      for (const p of topic.partitions) {
        p.isr = p.isr.filter((b) => b !== broker);
        if (p.leader === broker) p.leader = p.isr[0] ?? -1;
      }
    }
    this.notify();
  }

  /** Starts a stopped broker: it is back in the ISR of its replicas and leads where none did. */
  startBroker(broker: number): void {
    this.#stopped.delete(broker);
    for (const topic of this.topics.values()) {
      for (const p of topic.partitions) {
        if (p.replicas.includes(broker) && !p.isr.includes(broker)) p.isr.push(broker);
        if (p.leader < 0 && p.replicas.includes(broker)) p.leader = broker;
      }
    }
    this.notify();
  }

  /** Whether a TCP connection to `address` would be accepted (its broker runs). */
  accepts(address: string): boolean {
    const broker = this.brokerAt(address);
    return broker !== undefined && !this.#stopped.has(broker);
  }

  /** Throws the client's connection error when no broker of `addresses` runs. */
  checkReachable(addresses: readonly string[]): void {
    if (!addresses.some((a) => this.accepts(a))) throw connectionRefused(addresses[0] ?? "?");
  }

  // ---------------------------------------------------------------- faults

  /** Injects a fault (see `faults.ts`); the handle tells how often it fired. */
  inject(kind: RequestKind, fault: Fault): FaultHandle {
    return this.#faults.inject(kind, fault);
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** The first injected fault that hits this request, counted as fired. */
  takeFault(kind: RequestKind, scope: RequestScope = {}): FaultHandle | undefined {
    return this.#faults.take(kind, scope);
  }

  /**
   * Waits as a request without an answer does: until {@linkcode
   * FakeCluster.releaseHangs} (a client that disconnects calls it through
   * `signal`), then fails with a closed connection.
   */
  hang(address: string, signal?: AbortSignal): Promise<never> {
    return this.#faults.hang(address, signal);
  }

  /** Answers every hanging request with a closed connection. */
  releaseHangs(): void {
    this.#faults.releaseHangs();
  }

  /** Runs a request's fault, if one is injected: throws it (after hanging, with `hang`). */
  async failIfInjected(
    kind: RequestKind,
    scope: RequestScope & { address?: string; signal?: AbortSignal },
  ): Promise<void> {
    const fault = this.takeFault(kind, scope);
    if (!fault) return;
    const address = scope.address ?? this.address(scope.broker ?? this.brokerIds[0]);
    const error = faultError(fault.fault.error, address);
    this.log({ kind, broker: scope.broker, groupId: scope.groupId, error: errorName(error) });
    if (fault.fault.hang) await this.hang(address, scope.signal);
    throw error;
  }

  /** Adds a request to {@linkcode FakeCluster.requests}. */
  log(entry: RequestLogEntry): void {
    this.requests.push(entry);
  }

  // ---------------------------------------------------------------- news

  /** Tells consumers waiting for records or group changes to look again. */
  notify(): void {
    const waiters = this.#waiters;
    this.#waiters = new Set();
    for (const w of waiters) w();
  }

  /** Resolves at the next change, after `ms`, or when `signal` aborts, whichever is first. */
  changed(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiters.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  // ---------------------------------------------------------------- producers

  /** A new producer id (InitProducerId); for a transactional id, its id with the next epoch. */
  initProducerId(transactionalId?: string): { producerId: number; epoch: number } {
    if (transactionalId === undefined) return { producerId: this.#nextProducerId++, epoch: 0 };
    const known = this.#transactionalIds.get(transactionalId);
    const next = known
      ? { producerId: known.producerId, epoch: known.epoch + 1 }
      : { producerId: this.#nextProducerId++, epoch: 0 };
    if (known) this.endTransaction(known.producerId, "abort"); // fences the older instance
    this.#transactionalIds.set(transactionalId, next);
    return next;
  }

  /** The current epoch of a transactional id's producer id. */
  currentEpoch(producerId: number): number | undefined {
    for (const v of this.#transactionalIds.values()) {
      if (v.producerId === producerId) return v.epoch;
    }
    return undefined;
  }

  /**
   * A produce request to one broker; resolves one result per partition, or
   * throws the first partition's error (as the kafkajs adapter does). With an
   * injected `when: "after"` fault, the records are appended first.
   */
  produce(request: ProduceRequest, signal?: AbortSignal): Promise<RecordMetadata[]> {
    return produce(this, request, signal);
  }

  /**
   * Ends a producer's open transaction in every partition: writes the
   * marker, and on abort marks its records so read_committed skips them.
   */
  endTransaction(producerId: number, how: "commit" | "abort"): void {
    endTransactionIn(this.topics.values(), producerId, how);
    this.notify();
  }

  // ---------------------------------------------------------------- groups

  /** A group, made on first use (as a coordinator makes one on the first join or commit). */
  group(id: string): FakeGroup {
    let g = this.groups.get(id);
    if (!g) {
      g = new FakeGroup(id, {
        partitionCount: (topic) => this.topics.get(topic)?.partitions.length ?? 0,
        notify: () => this.notify(),
      });
      this.groups.set(id, g);
    }
    return g;
  }

  /** A group's committed offset of a partition as a string, or undefined. */
  committed(groupId: string, topic: string, partition: number): string | undefined {
    return this.groups.get(groupId)?.committed(topic, partition)?.offset.toString();
  }

  /** Drops every member of a group at once, as when their sessions run out. */
  expireMembers(groupId: string): void {
    this.group(groupId).expireMembers();
  }

  /** Ends timers and hanging requests; call when a test is done with the cluster. */
  close(): void {
    this.releaseHangs();
    for (const g of this.groups.values()) g.close();
    this.notify();
  }
}
