/** Lab 2's answer key, proven on the real cluster. */
import assert from "node:assert/strict";
import { consume, type ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import { waitFor } from "../../lib/time.ts";
import { unique } from "../helpers.ts";
import { clients, send, withTopic } from "./support.ts";

const text = (r: ConsumedRecord) => new TextDecoder().decode(r.value!);

/** Reads with a group until `max` records or 3 s without one; returns the values. */
async function read(
  topic: string,
  groupId: string,
  options: { fromBeginning: boolean; max?: number },
): Promise<string[]> {
  const values: string[] = [];
  await consume(clients(), {
    topic,
    groupId,
    fromBeginning: options.fromBeginning,
    signal: new AbortController().signal,
    maxMessages: options.max,
    idleTimeoutMs: 3000,
    onRecord: (r) => void values.push(text(r)),
  });
  return values;
}

Deno.test("lab2 answer: a second run of the same group reads nothing and a new group reads everything", async () => {
  await withTopic(1, async (topic, groups) => {
    const sent = ["Hello Kafka 1", "Hello Kafka 2", "Hello Kafka 3"];
    await send(topic, sent.map((value) => ({ value })));
    const group = unique("answer-again");
    const other = unique("answer-new");
    groups.push(group, other);
    assert.deepEqual(await read(topic, group, { fromBeginning: true, max: 3 }), sent);
    assert.deepEqual(await read(topic, group, { fromBeginning: true }), [], "the same group again");
    assert.deepEqual(await read(topic, other, { fromBeginning: true }), sent, "a new group");
  });
});

Deno.test("lab2 answer: with latest a new group reads only records sent after it joined", async () => {
  await withTopic(1, async (topic, groups) => {
    const before = ["old 1", "old 2", "old 3"];
    await send(topic, before.map((value) => ({ value })));
    const late = unique("answer-latest-late");
    const live = unique("answer-latest-live");
    groups.push(late, live);
    assert.deepEqual(
      await read(topic, late, { fromBeginning: false }),
      [],
      "started after sending",
    );

    const got: string[] = [];
    const stop = new AbortController();
    let joined = false;
    const run = consume(clients(), {
      topic,
      groupId: live,
      fromBeginning: false,
      signal: stop.signal,
      onAssign: () => joined = true,
      onRecord: (r) => void got.push(text(r)),
    });
    const after: string[] = [];
    try {
      assert.ok(await waitFor(() => joined, { timeoutMs: 60_000, intervalMs: 50 }), "joined");
      // The consumer looks up "latest" on its first fetch, just after joining:
      // send new records until it receives one (bounded), then compare.
      const arrived = await waitFor(async () => {
        const value = `new ${after.length + 1}`;
        await send(topic, [{ value }]);
        after.push(value);
        return got.length > 0 || after.length >= 20 ? true : undefined;
      }, { timeoutMs: 60_000, intervalMs: 500 });
      assert.ok(arrived && got.length > 0, "a record sent after joining arrived");
    } finally {
      stop.abort();
      await run;
    }
    assert.deepEqual(got.filter((v) => before.includes(v)), [], "no record from before it joined");
    assert.ok(got.every((v) => after.includes(v)));
  });
});

Deno.test("lab2 answer: records with one key land in one partition", async () => {
  await withTopic(3, async (topic) => {
    const records = ["user-1", "user-2", "user-3"].flatMap((key) =>
      [1, 2, 3, 4].map((n) => ({ key, value: `${key} #${n}` }))
    );
    const acks = await send(topic, records);
    for (const key of ["user-1", "user-2", "user-3"]) {
      const mine = acks.filter((_, i) => records[i].key === key);
      assert.equal(new Set(mine.map((a) => a.partition)).size, 1, `${key} in one partition`);
      const offsets = mine.map((a) => a.offset);
      assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b), `${key} in send order`);
    }
  });
});
