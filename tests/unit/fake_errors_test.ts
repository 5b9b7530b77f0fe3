/**
 * The fake Kafka port's errors (lib/kafka/fake/errors.ts) against the real
 * kafkajs 2.2.4 errors they stand for: same shape, and the same answer from
 * every reader kafka-lab has (translateError, sendFailure, the consumer
 * loop's restart rule, sendOffsets' retry rule, ...). Unit tests elsewhere
 * use the fake's errors; this file is what keeps them honest, so it is the
 * one place besides the adapter's own tests that imports kafkajs.
 */
import assert from "node:assert/strict";
import * as kafkajs from "kafkajs";
import protocol from "kafkajs/src/protocol/error.js";
import kafkajsErrors from "kafkajs/src/errors.js";
import {
  isAuthFailure,
  networkFailureKind,
  protocolErrorType,
  translateError,
} from "../../lib/errors.ts";
import { sendFailure } from "../../lib/kafka/failures.ts";
import { isClientFault } from "../../lib/kafka/consumer_loop.ts";
import { sendOffsetsRetriable } from "../../lib/kafka/transactions.ts";
import { keyPartitioner } from "../../lib/kafka/kafkajs/partitioner.ts";
import {
  connectionClosed,
  connectionRefused,
  crashRestarts,
  createTopicsError,
  isRebalancing,
  nonRetriable,
  protocolError,
  protocolErrorTable,
  requestTimeout,
  retriesExceeded,
} from "../../lib/kafka/fake/errors.ts";
import { keyPartition } from "../../lib/kafka/fake/partitioner.ts";

/** kafkajs' error classes, by name (its typings leave some out or mistype their constructors). */
const K = (kafkajs as unknown as { default: Record<string, new (...args: unknown[]) => Error> })
  .default;
const real = (code: number): Error => protocol.createErrorFromCode(code);

const CONTEXT = { brokers: ["localhost:19092"], startHint: "start it" };

/** What each reader of kafka-lab makes of an error. */
function readings(err: Error) {
  const translated = translateError(err, CONTEXT);
  return {
    name: err.name,
    type: protocolErrorType(err),
    retriable: (err as { retriable?: boolean }).retriable,
    exitCode: translated.exitCode,
    text: translated.text,
    hint: translated.hintText,
    auth: isAuthFailure(err),
    network: networkFailureKind(err),
    send: sendFailure(err),
    clientFault: isClientFault(err),
    sendOffsetsRetriable: sendOffsetsRetriable(err),
    rebalancing: isRebalancing(err) === kafkajsErrors.isRebalancing(err),
    restarts: crashRestarts(err),
  };
}

Deno.test("fake protocolError has kafkajs' type, code and retriable flag for every error it knows", () => {
  for (const entry of protocolErrorTable()) {
    const theirs = real(entry.code) as Error & { type: string; code: number; retriable: boolean };
    assert.equal(entry.type, theirs.type, `${entry.name} (${entry.code})`);
    assert.equal(entry.retriable, theirs.retriable, `${entry.name} retriable`);
    const ours = protocolError(entry.name);
    assert.deepEqual(readings(ours), readings(theirs), entry.name);
  }
});

Deno.test("fake connection errors read as kafkajs' (refused, closed, timed out)", () => {
  const pairs: Array<[string, Error, Error]> = [
    [
      "refused",
      connectionRefused("localhost:19092"),
      new K.KafkaJSConnectionError("Connection error: connect ECONNREFUSED localhost:19092", {
        broker: "localhost:19092",
        code: "ECONNREFUSED",
      }),
    ],
    [
      "closed",
      connectionClosed("localhost:19092"),
      new K.KafkaJSConnectionClosedError("Closed connection", { host: "localhost", port: 19092 }),
    ],
    [
      "timed out",
      requestTimeout("localhost:19092"),
      new K.KafkaJSRequestTimeoutError("Request Produce timed out", { broker: "localhost:19092" }),
    ],
  ];
  for (const [what, ours, theirs] of pairs) {
    assert.deepEqual(readings(ours), readings(theirs), what);
    assert.equal((ours as { broker?: string }).broker, (theirs as { broker?: string }).broker);
  }
});

Deno.test("fake retry wrappers nest their causes as kafkajs' retrier does", () => {
  const notLeader = () => protocolError("NOT_LEADER_OR_FOLLOWER");
  const typeError = new TypeError("Cannot read properties of undefined");
  const rebalance = protocolError("REBALANCE_IN_PROGRESS");
  const pairs: Array<[string, Error, Error]> = [
    [
      "retries exceeded over a protocol error",
      retriesExceeded(notLeader(), 5),
      new K.KafkaJSNumberOfRetriesExceeded(real(6), { retryCount: 5, retryTime: 0 }),
    ],
    [
      "retries exceeded over a refused connection",
      retriesExceeded(connectionRefused("localhost:19092"), 5),
      new K.KafkaJSNumberOfRetriesExceeded(
        new K.KafkaJSConnectionError("Connection error", {
          broker: "localhost:19092",
          code: "ECONNREFUSED",
        }),
        { retryCount: 5, retryTime: 0 },
      ),
    ],
    [
      "kafkajs' own TypeError, not retried",
      nonRetriable(typeError),
      new K.KafkaJSNonRetriableError(typeError, { cause: typeError }),
    ],
    [
      "a rebalance error, not retried",
      nonRetriable(rebalance),
      new K.KafkaJSNonRetriableError(real(27), { cause: real(27) }),
    ],
  ];
  for (const [what, ours, theirs] of pairs) {
    assert.deepEqual(readings(ours), readings(theirs), what);
  }
});

Deno.test("fake createTopicsError reads as kafkajs' aggregate of per-topic errors", () => {
  const ours = createTopicsError("t", "INVALID_REPLICATION_FACTOR");
  const theirs = new K.KafkaJSAggregateError("Topic creation errors", [
    new K.KafkaJSCreateTopicError(real(38), "t"),
  ]);
  const { retriable: _a, restarts: _b, ...oursRead } = readings(ours);
  const { retriable: _c, restarts: _d, ...theirsRead } = readings(theirs);
  assert.deepEqual(oursRead, theirsRead);
});

Deno.test("crashRestarts follows kafkajs' rule on kafkajs' own errors", () => {
  const typeError = new TypeError("x");
  assert.equal(
    crashRestarts(new K.KafkaJSNumberOfRetriesExceeded(real(7), { retryCount: 5 })),
    true,
  );
  assert.equal(
    crashRestarts(new K.KafkaJSNonRetriableError(typeError, { cause: typeError })),
    false,
  );
  assert.equal(crashRestarts(new K.KafkaJSNonRetriableError(real(27), { cause: real(27) })), false);
  assert.equal(crashRestarts(new K.KafkaJSNonRetriableError(real(7), { cause: real(7) })), true);
  assert.equal(crashRestarts(real(7)), true);
  assert.equal(crashRestarts(new Error("a handler's own error")), false);
});

Deno.test("fake keyPartition gives every key the partition the kafkajs adapter gives it", () => {
  for (const partitions of [1, 3, 6, 7]) {
    const theirs = keyPartitioner("t", partitions);
    for (let i = 0; i < 300; i++) {
      const key = i % 3 === 0 ? `user-${i}` : i % 3 === 1 ? `ключ-${i}` : "k".repeat(i % 13);
      assert.equal(keyPartition(key, partitions), theirs(key), `${key} of ${partitions}`);
    }
  }
});
