import assert from "node:assert/strict";
import * as kafkajs from "kafkajs";
import {
  CommittedOffsets,
  SEND_OFFSETS_RETRIABLE,
  sendOffsetsRetriable,
  TRANSACTION_RETRY,
} from "../../lib/kafka/transactions.ts";

/** kafkajs' error classes, by name (its typings leave some out). */
const K = (kafkajs as unknown as { default: Record<string, new (...args: unknown[]) => Error> })
  .default;

function protocolError(type: string, code: number): Error {
  return new K.KafkaJSProtocolError({ message: `${type} from the broker`, type, code });
}

Deno.test("sendOffsetsRetriable retries the group-coordinator errors under kafkajs' own names", () => {
  // kafkajs' error table names codes 14, 15, 16 and 51 like this; its sendOffsets retry lists do not
  for (
    const [type, code] of [
      ["GROUP_LOAD_IN_PROGRESS", 14],
      ["GROUP_COORDINATOR_NOT_AVAILABLE", 15],
      ["NOT_COORDINATOR_FOR_GROUP", 16],
      ["CONCURRENT_TRANSACTIONS", 51],
    ] as const
  ) {
    assert.ok(sendOffsetsRetriable(protocolError(type, code)), type);
    const wrapped = new K.KafkaJSNumberOfRetriesExceeded(protocolError(type, code), {
      retryCount: 5,
      retryTime: 1000,
    });
    assert.ok(sendOffsetsRetriable(wrapped), `${type} inside a wrapper`);
  }
  assert.equal(SEND_OFFSETS_RETRIABLE.size, 4);
});

Deno.test("sendOffsetsRetriable does not retry a fenced producer or a plain error", () => {
  assert.equal(sendOffsetsRetriable(protocolError("INVALID_PRODUCER_EPOCH", 47)), false);
  assert.equal(
    sendOffsetsRetriable(protocolError("TRANSACTIONAL_ID_AUTHORIZATION_FAILED", 53)),
    false,
  );
  assert.equal(sendOffsetsRetriable(new Error("boom")), false);
  assert.equal(sendOffsetsRetriable(undefined), false);
});

Deno.test("TRANSACTION_RETRY starts short and still waits several seconds in all", () => {
  assert.ok(TRANSACTION_RETRY.initialRetryTime <= 50);
  let total = 0;
  let wait = TRANSACTION_RETRY.initialRetryTime;
  for (let i = 0; i < TRANSACTION_RETRY.retries; i++) {
    total += wait;
    wait = Math.min(TRANSACTION_RETRY.maxRetryTime, wait * 2);
  }
  assert.ok(total >= 5_000, `${total} ms`);
});

Deno.test("CommittedOffsets skips the records below the last committed offset, per partition", () => {
  const c = new CommittedOffsets();
  assert.equal(c.done("in", 0, "0"), false);
  c.commit("in", 0, "10");
  assert.equal(c.done("in", 0, "9"), true);
  assert.equal(c.done("in", 0, "10"), false);
  assert.equal(c.done("in", 1, "0"), false, "another partition");
  assert.equal(c.done("other", 0, "5"), false, "another topic");
  c.commit("in", 0, "5"); // an older commit does not move it back
  assert.equal(c.done("in", 0, "9"), true);
  c.commit("in", 0, "30");
  assert.equal(c.done("in", 0, "29"), true);
});
