/**
 * What the java runtime decides before it starts anything: the state file it
 * writes for a new cluster, what `up` does with a recorded one, whether the
 * ports are free. Pure functions (the port check takes its probe), so unit
 * tests need no processes; `java.ts` runs them.
 * @module
 */
import { RUNTIME_TEXT as R } from "./runtime_text.ts";
import { KafkaLabError } from "../errors.ts";
import { fillText } from "../i18n.ts";
import { portIsFree } from "../net.ts";
import { KAFKA_VERSION } from "../version.ts";
import { LISTEN_HOST, type NodeSpec, REGISTRY_PORT, requiredPorts } from "./kraft.ts";
import type { ClusterAuth } from "./sasl.ts";
import type { Meta } from "./storage.ts";
import type { ClusterState, ProcessRecord } from "./state.ts";

/** The registry URL of the java runtime on `port`. */
export function javaRegistryUrl(port: number): string {
  return `http://localhost:${port}/apis/ccompat/v7`;
}
/** The registry URL of the java runtime. */
export const JAVA_REGISTRY_URL = javaRegistryUrl(REGISTRY_PORT);

/** What `up` does with a cluster the state file records. */
export type RecordedAction =
  /** Every process runs: keep it (after checking its size and login). */
  | "keep"
  /** Some processes stopped, the rest run, the size is the same: start only those. */
  | "restart"
  /** Dead, or only partly alive without command lines, or another size: stop the rest, start anew. */
  | "clear";

/**
 * Decides what `up` for `brokers` brokers does with the `recorded` cluster;
 * `isRunning` tells whether one recorded process still runs.
 */
export function recordedAction(
  recorded: ClusterState,
  brokers: number,
  isRunning: (record: ProcessRecord) => boolean,
): RecordedAction {
  const { processes } = recorded;
  if (processes.length > 0 && processes.every(isRunning)) return "keep";
  const partlyRunning = processes.some(isRunning) && processes.every((p) => p.argv !== undefined);
  return partlyRunning && recorded.brokers.length === brokers ? "restart" : "clear";
}

/**
 * Throws, naming the port and what needs it, when one of the ports `nodes`
 * and the registry need is taken; `isFree` tells whether a port is free.
 */
export function checkPortsFree(
  nodes: readonly NodeSpec[],
  registryPort: number,
  isFree: (port: number, host: string) => boolean = portIsFree,
): void {
  for (const { port, owner } of requiredPorts(nodes, registryPort)) {
    if (!isFree(port, LISTEN_HOST)) {
      const vars = { port, host: LISTEN_HOST, owner };
      throw new KafkaLabError(fillText(R.portBusy, vars), {
        hint: fillText(R.portBusyHint, vars),
      });
    }
  }
}

/** The state file of a java cluster `up` has just started. */
export function javaClusterState(
  started: {
    meta: Meta;
    auth?: ClusterAuth;
    nodes: readonly NodeSpec[];
    registryPort: number;
    processes: readonly ProcessRecord[];
  },
  now: Date = new Date(),
): ClusterState {
  return {
    version: 1,
    runtime: "java",
    clusterId: started.meta.clusterId,
    brokers: started.nodes.map((n) => ({ id: n.id, address: n.address })),
    registryUrl: javaRegistryUrl(started.registryPort),
    processes: started.processes,
    startedAt: now.toISOString(),
    kafkaVersion: KAFKA_VERSION,
    auth: started.auth,
  };
}
