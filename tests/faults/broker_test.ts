/**
 * Broker control on the real local cluster (java runtime): stop, kill, start,
 * the refusals, `status` and `up` with a node down. Every test leaves all
 * brokers running again.
 */
import assert from "node:assert/strict";
import { localNodes, startBroker, stopBroker } from "../../lib/cluster/mod.ts";
import { readState } from "../../lib/cluster/state.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, clusterConfig, events, runCli, unique } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
const local = readState(config.stateDir);
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config);

function pidOf(id: number): number | undefined {
  return readState(config.stateDir)?.processes.find((p) => p.nodeId === id)?.pid;
}

async function allRunning(): Promise<void> {
  const { out } = captureOutput();
  for (const n of await localNodes(readState(config.stateDir)!)) {
    if (!n.running) await startBroker(n.id, { config, out });
  }
}

async function isrOf(topic: string): Promise<number[]> {
  const clients = new KafkaClients(
    { ...config, brokers: local!.brokers.map((b) => b.address) },
    captureOutput().out,
  );
  return await clients.withAdmin(async (admin) => {
    const md = await admin.fetchTopicMetadata({ topics: [topic] });
    return [...md.topics[0].partitions[0].isr].sort();
  });
}

Deno.test({
  name: "broker stop and start: the node goes down, status says so, it rejoins on its own data",
  ignore,
  async fn() {
    const topic = unique("broker-ctl");
    const clients = new KafkaClients(
      { ...config, brokers: local!.brokers.map((b) => b.address) },
      captureOutput().out,
    );
    await clients.withAdmin((a) =>
      a.createTopics({
        topics: [{ topic, numPartitions: 1, replicationFactor: 3 }],
        waitForLeaders: true,
      })
    );
    try {
      const before = pidOf(3);
      const stop = await runCli(["broker", "stop", "3", "--json"]);
      assert.equal(stop.code, 0, stop.stderr);
      const [stopped] = events(stop.stdout).filter((e) => e.event === "cluster.broker.stopped");
      assert.equal(stopped.wasRunning, true);
      assert.equal(stopped.signal, "SIGTERM");

      const list = await runCli(["broker", "list", "--json"]);
      assert.equal(list.code, 0, list.stderr);
      const [listed] = events(list.stdout).filter((e) => e.event === "cluster.brokers");
      const rows = listed.brokers as Array<{ id: number; running: boolean; leads: number }>;
      assert.deepEqual(rows.map((r) => [r.id, r.running]), [[1, true], [2, true], [3, false]]);
      assert.ok(rows[0].leads + rows[1].leads > 0, "the running brokers lead the partitions");

      const status = await runCli(["status", "--json"]);
      assert.equal(status.code, 1, status.stderr);
      const [st] = events(status.stdout).filter((e) => e.event === "cluster.status");
      const b3 = (st.brokers as Array<{ id: number; reachable: boolean }>).find((b) => b.id === 3);
      assert.equal(b3?.reachable, false);

      const quorum = await runCli(["broker", "stop", "2"]);
      assert.equal(quorum.code, 2);
      assert.match(quorum.stderr, /KRaft controllers/);
      const missing = await runCli(["broker", "stop", "9"]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /there is no broker 9/);

      const start = await runCli(["broker", "start", "3", "--json"]);
      assert.equal(start.code, 0, start.stderr);
      const after = pidOf(3);
      assert.ok(after !== undefined && after !== before, `pid ${before} -> ${after}`);
      await waitFor(async () => (await isrOf(topic)).length === 3, {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
      assert.deepEqual(await isrOf(topic), [1, 2, 3]);
    } finally {
      await allRunning();
      await clients.withAdmin((a) => a.deleteTopics({ topics: [topic] })).catch(
        () => {},
      );
    }
  },
});

Deno.test({
  name: "broker kill in-process, then up starts only the killed node again",
  ignore,
  async fn() {
    const { out } = captureOutput();
    try {
      const r = await stopBroker(2, { config, out, kill: true });
      assert.equal(r.signal, "SIGKILL");
      const others = [
        pidOf(1),
        pidOf(3),
        readState(config.stateDir)!.processes.find((p) => p.name === "registry")!.pid,
      ];
      const up = await runCli(["up", "--json"]);
      assert.equal(up.code, 0, up.stderr);
      const [ev] = events(up.stdout).filter((e) => e.event === "cluster.up");
      assert.deepEqual(ev.restarted, ["broker 2"]);
      const now = [
        pidOf(1),
        pidOf(3),
        readState(config.stateDir)!.processes.find((p) => p.name === "registry")!.pid,
      ];
      assert.deepEqual(now, others, "the running processes were left alone");
      assert.ok((await localNodes(readState(config.stateDir)!)).every((n) => n.running));
    } finally {
      await allRunning();
    }
  },
});

Deno.test({
  name:
    "with broker 1 killed, status exits 1, names its leaderless partition, and topics led elsewhere still work",
  ignore,
  async fn() {
    const topic = unique("leaderless");
    const elsewhere = unique("led-by-2");
    const clients = new KafkaClients(config, captureOutput().out);
    await clients.withAdmin((a) =>
      a.createTopics({
        topics: [
          { topic, replicaAssignment: [{ partition: 0, replicas: [1] }] },
          { topic: elsewhere, replicaAssignment: [{ partition: 0, replicas: [2] }] },
        ],
        waitForLeaders: false,
      })
    );
    try {
      await stopBroker(1, { config, out: captureOutput().out, kill: true });
      const status = await waitFor(async () => {
        const r = await runCli(["status", "--json"]);
        const [st] = events(r.stdout).filter((e) => e.event === "cluster.status");
        return (st?.leaderless as string[] | undefined)?.includes(`${topic}[0]`)
          ? { r, st }
          : undefined;
      }, { timeoutMs: 60_000, intervalMs: 1000 });
      assert.ok(status, "status reported the partition without a leader");
      assert.equal(status.r.code, 1, status.r.stderr);
      assert.ok(!(status.st.leaderless as string[]).includes(`${elsewhere}[0]`));
      const b1 = (status.st.brokers as Array<{ id: number; reachable: boolean }>).find((b) =>
        b.id === 1
      );
      assert.equal(b1?.reachable, false);

      // The default bootstrap lists every broker: a producer to the partition led by broker 2 works.
      const producer = await clients.connect(clients.producer());
      try {
        const [meta] = await producer.send({
          topic: elsewhere,
          messages: [{ value: "still here" }],
        });
        assert.equal(meta.partition, 0);
      } finally {
        await producer.disconnect();
      }
    } finally {
      await allRunning();
      await clients.withAdmin((a) => a.deleteTopics({ topics: [topic, elsewhere] })).catch(
        () => {},
      );
    }
  },
});
