/**
 * Where a consumer that reads only new records starts, kept through its
 * restarts (`consumer_loop.ts`).
 *
 * A group with no committed offset for a partition starts at the partition's
 * end when `fromBeginning` is false (Kafka's `auto.offset.reset=latest`). The
 * consumer loop replaces its kafkajs consumer when the group coordinator
 * moves, and the new one resolves "the end" again: every record written
 * between the first consumer's start and the new consumer's join was
 * skipped. Found by the coordinator fault test: `lab2 consume` read one
 * record, its commit met the killed coordinator, and the new consumer started
 * after the other 39 (exit 0, 39 missing). A Java consumer with auto-commit
 * commits its reset position within seconds; this one commits it at once.
 *
 * So the loop lists each partition's end before its first consumer connects
 * ({@linkcode startEnds}), and on that consumer's first join, before any
 * record is handed to the lab, commits those ends for the assigned partitions
 * that still have no committed offset ({@linkcode pinStart}; the group's
 * offsets are read at the join, when this member owns the partitions). The
 * ends were listed before kafkajs resolved its own, so the pin is never past
 * a record the consumer reads: every later consumer of the run, or another
 * member that takes a partition over, starts where this one did or earlier.
 * The commit carries {@linkcode START_METADATA}: a start is not a read.
 * @module
 */
import type { Consumer, Kafka } from "./port.ts";
import type { Loop } from "./consumer_state.ts";
import { fetchCommittedOffsets } from "./group_offsets.ts";
import { isCoordinatorOrUnreachable, isRebalanceError } from "./consumer_errors.ts";

/**
 * The metadata of a start commit: grading (`lib/grading/consumed.ts`) does not
 * count it as records read, since no record was.
 */
export const START_METADATA = "kafka-lab:start";

/** Each partition's end offset now, by partition; see the module docs. */
export async function startEnds(kafka: Kafka, topic: string): Promise<Map<number, string>> {
  const admin = await kafka.connect(kafka.admin());
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    return new Map(ends.map((p) => [p.partition, p.high]));
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Commits the start (`ends`, listed by {@linkcode startEnds}) of each of
 * `partitions` that the group has no committed offset for; see the module
 * docs. A rebalance leaves it to the next join; a coordinator that moved
 * replaces the consumer (whose first join pins again).
 */
export async function pinStart(
  kafka: Kafka,
  consumer: Consumer,
  loop: Loop,
  ends: ReadonlyMap<number, string>,
  partitions: readonly number[],
): Promise<void> {
  const { topic, groupId } = loop.options;
  if (partitions.length === 0) return;
  try {
    const admin = await kafka.connect(kafka.admin());
    let open: Array<{ partition: number; offset: string }>;
    try {
      const committed = await fetchCommittedOffsets(admin, groupId, [topic]);
      // A partition added after the start has no listed end: kafkajs' own reset holds.
      open = committed.flatMap((t) => t.partitions)
        .filter((p) => p.offset === "-1" && partitions.includes(p.partition))
        .flatMap((p) => {
          const end = ends.get(p.partition);
          return end === undefined ? [] : [{ partition: p.partition, offset: end }];
        });
    } finally {
      await admin.disconnect().catch(() => {});
    }
    if (open.length > 0) {
      await consumer.commitOffsets(open.map((p) => ({ topic, ...p, metadata: START_METADATA })));
      kafka.debug(
        `group ${groupId} starts at ${open.map((p) => `${p.partition}@${p.offset}`).join(", ")}`,
      );
    }
    loop.pinned = true;
  } catch (err) {
    if (isRebalanceError(err)) return;
    if (isCoordinatorOrUnreachable(err)) loop.lostCoordinator(err);
    else loop.fail(err);
  }
}
