/** Lab 4's answer key, proven on the real cluster. */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { waitFor } from "../../lib/time.ts";
import { crashMidBatch, type Event } from "../lab4_crash.ts";
import { runCli, unique } from "../helpers.ts";
import { clients, send, withTopic } from "./support.ts";

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

/** Python with confluent-kafka: KAFKA_LAB_INTEROP_PYTHON (set by .ci/run), else the venv it makes. */
function python(): string {
  const set = Deno.env.get("KAFKA_LAB_INTEROP_PYTHON");
  if (set) return set;
  const venv = `${Deno.env.get("HOME")}/.cache/kafka-lab-interop-venv/bin/python`;
  try {
    Deno.statSync(venv);
    return venv;
  } catch {
    return "python3";
  }
}

Deno.test("lab4 answer: auto-commit commits the records consume() returned, processed or not", async () => {
  await withTopic(1, async (topic, groups) => {
    await send(topic, Array.from({ length: 30 }, (_, i) => ({ value: `r${i}` })));
    const group = unique("answer-autocommit");
    groups.push(group);
    const brokers = Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092";
    const script = fileURLToPath(new URL("./autocommit_hold.py", import.meta.url));
    const child = new Deno.Command(python(), {
      args: [script, "--brokers", brokers, "--topic", topic, "--group", group, "--batch", "10"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const stderr = new Response(child.stderr).text();
    const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    try {
      const { value } = await lines.read();
      if (!value) {
        await child.status;
        assert.fail(
          `needs Python with confluent-kafka (${python()}; set KAFKA_LAB_INTEROP_PYTHON): ${await stderr}`,
        );
      }
      assert.deepEqual(JSON.parse(value), { returned: 10, last: 9 });
      // Nothing is processed; the auto-commit timer (200 ms) commits what consume() returned.
      const committed = await waitFor(async () => {
        const c = await committedOffset(group, topic);
        return c >= 0 ? c : undefined;
      }, { timeoutMs: 20_000 });
      assert.equal(committed, 10, "the position after the 10 returned records, unprocessed");
    } finally {
      await child.stdin.close();
      lines.releaseLock();
    }
    assert.equal((await child.status).code, 0, await stderr);
    await child.stdout.cancel().catch(() => {});
    assert.equal(
      await committedOffset(group, topic),
      10,
      "closing commits the same position: not the 30 records the client may have fetched",
    );
  });
});

async function committedOffset(group: string, topic: string): Promise<number> {
  return await clients().withAdmin(async (admin) => {
    const [t] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return Number(t.partitions.find((p) => p.partition === 0)?.offset ?? -1);
  });
}
