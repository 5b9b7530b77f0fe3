/**
 * Partitions without a leader (their only in-sync replicas are on stopped
 * brokers), found with Metadata on the wire (`wire/client.ts`): kafkajs fails
 * the whole topic's metadata when one partition has no leader and retries it
 * for about 25 s, so a describe or a send to that topic stalls, then fails
 * with LEADER_NOT_AVAILABLE and no partition named.
 *
 * @example
 * ```ts
 * const none = await leaderlessPartitions(config, ["orders"]);
 * if (none && none.length > 0) throw new LeaderlessError(none);
 * ```
 * @module
 */
import type { Config } from "../config.ts";
import { fetchMetadata, type PartitionMetadata } from "./wire/client.ts";
import { KafkaLabError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";

/** Where the wire requests go: the config's brokers and SASL user (TLS is not spoken). */
export type WireTarget = Pick<Config, "brokers" | "sasl" | "ssl">;

/** One partition without a leader. */
export interface LeaderlessPartition {
  readonly topic: string;
  readonly partition: number;
  /** The brokers holding its replicas (all stopped, or out of the ISR). */
  readonly replicas: readonly number[];
}

/** The partitions of `topics` as one Metadata answer has them; undefined over TLS. */
export async function wirePartitions(
  target: WireTarget,
  topics: readonly string[],
): Promise<Map<string, readonly PartitionMetadata[]> | undefined> {
  if (target.ssl) return undefined;
  const md = await fetchMetadata(target.brokers, topics, 5000, target.sasl);
  const found = new Map<string, readonly PartitionMetadata[]>();
  for (const topic of md.topics) {
    if (topic.partitions.length > 0) {
      found.set(topic.name, [...topic.partitions].sort((a, b) => a.partition - b.partition));
    }
  }
  return found;
}

/** A topic's partitions from the wire (leader -1 when none); undefined when that cannot be asked. */
export async function wireLayout(
  target: WireTarget,
  topic: string,
): Promise<
  Array<{ partition: number; leader: number; replicas: number[]; isr: number[] }> | undefined
> {
  const found = await wirePartitions(target, [topic]).catch(() => undefined);
  return found?.get(topic)?.map((p) => ({
    partition: p.partition,
    leader: p.leader,
    replicas: [...p.replicas],
    isr: [...p.isr],
  }));
}

/**
 * The leaderless partitions of `topics`; undefined when it cannot be told
 * (TLS, or no broker answered the request).
 */
export async function leaderlessPartitions(
  target: WireTarget,
  topics: readonly string[],
): Promise<LeaderlessPartition[] | undefined> {
  let found;
  try {
    found = await wirePartitions(target, topics);
  } catch {
    return undefined;
  }
  if (!found) return undefined;
  return [...found].flatMap(([topic, partitions]) =>
    partitions.filter((p) => p.leader < 0).map((p) => ({
      topic,
      partition: p.partition,
      replicas: p.replicas,
    }))
  );
}

/** "orders[2] (replicas on broker 3)" for each partition, joined. */
function listed(partitions: readonly LeaderlessPartition[]): { en: string; ru: string } {
  const en = partitions.map((p) =>
    `${p.topic}[${p.partition}] (replicas on ${p.replicas.join(", ")})`
  );
  const ru = partitions.map((p) =>
    `${p.topic}[${p.partition}] (реплики на ${p.replicas.join(", ")})`
  );
  return { en: en.join("; "), ru: ru.join("; ") };
}

/** The brokers holding the replicas of `partitions`, sorted. */
export function brokersOf(partitions: readonly LeaderlessPartition[]): number[] {
  return [...new Set(partitions.flatMap((p) => p.replicas))].sort((a, b) => a - b);
}

/** The partitions have no leader: records for them cannot be written or read now. */
export class LeaderlessError extends KafkaLabError {
  readonly partitions: readonly LeaderlessPartition[];
  constructor(partitions: readonly LeaderlessPartition[]) {
    const brokers = brokersOf(partitions).join(", ");
    super(
      fillText(
        t(
          "no leader for {list}: their brokers are down, so kafkajs cannot write to this topic",
          "у партиций нет лидера: {list}; их брокеры остановлены, поэтому kafkajs не может писать в этот топик",
        ),
        { list: listed(partitions) },
      ),
      {
        hint: fillText(
          t(
            "start broker {brokers} again (`kafka-lab broker start {first}`, or `kafka-lab up`); with replication factor 3 a topic keeps a leader while one broker is down",
            "снова запустите брокер {brokers} (`kafka-lab broker start {first}` или `kafka-lab up`); с фактором репликации 3 у топика остаётся лидер, пока остановлен один брокер",
          ),
          { brokers, first: brokersOf(partitions)[0] ?? "N" },
        ),
      },
    );
    this.name = "LeaderlessError";
    this.partitions = partitions;
  }
}
