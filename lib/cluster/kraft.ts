/**
 * The local cluster's layout, as pure data: which node listens where, which
 * nodes are controllers, each node's `server.properties`, and KRaft cluster ids.
 * The docker runtime's `compose.yaml` publishes the same endpoints; a test
 * checks the two agree.
 *
 * @example
 * ```ts
 * const nodes = nodeLayout(3);
 * nodes[0].address; // "localhost:19092"
 * serverProperties(nodes[0], nodes, "/data/node-1");
 * ```
 * @module
 */
import { MAX_BROKERS } from "./limits.ts";
import { type ClusterPorts, DEFAULT_PORTS, REGISTRY_PORT } from "./ports.ts";
import { LAPTOP_BROKER_PROPERTIES } from "./tuning.ts";

export {
  type ClusterPorts,
  DEFAULT_PORTS,
  FIRST_BROKER_PORT,
  FIRST_CONTROLLER_PORT,
  portsFromBase,
  REGISTRY_PORT,
  UI_PORT,
} from "./ports.ts";
export { MAX_BROKERS } from "./limits.ts";
/** The host name the brokers advertise to clients. */
export const ADVERTISED_HOST = "localhost";
/** The address brokers and the registry listen on: loopback only. */
export const LISTEN_HOST = "127.0.0.1";

/** One node of the local cluster. */
export interface NodeSpec {
  /** `node.id`, from 1. */
  readonly id: number;
  readonly brokerPort: number;
  /** Set on controller nodes only. */
  readonly controllerPort?: number;
  /** `broker,controller` on the first nodes, `broker` on the rest. */
  readonly roles: "broker,controller" | "broker";
  /** The advertised client address, `localhost:19092`. */
  readonly address: string;
}

/** How many of `count` nodes are controllers: three when there are three or more, else one. */
export function controllerCount(count: number): number {
  return count >= 3 ? 3 : 1;
}

/** The nodes of a cluster of `count` brokers (1..{@linkcode MAX_BROKERS}). */
export function nodeLayout(count: number, ports: ClusterPorts = DEFAULT_PORTS): NodeSpec[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_BROKERS) {
    throw new RangeError(`a local cluster has 1 to ${MAX_BROKERS} brokers, not ${count}`);
  }
  const controllers = controllerCount(count);
  return Array.from({ length: count }, (_, i) => {
    const isController = i < controllers;
    return {
      id: i + 1,
      brokerPort: ports.broker + i,
      controllerPort: isController ? ports.controller + i : undefined,
      roles: isController ? "broker,controller" : "broker",
      address: `${ADVERTISED_HOST}:${ports.broker + i}`,
    } satisfies NodeSpec;
  });
}

/** `controller.quorum.voters`: `1@127.0.0.1:19192,2@...`. */
export function quorumVoters(nodes: readonly NodeSpec[]): string {
  return nodes
    .filter((n) => n.controllerPort !== undefined)
    .map((n) => `${n.id}@${LISTEN_HOST}:${n.controllerPort}`)
    .join(",");
}

/**
 * Replication of Kafka's internal topics for a cluster of `count` brokers:
 * as high as the cluster allows, at most 3 (2 for min ISR). A higher value
 * than the broker count leaves consumer groups without a coordinator.
 */
export function internalReplication(count: number): { factor: number; minIsr: number } {
  return { factor: Math.min(3, count), minIsr: Math.min(2, count) };
}

/**
 * How often the local cluster's brokers delete segments past retention
 * (Kafka's default: 300000). Read at start-up only: a cluster started before
 * this setting keeps checking every 5 minutes until it is restarted.
 */
export const RETENTION_CHECK_INTERVAL_MS = 5000;

/**
 * Partitions of Kafka's internal topics (`__consumer_offsets`, the
 * transaction and share-group state) on a cluster formatted since this
 * setting: 3, one led by each broker, instead of Kafka's 50. Every broker
 * loads each of its replicas at start, one after another: 50 partitions of
 * `__consumer_offsets` on each broker cost about 1.2 s of every `up` on a
 * busy laptop. Older data keeps 50 (`meta.json` records which), since the
 * coordinators find a group's partition from that count.
 */
export const INTERNAL_TOPIC_PARTITIONS = 3;

/** The `server.properties` of one node; `internalPartitions` unset: Kafka's 50. */
export function serverProperties(
  node: NodeSpec,
  nodes: readonly NodeSpec[],
  dataDir: string,
  internalPartitions?: number,
): string {
  const { factor, minIsr } = internalReplication(nodes.length);
  const listeners = [`EXTERNAL://${LISTEN_HOST}:${node.brokerPort}`];
  if (node.controllerPort !== undefined) {
    listeners.push(`CONTROLLER://${LISTEN_HOST}:${node.controllerPort}`);
  }
  const props: Array<[string, string | number]> = [
    ["process.roles", node.roles],
    ["node.id", node.id],
    ["controller.quorum.voters", quorumVoters(nodes)],
    ["controller.listener.names", "CONTROLLER"],
    ["listeners", listeners.join(",")],
    ["advertised.listeners", `EXTERNAL://${node.address}`],
    ["listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT"],
    ["inter.broker.listener.name", "EXTERNAL"],
    ["log.dirs", dataDir.replaceAll("\\", "/")],
    ["num.partitions", 1],
    ["default.replication.factor", 1],
    ["min.insync.replicas", 1],
    ["offsets.topic.replication.factor", factor],
    ["transaction.state.log.replication.factor", factor],
    ["transaction.state.log.min.isr", minIsr],
    ["share.coordinator.state.topic.replication.factor", factor],
    ["share.coordinator.state.topic.min.isr", minIsr],
    ["group.initial.rebalance.delay.ms", 0],
    ["auto.create.topics.enable", "false"],
    ["log.retention.hours", 168],
    // Lab 6 shows retention deleting old segments: Kafka looks for segments to
    // delete every 5 minutes by default, a course cluster every 5 seconds.
    ["log.retention.check.interval.ms", RETENTION_CHECK_INTERVAL_MS],
    ...LAPTOP_BROKER_PROPERTIES,
  ];
  if (internalPartitions !== undefined) {
    props.push(
      ["offsets.topic.num.partitions", internalPartitions],
      ["transaction.state.log.num.partitions", internalPartitions],
      ["share.coordinator.state.topic.num.partitions", internalPartitions],
    );
  }
  return props.map(([k, v]) => `${k}=${v}`).join("\n") + "\n";
}

/**
 * A new KRaft cluster id: 16 random bytes as URL-safe base64 without padding,
 * like `kafka-storage random-uuid`. Ids starting with `-` are drawn again (a
 * command line would read them as an option).
 */
export function newClusterId(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  for (;;) {
    const bytes = random(new Uint8Array(16));
    const b64 = btoa(String.fromCharCode(...bytes))
      .replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
    if (!b64.startsWith("-") && bytes.some((b) => b !== 0)) return b64;
  }
}

/** Every port the java runtime needs for `nodes`, with what needs it. */
export function requiredPorts(
  nodes: readonly NodeSpec[],
  registryPort = REGISTRY_PORT,
): Array<{ port: number; owner: string }> {
  const ports: Array<{ port: number; owner: string }> = [];
  for (const n of nodes) {
    ports.push({ port: n.brokerPort, owner: `broker ${n.id}` });
    if (n.controllerPort !== undefined) {
      ports.push({ port: n.controllerPort, owner: `controller ${n.id}` });
    }
  }
  ports.push({ port: registryPort, owner: "the schema registry" });
  return ports;
}
