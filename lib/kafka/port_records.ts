/**
 * The Kafka port's records and producer, in kafka-lab's own types: headers,
 * messages as sent and as read, what a write acknowledges, offsets, and the
 * producer and its transactions. `port.ts` re-exports them.
 *
 * @module
 */
import type { Buffer } from "node:buffer";

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
  /** Kept with a committed offset (OffsetCommit's metadata); null when left out. */
  metadata?: string;
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
