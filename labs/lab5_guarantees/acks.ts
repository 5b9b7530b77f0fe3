/**
 * Part 1's experiment: acks=0 / 1 / all while the partition leader is killed
 * mid-stream. Three topics (RF 3, one partition, all led by the same broker)
 * get the same stream at once, one per acks setting; the leader is SIGKILLed a
 * third of the way through and started again afterwards; each topic is read
 * back and counted by id: what the producer was told vs what is really there.
 * `acks_render.ts` shows it.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { restartBroker } from "./brokers.ts";
import { killWhen, pickVictim } from "./chaos.ts";
import { type LabProducer, makeProducer } from "./producers.ts";
import { createTopic, runName, shortHex } from "./records.ts";
import type { BrokerBack, BrokerKilled, Emit, FigureRow } from "./steps.ts";
import { countRow, runStream, type StreamResult } from "./stream.ts";

/** Settings of part 1. */
export interface AcksSettings {
  readonly prefix: string;
  readonly count: number;
  readonly keepTopics: boolean;
}

/** What part 1 reports while it runs. */
export type AcksStep =
  | { readonly kind: "topics"; readonly topics: readonly string[]; readonly leader: number }
  | BrokerKilled
  | BrokerBack;

/** What part 1 measured: one row per acks setting, in the order of {@linkcode ACKS_SETTINGS}. */
export interface AcksResult {
  readonly rows: readonly FigureRow[];
}

/** The acks settings compared, each with its topic's min.insync.replicas. */
export const ACKS_SETTINGS = [
  { acks: 0, key: "acks=0", minIsr: "1" },
  { acks: 1, key: "acks=1", minIsr: "1" },
  { acks: -1, key: "acks=all", minIsr: "2" },
] as const;

interface Plan {
  readonly hex: string;
  /** The broker that leads the three topics, the one killed. */
  readonly victim: number;
  readonly topics: readonly string[];
  readonly count: number;
}

/** Runs part 1's experiment. */
export async function runAcks(
  ctx: Context,
  s: AcksSettings,
  emit: Emit<AcksStep>,
): Promise<AcksResult> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const victim = await pickVictim(ctx);
  const topics = ACKS_SETTINGS.map((x) =>
    runName(s.prefix, `acks${x.acks < 0 ? "all" : x.acks}`, hex)
  );
  const plan: Plan = { hex, victim, topics, count: s.count };
  await createLedTopics(kafka, plan);
  emit({ kind: "topics", topics, leader: victim });
  const producers = await Promise.all(ACKS_SETTINGS.map(() => makeProducer(kafka, "plain")));
  try {
    const results = await streamWhileKilling(ctx, plan, producers, emit);
    emit(await restartBroker(ctx, victim, topics));
    const rows: FigureRow[] = [];
    for (const [i, x] of ACKS_SETTINGS.entries()) {
      rows.push(await countRow(kafka, x.key, topics[i], results[i]));
    }
    return { rows };
  } finally {
    await Promise.all(producers.map((p) => p.close()));
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [...topics] })).catch(() => {});
    }
  }
}

/** One topic per acks setting, every replica list led by the victim. */
async function createLedTopics(kafka: Kafka, plan: Plan): Promise<void> {
  const others = [1, 2, 3].filter((b) => b !== plan.victim);
  await kafka.withAdmin(async (admin) => {
    for (const [i, topic] of plan.topics.entries()) {
      await createTopic(admin, {
        topic,
        assignment: [[plan.victim, ...others]],
        config: { "min.insync.replicas": ACKS_SETTINGS[i].minIsr },
      });
    }
  });
}

/** The three streams at once; the victim is SIGKILLed when a third of them is sent. */
async function streamWhileKilling(
  ctx: Context,
  plan: Plan,
  producers: readonly LabProducer[],
  emit: Emit<BrokerKilled>,
): Promise<StreamResult[]> {
  let progress = 0;
  const perSend = 25;
  const killer = killWhen(ctx, {
    victim: plan.victim,
    when: () => progress >= (plan.count * ACKS_SETTINGS.length) / 3,
    signal: ctx.signal,
  }, emit);
  const results = await Promise.all(ACKS_SETTINGS.map((x, i) =>
    runStream({
      producer: producers[i],
      topic: plan.topics[i],
      acks: x.acks,
      run: `${plan.hex}-${x.key}`,
      count: plan.count,
      perSend,
      signal: ctx.signal,
      onProgress: () => (progress += perSend),
    })
  ));
  await killer.done();
  return results;
}
