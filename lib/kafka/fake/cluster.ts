/**
 * The state of a fake Kafka cluster, in memory: brokers, topics whose
 * partitions hold logs with offsets and high watermarks, what each
 * idempotent producer last wrote to each partition, transactions, consumer
 * groups, injected faults, and a log of the requests it answered (for tests
 * to see what a client sent).
 *
 * Writes are checked as a broker checks them: a partition's leader must be
 * the broker asked (else NOT_LEADER_OR_FOLLOWER); acks=all needs
 * `min.insync.replicas` in-sync replicas (else NOT_ENOUGH_REPLICAS); a batch
 * of an idempotent producer with the producer id, epoch and sequence numbers
 * of one of its last five batches is a duplicate and is acknowledged with
 * the offset it was first written at without being appended again; a
 * sequence that does not follow the last one is OUT_OF_ORDER_SEQUENCE_NUMBER;
 * an older epoch is INVALID_PRODUCER_EPOCH.
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
import { Buffer } from "node:buffer";
import type { MessageHeaders, RecordMetadata } from "../port.ts";
import { connectionRefused, protocolError, type ProtocolErrorName } from "./errors.ts";
import {
  type Fault,
  faultError,
  FaultHandle,
  type RequestKind,
  type RequestScope,
} from "./faults.ts";
import { FakeGroup } from "./group.ts";

/** A record in a partition's log. */
export interface StoredRecord {
  readonly offset: bigint;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: MessageHeaders;
  readonly timestamp: string;
  /** -1 when the producer is not idempotent. */
  readonly producerId: number;
  readonly sequence: number;
  /** The producer id of the transaction it belongs to. */
  readonly transactional: boolean;
  /** A transaction marker (not a record a consumer sees). */
  readonly control?: "commit" | "abort";
  /** Written in a transaction that was aborted. */
  aborted?: boolean;
}

/** What an idempotent producer last wrote to a partition. */
interface ProducerState {
  epoch: number;
  lastSequence: number;
  batches: Array<{ firstSequence: number; lastSequence: number; baseOffset: bigint }>;
}

/** One partition: its replicas, its log and its producers. */
export class FakePartition {
  leader: number;
  replicas: number[];
  isr: number[];
  readonly log: StoredRecord[] = [];
  logStart = 0n;
  readonly producers = new Map<number, ProducerState>();
  /** Producer id -> first offset of its open transaction here. */
  readonly openTransactions = new Map<number, bigint>();

  constructor(readonly topic: string, readonly partition: number, replicas: number[]) {
    this.replicas = replicas;
    this.isr = [...replicas];
    this.leader = replicas[0];
  }

  /** The offset the next record gets (every record here is replicated at once). */
  get highWatermark(): bigint {
    return this.logStart + BigInt(this.log.length);
  }

  /** The first offset of an open transaction, or the high watermark. */
  get lastStable(): bigint {
    let lso = this.highWatermark;
    for (const first of this.openTransactions.values()) if (first < lso) lso = first;
    return lso;
  }

  /** The record at `offset`, if the log holds it. */
  at(offset: bigint): StoredRecord | undefined {
    return this.log[Number(offset - this.logStart)];
  }

  append(record: Omit<StoredRecord, "offset">): bigint {
    const offset = this.highWatermark;
    this.log.push({ ...record, offset });
    return offset;
  }
}

/** A topic: its partitions and the configs set on it. */
export interface FakeTopic {
  readonly name: string;
  readonly partitions: FakePartition[];
  readonly configs: Map<string, string>;
}

/** A batch of one partition in a produce request. */
export interface ProduceEntry {
  readonly topic: string;
  readonly partition: number;
  readonly firstSequence: number;
  readonly messages: ReadonlyArray<{
    key?: Buffer | string | null;
    value: Buffer | string | null;
    headers?: MessageHeaders;
    timestamp?: string;
  }>;
}

/** A produce request to one broker. */
export interface ProduceRequest {
  readonly broker: number;
  readonly producerId: number;
  readonly epoch: number;
  readonly transactional: boolean;
  readonly acks: number;
  readonly entries: readonly ProduceEntry[];
}

/** One request the fake answered (or failed), for tests to inspect. */
export interface RequestLogEntry {
  readonly kind: RequestKind;
  readonly broker?: number;
  readonly client?: string;
  readonly groupId?: string;
  readonly producerId?: number;
  /** produce: each partition's batch, whether it was appended or a duplicate. */
  readonly batches?: ReadonlyArray<
    {
      topic: string;
      partition: number;
      firstSequence: number;
      count: number;
      outcome: "appended" | "duplicate" | "refused";
    }
  >;
  /** commit: the offsets asked to store. */
  readonly offsets?: ReadonlyArray<{ topic: string; partition: number; offset: string }>;
  /** The error type or class it failed with, if it did. */
  readonly error?: string;
}

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

/** The topic configs the fake knows, with their defaults. */
export const TOPIC_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  "cleanup.policy": "delete",
  "compression.type": "producer",
  "delete.retention.ms": "86400000",
  "max.message.bytes": "1048588",
  "message.timestamp.type": "CreateTime",
  "min.insync.replicas": "1",
  "retention.bytes": "-1",
  "retention.ms": "604800000",
  "segment.bytes": "1073741824",
  "segment.ms": "604800000",
  "unclean.leader.election.enable": "false",
};

function toBuffer(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === "string" ? Buffer.from(v) : Buffer.from(v);
}

/** A fake Kafka cluster; see the module docs. */
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
  #faults: FaultHandle[] = [];
  #nextProducerId = 1000;
  /** Transactional id -> its producer id and epoch. */
  readonly #transactionalIds = new Map<string, { producerId: number; epoch: number }>();
  #waiters = new Set<() => void>();
  #hangs = new Set<() => void>();

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
    const handle = new FaultHandle(kind, fault);
    this.#faults.push(handle);
    return handle;
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    for (const f of this.#faults) f.clear();
    this.#faults = [];
  }

  /** The first injected fault that hits this request, counted as fired. */
  takeFault(kind: RequestKind, scope: RequestScope = {}): FaultHandle | undefined {
    return this.#faults.find((f) => f.take(kind, scope));
  }

  /**
   * Waits as a request without an answer does: until {@linkcode
   * FakeCluster.releaseHangs} (a client that disconnects calls it through
   * `signal`), then fails with a closed connection.
   */
  async hang(address: string, signal?: AbortSignal): Promise<never> {
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#hangs.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      this.#hangs.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
    throw faultError("CONNECTION_CLOSED", address);
  }

  /** Answers every hanging request with a closed connection. */
  releaseHangs(): void {
    for (const done of [...this.#hangs]) done();
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
  async produce(request: ProduceRequest, signal?: AbortSignal): Promise<RecordMetadata[]> {
    const scope = {
      broker: request.broker,
      partitions: request.entries.map((e) => ({ topic: e.topic, partition: e.partition })),
    };
    const fault = this.takeFault("produce", scope);
    const address = this.address(request.broker);
    if (fault?.fault.hang) {
      this.#logProduce(request, [], "hang");
      return await this.hang(address, signal);
    }
    if (fault && fault.fault.when !== "after") {
      this.#moveLeaderOf(fault.fault);
      const error = faultError(fault.fault.error, address);
      this.#logProduce(request, request.entries.map(() => "refused"), errorName(error));
      throw error;
    }
    const outcomes = request.entries.map((e) => this.#write(request, e));
    const refused = outcomes.find((o) => o.error !== undefined);
    if (fault) this.#moveLeaderOf(fault.fault);
    const error = fault ? faultError(fault.fault.error, address) : refused?.error;
    this.#logProduce(request, outcomes.map((o) => o.outcome), error && errorName(error));
    if (outcomes.some((o) => o.outcome === "appended")) this.notify();
    if (error) throw error;
    return outcomes.map((o) => o.result!);
  }

  /** A fault's leader move, when it asks for one. */
  #moveLeaderOf(fault: Fault): void {
    if (fault.moveLeaderTo === undefined || fault.topic === undefined) return;
    this.moveLeader(fault.topic, fault.partition ?? 0, fault.moveLeaderTo);
  }

  #logProduce(request: ProduceRequest, outcomes: string[], error?: string): void {
    this.log({
      kind: "produce",
      broker: request.broker,
      producerId: request.producerId,
      batches: request.entries.map((e, i) => ({
        topic: e.topic,
        partition: e.partition,
        firstSequence: e.firstSequence,
        count: e.messages.length,
        outcome: (outcomes[i] ?? "refused") as "appended" | "duplicate" | "refused",
      })),
      error,
    });
  }

  /** Checks and appends one partition's batch of a produce request. */
  #write(request: ProduceRequest, entry: ProduceEntry): {
    outcome: "appended" | "duplicate" | "refused";
    result?: RecordMetadata;
    error?: Error;
  } {
    const refuse = (name: ProtocolErrorName) => ({
      outcome: "refused" as const,
      error: protocolError(name),
    });
    const topic = this.topics.get(entry.topic);
    const p = topic?.partitions[entry.partition];
    if (!topic || !p) return refuse("UNKNOWN_TOPIC_OR_PARTITION");
    if (p.leader !== request.broker) return refuse("NOT_LEADER_OR_FOLLOWER");
    const minIsr = Number(this.topicConfig(entry.topic, "min.insync.replicas"));
    if (request.acks === -1 && p.isr.length < minIsr) return refuse("NOT_ENOUGH_REPLICAS");
    const result = (baseOffset: bigint): RecordMetadata => ({
      topicName: entry.topic,
      partition: entry.partition,
      errorCode: 0,
      baseOffset: baseOffset.toString(),
      logAppendTime: "-1",
      logStartOffset: p.logStart.toString(),
    });
    if (request.producerId < 0) {
      return { outcome: "appended", result: result(this.#append(p, request, entry)) };
    }
    const checked = this.#checkSequence(p, request, entry);
    if (checked.error) return refuse(checked.error);
    if (checked.duplicateOf !== undefined) {
      return { outcome: "duplicate", result: result(checked.duplicateOf) };
    }
    const base = this.#append(p, request, entry);
    this.#remember(p, request, entry, base);
    return { outcome: "appended", result: result(base) };
  }

  #checkSequence(
    p: FakePartition,
    request: ProduceRequest,
    entry: ProduceEntry,
  ): { error?: ProtocolErrorName; duplicateOf?: bigint } {
    const current = this.currentEpoch(request.producerId);
    if (current !== undefined && request.epoch < current) {
      return { error: "INVALID_PRODUCER_EPOCH" };
    }
    const state = p.producers.get(request.producerId);
    const last = entry.firstSequence + entry.messages.length - 1;
    if (state && request.epoch < state.epoch) return { error: "INVALID_PRODUCER_EPOCH" };
    if (state && request.epoch === state.epoch) {
      const dup = state.batches.find((b) =>
        b.firstSequence === entry.firstSequence && b.lastSequence === last
      );
      if (dup) return { duplicateOf: dup.baseOffset };
      if (entry.firstSequence !== state.lastSequence + 1) {
        return { error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
      }
      return {};
    }
    return entry.firstSequence === 0 ? {} : { error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
  }

  #append(p: FakePartition, request: ProduceRequest, entry: ProduceEntry): bigint {
    const base = p.highWatermark;
    if (request.transactional && !p.openTransactions.has(request.producerId)) {
      p.openTransactions.set(request.producerId, base);
    }
    entry.messages.forEach((m, i) => {
      p.append({
        key: toBuffer(m.key),
        value: toBuffer(m.value),
        headers: m.headers ?? {},
        timestamp: m.timestamp ?? String(Date.now()),
        producerId: request.producerId,
        sequence: request.producerId < 0 ? -1 : entry.firstSequence + i,
        transactional: request.transactional,
      });
    });
    return base;
  }

  /** Keeps the producer's last five batches, as a broker does for de-duplication. */
  #remember(p: FakePartition, request: ProduceRequest, entry: ProduceEntry, base: bigint): void {
    const last = entry.firstSequence + entry.messages.length - 1;
    const state = p.producers.get(request.producerId);
    const batches = state && state.epoch === request.epoch ? state.batches : [];
    batches.push({ firstSequence: entry.firstSequence, lastSequence: last, baseOffset: base });
    if (batches.length > 5) batches.shift();
    p.producers.set(request.producerId, { epoch: request.epoch, lastSequence: last, batches });
  }

  /**
   * Ends a producer's open transaction in every partition: writes the
   * marker, and on abort marks its records so read_committed skips them.
   */
  endTransaction(producerId: number, how: "commit" | "abort"): void {
    for (const topic of this.topics.values()) {
      for (const p of topic.partitions) {
        const first = p.openTransactions.get(producerId);
        if (first === undefined) continue;
        if (how === "abort") {
          for (const r of p.log) {
            if (r.offset >= first && r.producerId === producerId && !r.control) r.aborted = true;
          }
        }
        p.openTransactions.delete(producerId);
        p.append({
          key: null,
          value: null,
          headers: {},
          timestamp: String(Date.now()),
          producerId,
          sequence: -1,
          transactional: true,
          control: how,
        });
      }
    }
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

/** The name a request log gives an error: its Kafka type, else its class. */
export function errorName(err: unknown): string {
  const e = err as { type?: string; name?: string };
  return e?.type ?? e?.name ?? "Error";
}
