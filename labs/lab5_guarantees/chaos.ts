/**
 * Fault injection for lab 5: which broker to kill, and killing it in the
 * background the moment a condition holds (a share of a stream sent).
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { fill, t } from "../../lib/i18n.ts";
import { sleep } from "../../lib/time.ts";
import { runningBrokers, stopBroker } from "./brokers.ts";
import type { Reporter, Text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/**
 * Throws a clear error (no stack trace) unless the 3 brokers of the local
 * cluster run: lab 5 stops and kills brokers itself and counts on the others.
 * Returns the ids of the brokers up.
 */
export async function requireAllBrokers(ctx: Context): Promise<number[]> {
  const up = await brokersUp(ctx);
  if (up.length >= 3) return up;
  const now = up.join(", ") || "-";
  throw new KafkaLabError(
    t(
      `lab 5 needs the 3 brokers of the local cluster running; running now: ${now}`,
      `лабораторной 5 нужны 3 работающих брокера локального кластера; сейчас работают: ${now}`,
    ),
    {
      hint: t(
        "start them with `kafka-lab up` (it starts the stopped ones)",
        "запустите их: `kafka-lab up` (он запускает остановленные)",
      ),
    },
  );
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

/** SIGKILLs `victim` as soon as `when()` holds; reports it through `r`. */
export function killWhen(
  ctx: Context,
  r: Reporter,
  tx: Text,
  s: { victim: number; when: () => boolean; signal: AbortSignal },
): ScheduledKill {
  let cancelled = false;
  const task = (async () => {
    while (!s.when()) {
      if (cancelled || s.signal.aborted) return false;
      await sleep(20);
    }
    const at = Date.now();
    await stopBroker(ctx, s.victim, true);
    r.ok(
      fill(tx.brokerKilled, { broker: s.victim }),
      { broker: s.victim, at },
      LAB5_EVENTS.brokerKilled,
    );
    return true;
  })();
  return {
    done: () => {
      cancelled = true;
      return task;
    },
  };
}
