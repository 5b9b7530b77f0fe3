/**
 * The consumer loop every lab uses: subscribe with a group, hand records to
 * the lab one at a time or in batches, commit offsets by hand after the lab
 * has handled them (at-least-once), and stop cleanly on `--max-messages`,
 * `--idle-timeout` or Ctrl+C: the record or batch in hand is finished and
 * committed, then the consumer leaves its group. It is written against the
 * Kafka port (`port.ts`), so it runs the same on kafkajs and on a fake.
 *
 * A consumer that is done stops within about {@linkcode FETCH_WAIT_MS}: its
 * last commit is made before the stop (each record or batch is committed as
 * soon as it is handled), and the stop then waits for kafkajs' fetchers.
 * kafkajs 2.2.4 runs one fetcher per broker, and `consumer.disconnect()`
 * waits until each has finished its round: the fetcher of a broker that leads
 * none of this member's partitions sleeps `maxWaitTimeInMs` per round
 * (`ConsumerGroup.fetch`), and the one that leads them waits as long in the
 * broker's long poll. Closing sockets cannot end a sleep, so consumers here
 * fetch with a short `maxWaitTimeInMs` instead of kafkajs' usual 1 s (a
 * consumer that reads one record exited about 1 s after it). Records still
 * arrive at once (the broker answers as soon as it has one); an idle
 * consumer asks a little more often.
 *
 * @example
 * ```ts
 * const summary = await consume(kafka, {
 *   topic: "hello-kafka", groupId: "hello-group", fromBeginning: true,
 *   signal, maxMessages: 5,
 *   onRecord: async (r) => console.log(r.value),
 * });
 * ```
 * @module
 */
import { KafkaLabError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import type {
  Consumer,
  ConsumerRunConfig,
  EachBatchPayload,
  EachMessagePayload,
  Kafka,
} from "./port.ts";
import { chunk, type ConsumedRecord, nextOffset, toRecord } from "./records.ts";
import { sleep } from "../time.ts";

export { chunk, type ConsumedRecord, nextOffset, toRecord } from "./records.ts";

/** Why the loop stopped. */
export type StopReason = "max-messages" | "idle" | "signal";

/** Options of {@linkcode consume}. */
export interface ConsumeOptions {
  readonly topic: string;
  readonly groupId: string;
  /** Where a group without committed offsets starts: the oldest record (true) or new ones only. */
  readonly fromBeginning: boolean;
  readonly signal: AbortSignal;
  /** Stop after handling this many records. */
  readonly maxMessages?: number;
  /** Stop after this long without a record, counted from joining the group. */
  readonly idleTimeoutMs?: number;
  /** Handle one record; its offset is committed when this resolves. */
  readonly onRecord?: (record: ConsumedRecord) => Promise<void> | void;
  /**
   * Handle a batch (at most `batchSize` records of one partition); one commit
   * follows the whole batch.
   */
  readonly onBatch?: (records: readonly ConsumedRecord[]) => Promise<void> | void;
  readonly batchSize?: number;
  /** Told after each commit: the partition and the next offset to read. */
  readonly onCommit?: (partition: number, nextOffset: string) => void;
  /** Told when this member gets its partitions (empty: it stays idle). */
  readonly onAssign?: (partitions: readonly number[]) => void;
  /** Fail when the consumer has not joined its group by then (default 60 s). */
  readonly joinTimeoutMs?: number;
  /** The fetch wait (`maxWaitTimeInMs`); default {@linkcode FETCH_WAIT_MS}. */
  readonly fetchWaitMs?: number;
}

/** What the loop did. */
export interface ConsumeSummary {
  readonly records: number;
  readonly batches: number;
  readonly commits: number;
  readonly elapsedMs: number;
  readonly stoppedBy: StopReason;
}

/** Errors of a commit that lost its partitions to a rebalance: the records will be read again. */
function isRebalanceError(err: unknown): boolean {
  const type = (err as { type?: string })?.type ?? "";
  return ["REBALANCE_IN_PROGRESS", "ILLEGAL_GENERATION", "UNKNOWN_MEMBER_ID"].includes(type) ||
    (err as Error)?.name === "KafkaJSRebalanceError"; // kafkajs' own rebalance error class
}

/**
 * A crash of the kafkajs consumer that is not a fault of Kafka or of the lab,
 * so the loop restarts its consumer from the committed offsets (no record is
 * skipped): a `TypeError` of kafkajs' own bookkeeping (wrapped in
 * `KafkaJSNonRetriableError`), as `OffsetManager.resolveOffsets` throws when a
 * rebalance replaces its offsets map while it reads it (tulios/kafkajs#1366);
 * or a rebalance error kafkajs marks as not retriable and so ends the consumer
 * with, e.g. REBALANCE_IN_PROGRESS from a SyncGroup while a dead member's
 * session runs out (its `start()` hands any join error to the crash handler).
 */
export function isClientFault(err: unknown): boolean {
  return causeChain(err).some((e) => e instanceof TypeError || isRebalanceError(e));
}

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 10;) {
    chain.push(e);
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return chain;
}

/**
 * The longest a fetch waits for new records (`maxWaitTimeInMs`), and so the
 * longest a stop waits; see the module docs.
 */
export const FETCH_WAIT_MS = 50;

/** How many times one run restarts its consumer after a client fault. */
export const MAX_RESTARTS = 20;

/** The state of one {@linkcode consume} call, shared by its consumers (one at a time). */
class Loop {
  records = 0;
  batches = 0;
  commits = 0;
  restarts = 0;
  stopping = false;
  joined = false;
  lastActivity = Date.now();
  stopReason: StopReason = "signal";
  crash: unknown;
  readonly started = Date.now();
  readonly finished: Promise<void>;
  #finish!: () => void;
  /** The record or batch being handled right now: a stop waits for it. */
  inFlight: Promise<unknown> = Promise.resolve();

  constructor(readonly options: ConsumeOptions) {
    this.finished = new Promise<void>((resolve) => (this.#finish = resolve));
  }

  stop(reason: StopReason): void {
    if (this.stopping) return;
    this.stopping = true;
    this.stopReason = reason;
    this.#finish();
  }

  fail(err: unknown): void {
    this.crash ??= err;
    this.stop("signal");
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight = work.catch(() => {});
    return work;
  }

  /** Runs a handler; a failure stops the loop (kafkajs would retry the batch forever). */
  async guard(work: () => Promise<void> | void): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  /** After a commit: the loop stops once `maxMessages` records are handled. */
  counted(): void {
    this.lastActivity = Date.now();
    const max = this.options.maxMessages;
    if (max !== undefined && this.records >= max) this.stop("max-messages");
  }

  summary(): ConsumeSummary {
    return {
      records: this.records,
      batches: this.batches,
      commits: this.commits,
      elapsedMs: Date.now() - this.started,
      stoppedBy: this.stopReason,
    };
  }
}

/**
 * Runs a consumer until a stop condition; see the module docs. Resolves when
 * the consumer has committed what it handled and left the group.
 */
export async function consume(
  kafka: Kafka,
  options: ConsumeOptions,
): Promise<ConsumeSummary> {
  if (!options.onRecord === !options.onBatch) {
    throw new Error("consume needs exactly one of onRecord and onBatch");
  }
  const loop = new Loop(options);
  await kafka.preflight();
  const onAbort = () => loop.stop("signal");
  options.signal.addEventListener("abort", onAbort, { once: true });
  const timer = setInterval(() => watch(loop), 100);
  try {
    while (!loop.stopping) {
      const fault = await runConsumer(kafka, loop);
      if (fault === undefined || loop.stopping) break;
      if (++loop.restarts > MAX_RESTARTS) {
        loop.fail(fault);
        break;
      }
      kafka.debug(`consumer restarts after a kafkajs fault: ${(fault as Error).message}`);
    }
  } finally {
    clearInterval(timer);
    options.signal.removeEventListener("abort", onAbort);
    loop.stopping = true;
  }
  if (loop.crash) throw kafka.translate(loop.crash);
  return loop.summary();
}

/** The join deadline and the idle timeout, checked every 100 ms. */
function watch(loop: Loop): void {
  const { options } = loop;
  const joinTimeoutMs = options.joinTimeoutMs ?? 60_000;
  if (!loop.joined && Date.now() > loop.started + joinTimeoutMs) {
    loop.fail(
      new KafkaLabError(
        fillText(
          t(
            "the consumer did not join group {group} within {seconds} s",
            "консьюмер не вошёл в группу {group} за {seconds} с",
          ),
          { group: options.groupId, seconds: Math.round(joinTimeoutMs / 1000) },
        ),
        {
          hint: t(
            "check `kafka-lab status`; a group coordinator needs its internal topic's replicas",
            "проверьте `kafka-lab status`: координатору группы нужны реплики его служебного топика",
          ),
        },
      ),
    );
  }
  if (
    loop.joined && options.idleTimeoutMs !== undefined &&
    Date.now() - loop.lastActivity >= options.idleTimeoutMs
  ) loop.stop("idle");
}

/**
 * One consumer's life: join, handle records until the loop stops (resolves
 * `undefined`) or kafkajs crashes on its own bookkeeping (resolves the
 * error: the caller starts a new consumer). Always leaves the group.
 */
async function runConsumer(kafka: Kafka, loop: Loop): Promise<unknown> {
  const { options } = loop;
  const consumer = await kafka.connect(
    kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: options.fetchWaitMs ?? FETCH_WAIT_MS,
    }),
  );
  let fault: unknown;
  let restart!: () => void;
  const crashed = new Promise<void>((resolve) => (restart = resolve));
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    loop.joined = true;
    loop.lastActivity = Date.now();
    const assigned = e.payload.memberAssignment[options.topic] ?? [];
    options.onAssign?.([...assigned].sort((a, b) => a - b));
  });
  consumer.on(consumer.events.CRASH, (e) => {
    if (e.payload.restart) return; // kafkajs starts the consumer again itself
    if (isClientFault(e.payload.error)) {
      fault = e.payload.error;
      restart();
    } else loop.fail(e.payload.error);
  });
  try {
    await subscribe(consumer, options);
    await consumer.run(runConfig(consumer, loop));
    await Promise.race([loop.finished, crashed]);
  } finally {
    await loop.inFlight;
    await kafka.disconnectConsumer(consumer).catch(() => {});
  }
  return fault;
}

/**
 * Subscribes; a topic created a moment ago may not be known yet to the
 * broker asked (KRaft brokers apply the metadata log asynchronously), so
 * that is retried briefly.
 */
async function subscribe(consumer: Consumer, options: ConsumeOptions): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      await consumer.subscribe({ topic: options.topic, fromBeginning: options.fromBeginning });
      return;
    } catch (err) {
      const type = (err as { type?: string }).type;
      const transient = type === "UNKNOWN_TOPIC_OR_PARTITION" || type === "LEADER_NOT_AVAILABLE";
      if (!transient || Date.now() > until || options.signal.aborted) throw err;
      await sleep(200, options.signal);
    }
  }
}

/** Commits the offset after `offset`; a commit lost to a rebalance is not an error. */
async function commit(
  consumer: Consumer,
  loop: Loop,
  partition: number,
  offset: string,
): Promise<void> {
  const next = nextOffset(offset);
  try {
    await consumer.commitOffsets([{ topic: loop.options.topic, partition, offset: next }]);
    loop.commits++;
    loop.options.onCommit?.(partition, next);
  } catch (err) {
    if (!isRebalanceError(err)) throw err;
    // The partition moved to another member, which starts from the last
    // committed offset: these records will be handled again (at-least-once).
  }
}

/** kafkajs' run configuration: one record or one batch at a time, committed by hand. */
function runConfig(consumer: Consumer, loop: Loop): ConsumerRunConfig {
  if (loop.options.onRecord) {
    const onRecord = loop.options.onRecord;
    return {
      autoCommit: false,
      eachMessage: ({ topic, partition, message }: EachMessagePayload) => {
        if (loop.stopping) return Promise.resolve(); // not handled, not committed: read again later
        return loop.track((async () => {
          loop.lastActivity = Date.now();
          if (!await loop.guard(() => onRecord(toRecord(topic, partition, message)))) return;
          loop.records++;
          if (!await loop.guard(() => commit(consumer, loop, partition, message.offset))) return;
          loop.counted();
        })());
      },
    };
  }
  return {
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: (payload: EachBatchPayload) =>
      loop.stopping ? Promise.resolve() : loop.track(handleBatch(consumer, loop, payload)),
  };
}

/** Hands a fetched batch to the lab in chunks of `batchSize`, committing after each. */
async function handleBatch(
  consumer: Consumer,
  loop: Loop,
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
): Promise<void> {
  const { options } = loop;
  for (let group of chunk(batch.messages, options.batchSize ?? 10)) {
    if (loop.stopping || !isRunning() || isStale()) return;
    if (options.maxMessages !== undefined) {
      group = group.slice(0, options.maxMessages - loop.records);
    }
    loop.lastActivity = Date.now();
    const recs = group.map((m) => toRecord(batch.topic, batch.partition, m));
    if (!await loop.guard(() => options.onBatch!(recs))) return;
    loop.records += group.length;
    loop.batches++;
    const last = group[group.length - 1].offset;
    resolveOffset(last);
    if (!await loop.guard(() => commit(consumer, loop, batch.partition, last))) return;
    await heartbeat();
    loop.counted();
  }
}
