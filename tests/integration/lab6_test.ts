/**
 * Lab 6 through the real CLI on the real cluster: the guided run in English
 * (`--json`: each part's effect as events, checked again with the admin
 * client) and in Russian (text). Each run has a prefix of its own, so its
 * topics and groups are its own and are deleted afterwards. No broker is
 * stopped or paused.
 */
import assert from "node:assert/strict";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { captureOutput, clusterConfig, events, runCli, unique } from "../helpers.ts";

type Event = Record<string, unknown> & { event: string };

const kafka = new KafkaClients(clusterConfig(), captureOutput().out);

const only = (evs: Event[], name: string) => evs.filter((e) => e.event === name);

Deno.test("lab6 guided run exits 0 in English and each part shows its effect", async () => {
  const prefix = `${unique("lab6-cli")}.`;
  const before = await runCli(["check", "lab6", "--prefix", prefix, "--json"]);
  assert.equal(before.code, 1, "nothing done yet: the required tasks fail");
  const r = await runCli(["lab6", "--json", "--prefix", prefix], { timeoutMs: 400_000 });
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  // Part 1: the silent member is removed, its records processed again, its commit refused.
  const [removed] = only(evs, "lab6.check.removed");
  assert.equal(removed.ok, true);
  assert.ok(Number(removed.removedAfterMs) >= Number(removed.sessionTimeoutMs) - 500);
  assert.equal(only(evs, "lab6.check.twice")[0].count, 5);
  const [late] = only(evs, "lab6.check.late-commit");
  assert.equal(late.refused, true);
  assert.match(String(late.code), /UNKNOWN_MEMBER_ID|ILLEGAL_GENERATION|REBALANCE_IN_PROGRESS/);
  // Part 2: every partition's log start moved past the group, which resumed there.
  const starts = only(evs, "lab6.check.log-start");
  assert.equal(starts.length, 2);
  for (const s of starts) assert.ok(Number(s.after) > Number(s.committed), JSON.stringify(s));
  const resets = only(evs, "lab6.check.reset");
  for (const s of resets) assert.equal(s.offset, s.expected);
  // Part 3: one record written, the two sends over the limit refused.
  const sizes = only(evs, "lab6.check.size");
  assert.deepEqual(sizes.map((s) => [s.kind, s.written, s.code ?? null]), [
    ["fits", true, null],
    ["too-large", false, "MESSAGE_TOO_LARGE"],
    ["batch", false, "MESSAGE_TOO_LARGE"],
  ]);
  // Part 4: min.insync.replicas 3 accepted, effective = replicas, the acks=all write went in.
  const [minIsr] = only(evs, "lab6.check.min-isr");
  assert.equal(minIsr.minIsr, 3);
  assert.equal(minIsr.effective, minIsr.replicas);
  assert.equal(minIsr.written, true);
  assert.ok(
    only(evs, "warning").some((w) => /effective min ISR/.test(String(w.message))),
    "the run says what Kafka does with the setting",
  );
  // What the cluster shows, read independently of the run's own events.
  await kafka.withAdmin(async (admin) => {
    for (const e of await admin.fetchTopicOffsets(`${prefix}lab6-retention`)) {
      assert.ok(Number(e.low) > 0, `retention partition ${e.partition} low ${e.low}`);
    }
    const [size] = await admin.fetchTopicOffsets(`${prefix}lab6-size`);
    assert.equal(Number(size.high) - Number(size.low), 1);
    const [isr] = await admin.fetchTopicOffsets(`${prefix}lab6-min-isr`);
    assert.equal(isr.high, "1");
    const [liveness] = await admin.fetchOffsets({
      groupId: `${prefix}lab6-liveness`,
      topics: [`${prefix}lab6-liveness`],
    });
    assert.equal(liveness.partitions[0].offset, "5");
  });
  // The grading sees the work done.
  const check = await runCli(["check", "lab6", "--prefix", prefix, "--json"]);
  assert.equal(check.code, 0, check.stdout + check.stderr);
});

Deno.test("lab6 guided run exits 0 in Russian", async () => {
  const prefix = `${unique("lab6-ru")}.`;
  const r = await runCli(["lab6", "--lang", "ru", "--prefix", prefix], { timeoutMs: 400_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Шаг 4\/4: min\.insync\.replicas больше фактора репликации/);
  assert.match(r.stdout, /координатор исключил участника A/);
  assert.match(r.stdout, /Контрольные вопросы/);
  assert.match(r.stderr, /действующий min ISR — 2|действующий min ISR — 1/);
  assert.doesNotMatch(r.stdout, /✗/);
});
