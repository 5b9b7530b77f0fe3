/**
 * Waits until a cluster serves clients: every broker registered (seen in the
 * cluster metadata with a controller elected) and the registry answering.
 * Both runtimes use it after starting their processes.
 * @module
 */
import type { Config } from "../config.ts";
import { KafkaClients } from "../kafka.ts";
import { probeTcp } from "../net.ts";
import type { Output } from "../output.ts";
import { sleep } from "../time.ts";

/** Options of {@linkcode waitUntilReady}. */
export interface ReadyOptions {
  readonly config: Config;
  readonly out: Output;
  readonly addresses: readonly string[];
  readonly registryUrl: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Called on every round; throw to stop waiting (e.g. a process died). */
  readonly check?: () => void;
}

/** How far a cluster got, as printed in progress lines. */
export interface Readiness {
  brokersUp: number;
  brokersRegistered: number;
  controller: number | undefined;
  registry: boolean;
}

async function registryAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Polls until ready; resolves with the final readiness, or rejects with the
 * error thrown by `check`. Returns `undefined` when time ran out or the
 * signal aborted.
 */
export async function waitUntilReady(options: ReadyOptions): Promise<Readiness | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  const started = Date.now();
  const config = { ...options.config, brokers: [...options.addresses] };
  const state: Readiness = {
    brokersUp: 0,
    brokersRegistered: 0,
    controller: undefined,
    registry: false,
  };
  while (Date.now() < deadline && !options.signal?.aborted) {
    options.check?.();
    const probes = await Promise.all(options.addresses.map((a) => probeTcp(a, 1000)));
    state.brokersUp = probes.filter((p) => p.ok).length;
    if (state.brokersUp === options.addresses.length && state.brokersRegistered < state.brokersUp) {
      const admin = new KafkaClients(config, options.out).admin();
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        state.brokersRegistered = cluster.brokers.length;
        state.controller = cluster.controller ?? undefined;
      } catch (err) {
        options.out.debug(`not ready yet: ${(err as Error).message}`);
      } finally {
        await admin.disconnect().catch(() => {});
      }
    }
    if (!state.registry) state.registry = await registryAnswers(options.registryUrl);
    const brokersReady = state.brokersRegistered === options.addresses.length &&
      state.controller !== undefined && state.controller >= 0;
    if (brokersReady && state.registry) {
      options.out.progressDone();
      return state;
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    options.out.progress(
      "ready",
      `waiting for the cluster (${seconds}s): brokers listening ${state.brokersUp}/${options.addresses.length}, ` +
        `registered ${state.brokersRegistered}/${options.addresses.length}, ` +
        `registry ${state.registry ? "up" : "starting"}`,
      { ...state },
      10_000,
    );
    await sleep(500, options.signal);
  }
  options.out.progressDone();
  return undefined;
}
