/**
 * Partitions without a leader (their only in-sync replicas are on stopped
 * brokers): how they are found in a Metadata answer, and the error that
 * names them. kafkajs fails the whole topic's metadata when one partition
 * has no leader and retries it for about 25 s, so a describe or a send to
 * that topic stalls, then fails with LEADER_NOT_AVAILABLE and no partition
 * named; `Kafka.leaderless()` (`clients.ts`) asks on the wire instead.
 *
 * @example
 * ```ts
 * const none = await kafka.leaderless(["orders"]);
 * if (none && none.length > 0) throw new LeaderlessError(none);
 * ```
 * @module
 */
import { KafkaLabError } from "../errors.ts";
import { fillText, type Localizable, t } from "../i18n.ts";
import type { Admin, ClusterMetadata, LeaderlessPartition, TopicPartitions } from "./port.ts";

export type { LeaderlessPartition } from "./port.ts";

/** The partitions without a leader in a Metadata answer (of `topics` only, when given). */
export function leaderlessIn(
  md: ClusterMetadata,
  topics?: readonly string[],
): LeaderlessPartition[] {
  return md.topics
    .filter((topic) => topics === undefined || topics.includes(topic.name))
    .flatMap((topic) =>
      [...topic.partitions].sort((a, b) => a.partition - b.partition)
        .filter((p) => p.leader < 0)
        .map((p) => ({ topic: topic.name, partition: p.partition, replicas: [...p.replicas] }))
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
  /** `reading`: the partitions were to be read (`read`), not written. */
  constructor(partitions: readonly LeaderlessPartition[], reading = false) {
    const brokers = brokersOf(partitions).join(", ");
    super(
      fillText(
        reading
          ? t(
            "no leader for {list}: their brokers are down, so these partitions cannot be read now",
            "у партиций нет лидера: {list}; их брокеры остановлены, поэтому эти партиции сейчас не прочитать",
          )
          : t(
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

/** A warning that `partitions` are left out of a read, naming the brokers to start. */
export function leaderlessSkipped(partitions: readonly LeaderlessPartition[]): Localizable {
  const brokers = brokersOf(partitions);
  return fillText(
    t(
      "no leader for {list}: reading the other partitions; start broker {brokers} (`kafka-lab broker start {first}`) to read these",
      "у партиций нет лидера: {list}; читаем остальные; чтобы прочитать эти, запустите брокер {brokers} (`kafka-lab broker start {first}`)",
    ),
    { list: listed(partitions), brokers: brokers.join(", "), first: brokers[0] ?? "N" },
  );
}

/**
 * Gives a fresh admin client one healthy topic to ask about. With none,
 * kafkajs refreshes the metadata of every topic before listing or describing
 * groups or sending a config request, which fails for ~25 s while any
 * partition of any topic has no leader; once it has asked about a topic, its
 * refreshes name only the topics asked about. Returns the topic chosen (the
 * healthy one with the fewest partitions), or undefined when nothing is
 * leaderless (no need) or no topic is healthy.
 */
export async function aimAtHealthyTopic(
  admin: Pick<Admin, "fetchTopicOffsets">,
  layouts: readonly TopicPartitions[],
): Promise<string | undefined> {
  const sick = new Set(
    layouts.filter((l) => l.partitions.some((p) => p.leader < 0)).map((l) => l.name),
  );
  if (sick.size === 0) return undefined;
  const [smallest] = layouts.filter((l) => !sick.has(l.name))
    .sort((a, b) => a.partitions.length - b.partitions.length);
  if (!smallest) return undefined;
  // fetchTopicOffsets adds the topic to kafkajs' targets (fetchTopicMetadata does not).
  await admin.fetchTopicOffsets(smallest.name);
  return smallest.name;
}
