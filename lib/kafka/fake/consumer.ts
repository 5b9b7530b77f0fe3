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
 * Read_committed (the default) hides what `fetch.ts` says; the positions
 * are kept in `positions.ts`.
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
import {
  type Consumer,
  CONSUMER_EVENTS,
  type ConsumerOptions,
  type ConsumerRunConfig,
  type TopicPartitionOffset,
} from "../port.ts";
import type { FakeCluster } from "./cluster.ts";
import {
  crashRestarts,
  isRebalancing,
  nonRetriable,
  protocolError,
  retriedByClient,
  retriesExceeded,
} from "./errors.ts";
import { commitAs } from "./commit.ts";
import type { RequestScope } from "./faults.ts";
import { batchPayload, endBatchEvent, type Fetched, key } from "./fetch.ts";
import type { FakeGroup } from "./group.ts";
import { Positions } from "./positions.ts";
import { asClientFailure, nextTurn } from "./producer.ts";

/** The retries of a consumer's fetch loop and join (kafkajs' `consumer()` default, 5). */
const RETRIES = 5;
/** The fetch wait when the consumer sets none (the kafkajs adapter's default). */
const DEFAULT_FETCH_WAIT_MS = 1_000;

type Listener = (event: never) => void;

/** The fake consumer; see the module docs. */
export class FakeConsumer implements Consumer {
  readonly events = CONSUMER_EVENTS;
  readonly #cluster: FakeCluster;
  readonly #options: ConsumerOptions;
  readonly #clientId: string;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #positions = new Positions();
  #topics: string[] = [];
  #fromBeginning = false;
  #config?: ConsumerRunConfig;
  #connected = false;
  #running = false;
  #stopped = false;
  #memberId?: string;
  #generation = -1;
  #assignment: Record<string, number[]> = {};
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

  /** An OffsetCommit of this member; injected `commit` faults hit here (`commit.ts`). */
  #commit(offsets: TopicPartitionOffset[], scope: RequestScope): void | Promise<never> {
    return commitAs(
      {
        cluster: this.#cluster,
        group: () => this.#group,
        groupId: this.#options.groupId,
        connected: this.#connected,
        memberId: this.#memberId,
        generation: this.#generation,
        signal: this.#stop.signal,
      },
      offsets,
      scope,
    );
  }

  seek(position: TopicPartitionOffset): void {
    this.#positions.seek(position.topic, position.partition, BigInt(position.offset));
  }

  pause(topics: Array<{ topic: string; partitions?: number[] }>): void {
    for (const { topic, partitions } of topics) {
      const all = this.#cluster.topics.get(topic)?.partitions.map((p) => p.partition) ?? [];
      this.#positions.pause(topic, partitions ?? all);
    }
  }

  /** The port's events (its overloads say which payload each one carries). */
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
    this.#positions.reset(
      this.#assignment,
      this.#cluster.topics,
      (topic, partition) => this.#group.committed(topic, partition)?.offset,
      { readCommitted: this.#readCommitted, fromBeginning: this.#fromBeginning },
    );
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
    const batch = this.#positions.next(this.#assigned(), this.#cluster.topics, {
      readCommitted: this.#readCommitted,
      maxRecords: this.#cluster.maxBatchRecords,
    });
    this.#emit(CONSUMER_EVENTS.FETCH, { duration: 0 });
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

  async #deliver(f: Fetched): Promise<void> {
    const k = key(f.topic, f.partition);
    const config = this.#config!;
    if (f.messages.length > 0 && config.eachMessage) {
      for (const message of f.messages) {
        if (!this.#running || this.#positions.isStale(k)) break;
        await config.eachMessage({ topic: f.topic, partition: f.partition, message });
        this.#positions.resolve(k, BigInt(message.offset));
        await this.#heartbeat();
        if (this.#positions.isPaused(k)) break;
      }
    } else if (f.messages.length > 0 && config.eachBatch) {
      await config.eachBatch(batchPayload(f, {
        resolve: (offset) => this.#positions.resolve(k, offset),
        heartbeat: () => this.#heartbeat(),
        isRunning: () => this.#running,
        isStale: () => this.#positions.isStale(k),
      }));
      if (config.eachBatchAutoResolve !== false) this.#positions.resolve(k, f.last);
    } else this.#positions.resolve(k, f.last); // only markers or aborted records: nothing to hand over
    this.#emit(CONSUMER_EVENTS.END_BATCH_PROCESS, endBatchEvent(f));
    await this.#autoCommit();
    await this.#heartbeat();
  }

  /** With `autoCommit` (kafkajs' default), commits every resolved position that moved. */
  async #autoCommit(): Promise<void> {
    if (this.#config?.autoCommit === false || this.#memberId === undefined) return;
    const offsets = this.#positions.entries().flatMap(({ topic, partition, offset }) => {
      const committed = this.#group.committed(topic, partition)?.offset;
      return committed === offset ? [] : [{ topic, partition, offset: offset.toString() }];
    });
    if (offsets.length > 0) await this.commitOffsets(offsets);
  }
}
