/**
 * The events of the local cluster runtimes (Java and Docker), printed while
 * `up` starts a cluster; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../events.ts";

/** The events `lib/cluster/` prints, and the runtime `up` chose. */
export const RUNTIME_EVENTS = {
  chosen: event(
    "runtime.chosen",
    "`up --runtime auto` found no Docker engine and runs the cluster on Java.",
    {
      runtime: f.oneOf("java", "docker"),
      dockerUnavailable: f.string.doc("Why Docker cannot run it (English)."),
    },
  ),
  downloadStarted: event(
    "runtime.download.started",
    "Kafka's jars or the registry are missing from the cache: the download begins.",
    { files: f.integer, bytes: f.integer, from: f.string.doc("The Maven repository.") },
    { was: "download.start" },
  ),
  downloadDone: event("runtime.download.done", "Every missing artifact is in the cache.", {
    files: f.integer,
    bytes: f.integer,
  }, { was: "download.done" }),
  storageFormatting: event(
    "runtime.storage.formatting",
    "A new Java cluster: each node's KRaft storage is being formatted.",
    {
      clusterId: f.string,
      brokers: f.integer,
      sasl: f.nullable(f.string).doc("The SASL mechanism of a cluster started with a login."),
    },
    { was: "storage.format" },
  ),
  registryReset: event(
    "runtime.registry.reset",
    "The registry starts on a new database; the old one was moved aside.",
    { movedTo: f.string },
    { was: "registry.fresh" },
  ),
  nodesRestarting: event(
    "runtime.nodes.restarting",
    "`up` on a cluster where some processes stopped: only those start again.",
    { restarted: f.array(f.string).doc("Process names (`broker 1`, `registry`).") },
    { was: "cluster.restart" },
  ),
  composeStarting: event("runtime.compose.starting", "`docker compose up` begins.", {
    file: f.string,
  }, { was: "compose.up" }),
};
