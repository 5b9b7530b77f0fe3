/**
 * A paused broker (SIGSTOP) still takes TCP connections, so a port probe calls
 * it healthy. `broker list`, `status`, `self-check` and `up` must say it is
 * *not responding*. The broker is resumed (SIGCONT) in `finally`, whatever
 * happened.
 * @module
 */
import assert from "node:assert/strict";
import { readState } from "../../lib/cluster/state.ts";
import { brokerLiveness } from "../../lib/cluster/liveness.ts";
import { waitFor } from "../../lib/time.ts";
import { clusterConfig, events, runCli } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config);

Deno.test({
  name: "a paused broker is 'not responding' in broker list, status, self-check and up",
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const state = readState(config.stateDir)!;
    // Broker 3: the last bootstrap address, so the other commands' metadata comes from 1 and 2.
    const id = 3;
    const address = state.brokers.find((b) => b.id === id)!.address;
    const pid = state.processes.find((p) => p.nodeId === id || p.name === `broker ${id}`)!.pid;
    assert.equal(await brokerLiveness(address), "answers", "the broker serves before the pause");
    Deno.kill(pid, "SIGSTOP");
    try {
      assert.equal(await brokerLiveness(address), "not-responding");

      const list = await runCli(["broker", "list", "--json"]);
      assert.equal(list.code, 0, list.stderr);
      const rows = events(list.stdout).find((e) => e.event === "cluster.brokers")!
        .brokers as Array<{ id: number; running: boolean; responding: boolean }>;
      assert.deepEqual(rows.find((r) => r.id === id), {
        ...rows.find((r) => r.id === id),
        running: true,
        responding: false,
      });
      assert.ok(rows.filter((r) => r.id !== id).every((r) => r.responding));
      const human = await runCli(["broker", "list"]);
      assert.match(human.stdout, new RegExp(`\\n\\s*${id}\\s+\\S+\\s+not responding`));

      const status = await runCli(["status", "--json"]);
      const s = events(status.stdout).find((e) => e.event === "cluster.status")!;
      const b = (s.brokers as Array<{ id: number; reachable: boolean; notResponding: boolean }>)
        .find((r) => r.id === id)!;
      assert.equal(b.reachable, false);
      assert.equal(b.notResponding, true);
      const statusHuman = await runCli(["status"]);
      assert.match(statusHuman.stdout, /not responding/);

      const check = await runCli(["self-check", "--json"]);
      const cluster = events(check.stdout).find((e) => e.check === "cluster")!;
      assert.deepEqual(cluster.notResponding, [id]);
      assert.match(String(cluster.detail), /not responding/);

      const up = await runCli(["up"]);
      assert.equal(up.code, 1, up.stdout + up.stderr);
      assert.match(up.stderr, new RegExp(`broker ${id} \\(${address}\\) is not responding`));
    } finally {
      Deno.kill(pid, "SIGCONT");
    }
    assert.ok(
      await waitFor(async () => await brokerLiveness(address) === "answers", { timeoutMs: 30_000 }),
      "the resumed broker answers again",
    );
  },
});
