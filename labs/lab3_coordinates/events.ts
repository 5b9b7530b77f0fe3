/**
 * Lab 3's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { brokerEvents } from "../../lib/kafka/liveness.ts";

const WHERE = { topic: f.string, partition: f.integer, offset: f.string };

/** Lab 3's events. */
export const LAB3_EVENTS = {
  ...brokerEvents("lab3"),
  topicReady: event(
    "lab3.topic.ready",
    "Guided step 1: the topic or its dead letter topic exists.",
    {
      ok: f.boolean,
      topic: f.string,
    },
    { was: "topic.ready" },
  ),
  schemaRegistered: event(
    "lab3.schema.registered",
    "The schema is registered under the subject (or was already) and fetched back.",
    { subject: f.string, id: f.integer, new: f.boolean, schema: f.json },
    { was: "schema.registered" },
  ),
  generated: event("lab3.record.generated", "A generated record fits the schema.", {
    n: f.integer,
    record: f.json,
  }, { was: "generated" }),
  rejected: event(
    "lab3.record.rejected",
    "A generated record breaks the schema and is not sent (`--invalid-every`).",
    {
      n: f.integer,
      record: f.json,
      reason: f.string,
      issues: f.array(f.object({ path: f.string, message: f.string })),
    },
    { was: "rejected" },
  ),
  batchSent: event(
    "lab3.batch.sent",
    "A batch goes out: linger.ms passed, batch.size filled, or the end.",
    {
      records: f.integer,
      bytes: f.integer,
      reason: f.oneOf("linger", "size", "close"),
    },
    { was: "batch.sent" },
  ),
  delivered: event("lab3.record.delivered", "A record is acknowledged.", {
    n: f.integer,
    key: f.string.doc("The record's id."),
    record: f.json,
    ...WHERE,
  }, { was: "delivered" }),
  deliveryFailed: event("lab3.record.failed", "A record could not be delivered.", {
    n: f.integer,
    key: f.string,
    error: f.string,
  }, { was: "delivery.failed" }),
  producerDone: event("lab3.producer.done", "The producer is done.", {
    generated: f.integer,
    delivered: f.integer,
    rejected: f.integer,
    failed: f.integer,
    schemaId: f.integer,
  }, { was: "producer.done" }),
  injected: event(
    "lab3.record.injected",
    "`lab3 inject`: a record that skips the registry is written.",
    {
      kind: f.oneOf("raw-json", "missing-field", "unknown-schema", "not-json"),
      ...WHERE,
    },
    { was: "injected" },
  ),
  valid: event("lab3.record.valid", "The consumer read a record that fits the schema.", {
    ...WHERE,
    value: f.json,
  }, { was: "valid" }),
  deadLettered: event(
    "lab3.record.dead-lettered",
    "The consumer wrote a record it cannot read to the dead letter topic, with the reason.",
    {
      ...WHERE,
      kind: f.oneOf("not-wire-format", "unknown-schema", "invalid-json", "schema-violation"),
      reason: f.string,
      dlq: f.string,
      dlqPartition: f.integer,
      dlqOffset: f.string,
    },
    { was: "dead-letter" },
  ),
  offsetsReset: event("lab3.offsets.reset", "`lab3 consume --reset`: the group starts over.", {
    group: f.string,
    topic: f.string,
    to: f.constant("earliest"),
  }, { was: "offsets.reset" }),
  consumerDone: event("lab3.consumer.done", "The consumer is done.", {
    valid: f.integer,
    invalid: f.integer,
    deadLetters: f.integer,
    commits: f.integer,
  }, { was: "consumer.done" }),
  checkValid: event("lab3.check.valid", "Guided: every delivered record was read back as valid.", {
    ok: f.boolean,
    delivered: f.integer,
    readBack: f.integer,
  }, { was: "check.valid" }),
  checkDlq: event(
    "lab3.check.dlq",
    "Guided: every injected record reached the dead letter topic.",
    {
      ok: f.boolean,
      injected: f.integer,
      deadLetters: f.integer,
    },
    { was: "check.dlq" },
  ),
};
