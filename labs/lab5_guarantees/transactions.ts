/**
 * A workaround for kafkajs 2.2.4's `transaction.sendOffsets()`.
 *
 * sendOffsets sends AddOffsetsToTxn to the transaction coordinator, then
 * TxnOffsetCommit to the group coordinator, and means to retry the second
 * when the group coordinator is loading, unavailable or has moved. But its
 * lists of retriable errors name the types `COORDINATOR_LOAD_IN_PROGRESS`,
 * `COORDINATOR_NOT_AVAILABLE` and `NOT_COORDINATOR`, while kafkajs' own error
 * table calls error codes 14, 15 and 16 `GROUP_LOAD_IN_PROGRESS`,
 * `GROUP_COORDINATOR_NOT_AVAILABLE` and `NOT_COORDINATOR_FOR_GROUP`
 * (src/producer/eosManager/index.js vs src/protocol/error.js). So no retry
 * ever happens: on Kafka 4.1.1, the first transaction of a fresh cluster (the
 * offsets topic is just being created) and any transaction after the group
 * coordinator moved fails at once with "This is not the correct coordinator
 * for this group" (TxnOffsetCommit v1, error 16).
 *
 * The fix stays inside kafkajs' public API: call `sendOffsets` again for
 * those three codes (the transaction stays open; AddOffsetsToTxn may be sent
 * again for the same group, and kafkajs looks the group coordinator up anew
 * on every call).
 * @module
 */
import type { Offsets, Transaction } from "kafkajs";
import { protocolErrorType } from "../../lib/errors.ts";
import { sleep } from "../../lib/time.ts";

/** The kafkajs types of the group-coordinator errors sendOffsets fails to retry. */
export const COORDINATOR_ERRORS: ReadonlySet<string> = new Set([
  "GROUP_LOAD_IN_PROGRESS",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "NOT_COORDINATOR_FOR_GROUP",
]);

/** `tx.sendOffsets(offsets)`, retried up to `attempts` times on a coordinator error. */
export async function sendOffsets(
  tx: Transaction,
  offsets: Offsets & { consumerGroupId: string },
  attempts = 10,
): Promise<void> {
  for (let attempt = 1;; attempt++) {
    try {
      await tx.sendOffsets(offsets);
      return;
    } catch (err) {
      const type = protocolErrorType(err);
      if (attempt >= attempts || !type || !COORDINATOR_ERRORS.has(type)) throw err;
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  }
}
