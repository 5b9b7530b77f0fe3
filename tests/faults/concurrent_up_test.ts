/**
 * Two `kafka-lab up` at the same moment on an empty state folder leave one
 * working cluster: the second waits for the first (the state folder's lock),
 * then finds the cluster running. Without the lock both formatted the storage
 * at once and both failed, leaving metadata no later `up` could start.
 * The test starts its own 3-broker cluster in a throw-away state folder on
 * free ports (the fault task's cluster is not touched) and removes it after.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { events, runCli } from "../helpers.ts";
import { freePortBase } from "./fault_cluster.ts";

Deno.test({
  name: "two `up` at the same moment leave one working cluster",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const stateDir = join(await Deno.makeTempDir({ prefix: "kafka-lab-race-" }), "state");
    const env = {
      KAFKA_LAB_STATE_DIR: stateDir,
      KAFKA_LAB_PORT_BASE: String(freePortBase(21092, 24092)),
      KAFKA_BROKERS: "",
      SCHEMA_REGISTRY_URL: "",
    };
    try {
      const opts = { env, timeoutMs: 240_000 };
      const [a, b] = await Promise.all([
        runCli(["up", "--runtime", "java", "--json"], opts),
        runCli(["up", "--runtime", "java", "--json"], opts),
      ]);
      assert.equal(a.code, 0, a.stderr + a.stdout);
      assert.equal(b.code, 0, b.stderr + b.stdout);
      const ups = [a, b].map((r) => events(r.stdout).find((e) => e.event === "cluster.up"));
      assert.deepEqual(
        ups.map((e) => e?.alreadyRunning).sort(),
        [false, true],
        "one started the cluster, the other found it running",
      );
      assert.equal(ups[0]?.clusterId, ups[1]?.clusterId);
      // The one that waited said whom it waited for.
      const waited = [a, b].find((r) =>
        events(r.stdout).some((e) => e.event === "cluster.up" && e.alreadyRunning)
      );
      assert.ok(
        events(waited!.stdout).some((e) =>
          e.event === "progress" && typeof e.message === "string" && /pid \d+/.test(e.message)
        ),
        "the waiting `up` reports whom it waits for",
      );

      const status = await runCli(["status", "--json"], { env });
      assert.equal(status.code, 0, status.stderr);
      const s = events(status.stdout).find((e) => e.event === "cluster.status")!;
      const brokers = s.brokers as Array<{ reachable: boolean; registered: boolean }>;
      assert.equal(brokers.length, 3);
      assert.ok(brokers.every((x) => x.reachable && x.registered), JSON.stringify(brokers));

      const check = await runCli(["self-check", "--json"], { env });
      const metadata = events(check.stdout).find((e) => e.check === "metadata");
      assert.equal(metadata?.status, "ok", JSON.stringify(metadata));

      // A later `up` takes the (released) lock at once and changes nothing.
      const again = await runCli(["up", "--runtime", "java", "--json"], opts);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(
        events(again.stdout).find((e) => e.event === "cluster.up")?.alreadyRunning,
        true,
      );
    } finally {
      await runCli(["down", "--purge"], { env, timeoutMs: 120_000 });
      await Deno.remove(join(stateDir, ".."), { recursive: true }).catch(() => {});
    }
  },
});
