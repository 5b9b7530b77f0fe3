import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { Artifact } from "../../lib/cluster/artifacts.ts";
import { cachePath, ensureArtifacts } from "../../lib/cluster/download.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { captureOutput } from "../helpers.ts";

const body: Uint8Array<ArrayBuffer> = new TextEncoder().encode("a small jar, pretend");
const sha256 = createHash("sha256").update(body).digest("hex");
const artifact: Artifact = {
  group: "org.example",
  artifact: "demo",
  version: "1.0",
  extension: "jar",
  size: body.length,
  sha256,
};

async function withRepo(
  fn: (url: string, hits: string[]) => Promise<void>,
  payload: Uint8Array<ArrayBuffer> = body,
): Promise<void> {
  const hits: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    hits.push(new URL(req.url).pathname);
    return new URL(req.url).pathname === "/org/example/demo/1.0/demo-1.0.jar"
      ? new Response(payload)
      : new Response("no", { status: 404 });
  });
  try {
    await fn(`http://127.0.0.1:${server.addr.port}`, hits);
  } finally {
    await server.shutdown();
  }
}

Deno.test("ensureArtifacts downloads into the Maven layout once and then uses the cache", async () => {
  const cacheDir = await Deno.makeTempDir();
  await withRepo(async (repoUrl, hits) => {
    const { out } = captureOutput();
    const [path] = await ensureArtifacts([artifact], { cacheDir, out, repoUrl });
    assert.equal(path, cachePath(cacheDir, artifact));
    assert.deepEqual(await Deno.readFile(path), body);
    await ensureArtifacts([artifact], { cacheDir, out, repoUrl });
    assert.equal(hits.length, 1, "second call is served from the cache");
  });
  await Deno.remove(cacheDir, { recursive: true });
});

Deno.test("ensureArtifacts rejects a file whose checksum differs and leaves nothing behind", async () => {
  const cacheDir = await Deno.makeTempDir();
  const tampered = new TextEncoder().encode("a small jar, altered");
  await withRepo(async (repoUrl) => {
    const { out } = captureOutput();
    await assert.rejects(
      () => ensureArtifacts([artifact], { cacheDir, out, repoUrl }),
      (e: unknown) =>
        e instanceof KafkaLabError && /does not match its pinned checksum/.test(e.message),
    );
    const dir = cachePath(cacheDir, artifact).replace(/\/[^/]+$/, "");
    assert.deepEqual([...Deno.readDirSync(dir)], [], "no partial or wrong file is kept");
  }, tampered);
  await Deno.remove(cacheDir, { recursive: true });
});

Deno.test("ensureArtifacts names the repository and the fix when a file is missing there", async () => {
  const cacheDir = await Deno.makeTempDir();
  await withRepo(async (repoUrl) => {
    const { out } = captureOutput();
    await assert.rejects(
      () => ensureArtifacts([{ ...artifact, artifact: "absent" }], { cacheDir, out, repoUrl }),
      (e: unknown) => e instanceof KafkaLabError && /HTTP 404/.test(e.message),
    );
  });
  await Deno.remove(cacheDir, { recursive: true });
});
