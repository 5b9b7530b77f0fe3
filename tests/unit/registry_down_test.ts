/**
 * The registry client when the registry stops answering (lib/registry.ts),
 * against a local HTTP server: a request that hangs is told while it waits
 * and given up with exit 3; a refused connection is exit 3 "no Schema
 * Registry answers", not "refused … status 400"; and `lab3 consume` stops on
 * a registry that went down, with no record in the dead letter topic and
 * nothing committed.
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { consumeCoordinates } from "../../labs/lab3_coordinates/consume.ts";
import { ExitCode, KafkaLabError } from "../../lib/errors.ts";
import { createFakeKafka, MemorySink } from "../../lib/kafka/fake/mod.ts";
import { Output } from "../../lib/output.ts";
import { RegistryClient } from "../../lib/registry.ts";
import { fakeWithTopic, within } from "./fake_setup.ts";

/** A Confluent wire-format value with schema id 1. */
const WIRE_VALUE = new Uint8Array([0, 0, 0, 0, 1, ...new TextEncoder().encode("{}")]);

function clientAt(url: string, answerTimeoutMs = 600, sink = new MemorySink()) {
  const fake = createFakeKafka();
  const out = new Output({ json: false, quiet: false, verbose: false, lang: "en" }, sink);
  const client = new RegistryClient({ ...fake.config, registryUrl: url }, out, {
    answerTimeoutMs,
    reportEveryMs: 200,
  });
  return { client, sink };
}

function isUnreachable(e: unknown): boolean {
  return e instanceof KafkaLabError && e.exitCode === ExitCode.unreachable;
}

Deno.test({
  name: "a registry that accepts and never answers: told while waiting, then exit 3",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const conns: Deno.Conn[] = [];
    (async () => {
      for await (const c of listener) conns.push(c);
    })().catch(() => {});
    try {
      const { port } = listener.addr as Deno.NetAddr;
      const { client, sink } = clientAt(`http://127.0.0.1:${port}`);
      const started = Date.now();
      const err = await within(5000, client.decode(WIRE_VALUE).then(() => undefined, (e) => e));
      assert.ok(isUnreachable(err), String(err));
      assert.match((err as Error).message, /no Schema Registry answers at .*no answer in 1 s/);
      assert.ok(Date.now() - started >= 600);
      const said = sink.lines.join("");
      assert.match(said, /has not answered for 0 s \(fetching schema 1\); giving up after 1 s/);
    } finally {
      listener.close();
      for (const c of conns) c.close();
    }
  },
});

Deno.test("a refused connection is 'no Schema Registry answers' (exit 3), not status 400", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close(); // nothing listens there now
  // The library retries a failed request a few times (about 1 s): the bound is longer.
  const { client } = clientAt(`http://127.0.0.1:${port}`, 15_000);
  const err = await within(15_000, client.decode(WIRE_VALUE).then(() => undefined, (e) => e));
  assert.ok(isUnreachable(err), String(err));
  assert.match((err as Error).message, /no Schema Registry answers at .*connection refused/);
  // Not "status 400" (the port, random, may hold the digits 400 itself).
  assert.doesNotMatch((err as Error).message, /status 400|refused fetching/);
});

Deno.test("lab3 consume on a registry that went down: exit 3, no dead letter, nothing committed", async () => {
  let served = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, () => {
    served++;
    return new Response("[]", { headers: { "content-type": "application/json" } });
  });
  const url = `http://127.0.0.1:${server.addr.port}`;
  const topic = "coords-down";
  const dlq = `${topic}-dlq`;
  const fake = fakeWithTopic(topic, 1);
  fake.cluster.createTopic(dlq, { partitions: 1, replicationFactor: 1 });
  const producer = await fake.kafka.connect(fake.kafka.producer());
  await producer.send({ topic, messages: [{ value: Buffer.from(WIRE_VALUE) }] });
  await producer.disconnect();
  const { client } = clientAt(url, 15_000);
  // The registry answers the consumer's check, then goes down before the first record.
  const goesDown = new Proxy(client, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (prop === "preflight") {
        return async () => {
          await target.preflight();
          await server.shutdown();
        };
      }
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  const err = await within(
    20_000,
    consumeCoordinates(
      {
        kafka: () => Promise.resolve(fake.kafka),
        registry: () => Promise.resolve(goesDown),
        signal: new AbortController().signal,
      },
      { topic, group: "g-coords", dlq, fromBeginning: false },
      {
        offsetsReset: () => {},
        valid: () => assert.fail("no record is valid"),
        deadLettered: () => assert.fail("no record goes to the DLQ"),
      },
    ).then(() => undefined, (e) => e),
  );
  assert.equal(served, 1);
  assert.ok(isUnreachable(err), String(err));
  assert.match((err as Error).message, /no Schema Registry answers at .*connection refused/);
  assert.equal(fake.cluster.values(dlq, 0).length, 0);
  assert.equal(fake.cluster.committed("g-coords", topic, 0), undefined);
});
