import assert from "node:assert/strict";
import { type FlushReason, LingerBatcher } from "../../lib/batcher.ts";

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

Deno.test("LingerBatcher sends at once when batch.size is reached, and the rest on close", async () => {
  const { batcher, sent } = recorder(60_000, 10);
  const first = [batcher.add("aaaa"), batcher.add("bbbb"), batcher.add("cccc")];
  assert.deepEqual(await Promise.all(first), ["ack:aaaa", "ack:bbbb", "ack:cccc"]);
  const last = batcher.add("dd");
  assert.equal(batcher.waiting, 1);
  await batcher.close();
  assert.equal(await last, "ack:dd");
  assert.deepEqual(sent.map((s) => [s.items.length, s.reason]), [[3, "size"], [1, "close"]]);
  assert.equal(batcher.batches, 2);
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
