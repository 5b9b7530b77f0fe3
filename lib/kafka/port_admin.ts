/**
 * The Kafka port's admin client, in kafka-lab's own types: topic, config,
 * group and cluster descriptions and the operations on them. `port.ts`
 * re-exports them.
 *
 * @module
 */
import type { PartitionOffset } from "./port_records.ts";

// ---------------------------------------------------------------- admin

/** A broker's id and advertised address. */
export interface BrokerAddress {
  nodeId: number;
  host: string;
  port: number;
}

/** One partition's placement as the admin client reports it. */
export interface PartitionMetadata {
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  partitionErrorCode?: number;
  offlineReplicas?: number[];
}

/** A topic's partitions as the admin client reports it. */
export interface TopicMetadata {
  name: string;
  partitions: PartitionMetadata[];
}

/** A topic to create. */
export interface TopicConfig {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  /** Each partition's replicas (broker ids), in place of a count and a factor. */
  replicaAssignment?: Array<{ partition: number; replicas: number[] }>;
  configEntries?: Array<{ name: string; value: string }>;
}

/** Config resource types: 2 topic, 4 broker. */
export const ConfigResourceTypes = { TOPIC: 2, BROKER: 4 } as const;

/** A config entry as DescribeConfigs answers it. `configSource` 1: set on the topic itself. */
export interface ConfigEntry {
  configName: string;
  configValue: string;
  isDefault: boolean;
  configSource: number;
  isSensitive: boolean;
  readOnly: boolean;
}

/** DescribeConfigs' answer. */
export interface DescribeConfigResponse {
  resources: Array<{
    configEntries: ConfigEntry[];
    errorCode: number;
    errorMessage: string;
    resourceName: string;
    resourceType: number;
  }>;
}

/** A group as ListGroups names it. */
export interface GroupOverview {
  groupId: string;
  protocolType: string;
}

/** A member of a group, with the partitions it holds. */
export interface MemberDescription {
  memberId: string;
  clientId: string;
  /** As the broker reports it (Kafka puts a `/` before the address). */
  clientHost: string;
  /** The partitions it holds by topic; empty when the group does not use the consumer protocol. */
  assignment: { [topic: string]: number[] };
}

/** A group as DescribeGroups answers it. */
export interface GroupDescription {
  groupId: string;
  /** `Empty`, `Stable`, `PreparingRebalance`, `CompletingRebalance`, `Dead`. */
  state: string;
  protocol: string;
  protocolType: string;
  members: MemberDescription[];
}

/** What `Admin.describeCluster()` answers: the brokers, the Metadata controller id, the cluster id. */
export interface ClusterDescription {
  brokers: BrokerAddress[];
  controller: number | null;
  clusterId: string;
}

/**
 * The admin operations kafka-lab uses. Get one with `Kafka.withAdmin()` (or
 * `Kafka.connect(Kafka.admin())` for one kept open).
 */
export interface Admin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Resolves false when the topic already existed. */
  createTopics(options: {
    validateOnly?: boolean;
    waitForLeaders?: boolean;
    timeout?: number;
    topics: TopicConfig[];
  }): Promise<boolean>;
  deleteTopics(options: { topics: string[]; timeout?: number }): Promise<void>;
  /** Raises each topic's partition count to `count` (Kafka never lowers it). */
  createPartitions(options: {
    topicPartitions: Array<{ topic: string; count: number }>;
    timeout?: number;
  }): Promise<boolean>;
  /** Every topic's partitions when `topics` is left out; fails while a partition has no leader. */
  fetchTopicMetadata(options?: { topics: string[] }): Promise<{ topics: TopicMetadata[] }>;
  /** A group's committed offsets (`-1` where it has none). */
  fetchOffsets(options: {
    groupId: string;
    topics?: string[];
  }): Promise<
    Array<{ topic: string; partitions: Array<PartitionOffset & { metadata: string | null }> }>
  >;
  /** Each partition's log start (`low`) and end (`high`, also `offset`). */
  fetchTopicOffsets(topic: string): Promise<Array<PartitionOffset & { high: string; low: string }>>;
  /** The first offset at or after `timestamp` in each partition. */
  fetchTopicOffsetsByTimestamp(topic: string, timestamp?: number): Promise<PartitionOffset[]>;
  describeCluster(): Promise<ClusterDescription>;
  setOffsets(
    options: { groupId: string; topic: string; partitions: PartitionOffset[] },
  ): Promise<void>;
  resetOffsets(options: { groupId: string; topic: string; earliest: boolean }): Promise<void>;
  describeConfigs(options: {
    resources: Array<{ type: number; name: string; configNames?: string[] }>;
    includeSynonyms: boolean;
  }): Promise<DescribeConfigResponse>;
  alterConfigs(options: {
    validateOnly: boolean;
    resources: Array<{
      type: number;
      name: string;
      configEntries: Array<{ name: string; value: string }>;
    }>;
  }): Promise<unknown>;
  listGroups(): Promise<{ groups: GroupOverview[] }>;
  describeGroups(groupIds: string[]): Promise<{ groups: GroupDescription[] }>;
  deleteGroups(groupIds: string[]): Promise<unknown>;
}
