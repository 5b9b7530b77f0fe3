/**
 * Lab 4's `--json` events; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";
import { brokerEvents } from "../../lib/kafka/liveness.ts";

const MODE = f.oneOf("batch", "single").doc("How the consumer commits.");
const MODEL = { message_id: f.string, content: f.string };
const WHERE = { topic: f.string, partition: f.integer, offset: f.string };

const CHECK_PROCESSED = {
  ok: f.boolean,
  mode: MODE,
  group: f.string,
  records: f.integer,
  batches: f.integer,
  commits: f.integer,
  invalid: f.integer,
  missing: f.integer.doc("Messages of this run the consumer did not process."),
};

const FIGURES = f.object({
  group: f.string,
  records: f.integer,
  batches: f.integer,
  commits: f.integer,
  activeMs: f.number,
  perSecond: f.optional(f.number),
  commitP50Ms: f.optional(f.number),
  commitP99Ms: f.optional(f.number),
});

/** Lab 4's events. */
export const LAB4_EVENTS = {
  ...brokerEvents("lab4"),
  topicReady: event(
    "lab4.topic.ready",
    "Guided step 1: the topic exists with the course's layout.",
    {
      ok: f.boolean,
      topic: f.string,
      partitions: f.integer,
      rf: f.integer,
      created: f.boolean,
    },
    { was: "topic.ready" },
  ),
  checkProduced: event(
    "lab4.check.produced",
    "Guided step 2: both producers delivered every message.",
    { ok: f.boolean, sent: f.integer, failed: f.optional(f.integer) },
    { was: "check.produced" },
  ),
  checkBatch: event(
    "lab4.check.batch",
    "Guided step 3: the batch consumer processed every message of the run.",
    CHECK_PROCESSED,
    { was: "check.batch" },
  ),
  checkSingle: event(
    "lab4.check.single",
    "Guided step 4: the single-record consumer processed every message of the run.",
    CHECK_PROCESSED,
    { was: "check.single" },
  ),
  compareCommits: event(
    "lab4.compare.commits",
    "Guided step 5: the same records, and how many commits each consumer made.",
    {
      ok: f.boolean,
      batch: f.object({ records: f.integer, commits: f.integer }),
      single: f.object({ records: f.integer, commits: f.integer }),
      commitsSingleToBatch: f.optional(f.number),
    },
    { was: "compare.commits" },
  ),
  delivered: event("lab4.record.delivered", "A message is acknowledged.", {
    producer: f.integer.doc("Which producer (from 1)."),
    n: f.integer,
    ...MODEL,
    partition: f.integer,
    offset: f.string,
    topic: f.string,
  }, { was: "delivered" }),
  deliveryFailed: event("lab4.record.failed", "A message could not be delivered.", {
    producer: f.integer,
    n: f.integer,
    ...MODEL,
    topic: f.string,
    error: f.string,
  }, { was: "delivery.failed" }),
  producerDone: event("lab4.producer.done", "`lab4 produce`: every producer is done.", {
    topic: f.string,
    sent: f.integer,
    failed: f.integer,
    perProducer: f.array(f.integer),
  }, { was: "producer.done" }),
  assigned: event("lab4.partitions.assigned", "The consumer got its partitions.", {
    mode: MODE,
    group: f.string,
    partitions: f.array(f.integer),
  }, { was: "assigned" }),
  processed: event("lab4.record.processed", "The consumer processed a message.", {
    mode: MODE,
    group: f.string,
    ...MODEL,
    ...WHERE,
    batch: f.optional(f.integer).doc("The batch's number (batch mode)."),
  }, { was: "processed" }),
  invalid: event("lab4.record.invalid", "A record is not a message the lab reads; it is skipped.", {
    mode: MODE,
    ...WHERE,
    reason: f.oneOf(
      "empty",
      "not-utf8",
      "not-json",
      "not-object",
      "message-id-missing",
      "message-id-invalid",
      "content-missing",
      "content-invalid",
    ),
    error: f.string,
    batch: f.optional(f.integer),
  }, { was: "invalid" }),
  batchCommitted: event(
    "lab4.batch.committed",
    "Batch mode: the offset after a whole batch is committed.",
    {
      mode: MODE,
      group: f.string,
      partition: f.integer,
      batch: f.integer,
      size: f.integer,
      first: f.string,
      last: f.string,
      next: f.string.doc("The committed offset: the next to read."),
    },
    { was: "batch.committed" },
  ),
  offsetCommitted: event(
    "lab4.offset.committed",
    "Single mode: the offset after one record is committed.",
    { mode: MODE, group: f.string, partition: f.integer, next: f.string },
    { was: "committed" },
  ),
  consumerDone: event("lab4.consumer.done", "A consumer run ended.", {
    mode: MODE,
    group: f.string,
    topic: f.string,
    records: f.integer,
    processed: f.integer,
    invalid: f.integer,
    batches: f.integer,
    commits: f.integer,
    elapsedMs: f.number,
    stoppedBy: f.oneOf("max-messages", "idle", "signal"),
  }, { was: "consumer.done" }),
  topicCreated: event("lab4.topic.created", "`lab4 compare`: its own topic is made.", {
    topic: f.string,
    partitions: f.integer,
    replicationFactor: f.integer,
  }, { was: "topic.created" }),
  produced: event("lab4.records.produced", "`lab4 compare`: the records are written.", {
    topic: f.string,
    count: f.integer,
    elapsedMs: f.number,
  }, { was: "produced" }),
  compareResult: event(
    "lab4.compare.result",
    "`lab4 compare`: both consumers' figures and the ratios between them.",
    {
      topic: f.string,
      count: f.integer,
      batchSize: f.integer,
      processMs: f.number,
      batch: FIGURES,
      single: FIGURES,
      commitsSingleToBatch: f.optional(f.number),
      speedBatchToSingle: f.optional(f.number),
    },
    { was: "compare.result" },
  ),
  topicKept: event("lab4.topic.kept", "`lab4 compare --keep-topic`: the topic stays.", {
    topic: f.string,
  }, { was: "topic.kept" }),
  topicDeleted: event("lab4.topic.deleted", "`lab4 compare`: its topic and groups are deleted.", {
    topic: f.string,
  }, { was: "topic.deleted" }),
};
