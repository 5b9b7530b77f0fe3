/**
 * Lab 6's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

const PART = f.oneOf("liveness", "retention", "size", "min-isr");

/** Lab 6's events. */
export const LAB6_EVENTS = {
  topicReady: event("lab6.topic.ready", "A part's topic exists (created now or before).", {
    ok: f.boolean,
    part: PART,
    topic: f.string,
    partitions: f.integer,
    rf: f.integer,
    created: f.boolean,
  }),
  livenessStuck: event(
    "lab6.liveness.stuck",
    "Part 1: member A took the records and stopped returning (no heartbeat).",
    { topic: f.string, group: f.string, offsets: f.array(f.string) },
  ),
  checkRemoved: event(
    "lab6.check.removed",
    "Part 1: the coordinator removed the silent member and another got its partition.",
    {
      ok: f.boolean,
      group: f.string,
      removedAfterMs: f.optional(f.number).doc("From taking the batch to the group without it."),
      sessionTimeoutMs: f.integer,
      heartbeatIntervalMs: f.integer,
      membersAfter: f.integer,
    },
  ),
  checkTwice: event(
    "lab6.check.twice",
    "Part 1: the records the removed member had in hand were processed again by the other.",
    { ok: f.boolean, offsets: f.array(f.string), count: f.integer },
  ),
  checkLateCommit: event(
    "lab6.check.late-commit",
    "Part 1: the removed member's commit after its processing, and how it ended.",
    { ok: f.boolean, refused: f.boolean, code: f.optional(f.string) },
  ),
  retentionWritten: event("lab6.retention.written", "Part 2: the records are written.", {
    topic: f.string,
    bytes: f.integer,
    partitions: f.integer,
    checkIntervalMs: f.optional(f.integer).doc("The brokers' log.retention.check.interval.ms."),
  }),
  checkLogStart: event(
    "lab6.check.log-start",
    "Part 2: a partition's log start offset moved past the group's committed offset.",
    {
      ok: f.boolean,
      topic: f.string,
      partition: f.integer,
      before: f.integer,
      after: f.integer,
      committed: f.integer,
      skipped: f.integer.doc("Records deleted before the group read them."),
      waitedMs: f.number,
    },
  ),
  checkReset: event(
    "lab6.check.reset",
    "Part 2: the group resumed by auto.offset.reset=earliest at the new log start.",
    {
      ok: f.boolean,
      group: f.string,
      partition: f.integer,
      committed: f.integer,
      offset: f.optional(f.integer),
      expected: f.integer,
    },
  ),
  sizeLimits: event("lab6.size.limits", "Part 3: the topic's and the broker's size limits.", {
    topic: f.string,
    maxMessageBytes: f.integer,
    brokerMessageMaxBytes: f.optional(f.integer),
  }),
  checkSize: event("lab6.check.size", "Part 3: one send and how the broker answered it.", {
    ok: f.boolean,
    topic: f.string,
    kind: f.oneOf("fits", "too-large", "batch"),
    sizes: f.array(f.integer),
    batchBytes: f.integer,
    written: f.boolean,
    offset: f.optional(f.string),
    code: f.optional(f.string),
  }),
  checkMinIsr: event(
    "lab6.check.min-isr",
    "Part 4: min.insync.replicas above the replica count, the effective value, an acks=all write.",
    {
      ok: f.boolean,
      topic: f.string,
      minIsr: f.integer,
      replicas: f.integer,
      isr: f.array(f.integer),
      effective: f.integer,
      written: f.boolean,
      offset: f.optional(f.string),
      code: f.optional(f.string),
    },
  ),
};
