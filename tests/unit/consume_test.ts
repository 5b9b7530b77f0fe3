import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { chunk, isClientFault, nextOffset, toRecord } from "../../lib/kafka/consumer_loop.ts";
import { nonRetriable, protocolError } from "../../lib/kafka/fake/errors.ts";

Deno.test("chunk splits records into batches of at most the given size", () => {
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunk([], 10), []);
  assert.throws(() => chunk([1], 0), RangeError);
});

Deno.test("nextOffset adds one without losing 64-bit precision", () => {
  assert.equal(nextOffset("0"), "1");
  assert.equal(nextOffset("9007199254740993"), "9007199254740994");
});

Deno.test("toRecord copies key, value and headers out of a consumed message", () => {
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

Deno.test("isClientFault restarts on kafkajs' own TypeError and on rebalance errors, nothing else", () => {
  // The kafkajs adapter's error shapes (tests/unit/fake_errors_test.ts holds them to kafkajs').
  assert.equal(isClientFault(nonRetriable(new TypeError("x is undefined"))), true);
  assert.equal(isClientFault(protocolError("REBALANCE_IN_PROGRESS")), true);
  assert.equal(isClientFault(nonRetriable(protocolError("ILLEGAL_GENERATION"))), true);
  assert.equal(isClientFault(protocolError("UNKNOWN_MEMBER_ID")), true);
  assert.equal(isClientFault(protocolError("GROUP_AUTHORIZATION_FAILED")), false);
  assert.equal(isClientFault(protocolError("UNKNOWN_TOPIC_OR_PARTITION")), false);
  assert.equal(isClientFault(new Error("the lab's handler failed")), false);
});
