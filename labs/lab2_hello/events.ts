/**
 * Lab 2's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { brokerEvents } from "../../lib/kafka/liveness.ts";

/** Lab 2's events. */
export const LAB2_EVENTS = {
  ...brokerEvents("lab2"),
  topicReady: event("lab2.topic.ready", "Guided step 1: the topic exists.", {
    ok: f.boolean,
    topic: f.string,
    created: f.boolean.doc("Created now (else it was there)."),
  }, { was: "topic.ready" }),
  delivered: event("lab2.record.delivered", "A message the producer sent is acknowledged.", {
    n: f.integer,
    topic: f.string,
    key: f.nullable(f.string),
    value: f.string,
    partition: f.integer,
    offset: f.string,
  }, { was: "delivered" }),
  deliveryFailed: event("lab2.record.failed", "A message could not be delivered.", {
    n: f.integer,
    value: f.string,
    error: f.string,
  }, { was: "delivery.failed" }),
  producerDone: event("lab2.producer.done", "`lab2 produce`: every message is sent.", {
    sent: f.integer,
    failed: f.integer,
  }, { was: "producer.done" }),
  assigned: event(
    "lab2.partitions.assigned",
    "A consumer instance got its partitions (none: it idles).",
    { instance: f.integer, group: f.string, partitions: f.array(f.integer) },
    { was: "assigned" },
  ),
  received: event("lab2.record.received", "A consumer instance read a message.", {
    n: f.integer,
    instance: f.integer,
    topic: f.string,
    partition: f.integer,
    offset: f.string,
    key: f.nullable(f.string),
    value: f.nullable(f.string),
    timestamp: f.string.doc("Milliseconds since the epoch."),
  }, { was: "received" }),
  consumerDone: event("lab2.consumer.done", "`lab2 consume`: the consumers stopped.", {
    records: f.integer,
    commits: f.integer,
    perInstance: f.array(f.integer).doc("Records each instance read."),
  }, { was: "consumer.done" }),
  checkArrived: event(
    "lab2.check.arrived",
    "Guided step 3: every acknowledged message reached the consumer.",
    { ok: f.boolean, sent: f.integer, received: f.integer },
    { was: "check.arrived" },
  ),
  checkAgain: event("lab2.check.again", "Guided step 4: the same group reads nothing again.", {
    ok: f.boolean,
    records: f.integer,
  }, { was: "check.again" }),
  checkNewGroup: event(
    "lab2.check.new-group",
    "Guided step 5: a new group reads the whole topic.",
    { ok: f.boolean, group: f.string, records: f.integer, total: f.integer },
    { was: "check.new-group" },
  ),
};
