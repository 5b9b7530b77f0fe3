/**
 * What the coordinator fault tests share: where a group's coordinator is, and
 * three faults that take it away (SIGKILL + restart, a 25 s pause, a
 * preferred-leader election). Only for
 * the cluster `deno task test:faults` started (see fault_cluster.ts).
 * @module
 */
import assert from "node:assert/strict";
import { findJava } from "../../lib/cluster/jvm.ts";
import { readState } from "../../lib/cluster/state.ts";
import { kafkaToolsClasspath, runKafkaTool } from "../../lib/cluster/tools.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { groupPartition } from "../../lib/kafka/group_partition.ts";
import type { Admin } from "../../lib/kafka/port.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, clusterConfig } from "../helpers.ts";
import { killBroker, restartBroker } from "./broker_faults.ts";

const config = clusterConfig();
export const OFFSETS_TOPIC = "__consumer_offsets";

/** Clients for every broker of the local cluster under test. */
export function clients(): KafkaClients {
  const local = readState(config.stateDir)!;
  return new KafkaClients(
    { ...config, brokers: local.brokers.map((b) => b.address) },
    captureOutput().out,
  );
}

/** The group's `__consumer_offsets` partition, its leader (the coordinator) and its replicas. */
export interface Coordinator {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: number[];
  readonly isr: number[];
}

/** The group's `__consumer_offsets` partition (or the `known` one), its leader (the coordinator) and its replicas. */
export async function coordinatorOf(
  admin: Admin,
  group: string,
  known?: number,
): Promise<Coordinator> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [OFFSETS_TOPIC] });
  const partitions = topics[0].partitions;
  const partition = known ?? groupPartition(group, partitions.length);
  const p = partitions.find((x) => x.partitionId === partition)!;
  return { partition, leader: p.leader, replicas: [...p.replicas], isr: [...p.isr] };
}

export function brokerPid(id: number): number {
  const pid = readState(config.stateDir)?.processes.find((p) => p.nodeId === id)?.pid;
  if (pid === undefined) throw new Error(`no pid recorded for broker ${id}`);
  return pid;
}

/** What a fault does to the coordinator `leader` of `partition`; resolves when it is over. */
export type Fault = (
  admin: Admin,
  coordinator: { partition: number; leader: number },
) => Promise<void>;

/** (a) SIGKILL, then a restart once another broker coordinates the group. */
export const killAndRestart: Fault = async (
  admin: Admin,
  { partition, leader }: { partition: number; leader: number },
): Promise<void> => {
  const killed = killBroker(config.stateDir, leader);
  try {
    await waitFor(async () => {
      const now = (await coordinatorOf(admin, "", partition)).leader;
      return now >= 0 && now !== leader;
    }, { timeoutMs: 30_000, intervalMs: 200 });
  } finally {
    restartBroker(config.stateDir, killed);
  }
};

/** (b) SIGSTOP for 25 s (the fault's length), then SIGCONT. */
export const pause: Fault = async (
  _admin: Admin,
  { leader }: { leader: number },
): Promise<void> => {
  const pid = brokerPid(leader);
  Deno.kill(pid, "SIGSTOP");
  try {
    await new Promise((resolve) => setTimeout(resolve, 25_000));
  } finally {
    Deno.kill(pid, "SIGCONT");
  }
};

/** Runs one of Kafka's own tools (4.1.1 jars) against the cluster under test. */
async function kafkaTool(
  mainClass: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const java = await findJava(Deno.env.toObject());
  const classpath = await kafkaToolsClasspath({
    cacheDir: config.cacheDir,
    out: captureOutput().out,
    repoUrl: config.mavenRepo,
  });
  const bootstrap = readState(config.stateDir)!.brokers.map((b) => b.address).join(",");
  return await runKafkaTool(java.path, classpath, mainClass, [
    "--bootstrap-server",
    bootstrap,
    ...args,
  ]);
}

/**
 * (c) The partition's replicas are put in another order (same set, so nothing
 * is copied), then a preferred-leader election moves the leadership, and so
 * the coordinator, to the new first replica, with every broker up.
 */
export const election: Fault = async (
  admin: Admin,
  { partition, leader }: { partition: number; leader: number },
): Promise<void> => {
  const { replicas } = await coordinatorOf(admin, "", partition);
  const others = replicas.filter((r) => r !== leader);
  const order = [...others, leader];
  const file = await Deno.makeTempFile({ suffix: ".json" });
  try {
    await Deno.writeTextFile(
      file,
      JSON.stringify({
        version: 1,
        partitions: [{ topic: OFFSETS_TOPIC, partition, replicas: order }],
      }),
    );
    const reassign = await kafkaTool("org.apache.kafka.tools.reassign.ReassignPartitionsCommand", [
      "--reassignment-json-file",
      file,
      "--execute",
    ]);
    assert.equal(reassign.code, 0, reassign.stderr + reassign.stdout);
    const moved = await waitFor(async () => {
      // Refused while the reassignment is still being applied: asked again.
      await kafkaTool("org.apache.kafka.tools.LeaderElectionCommand", [
        "--election-type",
        "preferred",
        "--topic",
        OFFSETS_TOPIC,
        "--partition",
        String(partition),
      ]);
      return (await coordinatorOf(admin, "", partition)).leader === order[0];
    }, { timeoutMs: 60_000, intervalMs: 500 });
    assert.ok(moved, `the coordinator did not move from broker ${leader} to ${order[0]}`);
  } finally {
    await Deno.remove(file).catch(() => {});
  }
};
