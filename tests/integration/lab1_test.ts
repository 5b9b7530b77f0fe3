/** Lab 1 (topics) end to end against the real cluster, through the CLI. */
import assert from "node:assert/strict";
import { runCliTrapped } from "../client_trap.ts";
import { cleanUp, events, runCli, unique } from "../helpers.ts";
import { waitFor } from "../../lib/time.ts";

type Ev = Record<string, unknown> & { event: string };
const byTopic = (evs: Ev[], name: string) => evs.filter((e) => e.event === name);

Deno.test("lab1 creates the course topics with the seeds' layout and describes them", async () => {
  const prefix = `${unique("lab1")}.`;
  try {
    await createsAndDescribes(prefix);
  } finally {
    await cleanUp({ prefixes: [prefix] });
  }
});

async function createsAndDescribes(prefix: string): Promise<void> {
  const r = await runCli(["lab1", "--json", "--prefix", prefix]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const created = byTopic(evs, "lab1.topic.created");
  assert.deepEqual(
    created.map((e) => [e.topic, e.partitions, e.replicationFactor]).sort(),
    [
      [`${prefix}final-1-topic`, 3, 2],
      [`${prefix}hello-kafka`, 1, 1],
      [`${prefix}users_coordinates`, 6, 2],
    ],
  );
  const coords = byTopic(evs, "lab1.topic.layout").find((e) =>
    e.topic === `${prefix}users_coordinates`
  )!;
  assert.deepEqual(coords.configs, { "min.insync.replicas": "1" });
  for (const p of coords.layout as Array<{ leader: number; replicas: number[]; isr: number[] }>) {
    assert.equal(p.replicas.length, 2);
    assert.ok(p.replicas.includes(p.leader));
    assert.deepEqual([...p.isr].sort(), [...p.replicas].sort());
  }
  const cluster = evs.find((e) => e.event === "lab1.cluster")!;
  assert.equal((cluster.brokers as unknown[]).length, 3);
  const done = evs.find((e) => e.event === "lab.done")!;
  assert.equal(done.ok, true);
  assert.equal((done.questions as string[]).length, 7);

  const again = await runCli(["lab1", "--json", "--prefix", prefix]);
  assert.equal(again.code, 0, again.stderr);
  const exists = byTopic(events(again.stdout), "lab1.topic.exists");
  assert.equal(exists.length, 3, "running it again finds the topics");
  assert.ok(exists.every((e) => (e.differences as string[]).length === 0));
}

Deno.test("lab1 prints theory, steps and control questions in Russian with --lang ru", async () => {
  const prefix = `${unique("lab1ru")}.`;
  const r = await runCli(["lab1", "--lang", "ru", "--prefix", prefix]).finally(() =>
    cleanUp({ prefixes: [prefix] })
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Лабораторная работа 1: топики, партиции и реплики/);
  assert.match(r.stdout, /Шаг 2\/4: Создаём топики курса/);
  assert.match(r.stdout, /Контрольные вопросы\n\s+1\. Что такое KRaft/);
});

Deno.test("lab1 create reports an existing topic's real layout and how it differs", async () => {
  const topic = unique("lab1-diff");
  try {
    await reportsDifferences(topic);
  } finally {
    await cleanUp({ topics: [topic] });
  }
});

async function reportsDifferences(topic: string): Promise<void> {
  const first = await runCli([
    "lab1",
    "create",
    "--json",
    "-t",
    topic,
    "--partitions",
    "2",
    "-r",
    "2",
    "-c",
    "min.insync.replicas=2",
  ]);
  assert.equal(first.code, 0, first.stderr);
  const [created] = byTopic(events(first.stdout), "lab1.topic.created");
  assert.equal(created.partitions, 2);
  assert.deepEqual(created.configs, { "min.insync.replicas": "2" });
  const second = await runCli([
    "lab1",
    "create",
    "--json",
    "-t",
    topic,
    "--partitions",
    "6",
    "-r",
    "2",
  ]);
  assert.equal(second.code, 0, "an existing topic is not an error");
  const evs = events(second.stdout);
  const [exists] = byTopic(evs, "lab1.topic.exists");
  assert.deepEqual(exists.differences, ["partitions: 2, expected 6"]);
  assert.ok(evs.some((e) => e.event === "warning" && /differs/.test(String(e.message))));
}

Deno.test("lab1 create rejects bad input with exit code 2 and a plain reason", async () => {
  const topic = unique("lab1-bad");
  const rf = await runCli(["lab1", "create", "-t", topic, "-r", "4"]);
  assert.equal(rf.code, 2);
  assert.match(rf.stderr, /replication factor 4 is more than the brokers in the cluster \(3\)/);
  const parts = await runCli(["lab1", "create", "-t", topic, "--partitions", "0"]);
  assert.equal(parts.code, 2);
  assert.match(parts.stderr, /--partitions must be at least 1/);
  const name = await runCli(["lab1", "create", "-t", "no spaces!"]);
  assert.equal(name.code, 2);
  assert.match(name.stderr, /characters Kafka does not allow/);
  const key = await runCli(["lab1", "create", "-t", topic, "-c", "min.insync.replica=2"]);
  assert.equal(key.code, 2);
  assert.match(
    key.stderr,
    /unknown topic config 'min\.insync\.replica'[\s\S]*did you mean min\.insync\.replicas\?/,
  );
  for (const r of [rf, parts, name, key]) {
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  }
  const list = await runCli(["lab1", "list", "--json"]);
  const names = (events(list.stdout)[0].topics as Array<{ topic: string }>).map((t) => t.topic);
  assert.ok(!names.includes(topic), "nothing was created");
});

Deno.test("lab1 list, describe and delete a topic", async () => {
  const topic = unique("lab1-life");
  assert.equal(
    (await runCli(["lab1", "create", "-t", topic, "--partitions", "3", "-r", "3"])).code,
    0,
  );
  const list = await runCli(["lab1", "list", "--json"]);
  const row = (events(list.stdout)[0].topics as Array<Record<string, unknown>>).find((t) =>
    t.topic === topic
  );
  assert.deepEqual(row, { topic, partitions: 3, replicationFactor: 3 });
  const all = await runCli(["lab1", "list", "--all", "--json"]);
  const names = (r: { stdout: string }) =>
    (events(r.stdout)[0].topics as Array<{ topic: string }>).map((t) => t.topic);
  assert.ok(names(list).every((n) => !n.startsWith("__")), "internal topics only with --all");
  // Other test files run at the same time and delete topics of their own: a topic listed
  // before --all ran must be in its list unless it was gone by the list after it.
  const after = names(await runCli(["lab1", "list", "--json"]));
  const kept = names(list).filter((n) => after.includes(n));
  assert.ok(kept.includes(topic));
  assert.deepEqual(kept.filter((n) => !names(all).includes(n)), [], "--all lists every topic");

  const described = await runCli(["lab1", "describe", topic]);
  assert.equal(described.code, 0);
  assert.match(described.stdout, new RegExp(`${topic}: partitions 3, replication factor 3`));
  assert.match(described.stdout, /partition\s+leader\s+replicas\s+in-sync/);

  const refused = await runCli(["lab1", "delete", topic]);
  assert.equal(refused.code, 2, "no terminal and no --yes");
  const deleted = await runCli(["lab1", "delete", topic, "--yes", "--json"]);
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.deepEqual(events(deleted.stdout), [{ event: "lab1.topic.deleted", topic }]);
  // Deletion completes after the response: describe until the topic is gone (30 s at most).
  const gone = await waitFor(async () => {
    const r = await runCli(["lab1", "describe", topic]);
    return r.code === 0 ? undefined : r;
  }, { timeoutMs: 30_000, intervalMs: 250 });
  assert.ok(gone, `${topic} is still described 30 s after its deletion`);
  assert.equal(gone.code, 1);
  assert.match(
    gone.stderr,
    new RegExp(`topic ${topic} does not exist[\\s\\S]*lab1 create --topic ${topic}`),
  );
});

Deno.test("lab1 create refuses a name that collides in metric names and a broker setting as a topic config", async () => {
  const base = unique("lab1_collide");
  assert.equal((await runCli(["lab1", "create", "-t", base])).code, 0);
  try {
    const dotted = base.replaceAll("_", ".");
    const collide = await runCli(["lab1", "create", "-t", dotted]);
    assert.equal(collide.code, 2);
    assert.match(collide.stderr, new RegExp(`would collide with the existing topic ${base}`));
    const broker = await runCli([
      "lab1",
      "create",
      "-t",
      `${base}x`,
      "-c",
      "message.max.bytes=2000",
    ]);
    assert.equal(broker.code, 2);
    assert.match(
      broker.stderr,
      /message\.max\.bytes is a broker setting[\s\S]*max\.message\.bytes/,
    );
    const ru = await runCli(["lab1", "create", "-t", dotted, "--lang", "ru"]);
    assert.match(ru.stderr, /совпал бы с существующим топиком/);
  } finally {
    await runCli(["lab1", "delete", base, "--yes"]);
  }
});

Deno.test("lab1 create warns when min.insync.replicas is above the replication factor", async () => {
  const topic = unique("lab1-minisr");
  try {
    const r = await runCli([
      "lab1",
      "create",
      "-t",
      topic,
      "-r",
      "1",
      "-c",
      "min.insync.replicas=2",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /min\.insync\.replicas=2 is above the replication factor 1/);
    assert.match(r.stderr, /effective min ISR 1/);
  } finally {
    await runCli(["lab1", "delete", topic, "--yes"]);
  }
});

Deno.test("lab1 list answers from the broker without loading kafkajs (en, ru, --json)", async () => {
  const prefix = `${unique("lab1-fast")}.`;
  try {
    const made = await runCli([
      "lab1",
      "create",
      "-t",
      "orders",
      "--partitions",
      "2",
      "--prefix",
      prefix,
    ]);
    assert.equal(made.code, 0, made.stderr);
    for (const extra of [[], ["--lang", "ru"], ["--json"]]) {
      const args = ["lab1", "list", "--prefix", prefix, ...extra];
      const [trapped, plain] = await Promise.all([runCliTrapped(args), runCli(args)]);
      assert.equal(trapped.code, 0, trapped.stderr);
      assert.equal(trapped.stdout, plain.stdout, extra.join(" "));
      assert.match(trapped.stdout, new RegExp(`${prefix}orders`));
    }
  } finally {
    await cleanUp({ prefixes: [prefix] });
  }
});
