/**
 * The Kafka port: everything kafka-lab asks of Kafka, in its own types.
 * `ctx.kafka()` returns a {@linkcode Kafka}; labs, commands, grading and
 * tests see only these interfaces, never a client library's.
 *
 * Two layers, so that a fake is easy to write and the workarounds stay ours:
 * - {@linkcode Kafka}: what call sites use. `lib/kafka/clients.ts`
 *   (`KafkaClients`) is the one implementation; it adds the reachability
 *   check, connect timeouts, error translation, the safe producer
 *   (`safe_producer.ts`) and the choice between the two adapters below.
 * - The adapters it is built on: a {@linkcode KafkaDriver} (admin, producer,
 *   consumer: kafkajs 2.2.4 in `kafkajs/driver.ts`) and a
 *   {@linkcode MetadataDriver} (Metadata, DescribeQuorum and SaslHandshake
 *   spoken on the wire: `wire/client.ts`). A fake of the port implements
 *   these two and hands them to `new KafkaClients(config, out, { driver,
 *   metadata })`, so the safe producer and the consumer loop run on it
 *   unchanged.
 *
 * The shapes follow what the call sites used before the port existed
 * (kafkajs' names and fields: `fetchTopicMetadata`, `partitionId`,
 * `eachBatch`), narrowed to what kafka-lab uses. Offsets are decimal
 * strings (they are 64-bit); keys, values and header values are `Buffer`s or
 * strings.
 *
 * Errors: clients throw whatever their library throws; read them with
 * `lib/errors.ts` (`translateError`, `protocolErrorType`, `isAuthFailure`)
 * and `lib/kafka/failures.ts`, never by a library's class names outside
 * `lib/kafka/`. An adapter may throw {@linkcode NoAnswerError} for a broker
 * that accepts connections and does not answer.
 *
 * @example
 * ```ts
 * const kafka: Kafka = await ctx.kafka();
 * const producer = await kafka.connect(kafka.idempotentProducer());
 * const [meta] = await producer.send({ topic: "orders", messages: [{ value: "hi" }] });
 * await producer.disconnect();
 * ```
 * @module
 */
import type { Buffer } from "node:buffer";
import type { Config } from "../config.ts";
import type { AuthError } from "../errors.ts";
import type { Localizable, Text } from "../i18n.ts";

// ---------------------------------------------------------------- records

/** Record headers as sent: one value or several per key. */
export interface MessageHeaders {
  [key: string]: Buffer | string | (Buffer | string)[] | undefined;
}

/** A record to send. */
export interface Message {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  /** The partition; chosen by the producer's partitioner when left out. */
  partition?: number;
  headers?: MessageHeaders;
  /** Milliseconds since the epoch, as a string. */
  timestamp?: string;
}

/** A record as a consumer receives it. */
export interface KafkaMessage {
  key: Buffer | null;
  value: Buffer | null;
  /** Milliseconds since the epoch, as a string. */
  timestamp: string;
  offset: string;
  headers?: MessageHeaders;
}

/** What the broker answered for one partition of a send. */
export interface RecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  /** The offset of the partition's first record in this send. */
  baseOffset?: string;
  offset?: string;
  timestamp?: string;
  logAppendTime?: string;
  logStartOffset?: string;
}

/** Compression codecs by their Kafka protocol number (only None and GZIP are built in). */
export const CompressionTypes = { None: 0, GZIP: 1, Snappy: 2, LZ4: 3, ZSTD: 4 } as const;
/** One of {@linkcode CompressionTypes}. */
export type CompressionType = typeof CompressionTypes[keyof typeof CompressionTypes];

/** Records for one topic. */
export interface TopicMessages {
  topic: string;
  messages: Message[];
}

/** One `send()`. `acks`: 0, 1 or -1 (all in-sync replicas). */
export interface ProducerRecord {
  topic: string;
  messages: Message[];
  acks?: number;
  timeout?: number;
  compression?: CompressionType;
}

/** One `sendBatch()`: records for several topics in one request per broker. */
export interface ProducerBatch {
  acks?: number;
  timeout?: number;
  compression?: CompressionType;
  topicMessages?: TopicMessages[];
}

/** A partition and an offset (the next record to read, where it is a commit). */
export interface PartitionOffset {
  partition: number;
  offset: string;
}

/** Offsets of partitions of one topic. */
export interface TopicOffsets {
  topic: string;
  partitions: PartitionOffset[];
}

/** A topic, partition and offset. */
export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

// ---------------------------------------------------------------- producer

/** Retry back-off of a client: the first wait, its growth and how many times. */
export interface RetryOptions {
  initialRetryTime?: number;
  maxRetryTime?: number;
  retries?: number;
}

/** Options of `Kafka.producer()`. */
export interface ProducerOptions {
  /** Producer id and sequence numbers, so the broker drops a retried duplicate. */
  idempotent?: boolean;
  maxInFlightRequests?: number;
  allowAutoTopicCreation?: boolean;
  /** Makes a transactional producer (see `transactions.ts`). */
  transactionalId?: string;
  retry?: RetryOptions;
  /** The longest a send may take, retries included (Java's `delivery.timeout.ms`). */
  deliveryTimeoutMs?: number;
  /**
   * Lab 5 only: the client's plain producer, whose retries choose the
   * partition again and which is reused after a failed send, so a broker
   * failure can lose an acknowledged record (see `safe_producer.ts`).
   */
  unsafePartitioning?: boolean;
}

/** A producer. Connect it with `Kafka.connect()` before the first send. */
export interface Producer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Resolves with one result per partition written to. */
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
  /** Begins a transaction (a producer made with `transactionalId` only). */
  transaction(): Promise<Transaction>;
  isIdempotent(): boolean;
}

/** An open transaction of a transactional producer. */
export interface Transaction {
  send(record: ProducerRecord): Promise<RecordMetadata[]>;
  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
  /** Adds a group's consumed offsets to the transaction. */
  sendOffsets(offsets: { consumerGroupId: string; topics: TopicOffsets[] }): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

// ---------------------------------------------------------------- consumer

/** Options of `Kafka.consumer()`; `lib/kafka/clients.ts` documents the defaults. */
export interface ConsumerOptions {
  groupId: string;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  rebalanceTimeout?: number;
  /** The longest the broker holds a fetch while there is nothing new. */
  maxWaitTimeInMs?: number;
  /** false: read_committed (records of open or aborted transactions are not delivered). */
  readUncommitted?: boolean;
  allowAutoTopicCreation?: boolean;
}

/** Records of one partition that one fetch returned. */
export interface Batch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: KafkaMessage[];
  /** The offset of the last record the fetch covered (also past filtered markers). */
  lastOffset(): string;
}

/** What `eachBatch` receives. */
export interface EachBatchPayload {
  batch: Batch;
  /** Marks records up to `offset` as handled (the consumer's position, not a commit). */
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping. */
  isRunning(): boolean;
  /** True when a rebalance took the partition away while the batch was in hand. */
  isStale(): boolean;
}

/** What `eachMessage` receives. */
export interface EachMessagePayload {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** How `Consumer.run()` hands records over: one of `eachBatch` and `eachMessage`. */
export interface ConsumerRunConfig {
  /** false: offsets are committed only by `commitOffsets()`. */
  autoCommit?: boolean;
  /** false: a batch's offsets move only with `resolveOffset()`. */
  eachBatchAutoResolve?: boolean;
  eachBatch?: (payload: EachBatchPayload) => Promise<void>;
  eachMessage?: (payload: EachMessagePayload) => Promise<void>;
}

/** The consumer events kafka-lab listens to, by name. */
export const CONSUMER_EVENTS = {
  GROUP_JOIN: "consumer.group_join",
  CRASH: "consumer.crash",
  END_BATCH_PROCESS: "consumer.end_batch_process",
} as const;

/** The member joined its group; `memberAssignment` is its partitions by topic. */
export interface GroupJoinEvent {
  payload: { memberAssignment: { [topic: string]: number[] } };
}

/**
 * The consumer failed; with `restart` true it starts again by itself,
 * otherwise it has stopped.
 */
export interface CrashEvent {
  payload: { error: Error; restart: boolean };
}

/** A fetched batch of a partition was handed over (also one holding only transaction markers). */
export interface EndBatchProcessEvent {
  payload: {
    topic: string;
    partition: number;
    highWatermark: string;
    offsetLag: string;
    offsetLagLow: string;
    batchSize: number;
    firstOffset: string;
    lastOffset: string;
  };
}

/**
 * A group member. Connect it with `Kafka.connect()`, `subscribe`, then `run`:
 * `run()` resolves once the member runs, and records arrive through the
 * handler. Stop it with `Kafka.disconnectConsumer()` (at once) or
 * `disconnect()` (after the fetch in flight).
 */
export interface Consumer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(
    subscription: { topic: string; fromBeginning?: boolean } | {
      topics: string[];
      fromBeginning?: boolean;
    },
  ): Promise<void>;
  run(config: ConsumerRunConfig): Promise<void>;
  commitOffsets(offsets: TopicPartitionOffset[]): Promise<void>;
  /** Moves the position of a partition this member holds. */
  seek(position: TopicPartitionOffset): void;
  /** Stops fetching partitions (all of a topic when `partitions` is left out). */
  pause(topics: Array<{ topic: string; partitions?: number[] }>): void;
  readonly events: typeof CONSUMER_EVENTS;
  on(event: typeof CONSUMER_EVENTS.GROUP_JOIN, listener: (e: GroupJoinEvent) => void): () => void;
  on(event: typeof CONSUMER_EVENTS.CRASH, listener: (e: CrashEvent) => void): () => void;
  on(
    event: typeof CONSUMER_EVENTS.END_BATCH_PROCESS,
    listener: (e: EndBatchProcessEvent) => void,
  ): () => void;
}

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

// ---------------------------------------------------------------- metadata and quorum

/** One partition as a Metadata answer has it. */
export interface PartitionState {
  readonly partition: number;
  /** Kafka's error code for the partition (5 = LEADER_NOT_AVAILABLE), 0 when fine. */
  readonly errorCode: number;
  /** -1 when the partition has no leader. */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offline: readonly number[];
}

/** The cluster as one Metadata answer describes it. */
export interface ClusterMetadata {
  /** The broker that answered. */
  readonly answeredBy: string;
  readonly clusterId: string | null;
  /** On KRaft: a random live broker, NOT the quorum leader (see {@linkcode QuorumInfo}). */
  readonly controllerId: number;
  readonly brokers: readonly BrokerAddress[];
  readonly topics: ReadonlyArray<{
    name: string;
    errorCode: number;
    internal: boolean;
    partitions: readonly PartitionState[];
  }>;
}

/** One voter or observer of the metadata quorum. */
export interface QuorumReplica {
  readonly id: number;
  readonly logEndOffset: number;
  /** How many records it is behind the leader's log end offset; null when unknown (-1 offset). */
  readonly lag: number | null;
  /** When the leader last heard from it (ms since the epoch; -1 unknown). */
  readonly lastFetchMs: number;
  readonly lastCaughtUpMs: number;
}

/** The KRaft metadata quorum as its leader describes it. */
export interface QuorumInfo {
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: number;
  readonly voters: readonly QuorumReplica[];
  readonly observers: readonly QuorumReplica[];
  readonly answeredBy: string;
}

/** The quorum, or why it is not known. */
export type QuorumStatus =
  | ({ readonly known: true } & QuorumInfo)
  | { readonly known: false; readonly reason: Text };

/** One partition's placement, as topics and lab 1 show it (leader -1: none). */
export interface PartitionLayout {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** A topic and its partitions (sorted by partition). */
export interface TopicPartitions {
  readonly name: string;
  readonly partitions: readonly PartitionLayout[];
}

/** One partition without a leader. */
export interface LeaderlessPartition {
  readonly topic: string;
  readonly partition: number;
  /** The brokers holding its replicas (all stopped, or out of the ISR). */
  readonly replicas: readonly number[];
}

/** What `Kafka.cluster()` tells about the cluster. */
export interface ClusterOverview {
  readonly clusterId: string | null;
  readonly brokers: readonly BrokerAddress[];
  /** Partitions without a leader; undefined when the client that answered cannot tell. */
  readonly leaderless?: readonly LeaderlessPartition[];
}

// ---------------------------------------------------------------- the port

/** Anything `Kafka.connect()` connects. */
export interface Connectable {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * The Kafka port that `ctx.kafka()` returns (implemented by
 * `lib/kafka/clients.ts`, which documents which adapter answers what).
 *
 * Client factories resolve an unconnected client: the client library is
 * loaded on first use, so a command that only asks for metadata never loads
 * it. `connect()` takes the client or its promise.
 */
export interface Kafka {
  readonly config: Config;
  /** Throws `UnreachableError` (exit 3) when no bootstrap broker accepts a TCP connection. */
  preflight(): Promise<void>;
  /** Connects within a deadline; a port that does not speak Kafka fails with exit 3. */
  connect<T extends Connectable>(client: T | Promise<T>): Promise<T>;
  /** Runs `fn` with a connected admin (after {@linkcode Kafka.preflight}), then disconnects. */
  withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T>;
  admin(): Promise<Admin>;
  /** A producer whose retries are safe (see `safe_producer.ts`). */
  producer(options?: ProducerOptions): Promise<Producer>;
  /** The labs' acks=all producer: idempotent, one request in flight, 100 retries. */
  idempotentProducer(options?: ProducerOptions): Promise<Producer>;
  consumer(options: ConsumerOptions): Promise<Consumer>;
  /** Leaves the group and disconnects without waiting out the fetch in flight. */
  disconnectConsumer(consumer: Consumer): Promise<void>;
  /** The partition the default (Java-compatible, murmur2) partitioner gives a key. */
  keyPartitioner(topic: string, partitions: number): Promise<(key: string) => number>;
  /** Any client error in plain words with a hint and an exit code. */
  translate(err: unknown): Error;
  /** A line for `--verbose`. */
  debug(text: string): void;
  /** A warning for the user (stderr, or a `warning` event with `--json`). */
  warn(message: Localizable): void;
  /** Brokers, cluster id and (when it can be told) the partitions without a leader. */
  cluster(): Promise<ClusterOverview>;
  /** Every topic with its partitions (leader -1 where there is none). */
  topics(): Promise<TopicPartitions[]>;
  /** One topic's partitions (leader -1 where there is none); undefined when it does not exist. */
  partitions(topic: string): Promise<PartitionLayout[] | undefined>;
  /** The leaderless partitions of `topics`; undefined when that cannot be told. */
  leaderless(topics: readonly string[]): Promise<LeaderlessPartition[] | undefined>;
  /** The KRaft controller quorum, or why it is not known. */
  quorum(): Promise<QuorumStatus>;
  /** An `AuthError` when a broker asks for a SASL login and none is configured. */
  loginRequired(timeoutMs?: number): Promise<AuthError | undefined>;
}

// ---------------------------------------------------------------- adapters

/**
 * Remembers the partition chosen for each message object: a driver's
 * producer asks it before choosing a partition, and tells it each choice,
 * so a retried record goes where its first attempt went.
 */
export type PartitionMemo = WeakMap<Message, number>;

/** A client library behind the port: plain clients, no retry safety of ours. */
export interface KafkaDriver {
  admin(): Admin;
  /** A plain producer; with `memo`, each record's partition is chosen once (see above). */
  producer(
    options: Omit<ProducerOptions, "deliveryTimeoutMs" | "unsafePartitioning">,
    memo?: PartitionMemo,
  ): Producer;
  consumer(options: ConsumerOptions): Consumer;
  /** Leaves the group and closes the consumer's connections without waiting for its fetch. */
  disconnectConsumer(consumer: Consumer): Promise<void>;
  keyPartitioner(topic: string, partitions: number): (key: string) => number;
}

/** The SASL login of a wire request. */
export interface WireLogin {
  readonly mechanism: "plain" | "scram-sha-256" | "scram-sha-512";
  readonly username: string;
  readonly password: string;
}

/** The requests spoken on the wire (plaintext or SASL, no TLS), each to the first address that answers. */
export interface MetadataDriver {
  metadata(
    addresses: readonly string[],
    topics: readonly string[] | undefined,
    timeoutMs: number,
    sasl?: WireLogin,
  ): Promise<ClusterMetadata>;
  describeQuorum(
    addresses: readonly string[],
    timeoutMs: number,
    sasl?: WireLogin,
  ): Promise<QuorumInfo>;
  /** The mechanisms a listener asks for, or undefined when it wants no login (or is silent). */
  saslMechanisms(address: string, timeoutMs: number): Promise<string[] | undefined>;
}

/** A broker accepted the connection and did not answer within the deadline. */
export class NoAnswerError extends Error {
  constructor(readonly address: string, readonly timeoutMs: number) {
    super(`${address} did not answer within ${timeoutMs} ms`);
    this.name = "NoAnswerError";
  }
}
