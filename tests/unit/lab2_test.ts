import assert from "node:assert/strict";
import { describeRecord, helloValue } from "../../labs/lab2_hello/model.ts";
import { LAB2_TEXT } from "../../labs/lab2_hello/text.ts";

Deno.test("lab2 helloValue is the manual's text, or a JSON object with --json-value", () => {
  assert.equal(helloValue(3, false), "Hello Kafka 3");
  const at = new Date("2026-01-02T03:04:05.000Z");
  assert.deepEqual(JSON.parse(helloValue(3, true, at)), {
    n: 3,
    text: "Hello Kafka 3",
    sentAt: "2026-01-02T03:04:05.000Z",
  });
});

Deno.test("lab2 describeRecord prints count, value, key, partition, offset and time", () => {
  const line = describeRecord(LAB2_TEXT.en, 2, {
    key: null,
    value: new TextEncoder().encode("Hello Kafka 2"),
    partition: 0,
    offset: "41",
    timestamp: String(Date.UTC(2026, 0, 1)),
  });
  assert.equal(
    line,
    "[2] Hello Kafka 2  key=-  partition=0 offset=41 time=2026-01-01T00:00:00.000Z",
  );
});
