/**
 * `up --auth scram` never shows the SCRAM password on a command line: `ps`,
 * sampled every 100 ms while `up` formats the storage and starts the nodes,
 * must not hold it (the storage tool gets it in an owner-only argument file).
 * The test starts its own cluster with `kafka-lab up` in a throw-away state
 * folder on a free port base, and removes it after.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readState } from "../../lib/cluster/state.ts";
import { runCli } from "../helpers.ts";
import { freePortBase } from "./fault_cluster.ts";

async function psLines(): Promise<string> {
  const out = await new Deno.Command("ps", { args: ["-eo", "args"], stdout: "piped" }).output();
  return new TextDecoder().decode(out.stdout);
}

Deno.test({
  name: "the SCRAM password never shows in ps during up --auth scram",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const stateDir = join(await Deno.makeTempDir({ prefix: "kafka-lab-scram-ps-" }), "state");
    const env = {
      KAFKA_LAB_STATE_DIR: stateDir,
      KAFKA_LAB_PORT_BASE: String(freePortBase(25092, 28092)),
      KAFKA_BROKERS: "",
      SCHEMA_REGISTRY_URL: "",
      KAFKA_LAB_SASL_MECHANISM: "",
      KAFKA_LAB_SASL_USERNAME: "",
      KAFKA_LAB_SASL_PASSWORD: "",
    };
    try {
      const samples: string[] = [];
      let done = false;
      const up = runCli(["up", "--runtime", "java", "--auth", "scram"], { env, timeoutMs: 240_000 })
        .finally(() => done = true);
      while (!done) {
        samples.push(await psLines());
        await new Promise((r) => setTimeout(r, 100));
      }
      const result = await up;
      assert.equal(result.code, 0, result.stderr);
      const password = readState(stateDir)?.auth?.password;
      assert.ok(password && password.length >= 16, "the cluster recorded its SCRAM password");
      assert.ok(
        samples.some((s) => /StorageTool|format\.args/.test(s)),
        `no storage-format JVM seen in ${samples.length} samples: the test saw nothing`,
      );
      const leaks = samples.flatMap((s) => s.split("\n")).filter((l) => l.includes(password));
      assert.deepEqual(leaks, [], "the password is on a command line");
      // The argument files are gone.
      for (const node of [1, 2, 3]) {
        await assert.rejects(() =>
          Deno.stat(join(stateDir, "java", `node-${node}`, "format.args"))
        );
      }
    } finally {
      await runCli(["down", "--purge"], { env, timeoutMs: 120_000 });
      await Deno.remove(join(stateDir, ".."), { recursive: true }).catch(() => {});
    }
  },
});
