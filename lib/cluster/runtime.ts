/**
 * The interface both local cluster runtimes implement (java: the official jars
 * on this machine's Java; docker: `compose.yaml`), and the choice between them.
 * @module
 */
import type { ClusterPorts } from "./kraft.ts";
import type { ScramMechanism } from "./sasl.ts";
import type { ClusterState } from "./state.ts";
import type { Text } from "../i18n.ts";

/** The runtimes `kafka-lab up --runtime` accepts. */
export type RuntimeName = "java" | "docker";

/** Options of {@linkcode ClusterRuntime.up}. */
export interface UpOptions {
  /** How many brokers to run. */
  readonly brokers: number;
  /** Give up when the cluster is not ready within this time. */
  readonly timeoutMs: number;
  /** A SASL/SCRAM client listener with a user made at format time (java runtime only). */
  readonly auth?: ScramMechanism;
  /** With `auth`: KRaft's StandardAuthorizer, the SCRAM user a super user (java runtime only). */
  readonly acl?: boolean;
  /** Other ports than the defaults (java runtime only; tests run a second cluster). */
  readonly ports?: ClusterPorts;
}

/** What `up` did. */
export interface UpResult {
  readonly state: ClusterState;
  /** True when the cluster already ran and nothing was started. */
  readonly alreadyRunning: boolean;
  /** The processes started again because they had stopped while the rest ran. */
  readonly restarted?: readonly string[];
}

/** What `down` did. */
export interface DownResult {
  /** Names of the processes or services that were stopped. */
  readonly stopped: readonly string[];
  /** Names of those that had to be killed after the grace period. */
  readonly killed: readonly string[];
  /** Whether the cluster's data was deleted. */
  readonly purged: boolean;
}

/** A way to run the local cluster. */
export interface ClusterRuntime {
  readonly name: RuntimeName;
  /** Undefined when this runtime can run here; otherwise why not. */
  unavailableReason(): Promise<Text | undefined>;
  up(options: UpOptions): Promise<UpResult>;
  down(options: { purge: boolean }): Promise<DownResult>;
}
