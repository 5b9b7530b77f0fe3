import assert from "node:assert/strict";
import { type FlushReason, LingerBatcher } from "../../lib/kafka/batcher.ts";

function recorder(lingerMs: number, batchBytes: number) {
  const sent: Array<{ items: string[]; reason: FlushReason }> = [];
  const batcher = new LingerBatcher<string, string>({
    lingerMs,
    batchBytes,
    sizeOf: (s) => s.length,
    send: (items, reason) => {
      sent.push({ items: [...items], reason });
      return Promise.resolve(items.map((i) => `ack:${i}`));
    },
  });
  return { batcher, sent };
}

Deno.test("LingerBatcher sends records together once linger.ms has passed", async () => {
  const { batcher, sent } = recorder(30, 1000);
  const results = await Promise.all(["a", "b", "c"].map((x) => batcher.add(x)));
  assert.deepEqual(results, ["ack:a", "ack:b", "ack:c"]);
  assert.deepEqual(sent, [{ items: ["a", "b", "c"], reason: "linger" }]);
});

Deno.test("LingerBatcher closes a batch before a record would overflow batch.size", async () => {
  const { batcher, sent } = recorder(60_000, 10);
  const first = [batcher.add("aaaa"), batcher.add("bbbb")];
  assert.equal(sent.length, 0, "8 of 10 bytes: the batch stays open");
  const third = batcher.add("cccc"); // 12 bytes would not fit: [aaaa, bbbb] leaves
  assert.deepEqual(await Promise.all(first), ["ack:aaaa", "ack:bbbb"]);
  assert.equal(batcher.waiting, 1);
  const fourth = batcher.add("dddddd"); // 4 + 6 = 10: exactly full, leaves at once
  assert.deepEqual(await Promise.all([third, fourth]), ["ack:cccc", "ack:dddddd"]);
  const last = batcher.add("ee");
  await batcher.close();
  assert.equal(await last, "ack:ee");
  assert.deepEqual(sent.map((s) => [s.items, s.reason]), [
    [["aaaa", "bbbb"], "size"],
    [["cccc", "dddddd"], "size"],
    [["ee"], "close"],
  ]);
  assert.ok(sent.every((s) => s.items.join("").length <= 10), "no batch grows past batch.size");
});

Deno.test("LingerBatcher sends a record larger than batch.size alone", async () => {
  const { batcher, sent } = recorder(60_000, 4);
  const small = batcher.add("ab");
  const big = batcher.add("abcdefgh");
  await Promise.all([small, big]);
  assert.deepEqual(sent.map((s) => s.items), [["ab"], ["abcdefgh"]]);
});

Deno.test("LingerBatcher batches per partition, each with its own size", async () => {
  const sent: Array<{ items: string[]; reason: FlushReason }> = [];
  const batcher = new LingerBatcher<{ partition: number; v: string }, string>({
    lingerMs: 60_000,
    batchBytes: 6,
    sizeOf: (r) => r.v.length,
    send: (items, reason) => {
      sent.push({ items: items.map((i) => `${i.partition}:${i.v}`), reason });
      return Promise.resolve(items.map((i) => i.v));
    },
  });
  const adds = [
    batcher.add({ partition: 0, v: "aaa" }),
    batcher.add({ partition: 1, v: "bbb" }),
    batcher.add({ partition: 0, v: "ccc" }), // partition 0 full (6 bytes): leaves now
    batcher.add({ partition: 2, v: "d" }),
  ];
  await adds[0];
  assert.deepEqual(sent, [{ items: ["0:aaa", "0:ccc"], reason: "size" }]);
  assert.equal(batcher.waiting, 2, "partitions 1 and 2 still wait");
  await batcher.close();
  await Promise.all(adds);
  assert.deepEqual(sent.slice(1).map((s) => s.reason), ["close", "close"]);
  assert.deepEqual(sent.slice(1).map((s) => s.items).sort(), [["1:bbb"], ["2:d"]]);
});

Deno.test("LingerBatcher with linger.ms 0 sends each record on its own", async () => {
  const { batcher, sent } = recorder(0, 1000);
  await batcher.add("a");
  await batcher.add("b");
  assert.deepEqual(sent.map((s) => s.items), [["a"], ["b"]]);
});

Deno.test("LingerBatcher rejects every record of a batch whose send failed, and goes on", async () => {
  let calls = 0;
  const batcher = new LingerBatcher<string, string>({
    lingerMs: 0,
    batchBytes: 100,
    sizeOf: () => 1,
    send: (items) =>
      ++calls === 1
        ? Promise.reject(new Error("broker down"))
        : Promise.resolve(items.map(() => "ok")),
  });
  await assert.rejects(() => batcher.add("x"), /broker down/);
  assert.equal(await batcher.add("y"), "ok");
});

Deno.test("LingerBatcher sends one batch at a time, in order", async () => {
  const order: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const batcher = new LingerBatcher<string, string>({
    lingerMs: 0,
    batchBytes: 100,
    sizeOf: () => 1,
    send: async (items) => {
      order.push(`start ${items[0]}`);
      if (items[0] === "1") await gate;
      order.push(`end ${items[0]}`);
      return items;
    },
  });
  const p1 = batcher.add("1");
  const p2 = batcher.add("2");
  await Promise.resolve();
  release();
  await Promise.all([p1, p2]);
  assert.deepEqual(order, ["start 1", "end 1", "start 2", "end 2"]);
});
