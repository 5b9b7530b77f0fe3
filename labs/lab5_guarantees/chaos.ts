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

/**
 * Throws a clear error (no stack trace) unless the 3 brokers of the local
 * cluster run: lab 5 stops and kills brokers itself and counts on the others.
 * Returns the ids of the brokers up.
 */
export async function requireAllBrokers(ctx: Context): Promise<number[]> {
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
