/**
 * The state of one consumer-loop run (`consumer_loop.ts`), shared by the
 * kafkajs consumers it starts one after another, and the watch that runs
 * every 100 ms beside them: the join deadline, the idle timeout and the wait
 * for a group coordinator that moved or went away.
 * @module
 */
import { ExitCode, KafkaLabError } from "../errors.ts";
import { fillText, type Localizable, t } from "../i18n.ts";
import {
  BatchAbandoned,
  type ConsumeOptions,
  type ConsumeSummary,
  type StopReason,
} from "./consumer_types.ts";

/**
 * The longest a fetch waits for new records (`maxWaitTimeInMs`), and so the
 * longest a stop waits; see the module docs.
 */
export const FETCH_WAIT_MS = 50;

export const MAX_RESTARTS = 20;

/**
 * The longest a consumer waits for its group coordinator after losing it
 * (from the first coordinator error until a coordinator takes it back into
 * the group); then it fails with exit 3. See the module docs.
 */
export const COORDINATOR_WAIT_MS = 120_000;

export const COORDINATOR_WARN_MS = 5_000;

/**
 * In how many memberships (joins) in a row commits may be lost to
 * rebalances, with none made, before the loop gives up: a group whose members each take longer over a batch than the group
 * waits for them (kafkajs 2.2.4 heartbeats only between batches) rebalances
 * for ever, and no commit ever lands.
 */
export const MAX_LOST_COMMITS = 5;

export const COORDINATOR_BACKOFF_MS = 250;

/**
 * A consumer counts as idle (no new record) only while its fetches come back:
 * one whose last fetch round ended longer ago than this is not idle but cut
 * off (kafkajs stops every fetcher while the leader of one partition does not
 * answer, until the leadership moves), and records may be waiting for it.
 */
export const FETCHING_MS = 3_000;

export class Loop {
  records = 0;
  batches = 0;
  commits = 0;
  restarts = 0;
  stopping = false;
  joined = false;
  lastActivity = Date.now();
  stopReason: StopReason = "signal";
  crash: unknown;
  /** When this member lost its coordinator; undefined while it has one. */
  coordinatorLostAt: number | undefined;
  lastCoordinatorError: unknown;
  lastCoordinatorErrorAt = 0;
  lastWarning = 0;
  /** Memberships (joins) that lost a commit to a rebalance since the last commit that was made. */
  lostInARow = 0;
  lostSinceJoin = false;
  /** Coordinator restarts since the coordinator was lost. */
  coordinatorTries = 0;
  /** The current consumer is being replaced: it hands no more records to the lab. */
  replacing = false;
  /** Ends the current consumer so that a new one finds the coordinator again. */
  replace: (err: unknown) => void = () => {};
  joinStarted = Date.now();
  readonly started = Date.now();
  /** Where warnings go: `onWarning`, else the Kafka port's output. */
  warn: (message: Localizable) => void = () => {};
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

  /** No more records for the lab from this consumer: stopping, or being replaced. */
  get halted(): boolean {
    return this.stopping || this.replacing;
  }

  /** A coordinator error: remember since when, and replace the consumer. */
  lostCoordinator(err: unknown): void {
    this.coordinatorError(err);
    this.replacing = true;
    this.replace(err);
  }

  /** Remembers a coordinator error and, at the first, since when the coordinator is away. */
  coordinatorError(err: unknown): void {
    this.lastCoordinatorError = err;
    this.lastCoordinatorErrorAt = Date.now();
    this.coordinatorLostAt ??= Date.now();
  }

  /** When a fetch round last came back (with records or none). */
  lastFetchAt = Date.now();

  fetched(): void {
    this.lastFetchAt = Date.now();
  }

  /** kafkajs restarts this member by itself: it is out of its group until it joins again. */
  leftGroup(): void {
    this.joined = false;
    this.joinStarted = Date.now();
  }

  /** A coordinator took this member into its group. */
  joinedGroup(): void {
    this.joined = true;
    this.lastFetchAt = Date.now();
    this.lostSinceJoin = false;
    this.lastActivity = Date.now();
  }

  /**
   * Each partition's end when the run started, for a run that reads only new
   * records; the first join commits them where the group has no offset
   * (`consumer_start.ts`), and `pinned` is then true. Handlers wait for `pinning`.
   */
  ends: ReadonlyMap<number, string> | undefined;
  pinned = false;
  pinning: Promise<void> = Promise.resolve();

  /** Handlers (and their commits) running now: the idle timeout does not run out under them. */
  busy = 0;

  track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    const settled = work.finally(() => {
      this.busy--;
      this.lastActivity = Date.now();
    });
    this.inFlight = settled.catch(() => {});
    return settled;
  }

  /** Runs a handler; a failure stops the loop (kafkajs would retry the batch forever). */
  async guard(work: () => Promise<void> | void): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (err) {
      // The group rebalanced under a batch: not a failure; the batch is read again.
      if (!(err instanceof BatchAbandoned)) this.fail(err);
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
 * While the coordinator is away: a warning every few seconds, and the bound.
 * It is back once a new consumer has joined its group and no coordinator
 * error came for {@linkcode COORDINATOR_WARN_MS} (a join alone is not
 * enough: commits may still be refused).
 */
export function watchCoordinator(loop: Loop, lostAt: number): void {
  const { options } = loop;
  const now = Date.now();
  if (loop.joined && now - loop.lastCoordinatorErrorAt >= COORDINATOR_WARN_MS) {
    loop.coordinatorLostAt = undefined;
    loop.coordinatorTries = 0;
    loop.lastWarning = 0;
    return;
  }
  const waited = now - lostAt;
  const bound = options.coordinatorWaitMs ?? COORDINATOR_WAIT_MS;
  if (waited >= bound) {
    loop.fail(
      new KafkaLabError(
        fillText(
          t(
            "the group coordinator of {group} has not answered for {seconds} s",
            "координатор группы {group} не отвечает уже {seconds} с",
          ),
          { group: options.groupId, seconds: Math.round(waited / 1000) },
        ),
        {
          exitCode: ExitCode.unreachable,
          cause: loop.lastCoordinatorError,
          hint: t(
            "check which brokers run with `kafka-lab status`; the committed offsets are kept, so a new run goes on where this one stopped",
            "какие брокеры работают, покажет `kafka-lab status`; зафиксированные смещения сохранены, новый запуск продолжит с того же места",
          ),
        },
      ),
    );
    return;
  }
  if (now - loop.lastWarning >= COORDINATOR_WARN_MS) {
    loop.lastWarning = now;
    loop.warn(
      fillText(
        t(
          "waiting for the group coordinator of {group} ({waited} s, giving up after {bound} s); records whose commit did not reach it are read again",
          "ждём координатора группы {group} ({waited} с, сдаёмся через {bound} с); записи, чья фиксация до него не дошла, будут прочитаны снова",
        ),
        {
          group: options.groupId,
          waited: Math.round(waited / 1000),
          bound: Math.round(bound / 1000),
        },
      ),
    );
  }
}

export function watch(loop: Loop): void {
  const { options } = loop;
  if (loop.coordinatorLostAt !== undefined) {
    watchCoordinator(loop, loop.coordinatorLostAt);
    return;
  }
  const joinTimeoutMs = options.joinTimeoutMs ?? 60_000;
  if (!loop.joined && Date.now() > loop.joinStarted + joinTimeoutMs) {
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
    loop.joined && loop.busy === 0 && options.idleTimeoutMs !== undefined &&
    Date.now() - loop.lastActivity >= options.idleTimeoutMs &&
    Date.now() - loop.lastFetchAt <= FETCHING_MS
  ) loop.stop("idle");
}
