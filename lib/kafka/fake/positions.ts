/**
 * A fake consumer's place in each assigned partition: the position it reads
 * from next, seeks waiting for the next fetch, paused partitions, and the
 * turn that takes the assigned partitions round one batch at a time.
 *
 * @module
 */
import { type Fetched, fetchFrom, key } from "./fetch.ts";
import type { FakeTopic } from "./log.ts";

/** How a consumer reads: read_committed or not, and how many records a batch holds at most. */
export interface ReadLook {
  readonly readCommitted: boolean;
  readonly maxRecords: number;
}

/** The positions of one consumer; see the module docs. */
export class Positions {
  readonly #positions = new Map<string, bigint>();
  readonly #seeks = new Map<string, bigint>();
  readonly #paused = new Set<string>();
  #cursor = 0;

  /** Reads `topic`/`partition` from `offset` at its next fetch. */
  seek(topic: string, partition: number, offset: bigint): void {
    this.#seeks.set(key(topic, partition), offset);
  }

  /** Stops handing over records of these partitions. */
  pause(topic: string, partitions: readonly number[]): void {
    for (const p of partitions) this.#paused.add(key(topic, p));
  }

  isPaused(k: string): boolean {
    return this.#paused.has(k);
  }

  /** A seek waits for the partition: the batch in hand is stale. */
  isStale(k: string): boolean {
    return this.#seeks.has(k);
  }

  /**
   * After a join: every assigned partition from its committed offset, else
   * from the log start (`fromBeginning`) or the end; pending seeks are dropped.
   */
  reset(
    assignment: Readonly<Record<string, number[]>>,
    topics: ReadonlyMap<string, FakeTopic>,
    committedOf: (topic: string, partition: number) => bigint | undefined,
    look: { readonly readCommitted: boolean; readonly fromBeginning: boolean },
  ): void {
    this.#positions.clear();
    this.#seeks.clear();
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const p = topics.get(topic)?.partitions[partition];
        if (!p) continue;
        const committed = committedOf(topic, partition);
        const end = look.readCommitted ? p.lastStable : p.highWatermark;
        this.#positions.set(
          key(topic, partition),
          committed ?? (look.fromBeginning ? p.logStart : end),
        );
      }
    }
  }

  /** The next partition with records past its position, round the assigned ones. */
  next(
    assigned: ReadonlyArray<{ topic: string; partition: number }>,
    topics: ReadonlyMap<string, FakeTopic>,
    look: ReadLook,
  ): Fetched | undefined {
    for (let i = 0; i < assigned.length; i++) {
      const { topic, partition } = assigned[(this.#cursor + i) % assigned.length];
      const k = key(topic, partition);
      const p = topics.get(topic)?.partitions[partition];
      if (!p || this.#paused.has(k)) continue;
      const seek = this.#seeks.get(k);
      if (seek !== undefined) {
        this.#positions.set(k, seek);
        this.#seeks.delete(k);
      }
      const fetched = fetchFrom(p, this.#positions.get(k) ?? p.logStart, look);
      if (!fetched) continue;
      this.#cursor = (this.#cursor + i + 1) % assigned.length;
      return fetched;
    }
    return undefined;
  }

  /** Moves a partition's position past `offset`. */
  resolve(k: string, offset: bigint): void {
    const next = offset + 1n;
    if (next > (this.#positions.get(k) ?? -1n)) this.#positions.set(k, next);
  }

  /** Every partition's position: topic, partition and the offset to read next. */
  entries(): Array<{ topic: string; partition: number; offset: bigint }> {
    return [...this.#positions].map(([k, offset]) => {
      const [topic, partition] = k.split("\u0000");
      return { topic, partition: Number(partition), offset };
    });
  }
}
