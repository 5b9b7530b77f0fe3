/**
 * The consumer loop's commits (`consumer_loop.ts`): a commit lost to a
 * rebalance or refused by a coordinator that moved is not an error there;
 * see that module's docs.
 * @module
 */
import type { Consumer } from "./port.ts";
import { nextOffset } from "./records.ts";
import { type Loop, MAX_LOST_COMMITS } from "./consumer_state.ts";
import { isCoordinatorError, isRebalanceError, rebalanceLoop } from "./consumer_errors.ts";

/**
 * Commits the offset after `offset`. A commit lost to a rebalance is not an
 * error (`lost`), nor is one refused by a coordinator that moved or does not
 * answer (`replaced`: the consumer is being replaced); see the module docs.
 */
export async function commit(
  consumer: Consumer,
  loop: Loop,
  partition: number,
  offset: string,
): Promise<"committed" | "lost" | "replaced"> {
  const next = nextOffset(offset);
  try {
    await consumer.commitOffsets([{ topic: loop.options.topic, partition, offset: next }]);
    loop.commits++;
    loop.lostInARow = 0;
    loop.options.onCommit?.(partition, next);
    return "committed";
  } catch (err) {
    // The partition moved to another member, which starts from the last
    // committed offset: these records will be handled again (at-least-once).
    if (isRebalanceError(err)) {
      // Counted once per membership: the rest of a stale fetch is refused too.
      if (!loop.lostSinceJoin) {
        loop.lostSinceJoin = true;
        if (++loop.lostInARow > MAX_LOST_COMMITS) {
          loop.fail(rebalanceLoop(loop.options.groupId, err));
        }
      }
      return "lost";
    }
    if (!isCoordinatorError(err)) throw err;
    // A new consumer finds the coordinator again and re-reads from the
    // committed offset: these records will be handled again.
    loop.lostCoordinator(err);
    return "replaced";
  }
}

/** {@linkcode commit} under the loop's guard: false when the consumer is to stop handling records. */
export async function guardedCommit(
  consumer: Consumer,
  loop: Loop,
  partition: number,
  offset: string,
): Promise<boolean> {
  let result = "failed";
  await loop.guard(async () => {
    result = await commit(consumer, loop, partition, offset);
  });
  return result === "committed" || result === "lost";
}
