/**
 * A partition without a leader: a replication-factor-1 topic whose partition
 * lives on a stopped broker. `lab1 describe` shows it (leader "none", with a
 * warning naming it) instead of failing after kafkajs' 25 s of retries, and a
 * send to the topic fails early with an error naming the partition instead of
 * retrying until the delivery timeout; a send that cannot be acknowledged
 * (min.insync.replicas 3 with a broker down) ends at its delivery timeout.
 * The broker is started again in
 * `finally`, whatever happened.
 */
import assert from "node:assert/strict";
import { localNodes, startBroker, stopBroker } from "../../lib/cluster/mod.ts";
import { readState } from "../../lib/cluster/state.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { DeliveryTimeoutError } from "../../lib/kafka/safe_producer.ts";
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import { waitFor } from "../../lib/time.ts";
import { ensureTopic } from "../../lib/kafka/topics.ts";
import { captureOutput, clusterConfig, events, runCli, unique } from "../helpers.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
/** Only on the cluster `deno task test:faults` started (tests/faults/fault_cluster.ts). */
const ignore = !isFaultCluster(config);

Deno.test({
  name: "a partition whose only replica is down is named by describe and by a failed send",
  ignore,
  sanitizeOps: false, // the stopped broker's connections close in the background
  sanitizeResources: false,
  async fn() {
    const { out } = captureOutput();
    const kafka = new KafkaClients(config, out);
    const topic = unique("leaderless");
    // Every partition keeps a leader, but acks=all needs all three replicas in sync.
    const strict = unique("all-replicas");
    await kafka.withAdmin(async (admin) => {
      await ensureTopic(admin, { name: topic, partitions: 3, replicationFactor: 1 });
      await ensureTopic(admin, {
        name: strict,
        partitions: 1,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "3" },
      });
    });
    const leaders = await kafka.withAdmin(async (admin) =>
      (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions
    );
    // Stop a broker other than 1 when possible (1 is the first bootstrap address).
    const victim = leaders.find((p) => p.leader !== 1) ?? leaders[0];
    const broker = victim.leader;
    // A producer that runs when the broker dies (connecting one now would wait out the metadata).
    const producer = await kafka.connect(kafka.idempotentProducer());
    const bounded = await kafka.connect(kafka.idempotentProducer({ deliveryTimeoutMs: 5_000 }));
    try {
      // One record in each partition, for `read` to find in the two that keep a leader.
      const seed = await kafka.connect(kafka.idempotentProducer());
      await seed.send({
        topic,
        messages: [0, 1, 2].map((partition) => ({ value: `p${partition}`, partition })),
      }).finally(() => seed.disconnect());
      await stopBroker(broker, { config, out, kill: true });
      // The controller fences the killed broker after its session times out (about 9 s).
      const fenced = await waitFor(async () => {
        const none = await kafka.leaderless([topic]);
        return none !== undefined && none.length > 0;
      }, { timeoutMs: 60_000, intervalMs: 500 });
      assert.equal(fenced, true, `partition ${victim.partitionId} lost its leader`);

      const describe = await runCli(["lab1", "describe", topic, "--json"]);
      assert.equal(describe.code, 0, describe.stderr);
      const layout = events(describe.stdout).find((e) => e.event === "lab1.topic.layout")!;
      const parts = layout.layout as Array<{ partition: number; leader: number }>;
      assert.equal(parts.find((p) => p.partition === victim.partitionId)?.leader, -1);
      assert.equal(parts.filter((p) => p.leader >= 0).length, 2);
      assert.equal(layout.configs, null, "configs are not known while leaderless");
      const warning = events(describe.stdout).find((e) => e.event === "warning");
      assert.match(String(warning?.message), new RegExp(`${topic}\\[${victim.partitionId}\\]`));

      const human = await runCli(["lab1", "describe", topic, "--lang", "ru"]);
      assert.equal(human.code, 0, human.stderr);
      assert.match(human.stderr, /нет лидера/);
      assert.match(human.stdout, /настройки топика: не прочитаны/);

      try {
        const err = await producer.send({ topic, messages: [{ value: "x" }] })
          .then(() => undefined, (e) => e);
        assert.ok(err instanceof LeaderlessError, String(err));
        assert.deepEqual(err.partitions.map((p) => [p.partition, [...p.replicas]]), [
          [victim.partitionId, [broker]],
        ]);
        assert.match(err.hintText!.en, new RegExp(`kafka-lab broker start ${broker}`));
      } finally {
        await producer.disconnect().catch(() => {});
      }

      // NOT_ENOUGH_REPLICAS is retried 100 times; the delivery timeout ends the send.
      const late = await bounded.send({ topic: strict, acks: -1, messages: [{ value: "y" }] })
        .then(() => undefined, (e) => e);
      assert.ok(late instanceof DeliveryTimeoutError, String(late));
      assert.match(late.text.ru, /не подтверждены за 5 с/);

      const write = await runCli(["write", topic, "--value", "x"]);
      assert.equal(write.code, 1, write.stderr);
      assert.match(write.stderr, new RegExp(`no leader for ${topic}\\[${victim.partitionId}\\]`));

      // `topic describe` shows the partition without a leader; `read` reads the other two.
      const topicDescribe = await runCli(["topic", "describe", topic, "--json"]);
      assert.equal(topicDescribe.code, 0, topicDescribe.stderr);
      const shown = events(topicDescribe.stdout).find((e) => e.event === "topic.layout")!;
      const rows = shown.layout as Array<{ partition: number; leader: number }>;
      assert.equal(rows.find((p) => p.partition === victim.partitionId)?.leader, -1);
      const read = await runCli(["read", topic, "--json"]);
      assert.equal(read.code, 0, read.stderr);
      const got = events(read.stdout).filter((e) => e.event === "read.record").map((e) => e.value);
      assert.deepEqual(
        got.sort(),
        [0, 1, 2].filter((p) => p !== victim.partitionId).map((p) => `p${p}`),
      );
      const skipped = events(read.stdout).find((e) => e.event === "warning");
      assert.match(String(skipped?.message), new RegExp(`${topic}\\[${victim.partitionId}\\]`));
      const one = await runCli(["read", topic, "-p", String(victim.partitionId), "--lang", "ru"]);
      assert.equal(one.code, 1, one.stderr);
      assert.match(one.stderr, /эти партиции сейчас не прочитать/);
    } finally {
      await startBroker(broker, { config, out });
      const nodes = await localNodes(readState(config.stateDir)!);
      assert.ok(nodes.every((n) => n.running), "every broker runs again");
      await bounded.disconnect().catch(() => {});
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic, strict] }))
        .catch(() => {});
    }
  },
});
