/**
 * Lab 1's pure parts: the course topics behind the student's prefix, the
 * results its experiments return, and the rows `lab1 list` shows. Nothing
 * here talks to Kafka or prints.
 *
 * @example
 * ```ts
 * topicRows(topics, { all: false, owns: () => true }); // [{ topic: "hello-kafka", partitions: 1, replicationFactor: 1 }]
 * ```
 * @module
 */
import type { Names } from "../../lib/config.ts";
import type { KafkaLabError } from "../../lib/errors.ts";
import type { TopicPartitions } from "../../lib/kafka/port.ts";
import type { EnsureResult } from "../../lib/kafka/topics.ts";
import { checkTopicName, COURSE_TOPICS, type TopicSpec } from "../../lib/topic_rules.ts";

/** The course topics, each name behind the student's prefix. */
export function courseTopics(names: Names): TopicSpec[] {
  return (Object.values(COURSE_TOPICS) as TopicSpec[]).map((s) => ({
    ...s,
    name: checkTopicName(names.topic(s.name)),
  }));
}

/** A topic created or found, with the spec it was asked for. */
export interface Ensured {
  readonly spec: TopicSpec;
  readonly result: EnsureResult;
}

/** A course topic that could not be created, and why. */
export interface EnsureFailed {
  readonly spec: TopicSpec;
  readonly error: KafkaLabError;
}

/** One row of `lab1 list`. */
export interface TopicRow {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

/**
 * The rows `lab1 list` shows: each topic's partition count and its first
 * partition's replica count; internal `__` topics only with `all`, only the
 * names `owns` accepts (the student's prefix), sorted by name.
 */
export function topicRows(
  topics: readonly TopicPartitions[],
  keep: { readonly all: boolean; readonly owns: (name: string) => boolean },
): TopicRow[] {
  return topics
    .filter((tp) => (keep.all || !tp.name.startsWith("__")) && keep.owns(tp.name))
    .map((tp) => ({
      topic: tp.name,
      partitions: tp.partitions.length,
      replicationFactor: tp.partitions[0]?.replicas.length ?? 0,
    }))
    // Topic names are ASCII; localeCompare would load ICU's collator (about 20 ms) for nothing.
    .sort((a, b) => a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);
}
