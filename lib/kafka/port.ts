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
 * strings. The record and producer, consumer and admin types live in
 * `port_records.ts`, `port_consumer.ts` and `port_admin.ts`; this module
 * re-exports them, so call sites import from `port.ts` alone.
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
import type { Config } from "../config.ts";
import type { AuthError } from "../errors.ts";
import type { Localizable, Text } from "../i18n.ts";

export * from "./port_records.ts";
export * from "./port_consumer.ts";
export * from "./port_admin.ts";
export * from "./port_fetch.ts";
import type { Message, Producer, ProducerOptions } from "./port_records.ts";
import type { Consumer, ConsumerOptions } from "./port_consumer.ts";
import type { Admin, BrokerAddress } from "./port_admin.ts";
import type { PartitionReader } from "./port_fetch.ts";

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
  /** Reads partitions without a group, from their leaders; undefined where it cannot (TLS). */
  partitionReader(): Promise<PartitionReader | undefined>;
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
