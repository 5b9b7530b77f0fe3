/**
 * Producer-side batching as librdkafka and the Java client do it, for kafkajs
 * (which sends each `send()` at once): each partition has its own open batch;
 * records wait in it until its first record has waited `linger.ms`, or until
 * the next record would not fit in `batch.size` bytes, which closes the batch
 * and opens a new one (a record larger than `batch.size` goes alone). Each
 * `add()` resolves with that record's own delivery result; `close()` sends
 * what is left (on Ctrl+C too). One batch is in flight at a time
 * (max.in.flight.requests.per.connection=1), in the order batches closed.
 *
 * @example
 * ```ts
 * const batcher = new LingerBatcher({ lingerMs: 10_000, batchBytes: 1000,
 *   sizeOf: (r) => r.value.length, partitionOf: (r) => r.partition,
 *   send: async (records, why) => records.map(() => "ok") });
 * batcher.add(record).then((result) => console.log(result));
 * await batcher.close();
 * ```
 * @module
 */

/** Why a batch left. */
export type FlushReason = "linger" | "size" | "close";

/** Options of {@linkcode LingerBatcher}. */
export interface BatcherOptions<T, R> {
  /** How long the first record of a batch may wait (linger.ms); 0 sends each record at once. */
  readonly lingerMs: number;
  /** The most bytes one batch holds (batch.size); a record that would overflow it starts the next. */
  readonly batchBytes: number;
  readonly sizeOf: (item: T) => number;
  /**
   * The partition a record goes to: batches are per partition. Default: the
   * record's own `partition` field when it has a number there, else one
   * batch for all records.
   */
  readonly partitionOf?: (item: T) => number;
  /** Sends one batch (records of one partition); returns one result per item, in order. */
  readonly send: (items: readonly T[], reason: FlushReason) => Promise<readonly R[]>;
}

interface Pending<T, R> {
  readonly item: T;
  readonly resolve: (r: R) => void;
  readonly reject: (e: unknown) => void;
}

/** One partition's open batch. */
interface OpenBatch<T, R> {
  readonly pending: Pending<T, R>[];
  bytes: number;
  timer?: ReturnType<typeof setTimeout>;
}

function ownPartition(item: unknown): number {
  const partition = (item as { partition?: unknown } | null)?.partition;
  return typeof partition === "number" ? partition : 0;
}

/** Collects records into per-partition batches; see the module docs. */
export class LingerBatcher<T, R> {
  readonly #options: BatcherOptions<T, R>;
  readonly #partitionOf: (item: T) => number;
  readonly #open = new Map<number, OpenBatch<T, R>>();
  #chain: Promise<void> = Promise.resolve();
  #batches = 0;

  constructor(options: BatcherOptions<T, R>) {
    if (options.lingerMs < 0 || options.batchBytes < 1) {
      throw new RangeError("linger must be ≥ 0 ms and the batch size ≥ 1 byte");
    }
    this.#options = options;
    this.#partitionOf = options.partitionOf ?? ownPartition;
  }

  /** Batches sent so far. */
  get batches(): number {
    return this.#batches;
  }

  /** Records waiting in open batches. */
  get waiting(): number {
    let n = 0;
    for (const batch of this.#open.values()) n += batch.pending.length;
    return n;
  }

  /** Adds a record; resolves with its delivery result once its batch is sent. */
  add(item: T): Promise<R> {
    const partition = this.#partitionOf(item);
    const size = this.#options.sizeOf(item);
    const open = this.#open.get(partition);
    if (open && open.bytes + size > this.#options.batchBytes) this.#flush(partition, "size");
    const batch = this.#batchFor(partition);
    const result = new Promise<R>((resolve, reject) =>
      batch.pending.push({ item, resolve, reject })
    );
    batch.bytes += size;
    if (batch.bytes >= this.#options.batchBytes) this.#flush(partition, "size");
    else if (this.#options.lingerMs === 0) this.#flush(partition, "linger");
    return result;
  }

  #batchFor(partition: number): OpenBatch<T, R> {
    let batch = this.#open.get(partition);
    if (!batch) {
      batch = { pending: [], bytes: 0 };
      this.#open.set(partition, batch);
      if (this.#options.lingerMs > 0) {
        batch.timer = setTimeout(() => this.#flush(partition, "linger"), this.#options.lingerMs);
      }
    }
    return batch;
  }

  #flush(partition: number, reason: FlushReason): void {
    const batch = this.#open.get(partition);
    if (!batch) return;
    clearTimeout(batch.timer);
    this.#open.delete(partition);
    if (batch.pending.length === 0) return;
    this.#batches++;
    const pending = batch.pending;
    this.#chain = this.#chain.then(async () => {
      try {
        const results = await this.#options.send(pending.map((p) => p.item), reason);
        pending.forEach((p, i) => p.resolve(results[i]));
      } catch (err) {
        for (const p of pending) p.reject(err);
      }
    });
  }

  /** Sends every open batch now and waits until every batch has been answered. */
  async close(): Promise<void> {
    for (const partition of [...this.#open.keys()]) this.#flush(partition, "close");
    await this.#chain;
  }
}
