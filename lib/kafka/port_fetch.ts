/**
 * The port's reader of partitions without a consumer group (what `read`
 * needs: no membership, no commits), in kafka-lab's own types. `port.ts`
 * re-exports it; `Kafka.partitionReader()` gives one where it can.
 *
 * @module
 */
import type { Admin } from "./port_admin.ts";
import type { ConsumedRecord } from "./records.ts";

/** What {@linkcode PartitionReader.read} reads and whom it tells. */
export interface PartitionReadOptions {
  readonly topic: string;
  /** The next offset to read, per partition read. */
  readonly positions: ReadonlyMap<number, bigint>;
  /** Where to stop fetching each partition (its end when reading started); absent: never stop. */
  readonly ends?: ReadonlyMap<number, bigint>;
  /** How many bytes one fetch may return per partition. */
  readonly partitionMaxBytes: number;
  readonly signal: AbortSignal;
  /**
   * One partition's records from one fetch, in offset order, and the offset
   * after what that fetch covered (past skipped markers and aborted
   * transactions); returns true to stop reading.
   */
  readonly onRecords: (
    partition: number,
    records: readonly ConsumedRecord[],
    next: bigint,
  ) => boolean | Promise<boolean>;
}

/**
 * Reads partitions straight from their leaders, over connections it keeps
 * until {@linkcode PartitionReader.close}. The offsets questions answer as the
 * admin's do. `read` resolves when every partition reached its end,
 * `onRecords` said stop, or the signal was aborted.
 */
export interface PartitionReader
  extends Pick<Admin, "fetchTopicOffsets" | "fetchTopicOffsetsByTimestamp"> {
  /** The topic's partitions that have a leader, sorted; hands over when it does not exist. */
  partitions(topic: string): Promise<number[]>;
  read(options: PartitionReadOptions): Promise<void>;
  /** Closes the connections it keeps open between its questions. */
  close(): void;
}

/**
 * The partition reader cannot go on here (a compression codec or a batch it
 * does not read, a partition error such as a moved leader, a lost
 * connection): read on with a consumer from where the records handed on end.
 */
export class ReadHandOver extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ReadHandOver";
  }
}
