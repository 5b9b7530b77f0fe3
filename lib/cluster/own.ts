/**
 * The guard of everything that pauses, kills or stops brokers (lab 5, lab 6,
 * `kafka-lab broker stop|pause`): it acts only on the cluster `kafka-lab up`
 * started on this machine, never on a cluster someone else runs or shares.
 *
 * @example
 * ```ts
 * const state = await requireOwnCluster(ctx.config); // UsageError (exit 2) otherwise
 * ```
 * @module
 */
import type { Config } from "../config.ts";
import { UsageError } from "../errors.ts";
import { t } from "../i18n.ts";
import { fetchMetadata } from "../kafka/wire/client.ts";
import { requireState } from "./brokers.ts";
import type { ClusterState } from "./state.ts";

/** Why `config` does not point at the recorded cluster, or undefined when it does. */
export function foreignBootstrap(config: Config, state: ClusterState): string[] {
  const own = new Set(state.brokers.map((b) => b.address));
  return config.brokers.filter((b) => !own.has(b));
}

/**
 * The recorded local cluster, when the configured bootstrap servers are its
 * brokers and the cluster answering there has its cluster id. Otherwise a
 * {@linkcode UsageError} (exit 2) that says why: no cluster was started by
 * kafka-lab here, the configuration points at other servers, or another
 * cluster answers on its addresses.
 */
export async function requireOwnCluster(config: Config): Promise<ClusterState> {
  const state = requireState(config.stateDir);
  const foreign = foreignBootstrap(config, state);
  const hint = t(
    "these commands pause, kill and restart brokers: run them on the cluster of `kafka-lab up` (drop --bootstrap-server / KAFKA_BROKERS)",
    "эти команды приостанавливают, убивают и перезапускают брокеры: запускайте их на кластере `kafka-lab up` (уберите --bootstrap-server / KAFKA_BROKERS)",
  );
  if (foreign.length > 0) {
    throw new UsageError(
      t(
        `refused: the configured brokers (${
          foreign.join(", ")
        }) are not the cluster kafka-lab started (${
          state.brokers.map((b) => b.address).join(", ")
        })`,
        `отказ: настроенные брокеры (${foreign.join(", ")}) — не кластер, запущенный kafka-lab (${
          state.brokers.map((b) => b.address).join(", ")
        })`,
      ),
      hint,
    );
  }
  if (!state.clusterId) return state;
  let answered: string | null | undefined;
  try {
    answered = (await fetchMetadata(config.brokers, [], 3000, config.sasl)).clusterId;
  } catch {
    return state; // nothing answers: the command's own checks say so
  }
  if (answered && answered !== state.clusterId) {
    throw new UsageError(
      t(
        `refused: the cluster answering at ${
          config.brokers.join(", ")
        } has id ${answered}, not ${state.clusterId}, the one kafka-lab started`,
        `отказ: по адресам ${
          config.brokers.join(", ")
        } отвечает кластер ${answered}, а не ${state.clusterId}, запущенный kafka-lab`,
      ),
      hint,
    );
  }
  return state;
}
