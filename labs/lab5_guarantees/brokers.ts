/**
 * Broker control as lab 5 needs it, on top of `lib/cluster` (the same code as
 * `kafka-lab broker stop|start`): stop gracefully or kill, start again, the
 * brokers up now, and waiting until a topic's ISR is full again.
 *
 * Part 2 stops two of the three nodes, and all three are KRaft controllers:
 * `kafka-lab broker stop` refuses the second stop, because it leaves the
 * metadata quorum without a majority. The lab does it anyway, on purpose and
 * for a few seconds ({@linkcode stopPastQuorum}): the partition leader that
 * stays keeps serving with the ISR it had when the quorum was lost (the
 * controlled shutdown of the second node removes it from the ISR while the
 * quorum still has a majority), which is exactly what part 2 shows.
 * @module
 */
import type { Admin } from "kafkajs";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { t } from "../../lib/i18n.ts";
import {
  localNodes,
  requireState,
  startBroker as start,
  stopBroker as stop,
} from "../../lib/cluster/mod.ts";
import { sleep, waitFor } from "../../lib/time.ts";

/** Stops broker `id`: SIGTERM (controlled shutdown) or, with `kill`, SIGKILL (a crash). */
export async function stopBroker(ctx: Context, id: number, kill: boolean): Promise<void> {
  await stop(id, { config: ctx.config, out: ctx.out, signal: ctx.signal, kill });
}

/**
 * Stops broker `id` gracefully even when that leaves the KRaft quorum without
 * a majority (see the module docs); the caller starts it again soon.
 */
export async function stopPastQuorum(ctx: Context, id: number): Promise<void> {
  const state = requireState(ctx.config.stateDir);
  const node = (await localNodes(state)).find((n) => n.id === id);
  if (!node?.running) return;
  if (state.runtime !== "java" || node.pid === undefined) {
    await stopBroker(ctx, id, false);
    return;
  }
  Deno.kill(node.pid, "SIGTERM");
  const gone = await waitFor(
    async () =>
      !(await localNodes(requireState(ctx.config.stateDir))).find((n) => n.id === id)?.running,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  if (!gone) {
    Deno.kill(node.pid, "SIGKILL");
    throw new KafkaLabError(t(
      `broker ${id} did not stop within 60 s and was killed`,
      `брокер ${id} не остановился за 60 с и был убит`,
    ));
  }
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
