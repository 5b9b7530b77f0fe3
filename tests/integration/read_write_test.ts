/** `read` and `write` against the real cluster, checked with kcat as an independent client. */
import assert from "node:assert/strict";
import { CliProcess, createTopic, events, runCli } from "../helpers.ts";
import { cleanUp, kcat, produce, records, runCliWithInput } from "../inspect_fixtures.ts";

Deno.test("write sends stdin lines with key and headers; kcat reads the same records at the offsets write printed", async () => {
  const topic = await createTopic("write", 2, 1);
  const r = await runCliWithInput(
    ["write", topic, "--json", "-K", ":", "--header", "trace-id=7"],
    'user-1:{"x":1}\nuser-2:hello\nuser-1:again\n',
  );
  assert.equal(r.code, 0, r.stderr);
  const delivered = events(r.stdout).filter((e) => e.event === "write.record.delivered");
  assert.equal(delivered.length, 3);
  assert.equal(delivered[0].partition, delivered[2].partition, "one key, one partition");
  const seen = (await kcat(["-C", "-t", topic, "-e", "-q", "-J"])).trim().split("\n").map((l) =>
    JSON.parse(l)
  );
  for (const d of delivered) {
    const k = seen.find((s) => s.partition === d.partition && String(s.offset) === d.offset)!;
    assert.deepEqual([k.key, k.payload, k.headers], [d.key, d.value, ["trace-id", "7"]]);
  }
  await cleanUp([topic]);
});

Deno.test("read prints what kcat wrote: key, value, headers, partition, offset; --from, --partition, --count", async () => {
  const topic = await createTopic("read", 2, 1);
  await kcat(
    ["-P", "-t", topic, "-p", "1", "-K", ":", "-H", "h=v"],
    'k1:first\nk2:{"n":2}\nk3:third\n',
  );
  const all = await runCli(["read", topic, "--json"]);
  assert.equal(all.code, 0, all.stderr);
  const recs = events(all.stdout).filter((e) => e.event === "read.record");
  assert.deepEqual(recs.map((e) => [e.partition, e.offset, e.key, e.value, e.valueFormat]), [
    [1, "0", "k1", "first", "text"],
    [1, "1", "k2", { n: 2 }, "json"],
    [1, "2", "k3", "third", "text"],
  ]);
  assert.deepEqual(recs[0].headers, { h: "v" });
  assert.deepEqual(events(all.stdout).at(-1), {
    event: "read.done",
    topic,
    records: 3,
    stoppedBy: "end",
  });
  const last = await runCli(["read", topic, "--from", "offset:-1", "--partition", "1", "--json"]);
  assert.deepEqual(
    events(last.stdout).filter((e) => e.event === "read.record").map((e) => e.value),
    [
      "third",
    ],
  );
  const one = await runCli(["read", topic, "--count", "1", "--json"]);
  assert.equal(events(one.stdout).filter((e) => e.event === "read.record").length, 1);
  const none = await runCli(["read", topic, "--partition", "0", "--json"]);
  assert.equal(events(none.stdout).filter((e) => e.event === "read.record").length, 0);
  const bad = await runCli(["read", topic, "--partition", "7"]);
  assert.equal(bad.code, 2);
  await cleanUp([topic]);
});

Deno.test("read decodes the Schema Registry wire format and --format forces a decoding", async () => {
  const topic = await createTopic("read-wire", 1, 1);
  const json = new TextEncoder().encode('{"id":5,"latitude":1.5}');
  const value = new Uint8Array(5 + json.length);
  new DataView(value.buffer).setInt32(1, 42);
  value.set(json, 5);
  await produce(topic, [{ partition: 0, value }]);
  const r = await runCli(["read", topic, "--json"]);
  const rec = events(r.stdout).find((e) => e.event === "read.record")!;
  assert.deepEqual([rec.valueFormat, rec.schemaId, rec.value], ["registry", 42, {
    id: 5,
    latitude: 1.5,
  }]);
  const text = await runCli(["read", topic]);
  assert.match(text.stdout, /\[schema 42\] \{"id":5,"latitude":1\.5\}/);
  const hex = await runCli(["read", topic, "--format", "hex", "--json"]);
  assert.equal(
    events(hex.stdout).find((e) => e.event === "read.record")!.value,
    "000000002a" + [...json].map((b) => b.toString(16).padStart(2, "0")).join(""),
  );
  await cleanUp([topic]);
});

Deno.test("read --follow prints records written after it started and stops on Ctrl+C; no group is left behind", async () => {
  const topic = await createTopic("follow", 1, 1);
  const reader = new CliProcess(["read", topic, "--from", "end", "--follow", "--json"]);
  await reader.waitFor((e) => e.event === "read.started", 60_000);
  await produce(topic, records(0, 2, "live"));
  await reader.waitFor((e) => e.event === "read.record" && e.value === "live-1", 60_000);
  reader.kill("SIGINT");
  const end = await reader.finish();
  assert.equal(end.code, 130, end.stderr);
  assert.deepEqual(end.events.filter((e) => e.event === "read.record").map((e) => e.value), [
    "live-0",
    "live-1",
  ]);
  const groups = await runCli(["groups", "list", "--json"]);
  assert.ok(!events(groups.stdout).some((e) => (e.topics as string[]).includes(topic)));
  await cleanUp([topic]);
});

Deno.test("read and write of a missing topic fail with exit 1 and a hint", async () => {
  for (
    const args of [["read", "no-such-topic-x1"], ["write", "no-such-topic-x1", "--value", "v"]]
  ) {
    const r = await runCli(args);
    assert.equal(r.code, 1, args.join(" "));
    assert.match(r.stderr, /topic no-such-topic-x1 does not exist/);
    assert.match(r.stderr, /hint: /);
  }
});

Deno.test("read prints a record's terminal escape sequences escaped in every human format; --json stays valid JSON", async () => {
  const topic = await createTopic("read-escapes", 1, 1);
  const hostile = "a\x1b]0;owned\x07b\rc\x1b[2J\x1b[31md";
  await kcat(["-P", "-t", topic, "-K", "|", "-H", `h=${hostile}`], `k\x1b[1m|${hostile}\n`);
  for (const format of ["auto", "text", "json", "hex"]) {
    const r = await runCli(["read", topic, "--format", format]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(
      r.stdout,
      // deno-lint-ignore no-control-regex
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/,
      `${format}: ${r.stdout}`,
    );
    assert.equal(r.stdout.trim().split("\n").length, 1, `${format}: one line`);
    if (format === "text") {
      assert.ok(r.stdout.includes("a\\x1b]0;owned\\x07b\\rc\\x1b[2J\\x1b[31md"), r.stdout);
      assert.ok(r.stdout.includes("k\\x1b[1m"), r.stdout);
    }
  }
  const json = await runCli(["read", topic, "--json", "--format", "text"]);
  assert.equal(json.code, 0, json.stderr);
  const rec = events(json.stdout).find((e) => e.event === "read.record")!;
  assert.deepEqual([rec.key, rec.value, rec.headers], ["k\x1b[1m", hostile, { h: hostile }]);
  await cleanUp([topic]);
});

Deno.test("read --value-only and -f print what kcat's default and -f print for the same records", async () => {
  const topic = await createTopic("read-template", 2, 1);
  const lines = Array.from({ length: 50 }, (_, i) => `key-${i}:{"n":${i},"text":"v ${i}"}`);
  await kcat(["-P", "-t", topic, "-K", ":"], lines.join("\n") + "\n");
  const sorted = (text: string) => text.trim().split("\n").sort();
  const values = await runCli(["read", topic, "--value-only"]);
  assert.equal(values.code, 0, values.stderr);
  assert.deepEqual(sorted(values.stdout), sorted(await kcat(["-C", "-t", topic, "-e", "-q"])));
  const template = "%p %o %k %s %T"; // kcat: %s is the value (kafka-lab also takes %v)
  const ours = await runCli(["read", topic, "-f", `${template}\\n`]);
  const theirs = await kcat(["-C", "-t", topic, "-e", "-q", "-f", `${template}\n`]);
  assert.deepEqual(sorted(ours.stdout), sorted(theirs));
  await cleanUp([topic]);
});
