/**
 * `broker start N` right after `broker stop N --kill` says "back in the
 * cluster" only once the broker really serves. The other brokers keep listing
 * a killed broker for ~9 s (its session timeout); asking them made `start`
 * print "back after 0.0 s" while the broker's port still refused connections.
 * @module
 */
import assert from "node:assert/strict";
import { readState } from "../../lib/cluster/state.ts";
import { brokerLiveness } from "../../lib/cluster/liveness.ts";
import { fetchMetadata } from "../../lib/kafka/wire/client.ts";
import { clusterConfig, events, runCli } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config);

Deno.test({
  name: "broker start right after a kill returns only when the broker serves again",
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const id = 2;
    const address = readState(config.stateDir)!.brokers.find((b) => b.id === id)!.address;
    let killed = false;
    try {
      const stop = await runCli(["broker", "stop", String(id), "--kill", "--json"]);
      assert.equal(stop.code, 0, stop.stderr);
      killed = true;
      // At once, while the others still list the killed broker.
      const start = await runCli(["broker", "start", String(id), "--json"], { timeoutMs: 120_000 });
      assert.equal(start.code, 0, start.stderr);
      killed = false;
      const ev = events(start.stdout).find((e) => e.event === "cluster.broker.started")!;
      assert.equal(ev.wasRunning, false);
      // A JVM broker needs more than a second to start: "0.0 s" was the bug.
      assert.ok(Number(ev.ms) >= 1000, `back after ${ev.ms} ms`);
      // Right after `start` returned: its own port answers, and it lists itself.
      assert.equal(await brokerLiveness(address), "answers");
      const md = await fetchMetadata([address], [], 3000, config.sasl);
      assert.ok(md.brokers.some((b) => b.nodeId === id), "the broker lists itself");
    } finally {
      if (killed) await runCli(["broker", "start", String(id)], { timeoutMs: 120_000 });
    }
  },
});
