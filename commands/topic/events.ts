/**
 * The `topic` command's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** A topic's layout: partitions, replicas, ISR and the configs set on it. */
export const TOPIC_LAYOUT_FIELDS = {
  topic: f.string,
  partitions: f.integer,
  replicationFactor: f.integer,
  configs: f.nullable(f.record(f.string)).doc(
    "Configs set on the topic; null when they could not be read.",
  ),
  layout: f.array(f.object({
    partition: f.integer,
    leader: f.integer.doc("-1: no leader"),
    replicas: f.array(f.integer),
    isr: f.array(f.integer),
  })),
};

/** The `topic` command's events. */
export const TOPIC_EVENTS = {
  created: event("topic.created", "`topic create`: the topic is new.", {
    ...TOPIC_LAYOUT_FIELDS,
  }),
  exists: event(
    "topic.exists",
    "`topic create`: the topic was there already; `differences` says how it differs (English).",
    { ...TOPIC_LAYOUT_FIELDS, differences: f.array(f.string) },
  ),
  list: event("topic.list", "`topic list`: the topics, their partitions and replicas.", {
    topics: f.array(f.object({
      topic: f.string,
      partitions: f.integer,
      replicationFactor: f.integer,
    })),
  }),
  layout: event("topic.layout", "`topic describe`: partitions, replicas, ISR and configs.", {
    ...TOPIC_LAYOUT_FIELDS,
  }),
  deleted: event("topic.deleted", "`topic delete`: the topic is gone.", { topic: f.string }),
  kept: event("topic.kept", "`topic delete`: the user said no; the topic is kept.", {
    topic: f.string,
  }),
  configAltered: event("topic.config.altered", "`topic alter-config`: the configs set after.", {
    topic: f.string,
    set: f.record(f.string),
    removed: f.array(f.string),
    configs: f.record(f.string),
  }),
  partitionsAdded: event("topic.partitions.added", "`topic add-partitions`: the new count.", {
    topic: f.string,
    before: f.integer,
    partitions: f.integer,
  }),
};
