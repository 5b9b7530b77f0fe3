/**
 * The guard of every test in tests/faults: they kill, stop and restart brokers,
 * so they run only on the cluster `deno task test:faults` started for them
 * (tests/run.ts names its state folder in `KAFKA_LAB_FAULT_CLUSTER`). Run in
 * any other way (`deno test tests/faults` against a student's cluster), they
 * are ignored; the task itself fails when one is ignored.
 * @module
 */
import { readState } from "../../lib/cluster/state.ts";
import type { Config } from "../../lib/config.ts";

/**
 * Whether `config` points at the 3-broker java cluster the fault task started:
 * false means the fault tests must not touch it.
 */
export function isFaultCluster(config: Config): boolean {
  const owned = Deno.env.get("KAFKA_LAB_FAULT_CLUSTER");
  if (!owned || owned !== config.stateDir) return false;
  const state = readState(config.stateDir);
  return state?.runtime === "java" && state.brokers.length === 3;
}
