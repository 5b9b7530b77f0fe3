/**
 * How a group committed, from its history: how many records each consumer
 * commit moved a partition's offset past (its "advance"), and whether two
 * producers wrote a topic at once. Lab 4 tells its batch consumer (one commit
 * per at most 10 records) from its single consumer (one commit per record)
 * by these, on the broker's side, whatever program did the work.
 *
 * @example
 * ```ts
 * commitAdvances(s, "batch-group", "final-1-topic"); // [10, 10, 4, …]
 * ```
 * @module
 */
import { commitsOf } from "./consumed.ts";
import { real } from "./facts.ts";
import type { RecordSnap, Snapshot } from "./types.ts";

/**
 * Records each consumer commit of `group` on `topic` moved past: the commit's
 * offset minus the previous commit's on its partition (a reset's too); a
 * partition's first commit counts from the partition's first offset (the
 * course's consumers start at the earliest record). Commits that moved
 * nothing are left out. Undefined without a history.
 */
export function commitAdvances(s: Snapshot, group: string, topic: string): number[] | undefined {
  const split = commitsOf(s, group, topic);
  if (split === undefined) return undefined;
  const consumer = new Set(split.consumer);
  const all = (s.history?.[group]?.commits ?? []).filter((c) => c.topic === real(s, topic));
  const prev = new Map<number, number>(
    (s.topics[topic]?.ends ?? []).map((e) => [e.partition, e.low]),
  );
  const out: number[] = [];
  for (const c of all) {
    const before = prev.get(c.partition);
    prev.set(c.partition, c.offset);
    if (before === undefined || !consumer.has(c)) continue;
    if (c.offset > before) out.push(c.offset - before);
  }
  return out;
}

/** Producer ids whose records' times overlap another's: two producers that ran at once. */
export function concurrentProducers(records: readonly RecordSnap[]): number[] {
  const spans = new Map<number, [number, number]>();
  for (const r of records) {
    if (r.producerId === undefined) continue;
    const span = spans.get(r.producerId) ?? [r.timestamp, r.timestamp];
    spans.set(r.producerId, [Math.min(span[0], r.timestamp), Math.max(span[1], r.timestamp)]);
  }
  const list = [...spans];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, [a0, a1]] = list[i];
      const [b, [b0, b1]] = list[j];
      if (a0 <= b1 && b0 <= a1) return [a, b];
    }
  }
  return [];
}
