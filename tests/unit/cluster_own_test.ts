/**
 * The guard of broker control and lab 5 (`lib/cluster/own.ts`): the
 * configured brokers must be the recorded local cluster's; a recorded
 * cluster is needed at all. No broker needed: a state folder of our own.
 */
import assert from "node:assert/strict";
import { foreignBootstrap, requireOwnCluster } from "../../lib/cluster/own.ts";
import type { ClusterState } from "../../lib/cluster/state.ts";
import type { Config } from "../../lib/config.ts";
import { UsageError } from "../../lib/errors.ts";

const STATE = {
  brokers: [
    { id: 1, address: "localhost:19092" },
    { id: 2, address: "localhost:19093" },
  ],
} as unknown as ClusterState;

function config(brokers: string[], stateDir = "/nonexistent-kafka-lab-state"): Config {
  return { brokers, stateDir } as unknown as Config;
}

Deno.test("foreignBootstrap names the configured brokers that are not the local cluster's", () => {
  assert.deepEqual(foreignBootstrap(config(["localhost:19093"]), STATE), []);
  assert.deepEqual(
    foreignBootstrap(config(["localhost:19092", "kafka.shared:9092"]), STATE),
    ["kafka.shared:9092"],
  );
});

Deno.test("requireOwnCluster refuses (a usage error, exit 2) when kafka-lab started no cluster here", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assert.rejects(
      () => requireOwnCluster(config(["localhost:19092"], dir)),
      (err) => err instanceof UsageError && /kafka-lab up/.test(String((err as Error).message)),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
