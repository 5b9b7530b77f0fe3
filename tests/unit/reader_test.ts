import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { ReadCursor, readTopic } from "../../lib/inspect/reader.ts";
import { type Batch, type PartitionReader, ReadHandOver } from "../../lib/kafka/port.ts";
import type { ConsumedRecord } from "../../lib/kafka/records.ts";
import { createFakeKafka } from "../../lib/kafka/fake/mod.ts";

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

const record = (partition: number, offset: number): ConsumedRecord => ({
  topic: "t",
  partition,
  offset: String(offset),
  key: null,
  value: new TextEncoder().encode(`v${offset}`),
  timestamp: "0",
  headers: {},
});

Deno.test("ReadCursor.takeRecords hands on a fetch's records and moves past what it covered; a count stops it in the middle", async () => {
  const cursor = new ReadCursor([{ partition: 0, start: "0", end: "10" }], 3);
  const { seen, options } = reading();
  assert.equal(await cursor.takeRecords(0, [record(0, 0), record(0, 1)], 5n, options), undefined);
  assert.equal(cursor.next.get(0), 5n);
  assert.equal(await cursor.takeRecords(0, [record(0, 5), record(0, 6)], 7n, options), "count");
  assert.deepEqual(seen, ["0@0", "0@1", "0@5"]);
  // The record not handed on is where a reader taking over starts.
  assert.equal(cursor.next.get(0), 6n);
});

/** A partition reader that hands on `first` records of partition 0, then hands over. */
function handingOver(first: number): PartitionReader {
  return {
    fetchTopicOffsets: () =>
      Promise.resolve([0, 1].map((partition) => ({
        partition,
        offset: "4",
        high: "4",
        low: "0",
      }))),
    fetchTopicOffsetsByTimestamp: () => Promise.reject(new Error("not asked")),
    partitions: () => Promise.resolve([0, 1]),
    close: () => {},
    read: async (options) => {
      const records = Array.from({ length: first }, (_, i) => record(0, i));
      await options.onRecords(0, records, BigInt(first));
      throw new ReadHandOver("records compressed with snappy in the batch at offset 2");
    },
  };
}

Deno.test("readTopic: where the wire reader hands over, a consumer reads on from there; every record once", async () => {
  const fake = createFakeKafka();
  fake.cluster.createTopic("t", { partitions: 2, replicationFactor: 1 });
  const producer = await fake.kafka.connect(fake.kafka.producer());
  for (const partition of [0, 1]) {
    await producer.send({
      topic: "t",
      messages: [0, 1, 2, 3].map((o) => ({ partition, value: `v${o}` })),
    });
  }
  await producer.disconnect();
  fake.kafka.partitionReader = () => Promise.resolve(handingOver(2));
  const seen: string[] = [];
  const summary = await readTopic(fake.kafka, {
    topic: "t",
    from: { kind: "earliest" },
    follow: false,
    signal: new AbortController().signal,
    onRecord: (r) =>
      void seen.push(`${r.partition}@${r.offset}=${new TextDecoder().decode(r.value!)}`),
  });
  assert.deepEqual(seen.sort(), [
    "0@0=v0",
    "0@1=v1",
    "0@2=v2",
    "0@3=v3",
    "1@0=v0",
    "1@1=v1",
    "1@2=v2",
    "1@3=v3",
  ]);
  assert.deepEqual([summary.records, summary.stoppedBy], [8, "end"]);
  fake.cluster.close();
});
