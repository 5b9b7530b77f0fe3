/**
 * The KRaft controller quorum as status and labs show it: the real leader
 * (from DescribeQuorum, never the Metadata `controllerId`, which KRaft fills
 * with a random live broker), its epoch, and each voter's lag; or why it
 * cannot be known.
 *
 * @example
 * ```ts
 * const q = await controllerQuorum(config);
 * if (q.known) console.log(q.leaderId, q.leaderEpoch);
 * else console.log(localize(q.reason, "en"));
 * ```
 * @module
 */
import type { Config } from "../config.ts";
import { t, type Text } from "../i18n.ts";
import { describeQuorum, QuorumError, type QuorumInfo, WireAuthError } from "./wire/client.ts";

/** The quorum, or why it is not known. */
export type QuorumStatus =
  | ({ readonly known: true } & QuorumInfo)
  | { readonly known: false; readonly reason: Text };

/**
 * Asks the configured brokers (plaintext or SASL, no TLS) for the metadata
 * quorum. A cluster reached through TLS, one that refuses the request, or one
 * without KRaft is reported as unknown, with the reason; a refused SASL login
 * is thrown (`WireAuthError`).
 */
export async function controllerQuorum(
  config: Pick<Config, "brokers" | "sasl" | "ssl">,
  timeoutMs = 5000,
): Promise<QuorumStatus> {
  if (config.ssl) {
    return {
      known: false,
      reason: t(
        "not known: kafka-lab asks for the controller quorum without TLS only, and this cluster needs TLS",
        "неизвестно: kafka-lab запрашивает кворум контроллеров только без TLS, а этому кластеру нужен TLS",
      ),
    };
  }
  try {
    return { known: true, ...await describeQuorum(config.brokers, timeoutMs, config.sasl) };
  } catch (err) {
    if (err instanceof WireAuthError) throw err;
    const code = err instanceof QuorumError ? ` (Kafka error code ${err.errorCode})` : "";
    return {
      known: false,
      reason: t(
        `not known: no broker answered DescribeQuorum${code}; the cluster may not run KRaft or may not allow it`,
        `неизвестно: ни один брокер не ответил на DescribeQuorum${code}; возможно, кластер работает без KRaft или не разрешает этот запрос`,
      ),
    };
  }
}
