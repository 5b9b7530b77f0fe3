/**
 * Setting a failure up on purpose, for parts 1 and 3: one leader and two
 * followers chosen by id, topics whose only partition they hold, pausing
 * (SIGSTOP) and resuming brokers, killing the leader, and asking the
 * cluster what it says (leader, epoch, ISR, high watermark) on one broker's
 * own address, so a paused broker never holds a question up.
 *
 * Why pausing both followers makes the outcome certain: every node of the
 * local 3-broker cluster is also a KRaft controller. With two of them
 * paused the controller quorum has no majority, so no ISR change can be
 * recorded: the paused followers stay in the ISR however long they hang,
 * and when the leader dies one of them is elected, without what the leader
 * alone had appended.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import type { Kafka, Message, Producer } from "../../lib/kafka/port.ts";
import {
  forgetPaused,
  localNodes,
  pauseBroker,
  requireState,
  resumeAllPaused,
  resumeBroker,
} from "../../lib/cluster/mod.ts";
import { type PartitionSnapshot, partitionSnapshot } from "../../lib/kafka/wire/partition.ts";
import { sleep, waitFor } from "../../lib/time.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { classifySendError } from "./model.ts";
import { pickVictim } from "./chaos.ts";
import { stopBroker, waitTopicsIsr } from "./brokers.ts";
import { createTopic, idRecord, recordId } from "./records.ts";
import { bothLanguages } from "./text.ts";

export type { PartitionSnapshot };

/** Who plays which role: the leader to pause or kill, its two followers, their addresses. */
export interface Cast {
  readonly leader: number;
  readonly followers: readonly number[];
  readonly address: ReadonlyMap<number, string>;
}

/**
 * Kafka's `replica.fetch.wait.max.ms` (500 ms) and a margin: a follower's fetch
 * that reached the leader just before the pause is answered (empty) by then,
 * and a paused follower sends no other, so nothing the leader appends later
 * reaches it.
 */
export const FOLLOWER_FETCH_SETTLE_MS = 1_500;

/** The leader (the highest broker id: never broker 1, the bootstrap address) and the others. */
export async function castRoles(ctx: Context): Promise<Cast> {
  const leader = await pickVictim(ctx);
  const nodes = await localNodes(requireState(ctx.config.stateDir));
  const followers = nodes.map((n) => n.id).filter((id) => id !== leader).sort((a, b) => a - b);
  return { leader, followers, address: new Map(nodes.map((n) => [n.id, n.address])) };
}

/** A client that bootstraps through the leader only (a paused broker must not answer metadata). */
export function leaderClient(ctx: Context, cast: Cast): Kafka {
  const brokers = [cast.address.get(cast.leader)!];
  return new KafkaClients({ ...ctx.config, brokers }, ctx.out);
}

/** Topics of one partition, replicas [leader, followers...], each with its min.insync.replicas. */
export async function createLedTopics(
  kafka: Kafka,
  cast: Cast,
  topics: ReadonlyArray<{ topic: string; minIsr: number }>,
): Promise<void> {
  await kafka.withAdmin(async (admin) => {
    for (const x of topics) {
      await createTopic(admin, {
        topic: x.topic,
        assignment: [[cast.leader, ...cast.followers]],
        config: { "min.insync.replicas": String(x.minIsr) },
      });
    }
  });
}

/** The partition as broker `ask` sees it now (high watermark when it leads). */
export function snapshot(
  ctx: Context,
  cast: Cast,
  topic: string,
  ask: number,
): Promise<PartitionSnapshot> {
  return partitionSnapshot(cast.address.get(ask)!, topic, 0, { sasl: ctx.config.sasl });
}

/** Pauses `ids` (resumed on exit whatever happens) and lets their last fetches settle. */
export async function pauseAll(
  ctx: Context,
  ids: readonly number[],
  settle: boolean,
): Promise<void> {
  for (const id of ids) {
    await pauseBroker(id, { config: ctx.config, out: ctx.out, resumeOnExit: true });
  }
  if (settle) await sleep(FOLLOWER_FETCH_SETTLE_MS, ctx.signal);
}

/** Resumes `ids`. */
export async function resumeAll(ctx: Context, ids: readonly number[]): Promise<void> {
  for (const id of ids) await resumeBroker(id, { config: ctx.config, out: ctx.out });
}

/** SIGKILLs broker `id`, paused or not (a paused process dies all the same). */
export async function killPaused(ctx: Context, id: number): Promise<void> {
  await stopBroker(ctx, id, true);
  forgetPaused(id);
}

/** Resumes whatever this run paused and has not resumed (on errors and Ctrl+C). */
export async function resumeLeftovers(): Promise<void> {
  await resumeAllPaused();
}

/**
 * Waits until a follower reports a new leader for `topic` (not `old`), with
 * its high watermark, and returns what it says.
 */
export async function waitNewLeader(
  ctx: Context,
  cast: Cast,
  topic: string,
  timeoutMs = 90_000,
): Promise<PartitionSnapshot> {
  let last: PartitionSnapshot | undefined;
  const moved = await waitFor(async () => {
    for (const f of cast.followers) {
      try {
        const s = await snapshot(ctx, cast, topic, f);
        if (s.leader >= 0 && s.leader !== cast.leader) {
          last = s.leader === f ? s : await snapshot(ctx, cast, topic, s.leader);
          return last.highWatermark !== undefined;
        }
      } catch {
        // still starting to serve again: ask again
      }
    }
    return false;
  }, { timeoutMs, intervalMs: 300, signal: ctx.signal });
  if (!moved || !last) {
    throw new KafkaLabError(bothLanguages("noNewLeader", { topic, leader: cast.leader }));
  }
  return last;
}

/** Waits until the ISR of every one of `topics` is full again. */
export function waitFullIsr(ctx: Context, topics: readonly string[]): Promise<boolean> {
  return ctx.kafka().then((k) => waitTopicsIsr(k, topics, 120_000));
}

/** `count` records of run `run`: ids `<run>-000000`... */
export function records(run: string, count: number): Message[] {
  return Array.from({ length: count }, (_, n) => idRecord(recordId(run, n)));
}

/** How one send() of a group of records ended. */
export interface SendEnd {
  readonly ok: boolean;
  readonly code?: string;
  readonly ms: number;
}

/** One send() of `messages`; `timeoutMs` is the broker's wait for acks=all (the request's timeout). */
export async function sendOnce(
  producer: Producer,
  topic: string,
  messages: Message[],
  acks: -1 | 0 | 1,
  timeoutMs = 30_000,
): Promise<SendEnd> {
  const started = Date.now();
  try {
    await producer.send({ topic, messages, acks, timeout: timeoutMs });
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    return { ok: false, code: classifySendError(err).code, ms: Date.now() - started };
  }
}
