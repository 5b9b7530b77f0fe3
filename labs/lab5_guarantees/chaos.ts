/**
 * Fault injection for lab 5: which broker to kill, and killing it in the
 * background the moment a condition holds (a share of a stream sent).
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { sleep } from "../../lib/time.ts";
import { runningBrokers, stopBroker } from "./brokers.ts";
import type { BrokerKilled, Emit } from "./steps.ts";
import { bothLanguages } from "./text.ts";
import { requireOwnCluster } from "../../lib/cluster/mod.ts";
import { fill } from "../../lib/i18n.ts";
import { text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/** The parts that pause, kill or stop brokers. */
export const FAULT_PARTS: readonly string[] = ["acks", "min-isr", "idempotence"];

/**
 * Before a run with a part that pauses, kills or restarts brokers: refuses
 * (exit 2) on a cluster kafka-lab did not start or with a broker down, and
 * says what is about to happen to the local cluster's brokers.
 */
export async function announceFaults(ctx: Context, parts: readonly string[]): Promise<void> {
  if (!parts.some((p) => FAULT_PARTS.includes(p))) return;
  const brokers = await requireAllBrokers(ctx);
  const line = fill(text(ctx.config.lang).faultWarning, { brokers: brokers.join(", ") });
  ctx.out.event(LAB5_EVENTS.faultWarning, { brokers }, ctx.out.style("yellow", `! ${line}`));
}

/**
 * Throws a clear error (no stack trace) unless the 3 brokers of the local
 * cluster run: lab 5 stops and kills brokers itself and counts on the others.
 * Returns the ids of the brokers up.
 */
export async function requireAllBrokers(ctx: Context): Promise<number[]> {
  await requireOwnCluster(ctx.config);
  const up = await brokersUp(ctx);
  if (up.length >= 3) return up;
  const now = up.join(", ") || "-";
  throw new KafkaLabError(bothLanguages("needBrokers", { now }), {
    hint: bothLanguages("needBrokersHint"),
  });
}

/**
 * The broker to kill: the highest id that runs. Broker 1 is never chosen:
 * new clients bootstrap through its address, and it must stay up.
 */
export async function pickVictim(ctx: Context, exclude: readonly number[] = []): Promise<number> {
  const up = await requireAllBrokers(ctx);
  const candidates = up.filter((b) => b !== 1 && !exclude.includes(b));
  return candidates[candidates.length - 1];
}

/** Brokers up now. */
export function brokersUp(ctx: Context): Promise<number[]> {
  return runningBrokers(ctx);
}

/** A kill scheduled in the background; `done()` waits for it (or cancels it if not yet due). */
export interface ScheduledKill {
  done(): Promise<boolean>;
}

/** SIGKILLs `victim` as soon as `when()` holds, and hands the kill to `emit`. */
export function killWhen(
  ctx: Context,
  s: { victim: number; when: () => boolean; signal: AbortSignal },
  emit: Emit<BrokerKilled>,
): ScheduledKill {
  let cancelled = false;
  const task = (async () => {
    while (!s.when()) {
      if (cancelled || s.signal.aborted) return false;
      await sleep(20);
    }
    const at = Date.now();
    await stopBroker(ctx, s.victim, true);
    emit({ kind: "broker-killed", broker: s.victim, at });
    return true;
  })();
  return {
    done: () => {
      cancelled = true;
      return task;
    },
  };
}
