/**
 * The console's one admin client, kept open between requests, and guarded
 * against what makes a kept kafkajs admin fail every later call:
 *
 * - kafkajs remembers every topic it was asked about (its "target topics")
 *   and names them all in each metadata refresh; Kafka's answer then fails
 *   the whole refresh when one of them has a partition without a leader
 *   (retried for about 25 s) or was deleted meanwhile (UNKNOWN_TOPIC_OR_PARTITION,
 *   the group page's "topic does not exist" while another topic was deleted).
 * - its `listTopics()` asks for every topic at once, so one leaderless
 *   partition anywhere fails it.
 *
 * So each {@linkcode AdminHolder.use} first reads the cluster on the wire
 * (`Kafka.topics()`, which shows a leaderless partition with leader -1), makes
 * the admin again when a topic it touched is gone or leaderless, answers
 * `listTopics` and the metadata of leaderless topics from that answer,
 * refuses at once (with {@linkcode LeaderlessError}) an offsets request for a
 * leaderless topic, and leaves leaderless topics out of a group's committed
 * offsets. A fresh admin is first given the healthy topics as targets (with
 * none, kafkajs asks for every topic). Healthy topics stay fully visible.
 *
 * @example
 * ```ts
 * const holder = new AdminHolder(kafka);
 * const names = await holder.use((admin) => admin.listTopics());
 * ```
 * @module
 */
import type { Admin, Kafka, TopicPartitions } from "../../lib/kafka/port.ts";
import {
  aimAtHealthyTopic,
  LeaderlessError,
  type LeaderlessPartition,
} from "../../lib/kafka/leaderless.ts";

/** The cluster as the wire saw it at the start of one request. */
export interface WireSnapshot {
  readonly topics: readonly TopicPartitions[];
  /** Partitions without a leader, in every topic. */
  readonly leaderless: readonly LeaderlessPartition[];
}

/** Reads a snapshot from `Kafka.topics()`. */
export async function wireSnapshot(kafka: Pick<Kafka, "topics">): Promise<WireSnapshot> {
  const topics = await kafka.topics();
  const leaderless = topics.flatMap((t) =>
    t.partitions.filter((p) => p.leader < 0).map((p) => ({
      topic: t.name,
      partition: p.partition,
      replicas: [...p.replicas],
    }))
  );
  return { topics, leaderless };
}

/** The topics among `names` that have a leaderless partition in `snap`. */
function leaderlessOf(snap: WireSnapshot, names: readonly string[]): LeaderlessPartition[] {
  return snap.leaderless.filter((p) => names.includes(p.topic));
}

/** The metadata of `names` as the wire saw it, in the admin client's shape. */
function wireMetadata(
  snap: WireSnapshot,
  names: readonly string[],
): Awaited<ReturnType<Admin["fetchTopicMetadata"]>> {
  return {
    topics: snap.topics.filter((t) => names.includes(t.name)).map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        partitionId: p.partition,
        leader: p.leader,
        replicas: [...p.replicas],
        isr: [...p.isr],
      })),
    })),
  };
}

/** The admin `inner` seen through `snap`: see the module docs. */
function guarded(
  inner: Admin,
  snap: WireSnapshot,
  touched: Set<string>,
  kafka: Pick<Kafka, "topics">,
): Admin {
  const refuseLeaderless = (topic: string) => {
    const none = leaderlessOf(snap, [topic]);
    if (none.length > 0) throw new LeaderlessError(none);
    touched.add(topic);
  };
  return {
    connect: () => inner.connect(),
    disconnect: () => inner.disconnect(),
    // Asked again (not the snapshot): a topic created during this request must show.
    listTopics: async () => (await kafka.topics()).map((t) => t.name),
    fetchTopicMetadata: (options) => {
      const names = options?.topics ?? snap.topics.map((t) => t.name);
      if (leaderlessOf(snap, names).length > 0) return Promise.resolve(wireMetadata(snap, names));
      return inner.fetchTopicMetadata(options);
    },
    fetchTopicOffsets: (topic) => {
      refuseLeaderless(topic);
      return inner.fetchTopicOffsets(topic);
    },
    fetchTopicOffsetsByTimestamp: (topic, ts) => {
      refuseLeaderless(topic);
      return inner.fetchTopicOffsetsByTimestamp(topic, ts);
    },
    fetchOffsets: (options) => {
      const healthy = (options.topics ?? []).filter((t) => leaderlessOf(snap, [t]).length === 0);
      if (options.topics && healthy.length === 0) return Promise.resolve([]);
      for (const n of healthy) touched.add(n);
      return inner.fetchOffsets(options.topics ? { ...options, topics: healthy } : options);
    },
    setOffsets: (options) => {
      refuseLeaderless(options.topic);
      return inner.setOffsets(options);
    },
    resetOffsets: (options) => {
      refuseLeaderless(options.topic);
      return inner.resetOffsets(options);
    },
    createTopics: (options) => inner.createTopics(options),
    createPartitions: (options) => inner.createPartitions(options),
    deleteTopics: async (options) => {
      await inner.deleteTopics(options);
      for (const t of options.topics) touched.delete(t);
    },
    ...passedOn(inner),
  };
}

/** The admin calls that need no guard. */
function passedOn(
  inner: Admin,
): Pick<
  Admin,
  | "describeCluster"
  | "describeConfigs"
  | "alterConfigs"
  | "listGroups"
  | "describeGroups"
  | "deleteGroups"
> {
  return {
    describeCluster: () => inner.describeCluster(),
    describeConfigs: (options) => inner.describeConfigs(options),
    alterConfigs: (options) => inner.alterConfigs(options),
    listGroups: () => inner.listGroups(),
    describeGroups: (ids) => inner.describeGroups(ids),
    deleteGroups: (ids) => inner.deleteGroups(ids),
  };
}

/** One connected admin client for the console's life, made again after a failure. */
export class AdminHolder {
  readonly #kafka: Kafka;
  #admin?: Promise<Admin>;
  /** Topics the current admin's kafkajs client has in its metadata targets. */
  #touched = new Set<string>();

  constructor(kafka: Kafka) {
    this.#kafka = kafka;
  }

  #drop(): void {
    const failed = this.#admin;
    this.#admin = undefined;
    this.#touched = new Set();
    failed?.then((a) => a.disconnect()).catch(() => {});
  }

  /**
   * Runs `fn` with the guarded admin and the wire snapshot it sees; a
   * failure drops the client so the next call reconnects.
   */
  async use<T>(fn: (admin: Admin, snap: WireSnapshot) => Promise<T>): Promise<T> {
    const snap = await wireSnapshot(this.#kafka);
    const names = new Set(snap.topics.map((t) => t.name));
    const stale = [...this.#touched].some((t) =>
      !names.has(t) || leaderlessOf(snap, [t]).length > 0
    );
    if (stale) this.#drop();
    this.#admin ??= this.#kafka.preflight().then(() => this.#kafka.connect(this.#kafka.admin()));
    try {
      const admin = await this.#admin;
      await this.#seed(admin, snap);
      return await fn(guarded(admin, snap, this.#touched, this.#kafka), snap);
    } catch (err) {
      if (!(err instanceof LeaderlessError)) this.#drop();
      throw err;
    }
  }

  /**
   * Gives a fresh admin healthy target topics: with none, kafkajs refreshes
   * the metadata of every topic (before listing or describing groups, before
   * a config request), which fails while any partition has no leader.
   */
  async #seed(admin: Admin, snap: WireSnapshot): Promise<void> {
    if (this.#touched.size > 0) return;
    const chosen = await aimAtHealthyTopic(admin, snap.topics);
    if (chosen) this.#touched.add(chosen);
  }

  /** Disconnects. */
  async close(): Promise<void> {
    await this.#admin?.then((a) => a.disconnect()).catch(() => {});
  }
}
