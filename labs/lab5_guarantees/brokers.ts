/**
 * Broker control as lab 5 needs it: stop (gracefully or by SIGKILL) and start
 * one node of the local cluster, and wait until a partition's ISR is full again.
 *
 * TEMPORARY adapter until `lib/cluster` offers broker control: it acts on the
 * java runtime's recorded processes only (a killed node is started again with
 * the command line it had).
 * @module
 */
import type { Admin } from "kafkajs";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { commandLine, isRunning, spawnDetached } from "../../lib/cluster/process.ts";
import { readState, writeState } from "../../lib/cluster/state.ts";
import { sleep, waitFor } from "../../lib/time.ts";

const saved = new Map<number, { args: string[]; logFile: string }>();

function record(ctx: Context, id: number) {
  const state = readState(ctx.config.stateDir);
  const rec = state?.processes.find((p) => p.name === `broker ${id}`);
  if (!state || !rec) {
    throw new KafkaLabError(
      `no local java cluster with broker ${id} is recorded in ${ctx.config.stateDir}`,
      { hint: "lab 5 stops and starts brokers of the local cluster: run `kafka-lab up` first" },
    );
  }
  return { state, rec };
}

/** Stops broker `id`: SIGTERM (controlled shutdown) or, with `kill`, SIGKILL (a crash). */
export async function stopBroker(ctx: Context, id: number, kill: boolean): Promise<void> {
  const { rec } = record(ctx, id);
  const line = commandLine(rec.pid);
  if (!line || !isRunning(rec)) return;
  saved.set(id, { args: line.split(" "), logFile: rec.logFile });
  Deno.kill(rec.pid, kill ? "SIGKILL" : "SIGTERM");
  await waitFor(() => !isRunning(rec), { timeoutMs: 60_000, intervalMs: 100 });
}

/** Starts broker `id` again (no-op when it runs). */
export function startBroker(ctx: Context, id: number): void {
  const { state, rec } = record(ctx, id);
  if (isRunning(rec)) return;
  const s = saved.get(id);
  if (!s) throw new KafkaLabError(`broker ${id} was not stopped by this run`);
  const [cmd, ...args] = s.args;
  const child = spawnDetached(cmd, args, s.logFile);
  writeState(ctx.config.stateDir, {
    ...state,
    processes: state.processes.map((p) => p.name === rec.name ? { ...p, pid: child.pid } : p),
  });
}

/** Ids of the brokers that are up now, per the recorded processes. */
export function runningBrokers(ctx: Context): number[] {
  const state = readState(ctx.config.stateDir);
  return (state?.processes ?? [])
    .filter((p) => p.name.startsWith("broker ") && isRunning(p))
    .map((p) => Number(p.name.slice(7)));
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
