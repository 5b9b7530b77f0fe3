/**
 * `read` on the wire client's Fetch path (`lib/kafka/wire/fetcher.ts`) against
 * the real cluster, checked with kcat as an independent reader of the same
 * records: headers, a null key, a null value, gzip, snappy and lz4 batches, a committed and an
 * aborted transaction (Confluent's Python client, `txn_produce.py`), and a
 * partition large enough for several fetches, a topic with LogAppendTime, and
 * the Java producer's snappy and lz4 batches.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createTopic, events, runCli } from "../helpers.ts";
import { brokersArg, cleanUp, kcat, runCliWithInput } from "../inspect_fixtures.ts";
import { assertPython, PATH } from "./exercise_support.ts";

const TXN_PRODUCE = fileURLToPath(new URL("./txn_produce.py", import.meta.url));

/** Writes the mixed records of partition `p` (see the module docs). */
async function fill(topic: string, p: number): Promise<void> {
  const to = ["-P", "-t", topic, "-p", String(p), "-K", ":"];
  await kcat([...to, "-H", "h1=v1", "-H", "h2=v2"], 'k1:plain one\nk2:{"n":2}\n');
  await kcat([...to, "-Z"], ":null key\nnullvalue:\n");
  await kcat([...to, "-z", "gzip", "-H", "enc=gzip"], "g1:gzip one\ng2:gzip two\ng3:gzip three\n");
  const snappy = [1, 2, 3, 4, 5, 6].map((i) => `s${i}:${"snappy ".repeat(7)}${i}`);
  await kcat([...to, "-z", "snappy"], snappy.join("\n") + "\n");
  const lz4 = [1, 2, 3].map((i) => `z${i}:${"lz4 ".repeat(9)}${i}`);
  await kcat([...to, "-z", "lz4", "-H", "enc=lz4"], lz4.join("\n") + "\n");
  const python = await new Deno.Command("python3", {
    args: [TXN_PRODUCE, brokersArg(), topic, String(p)],
    env: { PATH },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(90_000),
  }).output();
  assert.ok(python.success, new TextDecoder().decode(python.stderr));
}

const sorted = (text: string) => text.trim().split("\n").sort();

Deno.test("read on the wire prints what kcat -C -e prints for the same records and template; aborted records stay hidden", async () => {
  await assertPython();
  const topic = await createTopic("read-wire", 2, 1);
  await fill(topic, 0);
  // More than one 4 MiB fetch of partition 1: the next fetch goes out while one is printed.
  const many = Array.from(
    { length: 40_000 },
    (_, i) => `key-${i}:${`{"n":${i}}`.padEnd(120, ".")}`,
  );
  await kcat(["-P", "-t", topic, "-p", "1", "-K", ":"], many.join("\n") + "\n");

  const template = "%p %o %k %s %h %T";
  const ours = await runCli(["read", topic, "-f", `${template}\\n`, "--verbose"]);
  assert.equal(ours.code, 0, ours.stderr);
  assert.doesNotMatch(ours.stderr, /hands over|kafkajs/, "read on the wire, no consumer");
  const theirs = await kcat(["-C", "-t", topic, "-e", "-q", "-f", `${template}\n`]);
  assert.deepEqual(sorted(ours.stdout), sorted(theirs));
  const keys = ours.stdout.split("\n").filter((l) => l.startsWith("0 ")).map((l) =>
    l.split(" ")[2]
  );
  assert.deepEqual(keys, [
    "k1",
    "k2",
    "",
    "nullvalue",
    "g1",
    "g2",
    "g3",
    "s1",
    "s2",
    "s3",
    "s4",
    "s5",
    "s6",
    "z1",
    "z2",
    "z3",
    "tx-committed-0",
    "tx-committed-1",
    "after",
  ]);
  assert.equal(ours.stdout.split("\n").filter((l) => l.startsWith("1 ")).length, 40_000);

  const values = await runCli(["read", topic, "--value-only"]);
  assert.deepEqual(sorted(values.stdout), sorted(await kcat(["-C", "-t", topic, "-e", "-q"])));

  const from5 = await runCli(["read", topic, "-p", "0", "--from", "offset:5", "-f", template]);
  const kcat5 = await kcat([
    "-C",
    "-t",
    topic,
    "-p",
    "0",
    "-o",
    "5",
    "-e",
    "-q",
    "-f",
    `${template}\n`,
  ]);
  assert.equal(from5.stdout, kcat5);

  const three = await runCli(["read", topic, "-p", "0", "-n", "3", "--json"]);
  const recs = events(three.stdout).filter((e) => e.event === "read.record");
  assert.deepEqual(recs.map((e) => [e.offset, e.key, e.value, e.headers]), [
    ["0", "k1", "plain one", { h1: "v1", h2: "v2" }],
    ["1", "k2", { n: 2 }, { h1: "v1", h2: "v2" }],
    ["2", null, "null key", {}],
  ]);
  assert.deepEqual(events(three.stdout).at(-1), {
    event: "read.done",
    topic,
    records: 3,
    stoppedBy: "count",
  });
  await cleanUp([topic]);
});

Deno.test("read hands a batch it does not decode (zstd) over to a consumer: what came before is printed once, and why is said with --verbose", async () => {
  const topic = await createTopic("read-zstd", 1, 1);
  await kcat(["-P", "-t", topic, "-K", ":"], "a:first\nb:second\n");
  const zstd = Array.from({ length: 6 }, (_, i) => `z${i}:${"zstd ".repeat(12)}${i}`);
  await kcat(["-P", "-t", topic, "-K", ":", "-z", "zstd"], zstd.join("\n") + "\n");
  const r = await runCli(["read", topic, "--value-only", "--verbose"]);
  assert.deepEqual(r.stdout.split("\n").slice(0, 2), ["first", "second"]);
  assert.equal(r.stdout.split("\n").filter((l) => l === "first").length, 1);
  assert.match(r.stderr, /hands over to a consumer \(.*zstd in the batch at offset 2\)/);
  await cleanUp([topic]);
});

Deno.test("read on the wire shows the broker's time for a topic with LogAppendTime, as kcat does", async () => {
  await assertPython();
  const topic = await createTopic("read-append-time", 1, 1, {
    "message.timestamp.type": "LogAppendTime",
  });
  // A create time in 2001 (Confluent's client sets it): the broker replaces it with its own.
  const python = await new Deno.Command("python3", {
    args: [
      "-c",
      [
        "import sys; from confluent_kafka import Producer",
        "p = Producer({'bootstrap.servers': sys.argv[1], 'compression.type': 'gzip'})",
        "[p.produce(sys.argv[2], key=k, value='v', timestamp=1000000000000) for k in 'abc']",
        "p.flush(30)",
      ].join("\n"),
      brokersArg(),
      topic,
    ],
    env: { PATH },
    stderr: "piped",
  }).output();
  assert.ok(python.success, new TextDecoder().decode(python.stderr));
  await kcat(["-P", "-t", topic, "-K", ":"], "d:4\n");
  const ours = await runCli(["read", topic, "-f", "%o %k %T"]);
  assert.equal(ours.code, 0, ours.stderr);
  assert.equal(ours.stdout, await kcat(["-C", "-t", topic, "-e", "-q", "-f", "%o %k %T\n"]));
  const times = ours.stdout.trim().split("\n").map((l) => Number(l.split(" ")[2]));
  assert.ok(times.every((t) => Math.abs(t - Date.now()) < 10 * 60_000), ours.stdout);
  await cleanUp([topic]);
});

Deno.test("read on the wire decodes the Java producer's snappy (xerial framing) and lz4 batches as kcat does", async () => {
  for (const codec of ["snappy", "lz4"]) {
    const topic = await createTopic(`read-java-${codec}`, 1, 1);
    const lines = Array.from({ length: 50 }, (_, i) => `java ${codec} java ${codec} ${i}`);
    const produced = await runCliWithInput([
      "kafka",
      "kafka-console-producer",
      "--bootstrap-server",
      brokersArg(),
      "--topic",
      topic,
      "--compression-codec",
      codec,
    ], lines.join("\n") + "\n");
    assert.equal(produced.code, 0, produced.stderr);
    const ours = await runCli(["read", topic, "--value-only", "--verbose"]);
    assert.equal(ours.code, 0, ours.stderr);
    assert.doesNotMatch(ours.stderr, /hands over/, codec);
    assert.equal(ours.stdout, lines.join("\n") + "\n", codec);
    assert.equal(ours.stdout, await kcat(["-C", "-t", topic, "-e", "-q"]), codec);
    await cleanUp([topic]);
  }
});
