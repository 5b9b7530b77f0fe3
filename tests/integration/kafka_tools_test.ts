/** `kafka-lab kafka <tool>`: Kafka's own tools from the pinned jars against the real cluster. */
import assert from "node:assert/strict";
import { runCli, unique } from "../helpers.ts";
import { cleanUp, runCliWithInput } from "../inspect_fixtures.ts";

Deno.test("kafka-topics, console producer and consumer, consumer-groups, configs and get-offsets work without --bootstrap-server", async () => {
  const topic = unique("tools");
  const group = unique("tools-g");
  const create = await runCli([
    "kafka",
    "kafka-topics",
    "--create",
    "--topic",
    topic,
    "--partitions",
    "1",
    "--replication-factor",
    "1",
    "--config",
    "retention.ms=600000",
  ], { timeoutMs: 180_000 });
  assert.equal(create.code, 0, create.stderr);
  const list = await runCli(["kafka", "kafka-topics", "--list"], { timeoutMs: 180_000 });
  assert.ok(list.stdout.split("\n").includes(topic));
  const produced = await runCliWithInput(
    ["kafka", "kafka-console-producer", "--topic", topic],
    "Hello Kafka 1\nHello Kafka 2\n",
    180_000,
  );
  assert.equal(produced.code, 0, produced.stderr);
  const consumed = await runCli([
    "kafka",
    "kafka-console-consumer",
    "--topic",
    topic,
    "--from-beginning",
    "--max-messages",
    "2",
    "--group",
    group,
  ], { timeoutMs: 180_000 });
  assert.equal(consumed.code, 0, consumed.stderr);
  assert.deepEqual(consumed.stdout.trim().split("\n"), ["Hello Kafka 1", "Hello Kafka 2"]);
  const groups = await runCli(["kafka", "kafka-consumer-groups", "--describe", "--group", group], {
    timeoutMs: 180_000,
  });
  assert.match(groups.stdout, new RegExp(`${group}\\s+${topic}\\s+0\\s+2\\s+2\\s+0`));
  const ours = await runCli(["groups", "describe", group, "--json"]);
  assert.match(ours.stdout, /"committed":"2","start":"0","end":"2","lag":0/);
  const configs = await runCli([
    "kafka",
    "kafka-configs",
    "--describe",
    "--entity-type",
    "topics",
    "--entity-name",
    topic,
  ], { timeoutMs: 180_000 });
  assert.match(configs.stdout, /retention\.ms=600000/);
  const offsets = await runCli(["kafka", "kafka-get-offsets", "--topic", topic], {
    timeoutMs: 180_000,
  });
  assert.equal(offsets.stdout.trim(), `${topic}:0:2`);
  await cleanUp([topic], [group]);
});

Deno.test("kafka-metadata-quorum names a leader among the voters; producer-perf-test sends its records", async () => {
  const quorum = await runCli(["kafka", "kafka-metadata-quorum", "describe", "--status"], {
    timeoutMs: 180_000,
  });
  assert.equal(quorum.code, 0, quorum.stderr);
  const leader = Number(/LeaderId:\s+(\d+)/.exec(quorum.stdout)?.[1]);
  assert.ok(quorum.stdout.includes(`"id": ${leader}`), quorum.stdout);
  const topic = unique("perf");
  await runCli(["kafka", "kafka-topics", "--create", "--topic", topic], { timeoutMs: 180_000 });
  const perf = await runCli([
    "kafka",
    "kafka-producer-perf-test",
    "--topic",
    topic,
    "--num-records",
    "200",
    "--record-size",
    "50",
    "--throughput",
    "-1",
  ], { timeoutMs: 180_000 });
  assert.equal(perf.code, 0, perf.stderr);
  assert.match(perf.stdout, /200 records sent/);
  const help = await runCli(["kafka", "kafka-topics", "--help"], { timeoutMs: 180_000 });
  assert.match(help.stdout + help.stderr, /--bootstrap-server/);
  await cleanUp([topic]);
});
