/**
 * Transactions with kafkajs 2.2.4 against Kafka 4.x: a transactional
 * producer and `sendOffsets` with the workarounds the client needs, so a
 * consume-transform-produce step is exactly-once and not needlessly slow.
 *
 * What kafkajs 2.2.4 does (checked in its source and on Kafka 4.1.1), and
 * what this module does about it:
 * - **CONCURRENT_TRANSACTIONS after every commit.** `EndTxn` returns once the
 *   coordinator has logged the decision; it then writes the commit markers.
 *   Until they are written, the next transaction's first `AddPartitionsToTxn`
 *   is answered CONCURRENT_TRANSACTIONS (error 51), which kafkajs retries with
 *   the client's general back-off (300 ms here, doubled each time): about
 *   0.85 s per transaction on the local cluster. The Java client retries this
 *   one error after 20 ms. {@linkcode transactionalProducer} gives the
 *   transactional producer a short back-off (about 0.13 s per transaction).
 * - **sendOffsets never retries a moved group coordinator.** Its
 *   `TxnOffsetCommit` retry lists name `COORDINATOR_LOAD_IN_PROGRESS`,
 *   `COORDINATOR_NOT_AVAILABLE` and `NOT_COORDINATOR`, while kafkajs' own
 *   error table calls codes 14, 15 and 16 `GROUP_LOAD_IN_PROGRESS`,
 *   `GROUP_COORDINATOR_NOT_AVAILABLE` and `NOT_COORDINATOR_FOR_GROUP`
 *   (src/producer/eosManager/index.js vs src/protocol/error.js), and its
 *   `AddOffsetsToTxn` is not retried at all (CONCURRENT_TRANSACTIONS there
 *   fails the transaction, tulios/kafkajs#430). {@linkcode sendOffsets} calls
 *   it again for those errors: the transaction stays open, AddOffsetsToTxn
 *   may be repeated for the same group, and kafkajs looks the group
 *   coordinator up anew on each call.
 * - **A retried send can write a batch twice in one transaction.** A send
 *   whose records go to several brokers runs one request per broker at once
 *   (src/producer/sendMessages.js). When one fails (CONCURRENT_TRANSACTIONS
 *   from AddPartitionsToTxn, right after a commit) kafkajs retries at once,
 *   while the request to another broker is still in flight and has no
 *   answer recorded: that broker's records are sent again, after the first
 *   request, with the sequence numbers it has just advanced, so the broker
 *   takes them for new records. Measured: 4-9 duplicates in 150 records under
 *   read_committed, in consecutive offsets of one transaction.
 *   {@linkcode sendByPartition} sends one partition per request, so a
 *   failed request never has a sibling in flight.
 * - **No require_stable offset fetch.** kafkajs fetches committed offsets
 *   with OffsetFetch v4 at most, without `require_stable` (v7, KIP-447): a
 *   consumer that joins while a transaction's offsets are still pending reads
 *   the older offset and processes those records again. A processor must
 *   connect its transactional producer first: InitProducerId waits
 *   (CONCURRENT_TRANSACTIONS, retried) until the previous transaction of its
 *   transactional id is complete, markers included, and fences a dead
 *   instance. Offsets the process committed itself stay valid after a
 *   rebalance: {@linkcode CommittedOffsets} remembers them.
 *
 * @example
 * ```ts
 * const producer = await kafka.connect(transactionalProducer(kafka, "copy.tx"));
 * const tx = await producer.transaction();
 * await sendByPartition(tx, "out", messages); // each message with its partition
 * await sendOffsets(tx, { consumerGroupId: "copy", topics: [...] });
 * await tx.commit();
 * ```
 * @module
 */
import { protocolErrorType } from "../errors.ts";
import type {
  Kafka,
  Message,
  Producer,
  RecordMetadata,
  TopicOffsets,
  Transaction,
} from "./port.ts";
import { sleep } from "../time.ts";

/**
 * The transactional producer's back-off: 20 ms, doubled up to 1 s, 14 times
 * (about 9 s in all, enough for a coordinator to finish an abort or move).
 */
export const TRANSACTION_RETRY = { initialRetryTime: 20, maxRetryTime: 1_000, retries: 14 };

/**
 * A transactional producer (idempotent, one request in flight, the partition
 * of each record fixed before its first attempt: `Kafka.producer()`)
 * with the short back-off of {@linkcode TRANSACTION_RETRY}. Connect it before
 * the consumer of the same step joins its group (see the module docs).
 */
export function transactionalProducer(
  kafka: Kafka,
  transactionalId: string,
): Promise<Producer> {
  return kafka.producer({
    transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    retry: TRANSACTION_RETRY,
  });
}

/**
 * Sends `messages` to `topic` in transaction `tx`, one partition per request
 * and one request at a time (see the module docs). Every message must name
 * its partition.
 */
export async function sendByPartition(
  tx: Transaction,
  topic: string,
  messages: readonly Message[],
): Promise<RecordMetadata[]> {
  const byPartition = new Map<number, Message[]>();
  for (const m of messages) {
    if (m.partition === undefined) {
      throw new TypeError(`sendByPartition: a message to ${topic} has no partition`);
    }
    byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), m]);
  }
  const results: RecordMetadata[] = [];
  for (const [, group] of [...byPartition].sort((a, b) => a[0] - b[0])) {
    results.push(...await tx.send({ topic, messages: group }));
  }
  return results;
}

/** Error types after which `sendOffsets` is called again. */
export const SEND_OFFSETS_RETRIABLE: ReadonlySet<string> = new Set([
  "GROUP_LOAD_IN_PROGRESS",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "NOT_COORDINATOR_FOR_GROUP",
  "CONCURRENT_TRANSACTIONS",
]);

/** Whether `sendOffsets` is called again after `err`. */
export function sendOffsetsRetriable(err: unknown): boolean {
  const type = protocolErrorType(err);
  return type !== undefined && SEND_OFFSETS_RETRIABLE.has(type);
}

/**
 * `tx.sendOffsets(offsets)`, called again up to `attempts` times in all on
 * the errors kafkajs fails to retry (see the module docs).
 */
export async function sendOffsets(
  tx: Transaction,
  offsets: { consumerGroupId: string; topics: TopicOffsets[] },
  attempts = 10,
): Promise<void> {
  for (let attempt = 1;; attempt++) {
    try {
      await tx.sendOffsets(offsets);
      return;
    } catch (err) {
      if (attempt >= attempts || !sendOffsetsRetriable(err)) throw err;
      await sleep(Math.min(2_000, 20 * 2 ** attempt));
    }
  }
}

/**
 * The next offset of each partition a processor committed in its own
 * transactions. After a rebalance kafkajs fetches committed offsets again,
 * and without `require_stable` it can get an older one while the last
 * commit's markers are still being written: records below what this process
 * committed are skipped ({@linkcode CommittedOffsets.done}).
 */
export class CommittedOffsets {
  readonly #next = new Map<string, bigint>();

  /** Records that `next` (the offset after the last record) was committed. */
  commit(topic: string, partition: number, next: string): void {
    const key = `${topic}\u0000${partition}`;
    const n = BigInt(next);
    if (n > (this.#next.get(key) ?? -1n)) this.#next.set(key, n);
  }

  /** Whether the record at `offset` was already handled in a committed transaction. */
  done(topic: string, partition: number, offset: string): boolean {
    const next = this.#next.get(`${topic}\u0000${partition}`);
    return next !== undefined && BigInt(offset) < next;
  }
}
