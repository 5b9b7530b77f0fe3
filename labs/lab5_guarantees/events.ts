/**
 * Lab 5's `--json` events: the parts' results and figures, and the events of
 * `lab5 worker`, the child process a part kills and starts again (the parent
 * reads them: `child.ts`). See `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

const COUNTED = {
  distinct: f.integer,
  duplicated: f.integer,
  missing: f.integer,
  records: f.integer,
};

/** Lab 5's events. */
export const LAB5_EVENTS = {
  partStarted: event("lab5.part.started", "A part run as its own subcommand starts: its title.", {
    title: f.string,
  }, { was: "part.start" }),
  figures: event(
    "lab5.figures",
    "One row of a part's figures: what was sent, acknowledged, found, lost, duplicated.",
    {
      part: f.oneOf("acks", "min-isr", "idempotence"),
      key: f.string.doc("The row's name for scripts (`plain`, `safe`, `acks=1`…)."),
      label: f.string,
      sent: f.integer,
      acknowledged: f.integer,
      failed: f.integer,
      found: f.integer,
      distinct: f.integer,
      lost: f.integer.doc("Acknowledged, yet not in the topic."),
      duplicated: f.integer,
      failedButWritten: f.integer,
      refused: f.integer,
      ambiguous: f.integer,
      codes: f.array(f.string).doc("Error codes of the failed sends, most frequent first."),
      lostIds: f.array(f.string).doc("At most 20."),
      duplicatedIds: f.array(f.string).doc("At most 20."),
    },
    { was: "figures" },
  ),
  topicsCreated: event("lab5.topics.created", "`acks`, `idempotence`: the part's topics exist.", {
    ok: f.boolean,
    topics: f.array(f.string),
    leader: f.optional(f.integer).doc("`acks`: the broker that leads them (the one to kill)."),
  }, { was: "topics.created" }),
  topicCreated: event("lab5.topic.created", "`min-isr`: the part's topic exists.", {
    ok: f.boolean,
    topic: f.string,
  }, { was: "result" }),
  brokerKilled: event("lab5.broker.killed", "A broker was SIGKILLed on purpose.", {
    ok: f.boolean,
    broker: f.integer,
    at: f.optional(f.integer).doc("`acks`: when (ms since the epoch)."),
    kill: f.optional(f.integer).doc("`idempotence`: which kill (from 1)."),
  }, { was: "broker.killed" }),
  brokerStarting: event("lab5.broker.starting", "`idempotence`: the killed broker starts again.", {
    broker: f.integer,
  }, { was: "broker.starting" }),
  brokerBack: event("lab5.broker.back", "The killed broker is back, its replicas in sync.", {
    ok: f.boolean,
    broker: f.integer,
    seconds: f.optional(f.number),
  }, { was: "broker.back" }),
  faultWarning: event(
    "lab5.fault.warning",
    "Before a part that pauses, kills and restarts brokers of the local cluster: which ones.",
    { brokers: f.array(f.integer) },
  ),
  timeline: event(
    "lab5.timeline",
    "`acks`, `idempotence`: one step of the failure the part sets up, or what a broker said then.",
    {
      step: f.oneOf(
        "topics",
        "cluster",
        "paused",
        "sent",
        "retry",
        "killed",
        "resumed",
        "restarted",
      ),
      brokers: f.optional(f.array(f.integer)),
      broker: f.optional(f.integer),
      topics: f.optional(f.array(f.string)).doc(
        "`topics`: the part's topics, in the order of its rows.",
      ),
      key: f.optional(f.string).doc("The topic's row (`acks=1`, `plain`…)."),
      moment: f.optional(f.string).doc(
        "`cluster`: before, after-send, after-failover, after-restart.",
      ),
      leader: f.optional(f.integer),
      leaderEpoch: f.optional(f.integer),
      isr: f.optional(f.array(f.integer)),
      highWatermark: f.optional(f.integer),
      records: f.optional(f.integer),
      acknowledged: f.optional(f.boolean).doc(
        "`sent`: false for acks=0 (no acknowledgement asked).",
      ),
      reportedSent: f.optional(f.boolean).doc("`sent`: the client said the send was done."),
      code: f.optional(f.string),
      ms: f.optional(f.integer),
      full: f.optional(f.boolean),
    },
  ),
  outcome: event(
    "lab5.outcome",
    "`acks`, `idempotence`: a row's outcome against the lesson (a loss / none, a duplicate / none).",
    {
      ok: f.boolean,
      part: f.oneOf("acks", "idempotence"),
      key: f.string,
      expected: f.oneOf("loss", "no-loss", "duplicate", "no-duplicate"),
      lost: f.integer,
      duplicated: f.integer,
    },
  ),
  brokerStopped: event("lab5.broker.stopped", "`min-isr`: a broker is stopped on purpose.", {
    ok: f.boolean,
    broker: f.integer,
  }, { was: "broker.stopped" }),
  minIsrTolerated: event(
    "lab5.min-isr.tolerated",
    "`min-isr`: with one broker down, acks=all writes still succeed.",
    { ok: f.boolean, acknowledged: f.integer, count: f.integer, isr: f.string },
    { was: "min-isr.tolerated" },
  ),
  minIsrRefused: event(
    "lab5.min-isr.refused",
    "`min-isr`: with two brokers down, the broker refuses acks=all writes.",
    {
      ok: f.boolean,
      refused: f.integer,
      count: f.integer,
      codes: f.array(f.string),
      acknowledged: f.integer,
    },
    { was: "min-isr.refused" },
  ),
  minIsrBack: event("lab5.min-isr.back", "`min-isr`: the ISR is full again.", {
    ok: f.boolean,
    isr: f.array(f.integer),
    seconds: f.number,
  }, { was: "min-isr.back" }),
  minIsrResent: event("lab5.min-isr.resent", "`min-isr`: the refused records, sent again.", {
    ok: f.boolean,
    acknowledged: f.integer,
    found: f.integer,
  }, { was: "min-isr.resent" }),
  idempotenceSafe: event(
    "lab5.idempotence.safe",
    "`idempotence`: the safe producer lost and duplicated nothing.",
    { ok: f.boolean, lost: f.integer, duplicated: f.integer },
    { was: "idempotence.safe" },
  ),
  semanticsProduced: event("lab5.semantics.produced", "`semantics`: the input is written.", {
    ok: f.boolean,
    topic: f.string,
  }, { was: "produced" }),
  consumerKilled: event(
    "lab5.consumer.killed",
    "`semantics`: the consumer was SIGKILLed in the middle of a batch.",
    { ok: f.boolean, commit: f.oneOf("before", "after"), processed: f.integer },
    { was: "consumer.killed" },
  ),
  semanticsResult: event(
    "lab5.semantics.result",
    "`semantics`: what committing before or after processing lost or processed twice.",
    {
      ok: f.boolean,
      commit: f.oneOf("before", "after"),
      input: f.integer,
      processed: f.integer,
      lost: f.integer,
      reprocessed: f.integer,
    },
    { was: "semantics.result" },
  ),
  exactlyOnceProduced: event(
    "lab5.exactly-once.produced",
    "`exactly-once`: the input is written.",
    { ok: f.boolean, input: f.string, output: f.string },
    { was: "produced" },
  ),
  processorKilled: event(
    "lab5.processor.killed",
    "`exactly-once`: the transactional processor was SIGKILLed mid-transaction.",
    { ok: f.boolean, kill: f.integer },
    { was: "processor.killed" },
  ),
  workerFailed: event("lab5.worker.failed", "A worker ended otherwise than planned.", {
    ok: f.boolean,
    code: f.union(f.integer, f.string).doc("Its exit code, signal, or `timeout`."),
  }, { was: "worker.failed" }),
  readCommitted: event(
    "lab5.exactly-once.read-committed",
    "`exactly-once`: the output as read_committed sees it: each input once.",
    { ok: f.boolean, readCommitted: f.object(COUNTED) },
    { was: "eos.read-committed" },
  ),
  readUncommitted: event(
    "lab5.exactly-once.read-uncommitted",
    "`exactly-once`: the output with aborted transactions too.",
    COUNTED,
    { was: "eos.read-uncommitted" },
  ),
  retryProduced: event("lab5.retry.produced", "`retry`: the input is written.", {
    ok: f.boolean,
    topic: f.string,
    records: f.integer,
  }, { was: "produced" }),
  retryTimeout: event("lab5.retry.timeout", "`retry`: not every record was settled in time.", {
    ok: f.boolean,
  }, { was: "result" }),
  retryResult: event(
    "lab5.retry.result",
    "`retry`: each record processed once or in the DLQ, none lost.",
    {
      ok: f.boolean,
      input: f.integer,
      processedOnce: f.integer,
      processedTwice: f.integer,
      inDlq: f.integer,
      lost: f.integer,
      retried: f.integer,
      duplicatesDropped: f.integer,
      dlqReasons: f.integer.doc("DLQ records that carry their reason."),
    },
    { was: "retry.result" },
  ),
  // `lab5 worker`, the child process.
  producerReady: event(
    "lab5.producer.ready",
    "worker: the transactional producer is ready (a dead one is fenced).",
    { transactionalId: f.optional(f.string) },
    { was: "producer.ready" },
  ),
  workerJoined: event("lab5.worker.joined", "worker: it joined its group.", {
    partitions: f.array(f.integer),
  }, { was: "joined" }),
  batchStarted: event("lab5.batch.started", "worker: it starts on a group of records.", {
    partition: f.integer,
    first: f.string,
    last: f.string,
  }, { was: "batch" }),
  offsetCommitted: event("lab5.offset.committed", "worker: it committed the group's offset.", {
    partition: f.integer,
    next: f.string,
  }, { was: "committed" }),
  processed: event("lab5.record.processed", "worker: it processed a record.", {
    id: f.string,
    partition: f.integer,
    offset: f.string,
  }, { was: "processed" }),
  skipped: event(
    "lab5.records.skipped",
    "worker: records it already committed came again after a rebalance; skipped.",
    { partition: f.integer, records: f.integer },
    { was: "skipped" },
  ),
  txSent: event("lab5.tx.sent", "worker: a transaction's records are sent, not yet committed.", {
    partition: f.integer,
    first: f.string,
    last: f.string,
  }, { was: "tx.sent" }),
  txCommitted: event(
    "lab5.tx.committed",
    "worker: the transaction (records and offset) committed.",
    {
      partition: f.integer,
      ids: f.array(f.string),
      next: f.string,
    },
    { was: "tx.committed" },
  ),
  workerDone: event("lab5.worker.done", "worker: it reached the end (`--until-end`).", {}, {
    was: "worker.done",
  }),
};
