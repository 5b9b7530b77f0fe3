/** `topic create|list|describe|delete|alter-config|add-partitions` against the real cluster. */
import assert from "node:assert/strict";
import { events, runCli, unique } from "../helpers.ts";

Deno.test("topic create, alter-config, add-partitions, describe, list and delete one topic", async () => {
  const topic = unique("topic-life");
  const created = await runCli([
    "topic",
    "create",
    topic,
    "--partitions",
    "2",
    "-r",
    "2",
    "-c",
    "retention.ms=100000",
    "--json",
  ]);
  assert.equal(created.code, 0, created.stderr);
  const [c] = events(created.stdout).filter((e) => e.event === "topic.created");
  assert.equal(c.partitions, 2);
  assert.deepEqual(c.configs, { "retention.ms": "100000" });

  const altered = await runCli([
    "topic",
    "alter-config",
    topic,
    "--set",
    "min.insync.replicas=2",
    "--delete",
    "retention.ms",
    "--json",
  ]);
  assert.equal(altered.code, 0, altered.stderr);
  assert.deepEqual(events(altered.stdout)[0].configs, { "min.insync.replicas": "2" });

  const lower = await runCli(["topic", "add-partitions", topic, "--partitions", "2"]);
  assert.equal(lower.code, 2);
  assert.match(lower.stderr, /Kafka can only add partitions, so give a count above 2/);
  const added = await runCli(["topic", "add-partitions", topic, "--partitions", "4", "--json"]);
  assert.equal(added.code, 0, added.stderr);

  const described = await runCli(["topic", "describe", topic, "--json"]);
  const [layout] = events(described.stdout);
  assert.equal(layout.event, "topic.layout");
  assert.equal((layout.layout as unknown[]).length, 4);
  assert.deepEqual(layout.configs, { "min.insync.replicas": "2" }, "the others kept, one removed");

  const listed = await runCli(["topic", "list", "--json"]);
  const rows = events(listed.stdout)[0].topics as Array<{ topic: string; partitions: number }>;
  assert.equal(rows.find((r) => r.topic === topic)?.partitions, 4);

  const asked = await runCli(["topic", "delete", topic]);
  assert.equal(asked.code, 2, "no terminal to ask on: refused");
  assert.match(asked.stderr, /refusing to delete topic .*\nhint: add --yes/);
  const deleted = await runCli(["topic", "delete", topic, "--yes", "--json"]);
  assert.equal(deleted.code, 0, deleted.stderr);
  const gone = await runCli(["topic", "describe", topic]);
  assert.equal(gone.code, 1);
  assert.match(
    gone.stderr,
    /topic .* does not exist\nhint: see `(?:kafka-lab|deno task lab) topic list`/,
  );
});

Deno.test("topic alter-config refuses an unknown config key with exit 2 and keeps the others", async () => {
  const topic = unique("topic-bad-config");
  const made = await runCli(["topic", "create", topic, "-c", "retention.ms=100000"]);
  assert.equal(made.code, 0, made.stderr);
  const bad = await runCli(["topic", "alter-config", topic, "--set", "no.such.key=1"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /the broker refused the configs of/);
  const nothing = await runCli(["topic", "alter-config", topic]);
  assert.equal(nothing.code, 2);
  const after = events((await runCli(["topic", "describe", topic, "--json"])).stdout)[0];
  assert.deepEqual(after.configs, { "retention.ms": "100000" });
});
