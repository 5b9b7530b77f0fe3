/**
 * Part 3's aside (`--unsafe-partitioning`): a bug of the kafkajs client
 * library, not Kafka's behaviour. The same stream goes from several producers at once to
 * their own topics (RF 3, 3 partitions, min.insync.replicas=2) while brokers
 * are SIGKILLed and started again `kills` times:
 * - without idempotence (a retry after a lost answer may write twice);
 * - the library's idempotent producer (`idempotentProducer()`: partition
 *   fixed per record, producer replaced after a failed send; the safe path);
 * - with `--unsafe-partitioning`, also kafkajs' own idempotent path, whose
 *   retry re-partitions unkeyed records and can lose or double them.
 * Every topic is read back and counted by id. `kafkajs_aside_render.ts` shows it.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { sleep } from "../../lib/time.ts";
import { startBroker, stopBroker, waitTopicsIsr } from "./brokers.ts";
import { pickVictim, requireAllBrokers } from "./chaos.ts";
import { type LabProducer, makeProducer, type ProducerKind } from "./producers.ts";
import { createTopic, runName, shortHex } from "./records.ts";
import type { BrokerBack, BrokerKilled, BrokerStarting, Emit, FigureRow } from "./steps.ts";
import { countRow, runStream, type StreamResult } from "./stream.ts";

/** Records per producer in the aside: enough sends for a kill to hit some of them mid-flight. */
export const ASIDE_COUNT = 2000;

/** Settings of the aside. */
export interface AsideSettings {
  readonly prefix: string;
  /** Records per producer. */
  readonly count: number;
  /** Broker kills during the run. */
  readonly kills: number;
  /** How long a killed broker stays down before it is started again. */
  readonly downSeconds: number;
  /** Also run kafkajs' own idempotent path (the broken one). */
  readonly unsafePartitioning: boolean;
  readonly keepTopics: boolean;
}

/** The kills of part 3, one after another. */
type KillStep = BrokerKilled | BrokerStarting | BrokerBack;

/** What part 3 reports while it runs. */
export type AsideStep =
  | { readonly kind: "topics"; readonly topics: readonly string[]; readonly kills: number }
  | KillStep
  | { readonly kind: "kills-done"; readonly killed: number; readonly planned: number };

/** What part 3 measured: one row per producer kind (`row.key`). */
export interface AsideResult {
  readonly rows: readonly FigureRow[];
}

/** Runs part 3's experiment. */
export async function runKafkajsAside(
  ctx: Context,
  s: AsideSettings,
  emit: Emit<AsideStep>,
): Promise<AsideResult> {
  await requireAllBrokers(ctx);
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const kinds: ProducerKind[] = ["kafkajs", "safe"];
  const topics = kinds.map((k) => runName(s.prefix, `idem-${k}`, hex));
  await createSpreadTopics(kafka, topics);
  emit({ kind: "topics", topics, kills: s.kills });
  const producers = await Promise.all(kinds.map((k) => makeProducer(kafka, k)));
  try {
    const results = await streamWhileKilling(ctx, { ...s, hex, topics, producers }, emit);
    const rows: FigureRow[] = [];
    for (const [i, kind] of kinds.entries()) {
      rows.push(await countRow(kafka, kind, topics[i], results[i]));
    }
    return { rows };
  } finally {
    await Promise.all(producers.map((p) => p.close()));
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics })).catch(() => {});
    }
  }
}

/** Topics of 3 partitions led by brokers 1, 2 and 3, min.insync.replicas=2. */
async function createSpreadTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  await kafka.withAdmin(async (admin) => {
    for (const topic of topics) {
      await createTopic(admin, {
        topic,
        assignment: [[1, 2, 3], [2, 3, 1], [3, 1, 2]],
        config: { "min.insync.replicas": "2" },
      });
    }
  });
}

/** The streams, one per producer, at once, while brokers are killed and started again. */
async function streamWhileKilling(
  ctx: Context,
  s: AsideSettings & {
    hex: string;
    topics: readonly string[];
    producers: readonly LabProducer[];
  },
  emit: Emit<AsideStep>,
): Promise<StreamResult[]> {
  let progress = 0;
  const total = s.count * s.producers.length;
  const chaos = killSeveral(ctx, {
    kills: s.kills,
    downMs: s.downSeconds * 1000,
    topics: s.topics,
    progress: () => progress / total,
    signal: ctx.signal,
  }, emit);
  const results = await Promise.all(s.producers.map((producer, i) =>
    runStream({
      producer,
      topic: s.topics[i],
      acks: -1,
      run: `${s.hex}-${producer.kind}`,
      count: s.count,
      perSend: 20,
      signal: ctx.signal,
      onProgress: () => (progress += 20),
    })
  ));
  const killed = await chaos.finish();
  emit({ kind: "kills-done", killed, planned: s.kills });
  return results;
}

interface KillPlan {
  readonly kills: number;
  readonly downMs: number;
  readonly topics: readonly string[];
  /** The share of the streams sent so far (0..1). */
  readonly progress: () => number;
  readonly signal: AbortSignal;
}

/**
 * Kills `kills` brokers one after another at even shares of the run (2, 3,
 * 2...), each started again `downMs` later; the next kill waits until the ISR of
 * every topic is full again. `finish()` stops waiting for kills not yet due
 * and says how many were done.
 */
function killSeveral(
  ctx: Context,
  s: KillPlan,
  emit: Emit<KillStep>,
): { finish(): Promise<number> } {
  let over = false;
  const task = (async () => {
    let done = 0;
    let last: number | undefined;
    for (let k = 1; k <= s.kills; k++) {
      while (s.progress() < k / (s.kills + 1)) {
        if (over || s.signal.aborted) return done;
        await sleep(20);
      }
      const victim = await pickVictim(ctx, last === undefined ? [] : [last]).catch(() => undefined);
      if (victim === undefined) return done;
      await killAndRestart(ctx, { victim, kill: k, plan: s }, emit);
      done++;
      last = victim;
    }
    return done;
  })();
  return {
    finish: () => {
      over = true;
      return task;
    },
  };
}

/** Kill `kill`: SIGKILLs `victim`, starts it again `downMs` later, waits for full ISRs. */
async function killAndRestart(
  ctx: Context,
  { victim, kill, plan }: { victim: number; kill: number; plan: KillPlan },
  emit: Emit<KillStep>,
): Promise<void> {
  await stopBroker(ctx, victim, true);
  emit({ kind: "broker-killed", broker: victim, kill });
  await sleep(plan.downMs, plan.signal);
  await startBroker(ctx, victim);
  emit({ kind: "broker-starting", broker: victim });
  const full = await waitTopicsIsr(await ctx.kafka(), plan.topics, 120_000);
  emit({ kind: "broker-back", broker: victim, full });
}
