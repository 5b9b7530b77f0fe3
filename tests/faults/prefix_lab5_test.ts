/**
 * Lab 5 once took only its own `--prefix`, default "", and ignored
 * KAFKA_LAB_PREFIX. Its retry part stops and kills nothing, but lab 5 runs only
 * on the cluster `deno task test:faults` started.
 */
import assert from "node:assert/strict";
import { clusterConfig, events, namesIn, runCli, unique } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config);

Deno.test({
  name: "cli KAFKA_LAB_PREFIX names lab5's topics (retry part) behind the prefix",
  ignore,
  async fn() {
    const pre = `${unique("prefix")}.`;
    const res = await runCli(["lab5", "retry", "--count", "20", "--delay-ms", "0", "--json"], {
      env: { KAFKA_LAB_PREFIX: pre },
      timeoutMs: 120_000,
    });
    assert.equal(res.code, 0, `exit ${res.code}\n${res.stderr}\n${res.stdout.slice(-2000)}`);
    const names = namesIn(events(res.stdout));
    assert.ok(names.length > 0, `no event names a topic:\n${res.stdout}`);
    for (const name of names) assert.ok(name.startsWith(`${pre}lab5.`), name);
  },
});
