/**
 * Part 3's experiment: a retry with and without idempotence, the duplicate
 * set up on purpose (`faults.ts`). Two topics of one partition, replicas
 * [L, F1, F2], min.insync.replicas=2, one producer each, both acks=all with
 * retries:
 *
 * 1. a first record to each: everyone has it (high watermark 1);
 * 2. both followers paused (SIGSTOP; they stay in the ISR);
 * 3. each producer sends the same few records; the leader appends them and
 *    waits for its ISR; after the request's timeout it answers
 *    REQUEST_TIMED_OUT, though the records are in its log;
 * 4. each producer retries the same records: without idempotence the leader
 *    appends them again; the idempotent producer's retry has the same
 *    producer id and sequence numbers, and the leader does not;
 * 5. the followers resumed: they copy what the leader has, the retries are
 *    acknowledged; each topic is read back and counted by id.
 *
 * No broker is killed. `idempotence_render.ts` shows it.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { Kafka, Producer } from "../../lib/kafka/port.ts";
import { sleep } from "../../lib/time.ts";
import {
  type Cast,
  castRoles,
  createLedTopics,
  leaderClient,
  type PartitionSnapshot,
  pauseAll,
  records,
  resumeAll,
  resumeLeftovers,
  type SendEnd,
  sendOnce,
  snapshot,
} from "./faults.ts";
import { runName, shortHex } from "./records.ts";
import type { Moment } from "./render_timeline.ts";
import type { Emit, FigureRow } from "./steps.ts";
import { countRow } from "./stream.ts";

/** Settings of part 3. */
export interface IdempotenceSettings {
  readonly prefix: string;
  /** Records per producer. */
  readonly count: number;
  readonly keepTopics: boolean;
}

/** The two producers, by their row's key. */
export type IdemKey = "plain" | "safe";
const KEYS: readonly IdemKey[] = ["plain", "safe"];

/** The broker's wait for the followers of each attempt (the produce request's timeout). */
export const IDEM_REQUEST_TIMEOUT_MS = 3_000;
/** How long after the first attempts' timeout the followers are resumed. */
const RESUME_MARGIN_MS = 2_000;
/** Retries of both producers: a short back-off, so the retry is sent well within the next attempt. */
const RETRY = { retries: 3, initialRetryTime: 200, maxRetryTime: 1_000 };

/** What part 3 reports while it runs: its timeline. */
export type IdempotenceStep =
  | { readonly kind: "topics"; readonly topics: readonly string[]; readonly cast: Cast }
  | {
    readonly kind: "cluster";
    readonly moment: Moment;
    readonly states: ReadonlyArray<{ key: IdemKey; state: PartitionSnapshot }>;
  }
  | { readonly kind: "paused"; readonly brokers: readonly number[] }
  | { readonly kind: "sent"; readonly key: IdemKey; readonly records: number }
  | { readonly kind: "retry" }
  | { readonly kind: "resumed"; readonly brokers: readonly number[] }
  | { readonly kind: "ended"; readonly key: IdemKey; readonly end: SendEnd };

/** What part 3 measured: one row per producer (`plain`, `safe`). */
export interface IdempotenceResult {
  readonly rows: readonly FigureRow[];
}

/** Runs part 3's experiment. */
export async function runIdempotence(
  ctx: Context,
  s: IdempotenceSettings,
  emit: Emit<IdempotenceStep>,
): Promise<IdempotenceResult> {
  const hex = shortHex();
  const cast = await castRoles(ctx);
  const topics = KEYS.map((k) => runName(s.prefix, `idem-${k}`, hex));
  const kafka = leaderClient(ctx, cast);
  await createLedTopics(kafka, cast, topics.map((topic) => ({ topic, minIsr: 2 })));
  emit({ kind: "topics", topics, cast });
  const producers = await makeProducers(kafka);
  const ask = async (moment: Moment): Promise<IdempotenceStep> => ({
    kind: "cluster",
    moment,
    states: await Promise.all(
      KEYS.map(async (key, i) => ({
        key,
        state: await snapshot(ctx, cast, topics[i], cast.leader),
      })),
    ),
  });
  try {
    for (const [i, p] of producers.entries()) {
      await sendOnce(p, topics[i], records(`${hex}-warm-${i}`, 1), -1);
    }
    emit(await ask("before"));
    const ends = await retryWhilePaused(
      ctx,
      { cast, topics, hex, count: s.count, producers },
      emit,
    );
    emit(await ask("after-resume"));
    const rows: FigureRow[] = [];
    for (const [i, key] of KEYS.entries()) {
      const sent = records(`${hex}-${key}`, s.count).map((m) => String(m.value));
      rows.push(
        await countRow(await ctx.kafka(), key, topics[i], {
          sent,
          acknowledged: ends[i].ok ? sent : [],
          failures: ends[i].ok
            ? []
            : [{ outcome: "ambiguous", code: ends[i].code ?? "?", records: sent.length }],
          elapsedMs: ends[i].ms,
        }),
      );
    }
    return { rows };
  } finally {
    await resumeLeftovers();
    await Promise.all(producers.map((p) => p.disconnect().catch(() => {})));
    if (!s.keepTopics) {
      await (await ctx.kafka()).withAdmin((admin) => admin.deleteTopics({ topics })).catch(
        () => {},
      );
    }
  }
}

/** The plain producer (no idempotence, one request in flight) and the library's idempotent one. */
async function makeProducers(kafka: Kafka): Promise<Producer[]> {
  return [
    await kafka.connect(
      kafka.producer({ idempotent: false, maxInFlightRequests: 1, retry: RETRY }),
    ),
    await kafka.connect(kafka.idempotentProducer({ retry: RETRY })),
  ];
}

/**
 * Steps 2 to 5: the followers paused, both sends started, the first
 * attempts left to time out on the broker and be retried, the followers
 * resumed; how each send() ended.
 */
async function retryWhilePaused(
  ctx: Context,
  run: { cast: Cast; topics: readonly string[]; hex: string; count: number; producers: Producer[] },
  emit: Emit<IdempotenceStep>,
): Promise<SendEnd[]> {
  await pauseAll(ctx, run.cast.followers, true);
  emit({ kind: "paused", brokers: run.cast.followers });
  const sends = KEYS.map((key, i) => {
    const batch = records(`${run.hex}-${key}`, run.count);
    return sendOnce(run.producers[i], run.topics[i], batch, -1, IDEM_REQUEST_TIMEOUT_MS);
  });
  for (const key of KEYS) emit({ kind: "sent", key, records: run.count });
  // Past the first attempts' timeout on the broker (counted from when the request reached
  // it, so with room for a slow start), and well before the retry's own timeout: a retry
  // sent late is appended after the resume all the same, since its first attempt has failed.
  await sleep(IDEM_REQUEST_TIMEOUT_MS + RESUME_MARGIN_MS, ctx.signal);
  emit({ kind: "retry" });
  await resumeAll(ctx, run.cast.followers);
  emit({ kind: "resumed", brokers: run.cast.followers });
  const ends = await Promise.all(sends);
  for (const [i, key] of KEYS.entries()) emit({ kind: "ended", key, end: ends[i] });
  return ends;
}
