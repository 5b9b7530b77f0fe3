import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import * as kafkajs from "kafkajs";
import { chunk, isClientFault, nextOffset, toRecord } from "../../lib/kafka/consumer_loop.ts";

Deno.test("chunk splits records into batches of at most the given size", () => {
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunk([], 10), []);
  assert.throws(() => chunk([1], 0), RangeError);
});

Deno.test("nextOffset adds one without losing 64-bit precision", () => {
  assert.equal(nextOffset("0"), "1");
  assert.equal(nextOffset("9007199254740993"), "9007199254740994");
});

Deno.test("toRecord copies key, value and headers out of a kafkajs message", () => {
  const message = {
    key: Buffer.from("k"),
    value: Buffer.from("v"),
    offset: "7",
    timestamp: "1700000000000",
    attributes: 0,
    size: 0,
    headers: { a: Buffer.from("1"), b: "2", c: [Buffer.from("3"), Buffer.from("4")], d: undefined },
  };
  const r = toRecord("t", 2, message as unknown as Parameters<typeof toRecord>[2]);
  assert.equal(r.partition, 2);
  assert.equal(r.offset, "7");
  assert.equal(new TextDecoder().decode(r.key!), "k");
  assert.equal(new TextDecoder().decode(r.value!), "v");
  assert.deepEqual(r.headers, { a: "1", b: "2", c: "3" });
});

/** kafkajs' error classes, by name (its typings mistype some constructors). */
const K = (kafkajs as unknown as { default: Record<string, new (...args: unknown[]) => Error> })
  .default;

Deno.test("isClientFault restarts on kafkajs' own TypeError and on rebalance errors, nothing else", () => {
  const protocol = (type: string, code: number) =>
    new K.KafkaJSProtocolError({ message: type, type, code, retriable: false });
  // kafkajs wraps what its retrier gives up on; the cause is what counts.
  const wrapped = (e: Error) => new K.KafkaJSNonRetriableError(e, { cause: e });
  assert.equal(isClientFault(wrapped(new TypeError("x is undefined"))), true);
  assert.equal(isClientFault(protocol("REBALANCE_IN_PROGRESS", 27)), true);
  assert.equal(isClientFault(wrapped(protocol("ILLEGAL_GENERATION", 22))), true);
  assert.equal(isClientFault(protocol("UNKNOWN_MEMBER_ID", 25)), true);
  assert.equal(isClientFault(protocol("GROUP_AUTHORIZATION_FAILED", 30)), false);
  assert.equal(isClientFault(protocol("UNKNOWN_TOPIC_OR_PARTITION", 3)), false);
  assert.equal(isClientFault(new Error("the lab's handler failed")), false);
});
