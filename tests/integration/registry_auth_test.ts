/**
 * Schema Registry basic auth (`SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO`). The
 * java runtime's Apicurio has no basic auth without an identity server, so the
 * test puts a small HTTP gate in front of the suite's real registry: it
 * answers 401 unless the request carries the expected `Authorization` header,
 * and passes everything else through unchanged.
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { ExitCode, KafkaLabError } from "../../lib/errors.ts";
import { RegistryClient } from "../../lib/registry.ts";
import { resolveConfig } from "../../lib/config.ts";
import { captureOutput, clusterConfig, runCli, unique } from "../helpers.ts";

const USER = "student";
const SECRET = `s3cr:et-${crypto.randomUUID()}`;

function gate(target: string): { url: string; seen: string[]; close: () => Promise<void> } {
  const expected = `Basic ${Buffer.from(`${USER}:${SECRET}`).toString("base64")}`;
  const seen: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const url = new URL(req.url);
    seen.push(`${req.method} ${url.pathname}`);
    if (req.headers.get("authorization") !== expected) {
      return new Response('{"error_code":401,"message":"Unauthorized"}', { status: 401 });
    }
    const headers = new Headers(req.headers);
    headers.delete("authorization");
    const res = await fetch(`${target}${url.pathname.replace(/^\/gate/, "")}${url.search}`, {
      method: req.method,
      headers,
      body: req.body,
    });
    return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
  });
  const { port } = server.addr as Deno.NetAddr;
  return { url: `http://127.0.0.1:${port}/gate`, seen, close: () => server.shutdown() };
}

Deno.test("registry basic auth: the right user info registers and reads schemas, a wrong one exits 4", async () => {
  const target = clusterConfig().registryUrl;
  const g = gate(target);
  const subject = unique("auth-subject");
  try {
    const env = (info: string) => ({
      ...Deno.env.toObject(),
      SCHEMA_REGISTRY_URL: g.url,
      SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO: info,
    });
    const good = new RegistryClient(
      resolveConfig({ flags: {}, env: env(`${USER}:${SECRET}`), dotenv: {} }),
      captureOutput().out,
    );
    await good.preflight();
    const schema = { type: "object", properties: { n: { type: "number" } } };
    const { id } = await good.registerJson(schema, subject);
    assert.deepEqual(await good.versions(subject), [1]);
    const bytes = await good.encode(id, { n: 1 });
    assert.deepEqual((await good.decode(bytes)).payload, { n: 1 });

    const bad = new RegistryClient(
      resolveConfig({ flags: {}, env: env(`${USER}:wrong`), dotenv: {} }),
      captureOutput().out,
    );
    for (const attempt of [() => bad.preflight(), () => bad.registerJson(schema, subject)]) {
      const err = await attempt().then(() => undefined, (e) => e);
      assert.ok(err instanceof KafkaLabError, String(err));
      assert.equal(err.exitCode, ExitCode.auth);
      assert.match(err.text.en, /refused user student \(HTTP 401\)/);
      assert.match(err.text.ru, /не принял пользователя student/);
      assert.ok(!JSON.stringify([err.text, err.hintText]).includes("wrong"));
    }

    // The CLI: `status` checks the registry with the header; `config` masks the secret.
    const cliEnv = {
      SCHEMA_REGISTRY_URL: g.url,
      SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO: `${USER}:${SECRET}`,
    };
    const status = await runCli(["status"], { env: cliEnv });
    assert.match(status.stdout, /registry.*: up/);
    const config = await runCli(["config", "--json"], { env: cliEnv });
    assert.equal(config.code, 0, config.stderr);
    assert.ok(!config.stdout.includes(SECRET) && !config.stderr.includes(SECRET));
    assert.match(config.stdout, /"key":"registryAuth","value":"\*{8}"/);
  } finally {
    await fetch(`${target}/subjects/${subject}`, { method: "DELETE" }).then((r) => r.body?.cancel())
      .catch(() => {});
    await fetch(`${target}/subjects/${subject}?permanent=true`, { method: "DELETE" })
      .then((r) => r.body?.cancel()).catch(() => {});
    await g.close();
  }
  assert.ok(g.seen.length > 0);
});
