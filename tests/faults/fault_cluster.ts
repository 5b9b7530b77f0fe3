/**
 * The guard of every test in tests/faults: they kill, stop and restart brokers,
 * so they run only on the cluster `deno task test:faults` started for them
 * (tests/run.ts names its state folder in `KAFKA_LAB_FAULT_CLUSTER`). Run in
 * any other way (`deno test tests/faults` against a student's cluster), they
 * are ignored; the task itself fails when one is ignored.
 * @module
 */
import { portIsFree } from "../../lib/net.ts";
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

/**
 * A port base in `first..last` (steps of 1000) whose broker, controller and
 * registry ports (base+0..2, +100..102, +200) are all free, for a test that
 * starts a cluster of its own. Keep the range below Linux's ephemeral ports
 * (32768 and up): after a suite's thousands of client connections, some port of
 * every base up there is the local end of one, and the test could find none.
 */
export function freePortBase(first: number, last: number): number {
  for (let base = first; base <= last; base += 1000) {
    const ports = [0, 1, 2, 100, 101, 102, 200].map((d) => base + d);
    if (ports.every((p) => portIsFree(p))) return base;
  }
  throw new Error(`no free port range from ${first} to ${last}`);
}
