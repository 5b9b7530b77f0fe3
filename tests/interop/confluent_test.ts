/**
 * Interop: records written by `kafka-lab lab3 produce` are read by Confluent's
 * own Python client and JSON Schema deserializer. Needs Python with
 * `confluent-kafka[json,schemaregistry]`; `.ci/run` installs it in a venv and
 * points KAFKA_LAB_INTEROP_PYTHON at it. Run with `deno task test:interop`.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createTopic, events, runCli } from "../helpers.ts";

const python = Deno.env.get("KAFKA_LAB_INTEROP_PYTHON") ?? "python3";
const script = fileURLToPath(new URL("./confluent_json_read.py", import.meta.url));
const schemaFile = fileURLToPath(
  new URL("../../labs/lab3_coordinates/schema.json", import.meta.url),
);

Deno.test("interop Confluent's JSONDeserializer reads what lab3 produce wrote", async () => {
  const topic = await createTopic("interop-coords", 3, 2);
  const produced = await runCli([
    "lab3",
    "produce",
    "--json",
    "--topic",
    topic,
    "--count",
    "5",
    "--rate",
    "50",
    "--linger-ms",
    "0",
  ]);
  assert.equal(produced.code, 0, produced.stderr);
  const delivered = events(produced.stdout).filter((e) => e.event === "lab3.record.delivered");
  assert.equal(delivered.length, 5);

  const env = Deno.env.toObject();
  const out = await new Deno.Command(python, {
    args: [
      script,
      "--brokers",
      env.KAFKA_BROKERS ?? "localhost:19092",
      "--registry",
      env.SCHEMA_REGISTRY_URL!,
      "--topic",
      topic,
      "--schema-file",
      schemaFile,
      "--count",
      "5",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  const read = new TextDecoder().decode(out.stdout).trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(read.length, 5);
  for (const d of delivered) {
    const match = read.find((r) => r.partition === d.partition && String(r.offset) === d.offset);
    assert.ok(match, `record at ${d.partition}/${d.offset} was read by the Confluent client`);
    assert.deepEqual(match.value, d.record);
    assert.equal(match.key, d.key);
  }
});
