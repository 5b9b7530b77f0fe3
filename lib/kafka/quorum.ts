/**
 * The KRaft controller quorum as status and labs show it: the real leader
 * (from DescribeQuorum, never the Metadata `controllerId`, which KRaft fills
 * with a random live broker), its epoch, and each voter's lag; or why it
 * cannot be known. `Kafka.quorum()` (`clients.ts`) asks; this module says in
 * both languages why the answer is unknown.
 *
 * @example
 * ```ts
 * const q = await kafka.quorum();
 * if (q.known) console.log(q.leaderId, q.leaderEpoch);
 * else console.log(localize(q.reason, "en"));
 * ```
 * @module
 */
import { t, type Text } from "../i18n.ts";
import { QuorumError } from "./wire/client.ts";

export type { QuorumInfo, QuorumReplica, QuorumStatus } from "./port.ts";

/** Why the quorum of a cluster reached through TLS is not known. */
export const QUORUM_OVER_TLS: Text = t(
  "not known: kafka-lab asks for the controller quorum without TLS only, and this cluster needs TLS",
  "неизвестно: kafka-lab запрашивает кворум контроллеров только без TLS, а этому кластеру нужен TLS",
);

/** Why the quorum is not known after DescribeQuorum failed with `err`. */
export function quorumNotAnswered(err: unknown): Text {
  const code = err instanceof QuorumError ? ` (Kafka error code ${err.errorCode})` : "";
  return t(
    `not known: no broker answered DescribeQuorum${code}; the cluster may not run KRaft or may not allow it`,
    `неизвестно: ни один брокер не ответил на DescribeQuorum${code}; возможно, кластер работает без KRaft или не разрешает этот запрос`,
  );
}
