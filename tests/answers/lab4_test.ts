/** Lab 4's answer key, proven on the real cluster. */
import assert from "node:assert/strict";
import { waitFor } from "../../lib/time.ts";
import { CliProcess, events, runCli, unique } from "../helpers.ts";
import { clients, withTopic } from "./support.ts";

type Event = Record<string, unknown> & { event: string };
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
    const args = [
      "lab4",
      "consume",
      "--mode",
      "batch",
      "--json",
      "--topic",
      topic,
      "--group",
      group,
      "--batch-size",
      "10",
      "--process-ms",
      "100",
    ];
    const processedAfterCommit = (evs: readonly Event[]) => {
      const i = evs.findLastIndex((e) => e.event === "batch.committed");
      return i < 0 ? undefined : evs.slice(i + 1).filter((e) => e.event === "processed");
    };
    const first = new CliProcess(args);
    const midBatch = await waitFor(() => (processedAfterCommit(first.events)?.length ?? 0) >= 2, {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    first.kill("SIGKILL");
    await first.finish();
    assert.ok(midBatch, "killed after a commit, in the middle of the next batch");
    const uncommittedWork = processedAfterCommit(first.events)!.map(at);

    const { committed, ends } = await clients().withAdmin(async (admin) => ({
      committed: (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0].partitions,
      ends: await admin.fetchTopicOffsets(topic),
    }));
    const expected = new Set<string>();
    for (const e of ends) {
      const c = Number(committed.find((p) => p.partition === e.partition)?.offset ?? -1);
      for (let o = c < 0 ? Number(e.low) : c; o < Number(e.high); o++) {
        expected.add(`${e.partition}/${o}`);
      }
    }

    const again = await runCli([...args, "--idle-timeout", "5"], { timeoutMs: 90_000 });
    assert.equal(again.code, 0, again.stderr);
    const reread = (events(again.stdout) as Event[]).filter((e) => e.event === "processed").map(at);
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
