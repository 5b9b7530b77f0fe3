/**
 * The Kafka port's consumer, in kafka-lab's own types: its options, the
 * batches and messages it hands to a handler, the group events it emits.
 * `port.ts` re-exports them.
 *
 * @module
 */
import type { KafkaMessage, TopicPartitionOffset } from "./port_records.ts";

// ---------------------------------------------------------------- consumer

/** Options of `Kafka.consumer()`; `lib/kafka/clients.ts` documents the defaults. */
export interface ConsumerOptions {
  groupId: string;
  sessionTimeout?: number;
  heartbeatInterval?: number;
  rebalanceTimeout?: number;
  /** The longest the broker holds a fetch while there is nothing new. */
  maxWaitTimeInMs?: number;
  /** The most bytes one fetch returns of one partition (kafkajs: 1 MiB). */
  maxBytesPerPartition?: number;
  /** The most bytes one fetch returns in all (kafkajs: 10 MiB). */
  maxBytes?: number;
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
  FETCH: "consumer.fetch",
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

/** A fetch round from one broker came back (with records or without). */
export interface FetchEvent {
  payload: { duration: number };
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
  on(event: typeof CONSUMER_EVENTS.FETCH, listener: (e: FetchEvent) => void): () => void;
}
