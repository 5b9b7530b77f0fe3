import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { chunk, nextOffset, toRecord } from "../../lib/consume.ts";

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
