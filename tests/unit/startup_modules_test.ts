/**
 * What starts fast stays fast: `--help` and `lab1 list` must not load
 * kafkajs (about 80 ms of start-up), nor the schema registry client, faker or
 * ajv. Each run replaces those libraries with a module that fails to load
 * (tests/client_trap.ts); tests/integration/lab1_test.ts runs `lab1 list` that
 * way on a real cluster, where it gets its answer from the broker.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { runCliTrapped } from "../client_trap.ts";
import { closedPort, runCli } from "../helpers.ts";

const NO_STATE = { KAFKA_LAB_STATE_DIR: "/nonexistent/kafka-lab-state" };

Deno.test("the trap works: a module that imports kafkajs fails to load under it", async () => {
  const script = fileURLToPath(new URL("../../lib/kafka/kafkajs/driver.ts", import.meta.url));
  const r = await runCliTrapped([], { script });
  assert.notEqual(r.code, 0, "driver.ts loaded although kafkajs is trapped");
  assert.match(r.stderr, /kafkajs|client_trap_module/);
});

for (
  const args of [["--help"], ["lab1", "--help"], ["lab1", "list", "--help"], ["help", "topic"]]
) {
  Deno.test(`\`${args.join(" ")}\` loads no client library`, async () => {
    const [trapped, plain] = await Promise.all([
      runCliTrapped(args, { env: NO_STATE }),
      runCli(args, { env: NO_STATE }),
    ]);
    assert.equal(trapped.stderr, "");
    assert.equal(trapped.code, 0);
    assert.equal(trapped.stdout, plain.stdout);
  });
}

Deno.test("`lab1 list` with no broker answering fails (exit 3) without loading a client library", async () => {
  for (const lang of ["en", "ru"]) {
    const args = [
      "lab1",
      "list",
      "--bootstrap-server",
      `127.0.0.1:${closedPort()}`,
      "--lang",
      lang,
    ];
    const [trapped, plain] = await Promise.all([
      runCliTrapped(args, { env: NO_STATE }),
      runCli(args, { env: NO_STATE }),
    ]);
    assert.equal(trapped.code, 3, trapped.stderr);
    assert.equal(trapped.stderr, plain.stderr);
    assert.match(trapped.stderr, lang === "en" ? /no Kafka broker answers/ : /не отвечает/);
  }
});
