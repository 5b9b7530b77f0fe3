/**
 * Lab 1's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { LAYOUT_FIELDS } from "../../lib/topic_layout.ts";

const ENSURED = {
  ok: f.optional(f.boolean).doc("In the guided run only."),
  status: f.oneOf("created", "exists"),
  differences: f.array(f.string).doc("How an existing topic differs from the course's (English)."),
  ...LAYOUT_FIELDS,
};

/** Lab 1's events. */
export const LAB1_EVENTS = {
  cluster: event("lab1.cluster", "Guided step 1: the brokers the cluster metadata lists.", {
    ok: f.boolean,
    brokers: f.array(f.object({ id: f.integer, address: f.string })),
    metadataController: f.nullable(f.integer).doc(
      "What Metadata calls the controller: on KRaft any live broker, not the quorum leader.",
    ),
    clusterId: f.string,
  }, { was: "cluster" }),
  topicCreated: event("lab1.topic.created", "`lab1 create`, guided step 2: the topic is new.", {
    ...ENSURED,
  }, { was: "topic.created" }),
  topicExists: event(
    "lab1.topic.exists",
    "`lab1 create`, guided step 2: the topic was there already (`differences` says how it differs).",
    { ...ENSURED },
    { was: "topic.exists" },
  ),
  topicFailed: event("lab1.topic.failed", "Guided step 2: a course topic could not be created.", {
    ok: f.boolean,
    topic: f.string,
    error: f.string,
    hint: f.optional(f.string),
  }, { was: "topic.failed" }),
  topicNames: event("lab1.topic.names", "Guided step 3: every topic of the cluster.", {
    topics: f.array(f.string),
  }, { was: "topics" }),
  topics: event("lab1.topics", "`lab1 list`: the topics, their partitions and replicas.", {
    topics: f.array(f.object({
      topic: f.string,
      partitions: f.integer,
      replicationFactor: f.integer,
    })),
  }, { was: "topics" }),
  topicLayout: event(
    "lab1.topic.layout",
    "`lab1 describe`, guided step 4: a topic's partitions, replicas, ISR and configs.",
    { ...LAYOUT_FIELDS },
    { was: "topic.describe" },
  ),
  topicKept: event("lab1.topic.kept", "`lab1 delete`: the user said no.", { topic: f.string }, {
    was: "topic.kept",
  }),
  topicDeleted: event("lab1.topic.deleted", "`lab1 delete`: the topic is gone.", {
    topic: f.string,
  }, { was: "topic.deleted" }),
};
