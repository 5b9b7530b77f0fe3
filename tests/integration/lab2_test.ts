/** Lab 2 (hello-kafka producer and consumer) end to end against the real cluster. */
import assert from "node:assert/strict";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import {
  captureOutput,
  CliProcess,
  clusterConfig,
  createTopic,
  events,
  runCli,
  unique,
} from "../helpers.ts";

const topicWith = (partitions: number) => createTopic("lab2", partitions, 1);

Deno.test("lab2 guided run: all messages arrive, the same group reads nothing new, a new group reads all", async () => {
  const topic = await topicWith(1);
  const group = unique("hello");
  const r = await runCli([
    "lab2",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--count",
    "5",
    "--interval",
    "0.2",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const evs = events(r.stdout);
  const check = (name: string) => evs.find((e) => e.event === name)!;
  assert.equal(evs.filter((e) => e.event === "lab2.record.delivered").length, 5);
  assert.deepEqual([check("lab2.check.arrived").ok, check("lab2.check.arrived").received], [
    true,
    5,
  ]);
  assert.deepEqual([check("lab2.check.again").ok, check("lab2.check.again").records], [true, 0]);
  assert.deepEqual([check("lab2.check.new-group").ok, check("lab2.check.new-group").records], [
    true,
    5,
  ]);
  const values = evs.filter((e) => e.event === "lab2.record.received").slice(0, 5).map((e) =>
    e.value
  );
  assert.deepEqual(values, [
    "Hello Kafka 1",
    "Hello Kafka 2",
    "Hello Kafka 3",
    "Hello Kafka 4",
    "Hello Kafka 5",
  ]);
});

Deno.test("lab2 produce waits for each ack and prints partition and offset; keys and JSON values", async () => {
  const topic = await topicWith(3);
  const r = await runCli([
    "lab2",
    "produce",
    "--json",
    "--topic",
    topic,
    "--count",
    "4",
    "--interval",
    "0",
    "--key",
    "user-1",
    "--json-value",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const delivered = events(r.stdout).filter((e) => e.event === "lab2.record.delivered");
  assert.equal(delivered.length, 4);
  assert.equal(new Set(delivered.map((d) => d.partition)).size, 1, "one key, one partition");
  assert.deepEqual(delivered.map((d) => d.offset), ["0", "1", "2", "3"]);
  assert.deepEqual(delivered.map((d) => JSON.parse(String(d.value)).text), [
    "Hello Kafka 1",
    "Hello Kafka 2",
    "Hello Kafka 3",
    "Hello Kafka 4",
  ]);
  assert.deepEqual(events(r.stdout).at(-1), { event: "lab2.producer.done", sent: 4, failed: 0 });
});

Deno.test("lab2 consume commits what it printed: a second run of the group reads nothing", async () => {
  const topic = await topicWith(1);
  const group = unique("g");
  assert.equal(
    (await runCli(["lab2", "produce", "--topic", topic, "--count", "3", "--interval", "0"])).code,
    0,
  );
  const first = await runCli([
    "lab2",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--max-messages",
    "3",
  ]);
  assert.equal(first.code, 0, first.stderr);
  const received = events(first.stdout).filter((e) => e.event === "lab2.record.received");
  assert.deepEqual(received.map((e) => [e.n, e.value, e.offset]), [
    [1, "Hello Kafka 1", "0"],
    [2, "Hello Kafka 2", "1"],
    [3, "Hello Kafka 3", "2"],
  ]);
  assert.ok(received.every((e) => e.partition === 0 && /^\d+$/.test(String(e.timestamp))));
  assert.equal(events(first.stdout).at(-1)!.commits, 3);
  const second = await runCli([
    "lab2",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    group,
    "--idle-timeout",
    "2",
  ]);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(events(second.stdout).filter((e) => e.event === "lab2.record.received").length, 0);
});

Deno.test("lab2 consume --from latest skips what was there before the group existed", async () => {
  const topic = await topicWith(1);
  assert.equal(
    (await runCli(["lab2", "produce", "--topic", topic, "--count", "2", "--interval", "0"])).code,
    0,
  );
  const r = await runCli([
    "lab2",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    unique("late"),
    "--from",
    "latest",
    "--idle-timeout",
    "2",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(events(r.stdout).filter((e) => e.event === "lab2.record.received").length, 0);
});

Deno.test("lab2 consume --instances 2 on one partition leaves one consumer idle", async () => {
  const topic = await topicWith(1);
  const r = await runCli([
    "lab2",
    "consume",
    "--json",
    "--topic",
    topic,
    "--group",
    unique("pair"),
    "--instances",
    "2",
    "--idle-timeout",
    "3",
  ]);
  assert.equal(r.code, 0, r.stderr);
  // Rebalances pass through other assignments (one member alone first; at the idle stop the
  // member that leaves first may hand the partition to the other), so the events are replayed
  // in order: once both members were in the group, one held partition 0 and the other none.
  const current = new Map<number, number[]>();
  let splitSeen = false;
  for (const e of events(r.stdout).filter((e) => e.event === "lab2.partitions.assigned")) {
    current.set(e.instance as number, e.partitions as number[]);
    const held = [...current.values()].sort((a, b) => b.length - a.length);
    if (current.size === 2 && JSON.stringify(held) === "[[0],[]]") splitSeen = true;
  }
  assert.deepEqual([...current.keys()].sort(), [1, 2], "both instances joined");
  assert.ok(splitSeen, `one member held partition 0, the other none: ${r.stdout}`);
});

Deno.test("lab2 consume on Ctrl+C commits what it printed and exits 130", async () => {
  const topic = await topicWith(1);
  const group = unique("ctrlc");
  assert.equal(
    (await runCli(["lab2", "produce", "--topic", topic, "--count", "2", "--interval", "0"])).code,
    0,
  );
  const proc = new CliProcess(["lab2", "consume", "--json", "--topic", topic, "--group", group]);
  await proc.waitFor((e) => e.event === "lab2.record.received" && e.n === 2);
  proc.kill("SIGINT");
  const r = await proc.finish();
  assert.equal(r.code, 130, r.stderr);
  assert.deepEqual(r.events.at(-1), {
    event: "lab2.consumer.done",
    records: 2,
    commits: 2,
    perInstance: [2],
  });
  const kafka = new KafkaClients(clusterConfig(), captureOutput().out);
  const offsets = await kafka.withAdmin((a) => a.fetchOffsets({ groupId: group, topics: [topic] }));
  assert.equal(offsets[0].partitions[0].offset, "2", "both records committed before exit");
});

Deno.test("lab2 produce to a missing custom topic says how to create it (exit 1)", async () => {
  const topic = unique("absent");
  const r = await runCli(["lab2", "produce", "--topic", topic, "--count", "1"]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    new RegExp(
      `topic ${topic} does not exist[\\s\\S]*(?:kafka-lab|deno task lab) topic create ${topic}`,
    ),
  );
});
