/**
 * Part 1's experiment: what acks=0, acks=1 and acks=all promise, each
 * outcome set up on purpose (`faults.ts`), not left to the timing of a kill.
 * Three topics of one partition, replicas [L, F1, F2], all led by broker L:
 *
 * 1. a first record with acks=all to each: everyone has it (high watermark 1);
 * 2. both followers paused (SIGSTOP): they stay in the ISR, since no ISR
 *    change can be recorded without a controller majority;
 * 3. acks=1: the leader appends and acknowledges alone;
 * 4. acks=all (min.insync.replicas=2): the leader appends and waits for its
 *    ISR; the broker answers REQUEST_TIMED_OUT, nothing is acknowledged;
 * 5. the leader paused too; acks=0: the client reports every record sent,
 *    though nobody reads them;
 * 6. the leader killed (SIGKILL), the followers resumed: one of them is
 *    elected (new epoch) without anything the leader had alone;
 * 7. the old leader started again: it truncates its log to the new leader's.
 *
 * Each topic is then read back and counted by id. `acks_render.ts` shows it.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { Producer } from "../../lib/kafka/port.ts";
import { startBroker } from "./brokers.ts";
import {
  type Cast,
  castRoles,
  createLedTopics,
  killPaused,
  leaderClient,
  type PartitionSnapshot,
  pauseAll,
  records,
  resumeAll,
  resumeLeftovers,
  type SendEnd,
  sendOnce,
  snapshot,
  waitFullIsr,
  waitNewLeader,
} from "./faults.ts";
import { runName, shortHex } from "./records.ts";
import type { Emit, FigureRow } from "./steps.ts";
import { countRow } from "./stream.ts";
import type { Moment } from "./render_timeline.ts";

/** Settings of part 1. */
export interface AcksSettings {
  readonly prefix: string;
  /** Records per acks setting. */
  readonly count: number;
  readonly keepTopics: boolean;
}

/** The acks settings compared, each with its topic's min.insync.replicas. */
export const ACKS_SETTINGS = [
  { acks: 0, key: "acks=0", minIsr: 1 },
  { acks: 1, key: "acks=1", minIsr: 1 },
  { acks: -1, key: "acks=all", minIsr: 2 },
] as const;

/** One of the three settings. */
export type AcksKey = typeof ACKS_SETTINGS[number]["key"];

/** The broker's wait for the followers of an acks=all request (the request's timeout). */
export const ACKS_ALL_TIMEOUT_MS = 2_000;

/** What part 1 reports while it runs: its timeline. */
export type AcksStep =
  | { readonly kind: "topics"; readonly topics: readonly string[]; readonly cast: Cast }
  | {
    readonly kind: "cluster";
    readonly moment: Moment;
    readonly states: ReadonlyArray<{ key: AcksKey; state: PartitionSnapshot }>;
  }
  | { readonly kind: "paused"; readonly brokers: readonly number[] }
  | {
    readonly kind: "sent";
    readonly key: AcksKey;
    readonly records: number;
    readonly end: SendEnd;
  }
  | { readonly kind: "killed"; readonly broker: number }
  | { readonly kind: "resumed"; readonly brokers: readonly number[] }
  | { readonly kind: "restarted"; readonly broker: number; readonly full: boolean };

/** What part 1 measured: one row per acks setting, in the order of {@linkcode ACKS_SETTINGS}. */
export interface AcksResult {
  readonly rows: readonly FigureRow[];
  /** The new leader's epoch after the failover. */
  readonly newEpoch: number;
}

/** Runs part 1's experiment. */
export async function runAcks(
  ctx: Context,
  s: AcksSettings,
  emit: Emit<AcksStep>,
): Promise<AcksResult> {
  const hex = shortHex();
  const cast = await castRoles(ctx);
  const topics = ACKS_SETTINGS.map((x) =>
    runName(s.prefix, `acks${x.acks < 0 ? "all" : x.acks}`, hex)
  );
  const kafka = leaderClient(ctx, cast);
  await createLedTopics(
    kafka,
    cast,
    ACKS_SETTINGS.map((x, i) => ({ topic: topics[i], minIsr: x.minIsr })),
  );
  emit({ kind: "topics", topics, cast });
  const producer = await kafka.connect(
    kafka.producer({ idempotent: false, retry: { retries: 0 } }),
  );
  const ask = (moment: Moment, broker: number) => askAll(ctx, cast, topics, moment, broker);
  try {
    for (const [i, topic] of topics.entries()) {
      await sendOnce(producer, topic, records(`${hex}-warm-${i}`, 1), -1);
    }
    emit(await ask("before", cast.leader));
    const ends = await failOver(ctx, { cast, topics, hex, count: s.count, producer }, emit);
    const elected = await waitNewLeader(ctx, cast, topics[1]);
    emit(await ask("after-failover", elected.leader));
    await startBroker(ctx, cast.leader);
    emit({ kind: "restarted", broker: cast.leader, full: await waitFullIsr(ctx, topics) });
    emit(await ask("after-restart", (await waitNewLeader(ctx, cast, topics[1])).leader));
    const rows: FigureRow[] = [];
    for (const [i, x] of ACKS_SETTINGS.entries()) {
      const sent = records(`${hex}-${x.key}`, s.count).map((m) => String(m.value));
      const acknowledged = ends[i].ok ? sent : [];
      const failures = ends[i].ok
        ? []
        : [{ outcome: "ambiguous" as const, code: ends[i].code ?? "?", records: sent.length }];
      rows.push(
        await countRow(await ctx.kafka(), x.key, topics[i], {
          sent,
          acknowledged,
          failures,
          elapsedMs: ends[i].ms,
        }),
      );
    }
    return { rows, newEpoch: elected.leaderEpoch };
  } finally {
    await resumeLeftovers();
    await producer.disconnect().catch(() => {});
    if (!s.keepTopics) {
      await (await ctx.kafka()).withAdmin((admin) => admin.deleteTopics({ topics })).catch(
        () => {},
      );
    }
  }
}

/** Steps 2 to 6: pause, send with each acks, kill the leader, resume the followers. */
async function failOver(
  ctx: Context,
  run: { cast: Cast; topics: readonly string[]; hex: string; count: number; producer: Producer },
  emit: Emit<AcksStep>,
): Promise<SendEnd[]> {
  const { cast, topics, producer } = run;
  const batch = (key: AcksKey) => records(`${run.hex}-${key}`, run.count);
  await pauseAll(ctx, cast.followers, true);
  emit({ kind: "paused", brokers: cast.followers });
  const one = await sendOnce(producer, topics[1], batch("acks=1"), 1);
  emit({ kind: "sent", key: "acks=1", records: run.count, end: one });
  const all = await sendOnce(producer, topics[2], batch("acks=all"), -1, ACKS_ALL_TIMEOUT_MS);
  emit({ kind: "sent", key: "acks=all", records: run.count, end: all });
  emit(await askAll(ctx, cast, topics, "after-send", cast.leader));
  await pauseAll(ctx, [cast.leader], false);
  emit({ kind: "paused", brokers: [cast.leader] });
  const zero = await sendOnce(producer, topics[0], batch("acks=0"), 0);
  emit({ kind: "sent", key: "acks=0", records: run.count, end: zero });
  await killPaused(ctx, cast.leader);
  emit({ kind: "killed", broker: cast.leader });
  await resumeAll(ctx, cast.followers);
  emit({ kind: "resumed", brokers: cast.followers });
  return [zero, one, all];
}

/** The three topics as broker `broker` sees them. */
async function askAll(
  ctx: Context,
  cast: Cast,
  topics: readonly string[],
  moment: Moment,
  broker: number,
): Promise<AcksStep> {
  const states = [];
  for (const [i, x] of ACKS_SETTINGS.entries()) {
    states.push({ key: x.key, state: await snapshot(ctx, cast, topics[i], broker) });
  }
  return { kind: "cluster", moment, states };
}
