/**
 * Waits until a cluster serves clients: every broker registered (listed in
 * the cluster metadata, i.e. unfenced), a KRaft quorum leader elected (from
 * DescribeQuorum: the Metadata `controllerId` names some live broker on KRaft
 * and proves nothing about the election), and the registry answering. Both
 * runtimes use it after starting their processes. It speaks the two requests
 * on the wire (`lib/kafka/wire/client.ts`), so `up` never loads kafkajs.
 * @module
 */
import type { Config } from "../config.ts";
import { probeTcp } from "../net.ts";
import type { Output } from "../output.ts";
import { sleep } from "../time.ts";
import type { ClusterAuth } from "./sasl.ts";
import { describeQuorum, fetchMetadata } from "../kafka/wire/client.ts";
import { localize } from "../i18n.ts";
import { RUNTIME_TEXT as R } from "./runtime_text.ts";

/**
 * Time between two rounds of checks. A round costs a TCP connect per broker,
 * two small requests and an HTTP GET, so a short pause lets `up` return as
 * soon as the last part is ready.
 */
export const POLL_MS = 200;

/** Options of {@linkcode waitUntilReady}. */
export interface ReadyOptions {
  readonly config: Config;
  readonly out: Output;
  readonly addresses: readonly string[];
  readonly registryUrl: string;
  /** The SCRAM user, when the client listener asks for SASL. */
  readonly sasl?: ClusterAuth;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Called on every round; throw to stop waiting (e.g. a process died). */
  readonly check?: () => void;
}

/** How far a cluster got, as printed in progress lines. */
export interface Readiness {
  brokersUp: number;
  brokersRegistered: number;
  /** The KRaft quorum leader (the active controller), once elected. */
  controller: number | undefined;
  /** Its epoch. */
  controllerEpoch: number | undefined;
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
  const state: Readiness = {
    brokersUp: 0,
    brokersRegistered: 0,
    controller: undefined,
    controllerEpoch: undefined,
    registry: false,
  };
  while (Date.now() < deadline && !options.signal?.aborted) {
    options.check?.();
    const probes = await Promise.all(options.addresses.map((a) => probeTcp(a, 1000)));
    state.brokersUp = probes.filter((p) => p.ok).length;
    if (state.brokersUp === options.addresses.length) {
      try {
        const md = await fetchMetadata(options.addresses, [], 2000, options.sasl);
        state.brokersRegistered = md.brokers.length;
        const quorum = await describeQuorum(options.addresses, 2000, options.sasl);
        state.controller = quorum.leaderId >= 0 ? quorum.leaderId : undefined;
        state.controllerEpoch = quorum.leaderEpoch;
      } catch (err) {
        options.out.debug(`not ready yet: ${(err as Error).message}`);
      }
    }
    if (!state.registry) state.registry = await registryAnswers(options.registryUrl);
    const brokersReady = state.brokersRegistered === options.addresses.length &&
      state.controller !== undefined;
    if (brokersReady && state.registry) {
      options.out.progressDone();
      return state;
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const lang = options.out.lang;
    options.out.progress(
      "ready",
      localize(R.waitingReady, lang, {
        seconds,
        up: state.brokersUp,
        registered: state.brokersRegistered,
        n: options.addresses.length,
        registry: localize(state.registry ? R.registryUp : R.registryStarting, lang),
      }),
      { ...state },
      10_000,
    );
    await sleep(POLL_MS, options.signal);
  }
  options.out.progressDone();
  return undefined;
}
