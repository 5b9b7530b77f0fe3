/** The KRaft quorum as DescribeQuorum reports it, checked against the nodes' own quorum-state files. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { readState } from "../../lib/cluster/state.ts";
import { saslMechanisms } from "../../lib/kafka/wire/client.ts";
import { waitFor } from "../../lib/time.ts";
import { captureOutput, clusterConfig, events, runCli } from "../helpers.ts";

const config = clusterConfig();
/** The port on `brokers` (TLS or not), as `Kafka.quorum()` and `Kafka.loginRequired()` see it. */
const kafkaAt = (brokers: readonly string[], ssl: boolean) =>
  new KafkaClients({ ...config, brokers, ssl }, captureOutput().out);
const local = readState(config.stateDir);

function quorumStateFiles(): Array<{ leaderId: number; leaderEpoch: number }> {
  return local!.brokers.map((b) => {
    const file = join(
      config.stateDir,
      "java",
      `node-${b.id}`,
      "data",
      "__cluster_metadata-0",
      "quorum-state",
    );
    return JSON.parse(Deno.readTextFileSync(file));
  });
}

Deno.test({
  name: "Kafka.quorum names the leader and epoch the nodes' quorum-state files agree on",
  ignore: local?.runtime !== "java",
  async fn() {
    const agreed = await waitFor(async () => {
      const q = await kafkaAt(config.brokers, false).quorum();
      if (!q.known) return undefined;
      const files = quorumStateFiles();
      const newest = Math.max(...files.map((f) => f.leaderEpoch));
      const leaders = new Set(files.filter((f) => f.leaderEpoch === newest).map((f) => f.leaderId));
      return q.leaderEpoch === newest && leaders.size === 1 && leaders.has(q.leaderId)
        ? q
        : undefined;
    }, { timeoutMs: 30_000, intervalMs: 500 });
    assert.ok(agreed, "DescribeQuorum and the quorum-state files agree");
    assert.deepEqual(agreed.voters.map((v) => v.id).sort(), [1, 2, 3]);
    assert.ok(agreed.voters.every((v) => v.lag !== null && v.lag >= 0));
  },
});

Deno.test({
  name: "status shows the quorum leader as the one controller, with its epoch",
  ignore: local === undefined,
  async fn() {
    const r = await runCli(["status", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const [st] = events(r.stdout).filter((e) => e.event === "cluster.status");
    const quorum = st.quorum as { known: boolean; leaderId: number; leaderEpoch: number };
    assert.equal(quorum.known, true);
    assert.equal(st.controller, quorum.leaderId);
    const leaders = (st.brokers as Array<{ id: number; quorumRole: string }>).filter((b) =>
      b.quorumRole === "leader"
    );
    assert.deepEqual(leaders.map((b) => b.id), [quorum.leaderId]);
  },
});

Deno.test("Kafka.quorum says it cannot know the quorum of a TLS cluster", async () => {
  const q = await kafkaAt(["localhost:1"], true).quorum();
  assert.equal(q.known, false);
  if (!q.known) {
    assert.match(q.reason.en, /needs TLS/);
    assert.match(q.reason.ru, /нужен TLS/);
  }
});

Deno.test("Kafka.quorum reports an unreachable cluster as not known, with the reason", async () => {
  const q = await kafkaAt(["localhost:1"], false).quorum(1000);
  assert.equal(q.known, false);
  if (!q.known) assert.match(q.reason.en, /no broker answered DescribeQuorum/);
});

Deno.test("a plaintext listener asks for no SASL login, and a closed port is no login either", async () => {
  assert.equal(await saslMechanisms(config.brokers[0]), undefined);
  assert.equal(await saslMechanisms("localhost:1", 500), undefined);
  assert.equal(await kafkaAt(config.brokers, false).loginRequired(), undefined);
});
