/**
 * The fake driver's admin client, answering from the fake cluster as the
 * kafkajs adapter's admin answers a real one: topics (created, deleted,
 * described, their configs and ends), groups (listed, described with their
 * members' partitions, offsets fetched, set, reset, deleted), the cluster's
 * brokers. Where kafkajs fails, it fails alike: metadata of a topic with a
 * leaderless partition is LEADER_NOT_AVAILABLE, an unknown topic is
 * UNKNOWN_TOPIC_OR_PARTITION, offsets of a group with members cannot be set.
 * Every call first runs the faults injected for `admin`.
 *
 * @example
 * ```ts
 * const admin = new FakeAdmin(cluster);
 * await admin.createTopics({ topics: [{ topic: "t", numPartitions: 3 }] });
 * ```
 * @module
 */
import {
  type Admin,
  type BrokerAddress,
  type ConfigEntry,
  ConfigResourceTypes,
  type DescribeConfigResponse,
  type GroupDescription,
  type PartitionOffset,
  type TopicConfig,
  type TopicMetadata,
} from "../port.ts";
import { type FakeCluster, TOPIC_CONFIG_DEFAULTS } from "./cluster.ts";
import {
  createTopicsError,
  FakeKafkaError,
  protocolError,
  type ProtocolErrorName,
} from "./errors.ts";
import { asClientFailure } from "./producer.ts";
import { FakePartition } from "./log.ts";

/** A few broker configs, for DescribeConfigs of a broker. */
const BROKER_CONFIGS: Readonly<Record<string, string>> = {
  "auto.create.topics.enable": "false",
  "default.replication.factor": "1",
  "min.insync.replicas": "1",
  "num.partitions": "1",
  "offsets.topic.replication.factor": "1",
};

function entry(name: string, value: string, own: boolean): ConfigEntry {
  return {
    configName: name,
    configValue: value,
    isDefault: !own,
    configSource: own ? 1 : 5,
    isSensitive: false,
    readOnly: false,
  };
}

/** The fake admin client; see the module docs. */
export class FakeAdmin implements Admin {
  readonly #cluster: FakeCluster;
  #connected = false;
  #stop = new AbortController();

  constructor(cluster: FakeCluster) {
    this.#cluster = cluster;
  }

  async connect(): Promise<void> {
    this.#stop = new AbortController();
    try {
      await this.#cluster.failIfInjected("connect", { signal: this.#stop.signal });
      this.#cluster.checkReachable(this.#cluster.addresses);
    } catch (err) {
      throw asClientFailure(err);
    }
    this.#connected = true;
  }

  disconnect(): Promise<void> {
    this.#connected = false;
    this.#stop.abort();
    return Promise.resolve();
  }

  /** Runs the injected `admin` faults; a disconnected admin cannot ask. */
  async #ask(): Promise<void> {
    if (!this.#connected) {
      throw new FakeKafkaError("KafkaJSNonRetriableError", "the admin client is not connected", {
        retriable: false,
      });
    }
    await this.#cluster.failIfInjected("admin", { signal: this.#stop.signal });
  }

  async listTopics(): Promise<string[]> {
    await this.#ask();
    return [...this.#cluster.topics.keys()];
  }

  async createTopics(options: {
    validateOnly?: boolean;
    waitForLeaders?: boolean;
    timeout?: number;
    topics: TopicConfig[];
  }): Promise<boolean> {
    await this.#ask();
    let created = false;
    for (const t of options.topics) {
      if (this.#cluster.topics.has(t.topic)) continue;
      try {
        if (options.validateOnly) continue;
        this.#cluster.createTopic(t.topic, {
          partitions: t.numPartitions === undefined || t.numPartitions < 0
            ? undefined
            : t.numPartitions,
          replicationFactor: t.replicationFactor === undefined || t.replicationFactor < 0
            ? undefined
            : t.replicationFactor,
          configs: Object.fromEntries((t.configEntries ?? []).map((c) => [c.name, c.value])),
        });
        created = true;
      } catch (err) {
        const type = (err as { type?: string }).type;
        throw createTopicsError(t.topic, kafkaName(type));
      }
    }
    return created;
  }

  async createPartitions(options: {
    topicPartitions: Array<{ topic: string; count: number }>;
  }): Promise<boolean> {
    await this.#ask();
    for (const { topic: name, count } of options.topicPartitions) {
      const topic = this.#cluster.topic(name);
      if (count <= topic.partitions.length) throw protocolError("INVALID_PARTITIONS");
      const rf = topic.partitions[0]?.replicas.length ?? 1;
      const live = this.#cluster.liveBrokers;
      for (let p = topic.partitions.length; p < count; p++) {
        const replicas = Array.from({ length: rf }, (_, r) => live[(p + r) % live.length]);
        topic.partitions.push(new FakePartition(name, p, replicas));
      }
    }
    this.#cluster.notify();
    return true;
  }

  async deleteTopics(options: { topics: string[]; timeout?: number }): Promise<void> {
    await this.#ask();
    for (const t of options.topics) this.#cluster.deleteTopic(t);
  }

  async fetchTopicMetadata(options?: { topics: string[] }): Promise<{ topics: TopicMetadata[] }> {
    await this.#ask();
    const names = options?.topics ?? [...this.#cluster.topics.keys()];
    return {
      topics: names.map((name) => {
        const topic = this.#cluster.topic(name);
        if (topic.partitions.some((p) => p.leader < 0)) throw protocolError("LEADER_NOT_AVAILABLE");
        return {
          name,
          partitions: topic.partitions.map((p) => ({
            partitionErrorCode: 0,
            partitionId: p.partition,
            leader: p.leader,
            replicas: [...p.replicas],
            isr: [...p.isr],
            offlineReplicas: p.replicas.filter((b) => !this.#cluster.liveBrokers.includes(b)),
          })),
        };
      }),
    };
  }

  async fetchOffsets(options: { groupId: string; topics?: string[] }): Promise<
    Array<{ topic: string; partitions: Array<PartitionOffset & { metadata: string | null }> }>
  > {
    await this.#ask();
    const group = this.#cluster.groups.get(options.groupId);
    const topics = options.topics ?? group?.committedTopics() ?? [];
    return topics.map((topic) => ({
      topic,
      partitions: this.#cluster.topic(topic).partitions.map((p) => ({
        partition: p.partition,
        offset: group?.committed(topic, p.partition)?.offset.toString() ?? "-1",
        metadata: group?.committed(topic, p.partition)?.metadata ?? null,
      })),
    }));
  }

  async fetchTopicOffsets(
    topic: string,
  ): Promise<Array<PartitionOffset & { high: string; low: string }>> {
    await this.#ask();
    return this.#cluster.topic(topic).partitions.map((p) => ({
      partition: p.partition,
      offset: p.lastStable.toString(),
      high: p.lastStable.toString(),
      low: p.logStart.toString(),
    }));
  }

  async fetchTopicOffsetsByTimestamp(
    topic: string,
    timestamp?: number,
  ): Promise<PartitionOffset[]> {
    await this.#ask();
    return this.#cluster.topic(topic).partitions.map((p) => {
      const found = p.log.find((r) => !r.control && Number(r.timestamp) >= (timestamp ?? 0));
      return { partition: p.partition, offset: (found?.offset ?? p.highWatermark).toString() };
    });
  }

  async describeCluster(): Promise<
    { brokers: BrokerAddress[]; controller: number | null; clusterId: string }
  > {
    await this.#ask();
    const live = this.#cluster.liveBrokers;
    return {
      brokers: live.map((nodeId) => {
        const [host, port] = this.#cluster.address(nodeId).split(":");
        return { nodeId, host, port: Number(port) };
      }),
      controller: live[0] ?? null,
      clusterId: this.#cluster.clusterId,
    };
  }

  async setOffsets(
    options: { groupId: string; topic: string; partitions: PartitionOffset[] },
  ): Promise<void> {
    await this.#ask();
    this.#cluster.topic(options.topic);
    const group = this.#cluster.group(options.groupId);
    if (group.members.size > 0) {
      throw new FakeKafkaError(
        "KafkaJSNonRetriableError",
        `The consumer group must have no running instances, current state: ${group.state}`,
        { retriable: false },
      );
    }
    group.commit(
      undefined,
      -1,
      options.partitions.map((p) => ({
        topic: options.topic,
        partition: p.partition,
        offset: BigInt(p.offset),
      })),
    );
  }

  async resetOffsets(
    options: { groupId: string; topic: string; earliest: boolean },
  ): Promise<void> {
    const partitions = this.#cluster.topic(options.topic).partitions.map((p) => ({
      partition: p.partition,
      offset: (options.earliest ? p.logStart : p.highWatermark).toString(),
    }));
    await this.setOffsets({ groupId: options.groupId, topic: options.topic, partitions });
  }

  async describeConfigs(options: {
    resources: Array<{ type: number; name: string; configNames?: string[] }>;
    includeSynonyms: boolean;
  }): Promise<DescribeConfigResponse> {
    await this.#ask();
    return {
      resources: options.resources.map((r) => {
        const entries = r.type === ConfigResourceTypes.TOPIC
          ? this.#topicEntries(r.name)
          : Object.entries(BROKER_CONFIGS).map(([k, v]) => entry(k, v, false));
        const wanted = r.configNames;
        return {
          configEntries: wanted ? entries.filter((e) => wanted.includes(e.configName)) : entries,
          errorCode: 0,
          errorMessage: "",
          resourceName: r.name,
          resourceType: r.type,
        };
      }),
    };
  }

  #topicEntries(name: string): ConfigEntry[] {
    const own = this.#cluster.topic(name).configs;
    return Object.entries(TOPIC_CONFIG_DEFAULTS).map(([k, v]) =>
      entry(k, own.get(k) ?? v, own.has(k))
    );
  }

  async alterConfigs(options: {
    validateOnly: boolean;
    resources: Array<
      { type: number; name: string; configEntries: Array<{ name: string; value: string }> }
    >;
  }): Promise<unknown> {
    await this.#ask();
    for (const r of options.resources) {
      if (r.type !== ConfigResourceTypes.TOPIC) continue;
      const topic = this.#cluster.topic(r.name);
      for (const c of r.configEntries) {
        if (!(c.name in TOPIC_CONFIG_DEFAULTS)) throw protocolError("INVALID_CONFIG");
      }
      if (options.validateOnly) continue;
      // AlterConfigs (not the incremental one) replaces the topic's whole set, as a broker does.
      topic.configs.clear();
      for (const c of r.configEntries) topic.configs.set(c.name, c.value);
    }
    return { resources: [] };
  }

  async listGroups(): Promise<{ groups: Array<{ groupId: string; protocolType: string }> }> {
    await this.#ask();
    return {
      groups: [...this.#cluster.groups.keys()].map((groupId) => ({
        groupId,
        protocolType: "consumer",
      })),
    };
  }

  async describeGroups(groupIds: string[]): Promise<{ groups: GroupDescription[] }> {
    await this.#ask();
    return {
      groups: groupIds.map((groupId) => {
        const g = this.#cluster.groups.get(groupId);
        if (!g) return { groupId, state: "Dead", protocol: "", protocolType: "", members: [] };
        return {
          groupId,
          state: g.state,
          protocol: g.protocol,
          protocolType: "consumer",
          members: [...g.members.values()].map((m) => ({
            memberId: m.memberId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            assignment: structuredClone(m.assignment),
          })),
        };
      }),
    };
  }

  async deleteGroups(groupIds: string[]): Promise<unknown> {
    await this.#ask();
    for (const id of groupIds) {
      const g = this.#cluster.groups.get(id);
      if (!g) throw protocolError("GROUP_ID_NOT_FOUND");
      if (g.members.size > 0) throw protocolError("NON_EMPTY_GROUP");
      this.#cluster.groups.delete(id);
    }
    return groupIds.map((groupId) => ({ groupId, errorCode: 0 }));
  }
}

/** Kafka's name of an error kafkajs types `type` (the two differ for a few codes). */
function kafkaName(type: string | undefined): ProtocolErrorName {
  const known: ProtocolErrorName[] = [
    "TOPIC_ALREADY_EXISTS",
    "INVALID_PARTITIONS",
    "INVALID_REPLICATION_FACTOR",
    "INVALID_CONFIG",
  ];
  return known.find((n) => n === type) ?? "INVALID_CONFIG";
}
