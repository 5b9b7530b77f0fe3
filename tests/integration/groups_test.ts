/** `groups list|describe|reset|delete` against the real cluster. */
import assert from "node:assert/strict";
import { createTopic, events, runCli, unique } from "../helpers.ts";
import { describeGroup } from "../../lib/inspect/groups.ts";
import { cleanUp, holdGroup, produce, records, withAdmin } from "../inspect_fixtures.ts";

/** Records written per partition in these tests. */
const PRODUCED = [5, 4, 3];

async function topicWithRecords(): Promise<string> {
  const topic = await createTopic("groups", PRODUCED.length, 1);
  await produce(topic, PRODUCED.flatMap((n, p) => records(p, n)));
  return topic;
}

function partitionsOf(stdout: string) {
  return events(stdout).filter((e) => e.event === "groups.partition") as unknown as Array<
    {
      partition: number;
      committed: string | null;
      end: string;
      lag: number | null;
      member: string | null;
    }
  >;
}

Deno.test("groups describe: lag is produced minus committed per partition, none where nothing was committed", async () => {
  const topic = await topicWithRecords();
  const group = unique("g");
  const committed = [2, 4];
  const held = await holdGroup(group, topic);
  try {
    for (const [p, offset] of committed.entries()) await held.commit(p, offset);
    const active = await runCli(["groups", "describe", group, "--json"]);
    assert.equal(active.code, 0, active.stderr);
    const g = events(active.stdout).find((e) => e.event === "groups.described")!;
    assert.equal((g.members as unknown[]).length, 1);
    assert.ok(partitionsOf(active.stdout).every((p) => p.member?.startsWith("kafka-lab")));
  } finally {
    await held.leave();
  }
  const r = await runCli(["groups", "describe", group, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const rows = partitionsOf(r.stdout);
  assert.deepEqual(rows.map((p) => p.end), PRODUCED.map(String));
  assert.deepEqual(rows.map((p) => p.committed), [...committed.map(String), null]);
  assert.deepEqual(rows.map((p) => p.lag), [
    PRODUCED[0] - committed[0],
    PRODUCED[1] - committed[1],
    null,
  ]);
  const g = events(r.stdout).find((e) => e.event === "groups.described")!;
  assert.equal(g.totalLag, PRODUCED[0] - committed[0] + PRODUCED[1] - committed[1]);
  assert.deepEqual(g.members, []);

  const text = await runCli(["groups", "describe", group]);
  assert.match(text.stdout, new RegExp(`total lag: ${g.totalLag} `));
  const list = await runCli(["groups", "list", "--json"]);
  assert.equal(list.code, 0, list.stderr);
  const listed = events(list.stdout).find((e) => e.group === group)!;
  assert.deepEqual([listed.state, listed.members, listed.topics], ["Empty", 0, [topic]]);
  await cleanUp([topic], [group]);
});

Deno.test("groups reset is refused while the group has a member, and moves the offsets once it left", async () => {
  const topic = await topicWithRecords();
  const group = unique("g");
  const held = await holdGroup(group, topic);
  await held.commit(0, 1);
  const refused = await runCli(["groups", "reset", group, "--topic", topic, "--to", "earliest"]);
  await held.leave();
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /the group is active \(state Stable, members: 1/);
  assert.match(refused.stderr, /hint: stop the group's consumers/);
  const ru = await runCli(["groups", "describe", group, "--lang", "ru"]);
  assert.match(ru.stdout, /общее отставание: 4 /);

  const dry = await runCli([
    "groups",
    "reset",
    group,
    "--topic",
    topic,
    "--to",
    "offset:3",
    "--dry-run",
    "--json",
  ]);
  assert.equal(dry.code, 0, dry.stderr);
  const plan = events(dry.stdout).filter((e) => e.event === "groups.reset.partition");
  assert.deepEqual(plan.map((e) => [e.current, e.target]), [["1", "3"], [null, "3"], [null, "3"]]);
  const still = partitionsOf((await runCli(["groups", "describe", group, "--json"])).stdout);
  assert.equal(still[0].committed, "1", "a dry run changes nothing");

  const steps: Array<[string, number[]]> = [
    ["earliest", [0, 0, 0]],
    ["offset:-2", PRODUCED.map((n) => n - 2)],
    ["latest", PRODUCED],
  ];
  for (const [to, expected] of steps) {
    const r = await runCli(["groups", "reset", group, "--topic", topic, "--to", to, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(events(r.stdout).some((e) => e.event === "groups.reset.done" && e.to === to));
    const rows = partitionsOf((await runCli(["groups", "describe", group, "--json"])).stdout);
    assert.deepEqual(rows.map((p) => Number(p.committed)), expected, to);
    assert.deepEqual(rows.map((p) => p.lag), PRODUCED.map((n, i) => n - expected[i]), to);
  }
  await cleanUp([topic], [group]);
});

Deno.test("groups reset --to time: picks the first record at or after the time", async () => {
  const topic = await createTopic("groups-time", 1, 1);
  await produce(topic, records(0, 2, "before"));
  const cut = await withAdmin(async (admin) => {
    const { offset } = (await admin.fetchTopicOffsets(topic))[0];
    return { offset, time: new Date(Date.now() + 1).toISOString() };
  });
  await new Promise((r) => setTimeout(r, 20)); // the next records get a later timestamp
  await produce(topic, records(0, 3, "after"));
  const group = unique("g");
  const r = await runCli([
    "groups",
    "reset",
    group,
    "--topic",
    topic,
    "--to",
    `time:${cut.time}`,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const rows = partitionsOf((await runCli(["groups", "describe", group, "--json"])).stdout);
  assert.deepEqual([rows[0].committed, rows[0].lag], [cut.offset, 3]);
  await cleanUp([topic], [group]);
});

Deno.test("groups delete removes an inactive group; unknown groups and topics fail with a hint", async () => {
  const topic = await topicWithRecords();
  const group = unique("g");
  await runCli(["groups", "reset", group, "--topic", topic, "--to", "earliest"]);
  const asked = await runCli(["groups", "delete", group]);
  assert.equal(asked.code, 2, "no terminal to ask on: refused, nothing deleted");
  assert.match(asked.stderr, /refusing to delete group .*\nhint: add --yes/);
  const del = await runCli(["groups", "delete", group, "--yes", "--json"]);
  assert.equal(del.code, 0, del.stderr);
  assert.deepEqual(events(del.stdout).at(-1), { event: "groups.group.deleted", group });
  const gone = await runCli(["groups", "describe", group]);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /consumer group .* does not exist/);
  assert.match(gone.stderr, /hint: `(?:kafka-lab|deno task lab) groups list`/);
  const noTopic = await runCli([
    "groups",
    "reset",
    group,
    "--topic",
    unique("none"),
    "--to",
    "earliest",
  ]);
  assert.equal(noTopic.code, 1);
  assert.match(noTopic.stderr, /topic .* does not exist/);
  const badTo = await runCli(["groups", "reset", group, "--topic", topic, "--to", "first"]);
  assert.equal(badTo.code, 2);
  assert.match(badTo.stderr, /--to must be one of beginning\|end\|offset:N\|time:ISO/);
  await cleanUp([topic]);
});

Deno.test("groups describe finds the committed offsets every time among many topics (kafkajs' concurrent metadata lookups)", async () => {
  const topics = await Promise.all(Array.from({ length: 8 }, () => createTopic("many", 1, 1)));
  await produce(topics[0], records(0, 3));
  const group = unique("many");
  const held = await holdGroup(group, topics[0]);
  await held.commit(0, 3);
  await held.leave();
  // Before the fix about one describe in 20 listed no partition here; each run is a new client.
  const empty: number[] = [];
  for (let i = 0; i < 40; i++) {
    const d = await withAdmin((admin) => describeGroup(admin, group));
    if (d.partitions.length !== 1 || d.partitions[0].committed !== "3") empty.push(i);
  }
  assert.deepEqual(empty, [], "runs that missed the committed offset");
  await cleanUp(topics, [group]);
});
