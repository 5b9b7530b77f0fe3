/**
 * A Schema Registry that stops answering while `lab3 consume` runs (its JVM
 * paused with SIGSTOP): the consumer says while it waits that the registry
 * has not answered, gives up with exit 3 "no Schema Registry answers" after
 * the bound (lib/registry.ts `REGISTRY_ANSWER_TIMEOUT_MS`), commits nothing
 * and writes nothing to the dead letter topic. It waited silently with no
 * bound before (45 s seen).
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { commandLine } from "../../lib/cluster/process.ts";
import { readState } from "../../lib/cluster/state.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { RegistryClient } from "../../lib/registry.ts";
import { USER_COORDINATES_SCHEMA } from "../../labs/lab3_coordinates/model.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, CliProcess, clusterConfig, createTopic, unique } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();

/** The registry JVM of the fault cluster, checked by its command line. */
function registryPid(): number {
  const record = readState(config.stateDir)?.processes.find((p) => p.name === "registry");
  if (!record) throw new Error(`no registry recorded in ${config.stateDir}`);
  if (!commandLine(record.pid)?.includes(record.marker)) {
    throw new Error(`pid ${record.pid} is not the registry any more`);
  }
  return record.pid;
}

Deno.test({
  name:
    "lab3 consume on a paused registry: told while waiting, exit 3, nothing committed or dead-lettered",
  ignore: !isFaultCluster(config),
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const { out } = captureOutput();
    const kafka = new KafkaClients(config, out);
    const registry = new RegistryClient(config, out);
    const topic = await createTopic("regpause", 3, 2);
    const dlq = `${topic}.dlq`;
    const group = unique("regpause-group");
    const { id } = await registry.registerJson(USER_COORDINATES_SCHEMA, unique("regpause-value"));
    const consumer = new CliProcess(["lab3", "consume", "-t", topic, "--group", group, "--json"]);
    const pid = registryPid();
    let paused = false;
    try {
      // In its group: the record below is read at once, after the registry stopped.
      const joined = await waitFor(async () => {
        const { groups } = await kafka.withAdmin((admin) => admin.describeGroups([group]));
        return groups[0]?.state === "Stable" && groups[0].members.length === 1;
      }, { timeoutMs: 60_000, intervalMs: 200 });
      assert.ok(joined, "the consumer did not join its group within 60 s");
      Deno.kill(pid, "SIGSTOP");
      paused = true;
      const value = Buffer.concat([
        Buffer.from([0, 0, 0, 0, 0]),
        Buffer.from(JSON.stringify({ id: 1, longitude: 1.5, latitude: 2.5 })),
      ]);
      value.writeInt32BE(id, 1);
      const producer = await kafka.connect(kafka.producer({ idempotent: true }));
      await producer.send({ topic, acks: -1, messages: [{ value }] });
      await producer.disconnect();

      const waiting = await consumer.waitFor(
        (e) => e.event === "warning" && /has not answered/.test(String(e.message)),
        20_000,
      );
      assert.match(String(waiting.message), /fetching schema/);
      const result = await consumer.finish();
      assert.equal(result.code, 3, result.stderr);
      const error = result.events.find((e) => e.event === "error");
      assert.match(String(error?.message), /no Schema Registry answers at .*no answer in \d+ s/);
      assert.ok(!result.events.some((e) => e.event === "lab3.record.valid"));
      assert.ok(!result.events.some((e) => e.event === "lab3.record.dead-lettered"));

      Deno.kill(pid, "SIGCONT");
      paused = false;
      const offsets = await kafka.withAdmin((admin) =>
        admin.fetchOffsets({ groupId: group, topics: [topic] })
      );
      const committed = offsets.flatMap((t) => t.partitions).filter((p) => p.offset !== "-1");
      assert.deepEqual(committed, [], "nothing is committed: the record is read again later");
      const dlqEnd = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(dlq));
      assert.ok(dlqEnd.every((p) => p.high === "0"), "nothing went to the dead letter topic");
    } finally {
      if (paused) Deno.kill(pid, "SIGCONT");
      try {
        consumer.kill("SIGTERM");
      } catch {
        // it has exited already
      }
      await consumer.finish().catch(() => {});
    }
  },
});
