/**
 * The fake driver's consumer: a group member that behaves as the kafkajs
 * adapter's does where the consumer loop (`../consumer_loop.ts`) depends on
 * it.
 *
 * - `run()` joins the group (GROUP_JOIN carries the member's partitions)
 *   and resolves; records then arrive through `eachMessage` or `eachBatch`,
 *   one batch of one partition at a time, from the position of each
 *   partition: the committed offset after a join, else the log start
 *   (`fromBeginning`) or the end.
 * - The position moves only as records are resolved (after each
 *   `eachMessage`, by `resolveOffset`, or at the end of a batch with
 *   `eachBatchAutoResolve`), so records handed over but not resolved come
 *   again. A join (after a rebalance, a restart or being dropped from the
 *   group) starts again from the committed offsets.
 * - A rebalance is noticed at the next heartbeat (after each record or
 *   batch, and while idle): the member joins again and gets its partitions
 *   anew. A commit of a member the group dropped fails with
 *   UNKNOWN_MEMBER_ID, of an older generation with ILLEGAL_GENERATION.
 * - Errors while fetching or handling are retried 5 times; then, or at once
 *   for an error that is not retriable (a `TypeError`), the consumer
 *   crashes: it leaves the group, and CRASH tells whether it restarts
 *   itself (kafkajs' rule: its retries ran out, or the root cause is
 *   retriable), which it then does from the committed offsets.
 * - `disconnect()` lets the record or batch in hand finish, then leaves.
 *   Never call it from inside a handler (it waits for that handler).
 *
 * Read_committed (the default) hides records of open or aborted
 * transactions and transaction markers; `batch.lastOffset()` still covers
 * the markers.
 *
 * @example
 * ```ts
 * const consumer = new FakeConsumer(cluster, { groupId: "g" }, "kafka-lab");
 * await consumer.connect();
 * await consumer.subscribe({ topic: "t", fromBeginning: true });
 * await consumer.run({ eachMessage: async ({ message }) => seen.push(message.offset) });
 * ```
 * @module
 */
import { Buffer } from "node:buffer";
import {
  type Batch,
  type Consumer,
  CONSUMER_EVENTS,
  type ConsumerOptions,
  type ConsumerRunConfig,
  type CrashEvent,
  type EndBatchProcessEvent,
  type GroupJoinEvent,
  type KafkaMessage,
  type MessageHeaders,
  type TopicPartitionOffset,
} from "../port.ts";
import { errorName, type FakeCluster, type FakePartition, type StoredRecord } from "./cluster.ts";
import {
  crashRestarts,
  isRebalancing,
  nonRetriable,
  protocolError,
  retriedByClient,
  retriesExceeded,
} from "./errors.ts";
import { faultError, type RequestScope } from "./faults.ts";
import type { FakeGroup } from "./group.ts";
import { asClientFailure, nextTurn } from "./producer.ts";

/** The retries of a consumer's fetch loop and join (kafkajs' `consumer()` default, 5). */
const RETRIES = 5;
/** The fetch wait when the consumer sets none (the kafkajs adapter's default). */
const DEFAULT_FETCH_WAIT_MS = 1_000;

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** One fetched batch before it is handed over. */
interface Fetched {
  readonly topic: string;
  readonly partition: number;
  readonly first: bigint;
  readonly last: bigint;
  readonly highWatermark: bigint;
  readonly messages: KafkaMessage[];
}

function headersOut(headers: MessageHeaders): MessageHeaders {
  const out: MessageHeaders = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const buf = (x: Buffer | string) => typeof x === "string" ? Buffer.from(x) : x;
    out[k] = Array.isArray(v) ? v.map(buf) : buf(v);
  }
  return out;
}

function messageOf(r: StoredRecord): KafkaMessage {
  return {
    key: r.key,
    value: r.value,
    timestamp: r.timestamp,
    offset: r.offset.toString(),
    headers: headersOut(r.headers),
  };
}

type Listener = (event: never) => void;

/** The fake consumer; see the module docs. */
export class FakeConsumer implements Consumer {
  readonly events = CONSUMER_EVENTS;
  readonly #cluster: FakeCluster;
  readonly #options: ConsumerOptions;
  readonly #clientId: string;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #positions = new Map<string, bigint>();
  readonly #seeks = new Map<string, bigint>();
  readonly #paused = new Set<string>();
  #topics: string[] = [];
  #fromBeginning = false;
  #config?: ConsumerRunConfig;
  #connected = false;
  #running = false;
  #stopped = false;
  #memberId?: string;
  #generation = -1;
  #assignment: Record<string, number[]> = {};
  #cursor = 0;
  #loop?: Promise<void>;
  #stop = new AbortController();
  #restartTimer?: ReturnType<typeof setTimeout>;

  constructor(cluster: FakeCluster, options: ConsumerOptions, clientId: string) {
    this.#cluster = cluster;
    this.#options = options;
    this.#clientId = clientId;
  }

  /** The member id the group gave it (undefined while it is not a member). */
  get memberId(): string | undefined {
    return this.#memberId;
  }

  get #group(): FakeGroup {
    return this.#cluster.group(this.#options.groupId);
  }

  get #readCommitted(): boolean {
    return this.#options.readUncommitted !== true;
  }

  async connect(): Promise<void> {
    this.#stop = new AbortController();
    try {
      await this.#cluster.failIfInjected("connect", {
        groupId: this.#options.groupId,
        signal: this.#stop.signal,
      });
      this.#cluster.checkReachable(this.#cluster.addresses);
    } catch (err) {
      throw asClientFailure(err);
    }
    this.#connected = true;
    this.#stopped = false;
  }

  subscribe(
    subscription: { topic: string; fromBeginning?: boolean } | {
      topics: string[];
      fromBeginning?: boolean;
    },
  ): Promise<void> {
    const topics = "topic" in subscription ? [subscription.topic] : subscription.topics;
    const missing = topics.find((t) => !this.#cluster.topics.has(t));
    if (missing !== undefined) return Promise.reject(protocolError("UNKNOWN_TOPIC_OR_PARTITION"));
    this.#topics = [...new Set([...this.#topics, ...topics])];
    this.#fromBeginning = subscription.fromBeginning ?? false;
    return Promise.resolve();
  }

  async run(config: ConsumerRunConfig): Promise<void> {
    if (this.#running) return;
    this.#config = config;
    await this.#start();
  }

  async #start(): Promise<void> {
    this.#running = true;
    this.#stop = new AbortController();
    try {
      await this.#join();
    } catch (err) {
      if (this.#running) this.#crash(err as Error);
      return;
    }
    this.#loop = this.#fetchLoop();
  }

  commitOffsets(offsets: TopicPartitionOffset[]): Promise<void> {
    const scope = {
      groupId: this.#options.groupId,
      partitions: offsets.map((o) => ({ topic: o.topic, partition: o.partition })),
    };
    try {
      return this.#commit(offsets, scope) ?? Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** An OffsetCommit of this member; injected `commit` faults hit here. */
  #commit(offsets: TopicPartitionOffset[], scope: RequestScope): void | Promise<never> {
    const logged = offsets.map((o) => ({ ...o }));
    const fault = this.#cluster.takeFault("commit", scope);
    if (fault?.fault.hang) return this.#cluster.hang(this.#cluster.addresses[0], this.#stop.signal);
    const faultErr = fault && faultError(fault.fault.error, this.#cluster.addresses[0]);
    try {
      if (faultErr && fault.fault.when !== "after") throw faultErr;
      if (!this.#connected || this.#memberId === undefined) {
        throw protocolError("UNKNOWN_MEMBER_ID");
      }
      const parsed = offsets.map((o) => ({ ...o, offset: BigInt(o.offset) }));
      this.#group.commit(this.#memberId, this.#generation, parsed);
      if (faultErr) throw faultErr;
      this.#cluster.log({ kind: "commit", groupId: this.#options.groupId, offsets: logged });
    } catch (err) {
      this.#cluster.log({
        kind: "commit",
        groupId: this.#options.groupId,
        offsets: logged,
        error: errorName(err),
      });
      throw err;
    }
  }

  seek(position: TopicPartitionOffset): void {
    this.#seeks.set(key(position.topic, position.partition), BigInt(position.offset));
  }

  pause(topics: Array<{ topic: string; partitions?: number[] }>): void {
    for (const { topic, partitions } of topics) {
      const all = this.#cluster.topics.get(topic)?.partitions.map((p) => p.partition) ?? [];
      for (const p of partitions ?? all) this.#paused.add(key(topic, p));
    }
  }

  on(event: typeof CONSUMER_EVENTS.GROUP_JOIN, listener: (e: GroupJoinEvent) => void): () => void;
  on(event: typeof CONSUMER_EVENTS.CRASH, listener: (e: CrashEvent) => void): () => void;
  on(
    event: typeof CONSUMER_EVENTS.END_BATCH_PROCESS,
    listener: (e: EndBatchProcessEvent) => void,
  ): () => void;
  on(event: string, listener: Listener): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
    return () => set.delete(listener);
  }

  #emit(event: string, payload: unknown): void {
    const e = { id: 0, type: event, timestamp: Date.now(), payload };
    for (const l of this.#listeners.get(event) ?? []) (l as (e: unknown) => void)(e);
  }

  async disconnect(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    this.#running = false;
    this.#stop.abort();
    await this.#loop?.catch(() => {});
    this.#leave();
    this.#connected = false;
  }

  #leave(): void {
    if (this.#memberId !== undefined) this.#group.leave(this.#memberId);
    this.#memberId = undefined;
    this.#generation = -1;
  }

  // ---------------------------------------------------------------- group

  /** Joins (again), with kafkajs' retries; positions start from the committed offsets. */
  async #join(): Promise<void> {
    for (let attempt = 0;; attempt++) {
      try {
        await this.#cluster.failIfInjected("join", {
          groupId: this.#options.groupId,
          signal: this.#stop.signal,
        });
        const joined = await this.#group.join(this.#memberId, {
          clientId: this.#clientId,
          clientHost: "/127.0.0.1",
          topics: this.#topics,
          rebalanceTimeoutMs: this.#options.rebalanceTimeout ?? this.#cluster.rebalanceTimeoutMs,
        }, this.#stop.signal);
        this.#memberId = joined.memberId;
        this.#generation = joined.generation;
        this.#assignment = joined.assignment;
        break;
      } catch (err) {
        const type = (err as { type?: string }).type;
        if (type === "UNKNOWN_MEMBER_ID") this.#memberId = undefined;
        const retried = isRebalancing(err) || type === "UNKNOWN_MEMBER_ID";
        if (!this.#running) throw err;
        if (!retried) throw err;
        if (attempt >= RETRIES) throw retriesExceeded(err as Error, attempt);
        await nextTurn();
      }
    }
    this.#resetPositions();
    this.#emit(CONSUMER_EVENTS.GROUP_JOIN, {
      groupId: this.#options.groupId,
      memberId: this.#memberId,
      memberAssignment: this.#assignment,
    });
  }

  #resetPositions(): void {
    this.#positions.clear();
    this.#seeks.clear();
    for (const [topic, partitions] of Object.entries(this.#assignment)) {
      for (const partition of partitions) {
        const p = this.#cluster.topics.get(topic)?.partitions[partition];
        if (!p) continue;
        const committed = this.#group.committed(topic, partition)?.offset;
        const end = this.#readCommitted ? p.lastStable : p.highWatermark;
        this.#positions.set(
          key(topic, partition),
          committed ?? (this.#fromBeginning ? p.logStart : end),
        );
      }
    }
  }

  async #heartbeat(): Promise<void> {
    if (this.#memberId === undefined) throw protocolError("UNKNOWN_MEMBER_ID");
    try {
      await this.#cluster.failIfInjected("heartbeat", {
        groupId: this.#options.groupId,
        signal: this.#stop.signal,
      });
      this.#group.heartbeat(this.#memberId, this.#generation);
    } catch (err) {
      if (isRebalancing(err)) await this.#autoCommit();
      throw err;
    }
  }

  /** kafkajs' onCrash: leave, tell, and start again by itself when its rule says so. */
  #crash(error: Error): void {
    this.#running = false;
    this.#stop.abort();
    this.#leave();
    const restart = crashRestarts(error);
    this.#emit(CONSUMER_EVENTS.CRASH, { error, groupId: this.#options.groupId, restart });
    if (!restart) {
      this.#connected = false;
      return;
    }
    this.#restartTimer = setTimeout(() => {
      if (!this.#stopped) this.#start();
    }, 0);
  }

  // ---------------------------------------------------------------- fetching

  async #fetchLoop(): Promise<void> {
    let failures = 0;
    while (this.#running) {
      await nextTurn();
      if (!this.#running) break;
      try {
        await this.#round();
        failures = 0;
      } catch (err) {
        if (!this.#running) break;
        if ((err as { type?: string }).type === "UNKNOWN_MEMBER_ID") this.#memberId = undefined;
        if (isRebalancing(err) || this.#memberId === undefined) continue; // joins at the next round
        if (retriedByClient(err) && ++failures <= RETRIES) continue;
        this.#crash(
          retriedByClient(err)
            ? retriesExceeded(err as Error, failures)
            : nonRetriable(err as Error),
        );
        return;
      }
    }
  }

  /** One round: join when the group asks for it, else hand over one batch or wait for news. */
  async #round(): Promise<void> {
    if (this.#group.needsRejoin(this.#memberId) || this.#generation !== this.#group.generation) {
      await this.#join();
      return;
    }
    await this.#cluster.failIfInjected("fetch", {
      groupId: this.#options.groupId,
      signal: this.#stop.signal,
      partitions: this.#assigned(),
    });
    const batch = this.#nextBatch();
    if (batch) return await this.#deliver(batch);
    await this.#heartbeat();
    await this.#cluster.changed(
      this.#options.maxWaitTimeInMs ?? DEFAULT_FETCH_WAIT_MS,
      this.#stop.signal,
    );
  }

  #assigned(): Array<{ topic: string; partition: number }> {
    return Object.entries(this.#assignment).flatMap(([topic, ps]) =>
      ps.map((partition) => ({ topic, partition }))
    ).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  /** The next partition with records past its position, round the assigned ones. */
  #nextBatch(): Fetched | undefined {
    const assigned = this.#assigned();
    for (let i = 0; i < assigned.length; i++) {
      const { topic, partition } = assigned[(this.#cursor + i) % assigned.length];
      const k = key(topic, partition);
      const p = this.#cluster.topics.get(topic)?.partitions[partition];
      if (!p || this.#paused.has(k)) continue;
      const seek = this.#seeks.get(k);
      if (seek !== undefined) {
        this.#positions.set(k, seek);
        this.#seeks.delete(k);
      }
      const fetched = this.#fetch(p, this.#positions.get(k) ?? p.logStart);
      if (!fetched) continue;
      this.#cursor = (this.#cursor + i + 1) % assigned.length;
      return fetched;
    }
    return undefined;
  }

  #fetch(p: FakePartition, position: bigint): Fetched | undefined {
    const end = this.#readCommitted ? p.lastStable : p.highWatermark;
    if (position >= end) return undefined;
    const stop = position + BigInt(this.#cluster.maxBatchRecords) < end
      ? position + BigInt(this.#cluster.maxBatchRecords)
      : end;
    const messages: KafkaMessage[] = [];
    for (let o = position; o < stop; o++) {
      const r = p.at(o);
      if (!r || r.control || (r.aborted && this.#readCommitted)) continue;
      messages.push(messageOf(r));
    }
    return {
      topic: p.topic,
      partition: p.partition,
      first: position,
      last: stop - 1n,
      highWatermark: p.highWatermark,
      messages,
    };
  }

  /** Moves a partition's position past `offset`. */
  #resolve(k: string, offset: bigint): void {
    const next = offset + 1n;
    if (next > (this.#positions.get(k) ?? -1n)) this.#positions.set(k, next);
  }

  async #deliver(f: Fetched): Promise<void> {
    const k = key(f.topic, f.partition);
    const config = this.#config!;
    if (f.messages.length > 0 && config.eachMessage) {
      for (const message of f.messages) {
        if (!this.#running || this.#seeks.has(k)) break;
        await config.eachMessage({ topic: f.topic, partition: f.partition, message });
        this.#resolve(k, BigInt(message.offset));
        await this.#heartbeat();
        if (this.#paused.has(k)) break;
      }
    } else if (f.messages.length > 0 && config.eachBatch) {
      await config.eachBatch(this.#payload(f, k));
      if (config.eachBatchAutoResolve !== false) this.#resolve(k, f.last);
    } else this.#resolve(k, f.last); // only markers or aborted records: nothing to hand over
    this.#emitEndBatch(f);
    await this.#autoCommit();
    await this.#heartbeat();
  }

  #payload(f: Fetched, k: string) {
    const lastMessage = f.messages[f.messages.length - 1].offset;
    const batch: Batch = {
      topic: f.topic,
      partition: f.partition,
      highWatermark: f.highWatermark.toString(),
      messages: f.messages,
      lastOffset: () => f.last.toString(),
    };
    return {
      batch,
      // The last record resolves the markers after it too (as kafkajs does).
      resolveOffset: (offset: string) =>
        this.#resolve(k, offset === lastMessage ? f.last : BigInt(offset)),
      heartbeat: () => this.#heartbeat(),
      isRunning: () => this.#running,
      isStale: () => this.#seeks.has(k),
    };
  }

  #emitEndBatch(f: Fetched): void {
    const lag = (from: bigint) => {
      const behind = f.highWatermark - 1n - from;
      return (behind < 0n ? 0n : behind).toString();
    };
    this.#emit(CONSUMER_EVENTS.END_BATCH_PROCESS, {
      topic: f.topic,
      partition: f.partition,
      highWatermark: f.highWatermark.toString(),
      offsetLag: lag(f.last),
      offsetLagLow: lag(f.first),
      batchSize: f.messages.length,
      firstOffset: f.first.toString(),
      lastOffset: f.last.toString(),
    });
  }

  /** With `autoCommit` (kafkajs' default), commits every resolved position that moved. */
  async #autoCommit(): Promise<void> {
    if (this.#config?.autoCommit === false || this.#memberId === undefined) return;
    const offsets = [...this.#positions].flatMap(([k, offset]) => {
      const [topic, partition] = k.split("\u0000");
      const committed = this.#group.committed(topic, Number(partition))?.offset;
      return committed === offset
        ? []
        : [{ topic, partition: Number(partition), offset: offset.toString() }];
    });
    if (offsets.length > 0) await this.commitOffsets(offsets);
  }
}
