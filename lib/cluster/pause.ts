/**
 * Pausing a broker of the local cluster: a hung broker, as a long GC pause or
 * a network stall looks from outside. The process is stopped with SIGSTOP
 * (docker: `docker compose pause`), so it keeps its connections open and the
 * kernel keeps accepting bytes for it, but it answers nothing, fetches
 * nothing and sends no heartbeat; SIGCONT (`unpause`) lets it run on.
 *
 * - {@linkcode pauseBroker} / {@linkcode resumeBroker}: one node.
 * - `resumeOnExit`: a broker paused by a lab (not by `kafka-lab broker pause`,
 *   whose pause is the point) is resumed when the process ends in any way:
 *   the lab's `finally`, {@linkcode resumeAllPaused}, or, as a last resort,
 *   the `unload` event that `Deno.exit()` (a second Ctrl+C) still fires.
 *
 * @example
 * ```ts
 * await pauseBroker(2, { config, out, resumeOnExit: true });
 * try { ... } finally { await resumeAllPaused(); }
 * ```
 * @module
 */
import { UsageError } from "../errors.ts";
import { t } from "../i18n.ts";
import { type BrokerControlOptions, localNodes, requireState } from "./brokers.ts";
import { composeService } from "./docker.ts";
import { signal } from "./process.ts";

/** What {@linkcode pauseBroker} or {@linkcode resumeBroker} did. */
export interface PauseResult {
  readonly id: number;
  readonly address: string;
  readonly pid?: number;
  readonly signal: "SIGSTOP" | "SIGCONT";
}

/** Brokers this process paused with `resumeOnExit`: broker id -> pid (java) or 0 (docker). */
const pausedHere = new Map<number, { pid: number; stateDir: string; docker: boolean }>();
let unloadInstalled = false;

/** Resumes, synchronously, every java broker this process paused (the `unload` handler). */
function resumeJavaPausedSync(): void {
  for (const [id, p] of pausedHere) {
    if (p.docker) continue;
    try {
      signal(p.pid, "SIGCONT");
    } catch {
      // already gone
    }
    pausedHere.delete(id);
  }
}

/** The running node `id` of the recorded cluster; a usage error when there is none. */
async function runningNode(id: number, options: BrokerControlOptions) {
  const state = requireState(options.config.stateDir);
  const node = (await localNodes(state)).find((n) => n.id === id);
  if (!node || !node.running) {
    throw new UsageError(
      t(`broker ${id} does not run`, `брокер ${id} не работает`),
      t("see `kafka-lab broker list`", "см. `kafka-lab broker list`"),
    );
  }
  return { state, node };
}

/**
 * Pauses broker `id` (SIGSTOP; docker: `compose pause`). With
 * `resumeOnExit`, it is resumed when this process ends, whatever happens.
 */
export async function pauseBroker(
  id: number,
  options: BrokerControlOptions & { resumeOnExit?: boolean },
): Promise<PauseResult> {
  const { state, node } = await runningNode(id, options);
  const isDocker = state.runtime === "docker";
  if (options.resumeOnExit) {
    pausedHere.set(id, { pid: node.pid ?? 0, stateDir: options.config.stateDir, docker: isDocker });
    if (!unloadInstalled) {
      globalThis.addEventListener("unload", resumeJavaPausedSync);
      unloadInstalled = true;
    }
  }
  if (isDocker) await composeService("pause", id, options.config.stateDir);
  else signal(node.pid!, "SIGSTOP");
  return { id, address: node.address, pid: node.pid, signal: "SIGSTOP" };
}

/** Resumes broker `id` (SIGCONT; docker: `compose unpause`). Resuming a running broker does no harm. */
export async function resumeBroker(
  id: number,
  options: BrokerControlOptions,
): Promise<PauseResult> {
  const { state, node } = await runningNode(id, options);
  if (state.runtime === "docker") await composeService("unpause", id, options.config.stateDir);
  else signal(node.pid!, "SIGCONT");
  pausedHere.delete(id);
  return { id, address: node.address, pid: node.pid, signal: "SIGCONT" };
}

/** Resumes every broker this process paused with `resumeOnExit` and has not resumed; their ids. */
export async function resumeAllPaused(): Promise<number[]> {
  const ids = [...pausedHere.keys()];
  for (const [id, p] of [...pausedHere]) {
    try {
      if (p.docker) await composeService("unpause", id, p.stateDir);
      else signal(p.pid, "SIGCONT");
    } catch {
      // gone (killed on purpose) or already resumed
    }
    pausedHere.delete(id);
  }
  return ids;
}

/** Forgets broker `id` as paused (it was killed while paused: nothing to resume). */
export function forgetPaused(id: number): void {
  pausedHere.delete(id);
}
