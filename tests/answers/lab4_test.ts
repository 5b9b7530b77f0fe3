/** Lab 4's answer key, proven on the real cluster. */
import assert from "node:assert/strict";
import { crashMidBatch, type Event } from "../lab4_crash.ts";
import { runCli, unique } from "../helpers.ts";
import { clients, withTopic } from "./support.ts";

const at = (e: Event) => `${e.partition}/${e.offset}`;

Deno.test("lab4 answer: a batch consumer killed mid-batch re-reads exactly the uncommitted part", async () => {
  await withTopic(3, async (topic, groups) => {
    const produced = await runCli([
      "lab4",
      "produce",
      "--topic",
      topic,
      "--count",
      "20",
      "--interval",
      "0",
    ]);
    assert.equal(produced.code, 0, produced.stderr);
    const group = unique("answer-batch");
    groups.push(group);
    // What the crash left committed, read before the restart commits further.
    const expected = new Set<string>();
    const crash = await crashMidBatch(topic, group, async () => {
      const { committed, ends } = await clients().withAdmin(async (admin) => ({
        committed: (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0].partitions,
        ends: await admin.fetchTopicOffsets(topic),
      }));
      for (const e of ends) {
        const c = Number(committed.find((p) => p.partition === e.partition)?.offset ?? -1);
        for (let o = c < 0 ? Number(e.low) : c; o < Number(e.high); o++) {
          expected.add(`${e.partition}/${o}`);
        }
      }
    });
    const uncommittedWork = crash.uncommitted.map(at);

    const reread = crash.again.map(at);
    assert.deepEqual(
      [...reread].sort(),
      [...expected].sort(),
      "exactly the records after the committed offsets",
    );
    for (const w of uncommittedWork) {
      assert.ok(reread.includes(w), `${w}: processed, not committed, read again`);
    }
  });
});
