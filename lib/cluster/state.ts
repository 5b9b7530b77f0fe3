/**
 * The local cluster's state file (`<stateDir>/cluster.json`): which runtime
 * started it, its endpoints, and the processes to stop. Written by `up`, read
 * by `status`, `down` and the config (for the registry URL), removed by `down`.
 * @module
 */
import { inDir } from "../paths.ts";
import type { ClusterAuth } from "./sasl.ts";

/** A background process started by the java runtime. */
export interface ProcessRecord {
  /** `broker 1`, `registry`. */
  readonly name: string;
  readonly pid: number;
  /** A string in the process's command line that proves it is ours. */
  readonly marker: string;
  readonly logFile: string;
  /**
   * The exact command line, program first, so the process can be started again
   * as it first ran (`broker start`, `up` after a node stopped). Absent in
   * states written before broker control existed.
   */
  readonly argv?: readonly string[];
  /** The broker's `node.id`; absent for the registry. */
  readonly nodeId?: number;
}

/** What `kafka-lab up` recorded. */
export interface ClusterState {
  readonly version: 1;
  readonly runtime: "java" | "docker";
  readonly clusterId?: string;
  readonly brokers: ReadonlyArray<{ readonly id: number; readonly address: string }>;
  readonly registryUrl: string;
  readonly uiUrl?: string;
  readonly processes: readonly ProcessRecord[];
  readonly startedAt: string;
  readonly kafkaVersion: string;
  /** The SCRAM user of a cluster started with `up --auth` (the file is owner-only then). */
  readonly auth?: ClusterAuth;
}

/** The same state with one process record replaced (matched by name). */
export function withProcess(state: ClusterState, record: ProcessRecord): ClusterState {
  return {
    ...state,
    processes: state.processes.map((p) => p.name === record.name ? record : p),
  };
}

/** The path of the state file. */
export function statePath(stateDir: string): string {
  return inDir(stateDir, "cluster.json");
}

/** The recorded state, or undefined when no cluster is recorded (or the file is unreadable). */
export function readState(stateDir: string): ClusterState | undefined {
  try {
    const parsed = JSON.parse(Deno.readTextFileSync(statePath(stateDir)));
    return parsed?.version === 1 ? parsed as ClusterState : undefined;
  } catch {
    return undefined;
  }
}

/** Records the state (atomically: written aside, then renamed). */
export function writeState(stateDir: string, state: ClusterState): void {
  Deno.mkdirSync(stateDir, { recursive: true });
  const tmp = `${statePath(stateDir)}.tmp`;
  Deno.writeTextFileSync(tmp, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
  if (Deno.build.os !== "windows") Deno.chmodSync(tmp, 0o600);
  Deno.renameSync(tmp, statePath(stateDir));
}

/** Forgets the state. */
export function clearState(stateDir: string): void {
  try {
    Deno.removeSync(statePath(stateDir));
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
}

/** The registry URL a running local cluster recorded, for the config's default. */
export function readLocalRegistryUrl(stateDir: string): string | undefined {
  return readState(stateDir)?.registryUrl;
}

/** The SCRAM user a running local cluster recorded, for the config's default. */
export function readLocalAuth(stateDir: string): ClusterAuth | undefined {
  return readState(stateDir)?.auth;
}

/** The broker addresses a running local cluster recorded, for the config's default. */
export function readLocalBrokers(stateDir: string): string[] | undefined {
  return readState(stateDir)?.brokers.map((b) => b.address);
}
