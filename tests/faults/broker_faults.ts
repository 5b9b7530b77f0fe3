/**
 * Fault injection for integration tests on the local java cluster: SIGKILL a
 * broker's JVM, start it again with the same command line, and wait until a
 * topic's replicas are all in sync again. The restarted process is recorded
 * in the cluster's state file, so `kafka-lab down` still stops it.
 * @module
 */
import type { Admin } from "../../lib/kafka/port.ts";
import { commandLine, respawn } from "../../lib/cluster/process.ts";
import { readState, withProcess, writeState } from "../../lib/cluster/state.ts";
import { waitFor } from "../../lib/time.ts";
import type { KafkaClients } from "../../lib/kafka/clients.ts";
import { ensureTopic } from "../../lib/kafka/topics.ts";

/** A killed broker: its id, to start it again as `up` first ran it. */
export interface KilledBroker {
  readonly id: number;
}

function brokerRecord(stateDir: string, id: number) {
  const state = readState(stateDir);
  const record = state?.processes.find((p) => p.name === `broker ${id}`);
  if (!state || !record) {
    throw new Error(`no java broker ${id} recorded in ${stateDir} (these tests need \`up\`)`);
  }
  if (!record.argv || record.argv.length === 0) {
    throw new Error(`no command line recorded for broker ${id} in ${stateDir}`);
  }
  return { state, record };
}

/**
 * SIGKILLs broker `id`'s JVM. The process is checked by its command line
 * (`ps`, as `down` does: Deno needs --allow-all to read /proc/<pid>/cmdline).
 */
export function killBroker(stateDir: string, id: number): KilledBroker {
  const { record } = brokerRecord(stateDir, id);
  if (!commandLine(record.pid)?.includes(record.marker)) {
    throw new Error(`pid ${record.pid} is not broker ${id} any more`);
  }
  Deno.kill(record.pid, "SIGKILL");
  return { id };
}

/** Starts a killed broker with its recorded command line and records the new pid. */
export function restartBroker(stateDir: string, killed: KilledBroker): void {
  const { state, record } = brokerRecord(stateDir, killed.id);
  const { record: restarted } = respawn(record);
  writeState(stateDir, withProcess(state, restarted));
}

/** The leader of each partition of `topic`, by partition id. */
export async function leaders(admin: Admin, topic: string): Promise<Map<number, number>> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  return new Map(topics[0].partitions.map((p) => [p.partitionId, p.leader]));
}

/** Waits until every partition of `topic` has all its replicas in sync; false after the deadline. */
export async function waitForFullIsr(
  admin: Admin,
  topic: string,
  timeoutMs: number,
): Promise<boolean> {
  const full = await waitFor(async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0].partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length);
  }, { timeoutMs, intervalMs: 500 });
  return full === true;
}

/** A topic whose partitions survive one killed leader: 3 partitions, 3 replicas, min.insync.replicas 2. */
export async function createKillTopic(kafka: KafkaClients, topic: string): Promise<void> {
  await kafka.withAdmin((admin) =>
    ensureTopic(admin, {
      name: topic,
      partitions: 3,
      replicationFactor: 3,
      configs: { "min.insync.replicas": "2" },
    })
  );
}
