/**
 * Producer-side batching as librdkafka and the Java client do it, for kafkajs
 * (which sends each `send()` at once): records wait in a batch until it holds
 * `batch.size` bytes or its first record has waited `linger.ms`, then the
 * whole batch is sent in one request. Each `add()` resolves with that
 * record's own delivery result; `close()` sends what is left (on Ctrl+C too).
 * One batch is in flight at a time (max.in.flight.requests.per.connection=1).
 *
 * @example
 * ```ts
 * const batcher = new LingerBatcher({ lingerMs: 10_000, batchBytes: 1000, sizeOf: (r) => r.value.length,
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
  /** A batch this large (batch.size, bytes) is sent without waiting. */
  readonly batchBytes: number;
  readonly sizeOf: (item: T) => number;
  /** Sends one batch; returns one result per item, in order. */
  readonly send: (items: readonly T[], reason: FlushReason) => Promise<readonly R[]>;
}

interface Pending<T, R> {
  readonly item: T;
  readonly resolve: (r: R) => void;
  readonly reject: (e: unknown) => void;
}

/** Collects records into batches; see the module docs. */
export class LingerBatcher<T, R> {
  readonly #options: BatcherOptions<T, R>;
  #pending: Pending<T, R>[] = [];
  #bytes = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<void> = Promise.resolve();
  #batches = 0;

  constructor(options: BatcherOptions<T, R>) {
    if (options.lingerMs < 0 || options.batchBytes < 1) {
      throw new RangeError("linger must be ≥ 0 ms and the batch size ≥ 1 byte");
    }
    this.#options = options;
  }

  /** Batches sent so far. */
  get batches(): number {
    return this.#batches;
  }

  /** Records waiting in the open batch. */
  get waiting(): number {
    return this.#pending.length;
  }

  /** Adds a record; resolves with its delivery result once its batch is sent. */
  add(item: T): Promise<R> {
    const result = new Promise<R>((resolve, reject) =>
      this.#pending.push({ item, resolve, reject })
    );
    this.#bytes += this.#options.sizeOf(item);
    if (this.#bytes >= this.#options.batchBytes) {
      this.#flush("size");
    } else if (this.#options.lingerMs === 0) {
      this.#flush("linger");
    } else if (this.#pending.length === 1) {
      this.#timer = setTimeout(() => this.#flush("linger"), this.#options.lingerMs);
    }
    return result;
  }

  #flush(reason: FlushReason): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    this.#bytes = 0;
    this.#batches++;
    this.#chain = this.#chain.then(async () => {
      try {
        const results = await this.#options.send(batch.map((p) => p.item), reason);
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    });
  }

  /** Sends the open batch now and waits until every batch has been answered. */
  async close(): Promise<void> {
    this.#flush("close");
    await this.#chain;
  }
}
