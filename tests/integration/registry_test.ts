/** The Schema Registry client (lib/registry.ts) against the real registry. */
import assert from "node:assert/strict";
import { UnreachableError } from "../../lib/errors.ts";
import { RegistryClient, SchemaValidationError } from "../../lib/registry.ts";
import { captureOutput, closedPort, clusterConfig, unique } from "../helpers.ts";

const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Point",
  type: "object",
  properties: { x: { type: "integer" }, y: { type: "number" } },
  required: ["x", "y"],
};

function client(registryUrl?: string): RegistryClient {
  const config = { ...clusterConfig(), ...(registryUrl ? { registryUrl } : {}) };
  return new RegistryClient(config, captureOutput().out);
}

Deno.test("registry registers a JSON schema, returns it by id, and gives the same id again", async () => {
  const registry = client();
  await registry.preflight();
  const subject = unique("point") + "-value";
  const { id } = await registry.registerJson(schema, subject);
  assert.ok(id > 0);
  assert.deepEqual(JSON.parse(await registry.schemaText(id)), schema);
  assert.equal((await registry.registerJson(schema, subject)).id, id);
  assert.deepEqual(await registry.versions(subject), [1]);
});

Deno.test("registry encode writes the Confluent wire format and decode reads it back", async () => {
  const registry = client();
  const { id } = await registry.registerJson(schema, unique("wire") + "-value");
  const bytes = await registry.encode(id, { x: 1, y: 2.5 });
  assert.equal(bytes[0], 0, "magic byte");
  assert.equal(
    new DataView(bytes.buffer, bytes.byteOffset).getInt32(1),
    id,
    "schema id, big-endian",
  );
  assert.deepEqual(JSON.parse(new TextDecoder().decode(bytes.subarray(5))), { x: 1, y: 2.5 });
  assert.deepEqual(await registry.decode(bytes), { schemaId: id, payload: { x: 1, y: 2.5 } });
});

Deno.test("registry encode rejects a payload that breaks the schema, naming the field", async () => {
  const registry = client();
  const { id } = await registry.registerJson(schema, unique("bad") + "-value");
  await assert.rejects(
    () => registry.encode(id, { x: 1 }),
    (e: unknown) => e instanceof SchemaValidationError && /required property 'y'/.test(e.message),
  );
  await assert.rejects(
    () => registry.encode(id, { x: "one", y: 1 }),
    (e: unknown) =>
      e instanceof SchemaValidationError &&
      e.issues.some((i) => /x/.test(i.path) && /integer/.test(i.message)),
  );
});

Deno.test("registry preflight fails with exit code 3 within 15 s when nothing listens", async () => {
  const port = closedPort();
  const started = performance.now();
  await assert.rejects(
    () => client(`http://127.0.0.1:${port}`).preflight(),
    (e: unknown) =>
      e instanceof UnreachableError && e.exitCode === 3 &&
      e.message.includes(`127.0.0.1:${port} (connection refused)`),
  );
  assert.ok(performance.now() - started < 15_000);
});

Deno.test("registry preflight says when a URL answers but is not a schema registry", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response("<html>", { status: 404 }),
  );
  try {
    await assert.rejects(
      () => client(`http://127.0.0.1:${server.addr.port}`).preflight(),
      (e: unknown) =>
        e instanceof UnreachableError && /not as a Confluent Schema Registry/.test(e.message) &&
        /ccompat/.test(e.hint ?? ""),
    );
  } finally {
    await server.shutdown();
  }
});
