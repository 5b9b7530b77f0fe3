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
 * ## When the group coordinator moves or stops
 *
 * kafkajs 2.2.4 looks the group coordinator up once, when its consumer group
 * joins (`ConsumerGroup.coordinator`), and hands that broker to its offset
 * manager (`OffsetManager.coordinator`), which only reconnects to the *same*
 * broker when the connection drops. When the coordinator moves (its broker is
 * killed or paused, or a preferred-leader election moves the
 * `__consumer_offsets` partition, which Kafka does by itself every 300 s after
 * a broker restart), every retry of a commit goes to the old broker and gets
 * NOT_COORDINATOR, a refused connection or a timeout until the retries run
 * out, and the consumer died with it (exit 1 or 3).
 *
 * So a commit that fails with a coordinator error (NOT_COORDINATOR,
 * COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS, a connection error
 * or a request timeout, anywhere in kafkajs' chain of causes) is not an error
 * here: the loop drops that consumer and starts a new one (a new kafkajs client,
 * so a fresh FindCoordinator), which re-reads from the committed offsets. The
 * record or batch whose commit failed was handled but is read and handled
 * again (at-least-once; nothing is skipped, at most the uncommitted part is
 * re-read); no record is handed to the lab between the failed commit and the
 * restart. The same holds when kafkajs' consumer itself crashes on a
 * coordinator error it does not restart from.
 *
 * While it waits, the consumer says so every {@linkcode COORDINATOR_WARN_MS}
 * (`onWarning`), and it gives up with exit 3 ("cannot reach") when no
 * coordinator has taken it back into its group for
 * {@linkcode COORDINATOR_WAIT_MS}. A bound rather than running on forever:
 * a lab consumer is watched by a student, and a cluster whose coordinator
 * stays away for two minutes needs them (`kafka-lab status`), not a consumer
 * that waits in silence; a broker restart or a leader move takes seconds, a
 * paused broker is fenced and its partitions moved after about 10 s.
 *
 * A commit lost to a rebalance (REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION,
 * UNKNOWN_MEMBER_ID, also when kafkajs wraps it in a retry error) is not an
 * error either: the member that gets the partition reads from the committed
 * offset. Lost commits in more than {@linkcode MAX_LOST_COMMITS} memberships in
 * a row, with none made, is a group that cannot settle (exit 1, with a hint).
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
import type {
  Consumer,
  ConsumerRunConfig,
  EachBatchPayload,
  EachMessagePayload,
  Kafka,
} from "./port.ts";
import { chunk, toRecord } from "./records.ts";
import { sleep } from "../time.ts";
import {
  BatchAbandoned,
  type BatchControl,
  type ConsumeOptions,
  type ConsumeSummary,
} from "./consumer_types.ts";
import {
  COORDINATOR_BACKOFF_MS,
  FETCH_WAIT_MS,
  Loop,
  MAX_RESTARTS,
  watch,
} from "./consumer_state.ts";
import { pinStart, startEnds } from "./consumer_start.ts";
import { guardedCommit } from "./consumer_commit.ts";
import {
  isClientFault,
  isCoordinatorError,
  isCoordinatorOrUnreachable,
  isRebalanceError,
} from "./consumer_errors.ts";

export { chunk, type ConsumedRecord, nextOffset, toRecord } from "./records.ts";
export type { BatchControl, ConsumeOptions, ConsumeSummary, StopReason } from "./consumer_types.ts";
export { BatchAbandoned } from "./consumer_types.ts";
export {
  COORDINATOR_WAIT_MS,
  COORDINATOR_WARN_MS,
  FETCH_WAIT_MS,
  MAX_LOST_COMMITS,
  MAX_RESTARTS,
} from "./consumer_state.ts";
export { isClientFault, isCoordinatorError, isRebalanceError } from "./consumer_errors.ts";

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
  loop.warn = options.onWarning ?? ((message) => kafka.warn(message));
  await kafka.preflight();
  if (!options.fromBeginning) {
    loop.ends = await startEnds(kafka, options.topic).catch(() => undefined);
  }
  const onAbort = () => loop.stop("signal");
  options.signal.addEventListener("abort", onAbort, { once: true });
  const timer = setInterval(() => watch(loop), 100);
  try {
    while (!loop.stopping) {
      let fault: unknown;
      try {
        fault = await runConsumer(kafka, loop);
      } catch (err) {
        // A new consumer after a lost coordinator may not even connect while the
        // broker is away: that is part of the wait, bounded by `watch`.
        if (loop.coordinatorLostAt === undefined || !isCoordinatorOrUnreachable(err)) throw err;
        loop.coordinatorError(err);
        fault = err;
      }
      if (fault === undefined || loop.stopping) break;
      if (loop.coordinatorLostAt !== undefined) {
        const pause = Math.min(COORDINATOR_BACKOFF_MS * 2 ** loop.coordinatorTries++, 5_000);
        kafka.debug(
          `consumer looks for its group coordinator again in ${pause} ms: ${
            (fault as Error).message
          }`,
        );
        await Promise.race([sleep(pause), loop.finished]);
        continue;
      }
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
  let restart!: () => void;
  const crashed = new Promise<void>((resolve) => (restart = resolve));
  const member: Member = { retired: false, fault: undefined, restart: () => restart() };
  loop.replacing = false;
  loop.joined = false;
  loop.joinStarted = Date.now();
  loop.replace = (err) => {
    member.fault ??= err;
    restart();
  };
  listen(kafka, consumer, loop, member);
  try {
    await subscribe(consumer, options);
    await consumer.run(runConfig(consumer, loop, member));
    await Promise.race([loop.finished, crashed]);
  } finally {
    await loop.inFlight;
    member.retired = true;
    await kafka.disconnectConsumer(consumer).catch(() => {});
  }
  return member.fault;
}

/**
 * One kafkajs consumer of the loop. `retired` once the loop has let it go:
 * from then on its events and records are ignored. kafkajs schedules its own
 * restart after a crash, also when the crash comes while it is being
 * disconnected, and such a consumer joined the group again beside its
 * replacement; one that joins after it was retired is disconnected again.
 */
interface Member {
  retired: boolean;
  fault: unknown;
  restart(): void;
}

/** The loop's listeners on one kafkajs consumer's events. */
function listen(kafka: Kafka, consumer: Consumer, loop: Loop, member: Member): void {
  const { options } = loop;
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    if (member.retired) {
      kafka.debug("a consumer this loop let go joined its group again: disconnecting it");
      void kafka.disconnectConsumer(consumer).catch(() => {});
      return;
    }
    loop.joinedGroup();
    const assigned = e.payload.memberAssignment[options.topic] ?? [];
    if (loop.ends && !loop.pinned) {
      loop.pinning = pinStart(kafka, consumer, loop, loop.ends, assigned);
    }
    options.onAssign?.([...assigned].sort((a, b) => a - b));
  });
  consumer.on(consumer.events.FETCH, () => {
    if (!member.retired) loop.fetched();
  });
  consumer.on(consumer.events.CRASH, (e) => {
    if (member.retired) return;
    const coordinator = isCoordinatorError(e.payload.error);
    if (e.payload.restart) {
      // kafkajs starts the consumer again itself, with a new coordinator lookup;
      // a coordinator error starts the wait (warnings, bound) until it rejoins.
      // Until then it is out of its group: the idle timeout waits for the
      // rejoin (it would stop a consumer whose records are still to come),
      // and the join timeout bounds it.
      if (coordinator) loop.coordinatorError(e.payload.error);
      loop.leftGroup();
      return;
    }
    if (coordinator) loop.lostCoordinator(e.payload.error);
    else if (isClientFault(e.payload.error)) {
      member.fault = e.payload.error;
      member.restart();
    } else loop.fail(e.payload.error);
  });
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

/** kafkajs' run configuration: one record or one batch at a time, committed by hand. */
function runConfig(consumer: Consumer, loop: Loop, member: Member): ConsumerRunConfig {
  if (loop.options.onRecord) {
    const onRecord = loop.options.onRecord;
    return {
      autoCommit: false,
      eachMessage: ({ topic, partition, message }: EachMessagePayload) => {
        // Not handled, not committed: read again later.
        if (loop.halted || member.retired) return Promise.resolve();
        return loop.track((async () => {
          await loop.pinning;
          if (loop.halted) return;
          loop.lastActivity = Date.now();
          if (!await loop.guard(() => onRecord(toRecord(topic, partition, message)))) return;
          loop.records++;
          if (!await guardedCommit(consumer, loop, partition, message.offset)) return;
          loop.counted();
        })());
      },
    };
  }
  return {
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: (payload: EachBatchPayload) =>
      loop.halted || member.retired
        ? Promise.resolve()
        : loop.track(handleBatch(consumer, loop, payload)),
  };
}

/** Hands a fetched batch to the lab in chunks of `batchSize`, committing after each. */
async function handleBatch(
  consumer: Consumer,
  loop: Loop,
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
): Promise<void> {
  const { options } = loop;
  await loop.pinning;
  const control = batchControl(heartbeat, isStale);
  for (let group of chunk(batch.messages, options.batchSize ?? 10)) {
    if (loop.halted || !isRunning() || isStale()) return;
    if (options.maxMessages !== undefined) {
      group = group.slice(0, options.maxMessages - loop.records);
    }
    loop.lastActivity = Date.now();
    const recs = group.map((m) => toRecord(batch.topic, batch.partition, m));
    if (!await loop.guard(() => options.onBatch!(recs, control))) return;
    loop.records += group.length;
    loop.batches++;
    const last = group[group.length - 1].offset;
    resolveOffset(last);
    if (!await guardedCommit(consumer, loop, batch.partition, last)) return;
    await heartbeat();
    loop.counted();
  }
}

/**
 * The handler's heartbeat: kafkajs' own (throttled to the heartbeat
 * interval); a rebalance, seen by the heartbeat or by kafkajs marking the
 * batch stale, abandons the batch (see {@linkcode BatchControl}). Other
 * heartbeat errors never fail the handler: a coordinator that moved makes the
 * batch's commit fail too, and that restarts the consumer (found by the
 * coordinator fault test: NOT_COORDINATOR from the heartbeat ended lab 4's
 * batch consumer with exit 1).
 */
function batchControl(heartbeat: () => Promise<void>, isStale: () => boolean): BatchControl {
  return {
    async heartbeat() {
      if (isStale()) throw new BatchAbandoned();
      try {
        await heartbeat();
      } catch (err) {
        if (isRebalanceError(err)) throw new BatchAbandoned({ cause: err });
        // Anything else (a coordinator that moved or does not answer) is the
        // batch's commit to deal with: it restarts the consumer (see the module docs).
      }
    },
  };
}
