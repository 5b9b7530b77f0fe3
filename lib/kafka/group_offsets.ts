/**
 * A group's committed offsets on several topics at once, without kafkajs'
 * race. kafkajs' `admin.fetchOffsets` (behind the port's `Admin`) looks up each topic's partitions concurrently:
 * each lookup adds its topic to the client's metadata targets and joins the
 * metadata refresh already in flight, which was started for a list without
 * that topic. Such a topic comes back with no partitions at all, as if the
 * group had never committed there (about 1 call in 20 with 20 topics here).
 * Loading the metadata of every topic in one request first makes the
 * lookups find them all.
 *
 * @example
 * ```ts
 * const offsets = await fetchCommittedOffsets(admin, "hello-group", ["hello-kafka"]);
 * offsets[0].partitions; // [{ partition: 0, offset: "5", metadata: null }]
 * ```
 * @module
 */
import type { Admin } from "./port.ts";
import { KafkaLabError, protocolErrorType } from "../errors.ts";
import { t, type Text } from "../i18n.ts";

/** The committed offsets of one topic; `-1` where the group has none. */
export interface TopicOffsets {
  readonly topic: string;
  readonly partitions: ReadonlyArray<
    { partition: number; offset: string; metadata?: string | null }
  >;
}

/**
 * Committed offsets of `groupId` on `topics` (each with every partition).
 * Topics deleted while this runs are left out rather than failing the call.
 */
export async function fetchCommittedOffsets(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<TopicOffsets[]> {
  let wanted = [...new Set(topics)];
  for (let attempt = 1;; attempt++) {
    if (wanted.length === 0) return [];
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: wanted });
      const fetched = await admin.fetchOffsets({ groupId, topics: wanted });
      const complete = fetched.every((t) =>
        t.partitions.length > 0 ||
        metadata.topics.find((m) => m.name === t.topic)?.partitions.length === 0
      );
      if (complete || attempt >= 3) return fetched;
    } catch (err) {
      if (protocolErrorType(err) !== "UNKNOWN_TOPIC_OR_PARTITION" || attempt >= 3) throw err;
      const existing = new Set(await admin.listTopics());
      wanted = wanted.filter((t) => existing.has(t));
    }
  }
}

/**
 * A topic's log start and end offsets, or why they cannot be read now: a
 * topic deleted since it was listed, or one with a partition without a leader,
 * is skipped rather than failing the whole group.
 */
export async function endOffsets(
  admin: Admin,
  topic: string,
): Promise<Array<{ partition: number; low: string; high: string }> | { reason: Text }> {
  try {
    return await admin.fetchTopicOffsets(topic);
  } catch (err) {
    const type = protocolErrorType(err);
    if (err instanceof KafkaLabError) return { reason: err.text };
    if (type === "UNKNOWN_TOPIC_OR_PARTITION") {
      return { reason: t("deleted meanwhile", "удалён за это время") };
    }
    if (type === "LEADER_NOT_AVAILABLE") {
      return { reason: t("a partition has no leader", "у партиции нет лидера") };
    }
    throw err;
  }
}
