/**
 * The idempotent acks=all producer neither loses nor duplicates a record when
 * a partition leader dies mid-stream. With kafkajs as it is (a retry re-runs
 * the partitioner; a failed send rolls sequence numbers back), one SIGKILL in
 * three lost an acknowledged record and wrote another twice; lib/kafka/safe_producer.ts
 * fixes both. Every record carries an id, read back from the topic.
 */
import assert from "node:assert/strict";
import type { Producer } from "../../lib/kafka/port.ts";
import { consume } from "../../lib/kafka/consumer_loop.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { waitFor, withTimeout } from "../../lib/time.ts";
import { captureOutput, clusterConfig, unique } from "../helpers.ts";
import {
  createKillTopic,
  killBroker,
  type KilledBroker,
  leaders,
  restartBroker,
  waitForFullIsr,
} from "./broker_faults.ts";
import { isFaultCluster } from "./fault_cluster.ts";

const config = clusterConfig();
const kafka = new KafkaClients(config, captureOutput().out);

/** What one fault run produced. */
export interface KillRunResult {
  readonly acknowledged: string[];
  readonly failed: string[];
  readonly kills: number;
}

/** How long one cycle may take: kill, 150 acknowledgements through the new leaders, restart. */
const CYCLE_MS = 4 * 60_000;
/** Each send settles within this (the producer's delivery timeout). */
export const DELIVERY_MS = 60_000;

/** A progress line on stderr, so a stall says where it is. */
function progress(text: string): void {
  Deno.stderr.writeSync(new TextEncoder().encode(`  [kill test] ${text}\n`));
}

/** Runs `work` within `ms`, or fails the test naming `what`. */
function bounded<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  return withTimeout(work, ms, () => new Error(`${what} took over ${ms / 1000} s`));
}

/**
 * Sends unkeyed records one by one (as `lab4 produce --interval 0` does) and
 * SIGKILLs the leader of a partition `cycles` times, each after a different
 * delay, restarting it and waiting for a full ISR before the next kill. Every
 * step is bounded: a send by the producer's delivery timeout, the rest here.
 */
export async function sendThroughLeaderKills(
  topic: string,
  producer: Producer,
  cycles: number,
): Promise<KillRunResult> {
  const acknowledged: string[] = [];
  const failed: string[] = [];
  let kills = 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
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
    const cycleEnd = Date.now() + CYCLE_MS;
    let killed: KilledBroker | undefined;
    try {
      // Varied: the kill lands after 5 to 64 more acknowledgements, so at a different moment.
      const before = acknowledged.length + 5 + (cycle * 37) % 60;
      const warm = await waitFor(() => acknowledged.length >= before, {
        timeoutMs: 60_000,
        intervalMs: 5,
      });
      assert.ok(warm, `cycle ${cycle}: the producer acknowledges records before the kill`);
      const leader = (await bounded("reading the leaders", 60_000, leadersOf(topic)))
        .get(cycle % 3);
      assert.ok(leader !== undefined && leader >= 0, `partition ${cycle % 3} has a leader`);
      killed = killBroker(config.stateDir, leader);
      kills++;
      const ackedAtKill = acknowledged.length;
      progress(`cycle ${cycle}: killed broker ${leader} (${ackedAtKill} acknowledged so far)`);
      // Go on until the producer has written through the new leaders for a while.
      await waitFor(() => acknowledged.length >= ackedAtKill + 150, {
        timeoutMs: Math.max(0, cycleEnd - Date.now()),
        intervalMs: 100,
      });
      assert.ok(
        acknowledged.length >= ackedAtKill + 150,
        `cycle ${cycle}: only ${acknowledged.length - ackedAtKill} acknowledged after the kill`,
      );
      stop = true;
      await bounded("the last send", DELIVERY_MS + 10_000, sending);
      restartBroker(config.stateDir, killed);
      killed = undefined;
      const full = await bounded(
        "waiting for a full ISR",
        200_000,
        kafka.withAdmin((admin) => waitForFullIsr(admin, topic, 180_000)),
      );
      assert.ok(full, `ISR full again after cycle ${cycle}`);
      progress(`cycle ${cycle}: broker ${leader} back, ISR full`);
    } finally {
      stop = true;
      await sending.catch(() => {});
      if (killed) restartBroker(config.stateDir, killed); // a failed cycle leaves no broker down
    }
  }
  return { acknowledged, failed, kills };
}

async function leadersOf(topic: string): Promise<Map<number, number>> {
  return await kafka.withAdmin((admin) => leaders(admin, topic));
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
  ignore: !isFaultCluster(config),
  sanitizeOps: false, // a killed broker's half-open connections close in the background
  sanitizeResources: false,
  async fn() {
    const topic = unique("kill-leader");
    await createKillTopic(kafka, topic);
    const producer = await kafka.connect(
      kafka.idempotentProducer({ deliveryTimeoutMs: DELIVERY_MS }),
    );
    const started = Date.now();
    let result: KillRunResult;
    try {
      result = await sendThroughLeaderKills(topic, producer, 10);
    } finally {
      await producer.disconnect().catch(() => {});
    }
    const ends = await kafka.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    const total = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    const counts = await bounded("reading the topic back", 5 * 60_000, readIds(topic, total));
    const lost = result.acknowledged.filter((id) => !counts.has(id));
    const duplicated = [...counts].filter(([, c]) => c > 1).map(([id]) => id);
    progress(
      `${result.kills} kills in ${Math.round((Date.now() - started) / 1000)} s: ` +
        `${result.acknowledged.length} acknowledged, ${result.failed.length} failed, ` +
        `${total} in the topic, ${lost.length} lost, ${duplicated.length} duplicated`,
    );
    assert.ok(result.kills >= 10, `${result.kills} kills`);
    assert.deepEqual(lost, [], "no acknowledged record is missing");
    assert.deepEqual(duplicated, [], "no record is in the topic twice");
    assert.equal(total, counts.size, "the topic holds exactly the ids read");
    await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
  },
});
