/**
 * The idempotent acks=all producer neither loses nor duplicates a record when
 * a partition leader dies mid-stream. With kafkajs as it is (a retry re-runs
 * the partitioner; a failed send rolls sequence numbers back), one SIGKILL in
 * three lost an acknowledged record and wrote another twice; lib/produce.ts
 * fixes both. Every record carries an id, read back from the topic.
 */
import assert from "node:assert/strict";
import type { Producer } from "kafkajs";
import { consume } from "../../lib/consume.ts";
import { KafkaClients } from "../../lib/kafka.ts";
import { ensureTopic } from "../../lib/topics.ts";
import { sleep } from "../../lib/time.ts";
import { captureOutput, clusterConfig, unique } from "../helpers.ts";
import {
  javaClusterRecorded,
  killBroker,
  leaders,
  restartBroker,
  waitForFullIsr,
} from "./broker_faults.ts";

const config = clusterConfig();
const kafka = new KafkaClients(config, captureOutput().out);

/** What one fault run produced. */
export interface KillRunResult {
  readonly acknowledged: string[];
  readonly failed: string[];
  readonly kills: number;
}

/**
 * Sends unkeyed records one by one (as `lab4 produce --interval 0` does) and
 * SIGKILLs the leader of a partition `cycles` times, each after a different
 * delay, restarting it and waiting for a full ISR before the next kill.
 */
export async function sendThroughLeaderKills(
  topic: string,
  producer: Producer,
  cycles: number,
  budgetMs: number,
): Promise<KillRunResult> {
  const acknowledged: string[] = [];
  const failed: string[] = [];
  const deadline = Date.now() + budgetMs;
  let kills = 0;
  for (let cycle = 0; cycle < cycles && Date.now() < deadline; cycle++) {
    let stop = false;
    let n = 0;
    const sending = (async () => {
      while (!stop) {
        const id = `${cycle}-${n++}`;
        try {
          await producer.send({ topic, acks: -1, messages: [{ value: id }] });
          acknowledged.push(id);
        } catch {
          failed.push(id);
        }
      }
    })();
    await kafka.withAdmin(async (admin) => {
      await sleep(150 + (cycle * 373) % 1400); // varied: the kill lands at a different moment
      const leader = (await leaders(admin, topic)).get(cycle % 3)!;
      const killed = killBroker(config.stateDir, leader);
      kills++;
      const ackedAtKill = acknowledged.length;
      // Go on until the producer has written through the new leaders for a while.
      while (acknowledged.length < ackedAtKill + 150 && Date.now() < deadline) await sleep(100);
      stop = true;
      await sending;
      restartBroker(config.stateDir, killed);
      assert.ok(await waitForFullIsr(admin, topic, 180_000), `ISR full again after cycle ${cycle}`);
    });
  }
  return { acknowledged, failed, kills };
}

/** How often each id is in the topic. */
export async function readIds(topic: string, expected: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const groupId = unique("kill-reader");
  await consume(kafka, {
    topic,
    groupId,
    fromBeginning: true,
    signal: new AbortController().signal,
    maxMessages: expected,
    idleTimeoutMs: 10_000,
    onRecord: (r) => {
      const id = new TextDecoder().decode(r.value!);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    },
  });
  await kafka.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => {});
  return counts;
}

Deno.test({
  name: "idempotent producer: 10 leader SIGKILLs during unkeyed sends lose and duplicate nothing",
  ignore: !javaClusterRecorded(config.stateDir),
  sanitizeOps: false, // a killed broker's half-open connections close in the background
  sanitizeResources: false,
  async fn() {
    const topic = unique("kill-leader");
    await kafka.withAdmin((admin) =>
      ensureTopic(admin, {
        name: topic,
        partitions: 3,
        replicationFactor: 3,
        configs: { "min.insync.replicas": "2" },
      })
    );
    const producer = await kafka.connect(kafka.idempotentProducer());
    let result: KillRunResult;
    try {
      result = await sendThroughLeaderKills(topic, producer, 10, 15 * 60_000);
    } finally {
      await producer.disconnect().catch(() => {});
    }
    const ends = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    const total = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    const counts = await readIds(topic, total);
    const lost = result.acknowledged.filter((id) => !counts.has(id));
    const duplicated = [...counts].filter(([, c]) => c > 1).map(([id]) => id);
    assert.ok(result.kills >= 10, `${result.kills} kills within the time budget`);
    assert.deepEqual(lost, [], "no acknowledged record is missing");
    assert.deepEqual(duplicated, [], "no record is in the topic twice");
    assert.equal(total, counts.size, "the topic holds exactly the ids read");
    await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  },
});
