/**
 * The `--json` events of `up`, `down`, `status` and `broker`; see
 * `lib/events.ts` for the naming style. (`runtime.*` events, which `up` prints
 * while a runtime starts, are in `lib/cluster/events.ts`.)
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

const broker = f.object({ id: f.integer, address: f.string });

const replica = f.object({
  id: f.integer,
  logEndOffset: f.integer,
  lag: f.nullable(f.integer),
  lastFetchMs: f.integer,
  lastCaughtUpMs: f.integer,
});

/** The events of the cluster commands. */
export const CLUSTER_EVENTS = {
  up: event("cluster.up", "`up`: the cluster answers (started now, or already running).", {
    runtime: f.oneOf("java", "docker"),
    alreadyRunning: f.boolean,
    restarted: f.array(f.string).doc("Processes started again in a cluster that partly ran."),
    seconds: f.number,
    clusterId: f.optional(f.string),
    brokers: f.array(broker),
    registryUrl: f.string,
    uiUrl: f.optional(f.string),
    stateDir: f.string,
    sasl: f.nullable(f.object({ mechanism: f.string, username: f.string, acl: f.boolean })),
  }),
  down: event("cluster.down", "`down`: what was stopped, killed, deleted.", {
    wasRunning: f.boolean,
    runtime: f.optional(f.oneOf("java", "docker")),
    stopped: f.array(f.string),
    killed: f.array(f.string).doc("Processes killed after the grace period."),
    purged: f.boolean,
  }),
  status: event("cluster.status", "`status`: brokers, the KRaft quorum, the registry.", {
    clusterId: f.nullable(f.string),
    controller: f.nullable(f.integer).doc("The quorum leader (the active controller)."),
    quorum: f.union(
      f.object({
        known: f.constant(true),
        leaderId: f.integer,
        leaderEpoch: f.integer,
        highWatermark: f.integer,
        voters: f.array(replica),
        observers: f.array(replica),
        answeredBy: f.string,
      }),
      f.object({ known: f.constant(false), reason: f.string }),
    ).doc("One of two shapes, told apart by `known`."),
    brokers: f.array(f.object({
      id: f.nullable(f.integer),
      address: f.string,
      reachable: f.boolean.doc("It answered a request in time."),
      notResponding: f.boolean.doc(
        "It takes connections but answers no request in time (paused or wedged).",
      ),
      registered: f.boolean.doc("In the cluster metadata."),
      controller: f.boolean,
      quorumRole: f.nullable(f.oneOf("leader", "voter", "observer")),
      lag: f.nullable(f.integer),
    })),
    leaderless: f.array(f.string).doc("Partitions without a leader: `topic[partition]`."),
    registry: f.object({ url: f.string, ok: f.boolean, detail: f.string }),
    local: f.nullable(f.object({
      runtime: f.oneOf("java", "docker"),
      processes: f.array(f.object({
        name: f.string,
        pid: f.integer,
        running: f.boolean,
        log: f.string,
      })),
    })).doc("The cluster `up` started on this machine, if any."),
  }, { was: "status" }),
  brokers: event(
    "cluster.brokers",
    "`broker list`: each broker of the local cluster and the partitions it leads.",
    {
      brokers: f.array(f.object({
        id: f.integer,
        address: f.string,
        controller: f.boolean,
        running: f.boolean,
        responding: f.boolean.doc(
          "It answered a request within 2 s (false for a stopped or a paused broker).",
        ),
        pid: f.optional(f.integer),
        leads: f.integer,
      })),
      leaderless: f.array(f.object({ topic: f.string, partition: f.integer })),
    },
    { was: "broker.list" },
  ),
  brokerStopped: event("cluster.broker.stopped", "`broker stop`: the broker's process is gone.", {
    id: f.integer,
    address: f.string,
    wasRunning: f.boolean,
    signal: f.oneOf("SIGTERM", "SIGKILL"),
    forced: f.boolean.doc("A graceful stop ran out of time and was killed."),
    ms: f.integer,
  }, { was: "broker.stopped" }),
  brokerStarted: event(
    "cluster.broker.started",
    "`broker start`: the broker is back in the cluster metadata.",
    {
      id: f.integer,
      address: f.string,
      wasRunning: f.boolean,
      pid: f.optional(f.integer),
      ms: f.integer,
    },
    { was: "broker.started" },
  ),
  brokerPaused: event(
    "cluster.broker.paused",
    "`broker pause|resume`: the broker's process was sent SIGSTOP or SIGCONT.",
    {
      id: f.integer,
      address: f.string,
      pid: f.optional(f.integer),
      signal: f.oneOf("SIGSTOP", "SIGCONT"),
    },
  ),
};
