import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { ReadCursor } from "../../lib/inspect/reader.ts";
import type { Batch } from "../../lib/kafka/port.ts";

/** A fetched batch of `offsets` on partition `partition`, covering up to `last`. */
const batch = (partition: number, offsets: number[], last = offsets.at(-1)!): Batch => ({
  topic: "t",
  partition,
  highWatermark: String(last + 1),
  messages: offsets.map((o) => ({
    key: null,
    value: Buffer.from(`v${o}`),
    timestamp: "0",
    offset: String(o),
  })),
  lastOffset: () => String(last),
});

const reading = (follow = false) => {
  const seen: string[] = [];
  return {
    seen,
    options: {
      signal: new AbortController().signal,
      follow,
      onRecord: (r: { partition: number; offset: string }) => {
        seen.push(`${r.partition}@${r.offset}`);
      },
    },
  };
};

Deno.test("ReadCursor hands on each record once, from the start, and stops at the ends it began with", async () => {
  const cursor = new ReadCursor([
    { partition: 0, start: "2", end: "4" },
    { partition: 1, start: "0", end: "1" },
  ]);
  const { seen, options } = reading();
  assert.equal(cursor.finished(), false);
  assert.equal(await cursor.take(batch(0, [1, 2, 3]), options), undefined);
  assert.equal(await cursor.take(batch(0, [2, 3]), options), undefined);
  assert.equal(await cursor.take(batch(2, [0]), options), undefined);
  assert.equal(await cursor.take(batch(1, [0]), options), "end");
  assert.deepEqual(seen, ["0@2", "0@3", "1@0"]);
  assert.equal(cursor.records, 3);
});

Deno.test("ReadCursor moves past offsets a fetch covered without records (compacted, markers)", async () => {
  const cursor = new ReadCursor([{ partition: 0, start: "0", end: "10" }]);
  const { seen, options } = reading();
  assert.equal(await cursor.take(batch(0, [0, 1], 9), options), "end");
  assert.deepEqual(seen, ["0@0", "0@1"]);
  assert.equal(cursor.next.get(0), 10n);
});

Deno.test("ReadCursor stops at the count, and with follow keeps reading past the end", async () => {
  const counted = new ReadCursor([{ partition: 0, start: "0", end: "2" }], 2);
  const a = reading(true);
  assert.equal(await counted.take(batch(0, [0, 1, 2, 3]), a.options), "count");
  assert.deepEqual(a.seen, ["0@0", "0@1"]);
  assert.equal(counted.reached(), true);

  const following = new ReadCursor([{ partition: 0, start: "0", end: "2" }]);
  const b = reading(true);
  assert.equal(await following.take(batch(0, [0, 1, 2]), b.options), undefined);
  assert.equal(following.finished(), true);
  assert.deepEqual(b.seen, ["0@0", "0@1", "0@2"]);
});

Deno.test("ReadCursor hands on nothing once the signal is aborted", async () => {
  const cursor = new ReadCursor([{ partition: 0, start: "0", end: "5" }]);
  const stop = new AbortController();
  stop.abort();
  const { seen, options } = reading();
  await cursor.take(batch(0, [0, 1]), { ...options, signal: stop.signal });
  assert.deepEqual(seen, []);
  assert.equal(cursor.records, 0);
});
