/**
 * Broker control as lab 5 needs it, on top of `lib/cluster` (the same code as
 * `kafka-lab broker stop|start`): stop gracefully or kill, start again, the
 * brokers up now, and waiting until a topic's ISR is full again. Every stop
 * goes through `lib/cluster`'s quorum check: the lab never stops a majority
 * of the KRaft controllers.
 * @module
 */
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
import {
  localNodes,
  requireState,
  startBroker as start,
  stopBroker as stop,
} from "../../lib/cluster/mod.ts";
import { sleep } from "../../lib/time.ts";
import type { BrokerBack } from "./steps.ts";

/** Stops broker `id`: SIGTERM (controlled shutdown) or, with `kill`, SIGKILL (a crash). */
export async function stopBroker(ctx: Context, id: number, kill: boolean): Promise<void> {
  await stop(id, { config: ctx.config, out: ctx.out, signal: ctx.signal, kill });
}

/** Starts broker `id` again and waits until it is back in the cluster metadata. */
export async function startBroker(ctx: Context, id: number): Promise<void> {
  await start(id, { config: ctx.config, out: ctx.out, signal: ctx.signal, timeoutMs: 180_000 });
}

/** Ids of the brokers that run now. */
export async function runningBrokers(ctx: Context): Promise<number[]> {
  const nodes = await localNodes(requireState(ctx.config.stateDir));
  return nodes.filter((n) => n.running).map((n) => n.id).sort((a, b) => a - b);
}

/** Waits until every replica of `topic` is in its ISR again (or the deadline passes). */
export async function waitFullIsr(
  admin: Admin,
  topic: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const md = await admin.fetchTopicMetadata({ topics: [topic] });
      const parts = md.topics[0]?.partitions ?? [];
      if (parts.length > 0 && parts.every((p) => p.isr.length === p.replicas.length)) return true;
    } catch {
      // a broker is still starting: ask again
    }
    await sleep(500);
  }
  return false;
}

/** Waits until the ISR of every partition of every one of `topics` is full again. */
export async function waitTopicsIsr(
  kafka: Kafka,
  topics: readonly string[],
  timeoutMs: number,
): Promise<boolean> {
  return await kafka.withAdmin(async (admin) => {
    for (const topic of topics) {
      if (!await waitFullIsr(admin, topic, timeoutMs)) return false;
    }
    return true;
  });
}

/** Seconds since `started` (epoch ms), to one decimal. */
export function secondsSince(started: number): number {
  return Number(((Date.now() - started) / 1000).toFixed(1));
}

/** Starts broker `id` again and waits until the ISR of `topics` is full; says how long it took. */
export async function restartBroker(
  ctx: Context,
  id: number,
  topics: readonly string[],
): Promise<BrokerBack> {
  const started = Date.now();
  await startBroker(ctx, id);
  const full = await waitTopicsIsr(await ctx.kafka(), topics, 120_000);
  return { kind: "broker-back", broker: id, full, seconds: secondsSince(started) };
}
