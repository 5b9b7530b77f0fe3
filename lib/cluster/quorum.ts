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
import { describeQuorum, QuorumError, type QuorumInfo } from "./wire.ts";

/** The quorum, or why it is not known. */
export type QuorumStatus =
  | ({ readonly known: true } & QuorumInfo)
  | { readonly known: false; readonly reason: Text };

/**
 * Asks the configured brokers (plaintext only) for the metadata quorum. A
 * cluster reached through SASL or TLS, one that refuses the request, or one
 * without KRaft is reported as unknown, with the reason.
 */
export async function controllerQuorum(
  config: Pick<Config, "brokers" | "sasl" | "ssl">,
  timeoutMs = 5000,
): Promise<QuorumStatus> {
  if (config.sasl || config.ssl) {
    return {
      known: false,
      reason: t(
        "not known: kafka-lab asks for the controller quorum over plaintext only, and this cluster needs SASL or TLS",
        "неизвестно: kafka-lab запрашивает кворум контроллеров только без шифрования и аутентификации, а этому кластеру нужны SASL или TLS",
      ),
    };
  }
  try {
    return { known: true, ...await describeQuorum(config.brokers, timeoutMs) };
  } catch (err) {
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
