/**
 * The `topic` command's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { LAYOUT_FIELDS } from "../../lib/topic_layout.ts";

/** The `topic` command's events. */
export const TOPIC_EVENTS = {
  created: event("topic.created", "`topic create`: the topic is new.", {
    ...LAYOUT_FIELDS,
  }),
  exists: event(
    "topic.exists",
    "`topic create`: the topic was there already; `differences` says how it differs (English).",
    { ...LAYOUT_FIELDS, differences: f.array(f.string) },
  ),
  list: event("topic.list", "`topic list`: the topics, their partitions and replicas.", {
    topics: f.array(f.object({
      topic: f.string,
      partitions: f.integer,
      replicationFactor: f.integer,
    })),
  }),
  layout: event("topic.layout", "`topic describe`: partitions, replicas, ISR and configs.", {
    ...LAYOUT_FIELDS,
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
