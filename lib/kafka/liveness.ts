/**
 * Watches, from outside a running consumer, whether any bootstrap broker
 * still accepts connections. kafkajs retries a lost cluster forever and
 * silently, so a consumer of a cluster that went `down` would wait with no
 * output and no end. The watch probes the bootstrap addresses every
 * {@linkcode PROBE_EVERY_MS}; when none answers it says so (stderr, or the
 * command's `<scope>.brokers.lost` event with `--json`), then says how long
 * it has waited every {@linkcode REPORT_EVERY_MS}, and after the bound
 * ({@linkcode GIVE_UP_MS} by default, or the consumer's `--idle-timeout`)
 * aborts its signal: the consumer stops with nothing more committed, and the
 * command ends with the watch's {@linkcode BrokerWatch.failure} (exit 3).
 * When a broker answers again it says so and the consumer goes on where it
 * was (kafkajs reconnects by itself; the uncommitted records are read).
 *
 * It never touches the consumer loop: it only hands the loop a signal.
 *
 * @example
 * ```ts
 * const watch = watchBrokers({ brokers: ctx.config.brokers, signal: ctx.signal,
 *   report: brokerReporter(ctx.out, LAB4_EVENTS) });
 * try { await consume(kafka, { ...options, signal: watch.signal }); }
 * finally { watch.stop(); }
 * watch.throwIfGaveUp();
 * ```
 * @module
 */
import { UnreachableError } from "../errors.ts";
import { event, type EventDef, field as f } from "../events.ts";
import { fillText, t, type Text } from "../i18n.ts";
import { type ProbeResult, probeTcp } from "../net.ts";
import type { Output } from "../output.ts";

/** How often the bootstrap brokers are probed. */
export const PROBE_EVERY_MS = 1_000;
/** How often a consumer without brokers says how long it has waited. */
export const REPORT_EVERY_MS = 10_000;
/** How long a consumer waits for a broker to come back before it gives up (exit 3). */
export const GIVE_UP_MS = 60_000;
/** How long one probe of one address waits. */
const PROBE_TIMEOUT_MS = 2_000;

/** What the watch tells while it waits. */
export interface BrokerReport {
  /** No bootstrap broker answers (told once per outage). */
  lost(brokers: readonly string[], giveUpSeconds: number): void;
  /** Still none, after `seconds` of waiting. */
  waiting(seconds: number, giveUpSeconds: number): void;
  /** A broker answers again after `seconds`. */
  back(seconds: number): void;
}

/** Options of {@linkcode watchBrokers}. */
export interface WatchOptions {
  readonly brokers: readonly string[];
  /** The user's signal (Ctrl+C); the watch's own signal follows it. */
  readonly signal: AbortSignal;
  readonly report: BrokerReport;
  /** Give up after this long without brokers (default {@linkcode GIVE_UP_MS}). */
  readonly giveUpMs?: number;
  /** The probe of one address (default a TCP connect). */
  readonly probe?: (address: string, timeoutMs: number) => Promise<ProbeResult>;
  readonly probeEveryMs?: number;
  readonly reportEveryMs?: number;
}

/** A running watch; see the module docs. */
export interface BrokerWatch {
  /** Aborted on the user's signal or when the watch gives up. */
  readonly signal: AbortSignal;
  /** The error to end with when the watch gave up, else `undefined`. */
  failure(): UnreachableError | undefined;
  /** Throws {@linkcode BrokerWatch.failure} when there is one. */
  throwIfGaveUp(): void;
  /**
   * The watch's failure, or when no broker answers right now (an outage
   * shorter than the bound), the same exit-3 error for it; else `undefined`.
   */
  outage(): UnreachableError | undefined;
  /** Stops probing. */
  stop(): void;
}

/** Starts watching the bootstrap brokers; see the module docs. */
export function watchBrokers(options: WatchOptions): BrokerWatch {
  const giveUpMs = options.giveUpMs ?? GIVE_UP_MS;
  const giveUpSeconds = Math.round(giveUpMs / 1000);
  const probe = options.probe ?? probeTcp;
  const everyMs = options.probeEveryMs ?? PROBE_EVERY_MS;
  const reportEveryMs = options.reportEveryMs ?? REPORT_EVERY_MS;
  const giveUp = new AbortController();
  const signal = AbortSignal.any([options.signal, giveUp.signal]);
  let lostAt: number | undefined;
  let reportedAt = 0;
  let failure: UnreachableError | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const round = async () => {
    timer = undefined;
    if (stopped || signal.aborted) return;
    const results = await Promise.all(options.brokers.map((b) => probe(b, PROBE_TIMEOUT_MS)));
    if (stopped || signal.aborted) return;
    const now = Date.now();
    if (results.some((r) => r.ok)) {
      if (lostAt !== undefined) options.report.back(Math.round((now - lostAt) / 1000));
      lostAt = undefined;
    } else if (lostAt === undefined) {
      lostAt = reportedAt = now;
      options.report.lost(options.brokers, giveUpSeconds);
    } else if (now - lostAt >= giveUpMs) {
      failure = brokersGone(options.brokers, Math.round((now - lostAt) / 1000));
      giveUp.abort(failure);
      return;
    } else if (now - reportedAt >= reportEveryMs) {
      reportedAt = now;
      options.report.waiting(Math.round((now - lostAt) / 1000), giveUpSeconds);
    }
    timer = setTimeout(round, everyMs);
  };
  timer = setTimeout(round, everyMs);

  return {
    signal,
    failure: () => failure,
    throwIfGaveUp() {
      if (failure) throw failure;
    },
    outage() {
      if (failure || lostAt === undefined) return failure;
      return brokersGone(options.brokers, Math.round((Date.now() - lostAt) / 1000));
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/** The exit-3 error of a consumer that waited in vain. */
function brokersGone(brokers: readonly string[], seconds: number): UnreachableError {
  return new UnreachableError(
    fillText(
      t(
        "no Kafka broker answers at {brokers}: the consumer gave up after {seconds} s of waiting",
        "ни один брокер Kafka не отвечает по адресам {brokers}: консьюмер перестал ждать через {seconds} с",
      ),
      { brokers: brokers.join(", "), seconds },
    ),
    {
      hint: t(
        "start the cluster (`kafka-lab up`) and run the consumer again: it goes on from the last committed offset",
        "запустите кластер (`kafka-lab up`) и запустите консьюмер снова: он продолжит с последнего зафиксированного смещения",
      ),
    },
  );
}

/** The events of {@linkcode brokerEvents}. */
export interface BrokerEvents {
  readonly brokersLost: EventDef<{ readonly brokers: string[]; readonly giveUpSeconds: number }>;
  readonly brokersWaiting: EventDef<{ readonly seconds: number; readonly giveUpSeconds: number }>;
  readonly brokersBack: EventDef<{ readonly seconds: number }>;
}

/** The three events a consumer command declares in its catalogue: `<scope>.brokers.lost|waiting|back`. */
export function brokerEvents(scope: string): BrokerEvents {
  return {
    brokersLost: event(
      `${scope}.brokers.lost`,
      "The consumer lost every broker; it waits for one to come back, then gives up (exit 3).",
      {
        brokers: f.array(f.string),
        giveUpSeconds: f.integer.doc("When it gives up without a broker."),
      },
    ),
    brokersWaiting: event(
      `${scope}.brokers.waiting`,
      "Still no broker (every 10 s while the consumer waits).",
      { seconds: f.integer, giveUpSeconds: f.integer },
    ),
    brokersBack: event(
      `${scope}.brokers.back`,
      "A broker answers again; the consumer goes on where it was.",
      { seconds: f.integer.doc("How long it was without brokers.") },
    ),
  };
}

const TEXT = {
  lost: t(
    "no Kafka broker answers at {brokers}; waiting for one to come back (giving up after {giveUp} s)",
    "ни один брокер Kafka не отвечает по адресам {brokers}; жду, когда вернётся (перестану ждать через {giveUp} с)",
  ),
  waiting: t(
    "still no Kafka broker after {seconds} s (giving up after {giveUp} s)",
    "брокеров Kafka всё ещё нет, жду {seconds} с (перестану ждать через {giveUp} с)",
  ),
  back: t(
    "a Kafka broker answers again after {seconds} s; the consumer goes on",
    "брокер Kafka снова отвечает через {seconds} с; консьюмер продолжает",
  ),
};

/** Tells the watch's news on stderr, or as the command's events with `--json`. */
export function brokerReporter(
  out: Output,
  events: BrokerEvents,
): BrokerReport {
  const say = (text: Text, vars: Record<string, string | number>) => fillText(text, vars)[out.lang];
  return {
    lost(brokers, giveUpSeconds) {
      const line = say(TEXT.lost, { brokers: brokers.join(", "), giveUp: giveUpSeconds });
      if (out.json) out.event(events.brokersLost, { brokers: [...brokers], giveUpSeconds });
      else out.warn(line);
    },
    waiting(seconds, giveUpSeconds) {
      const line = say(TEXT.waiting, { seconds, giveUp: giveUpSeconds });
      if (out.json) out.event(events.brokersWaiting, { seconds, giveUpSeconds });
      else out.warn(line);
    },
    back(seconds) {
      const line = say(TEXT.back, { seconds });
      if (out.json) out.event(events.brokersBack, { seconds });
      else out.warn(line);
    },
  };
}

/** What {@linkcode watched} needs of the command's context. */
export interface WatchContext {
  readonly config: { readonly brokers: readonly string[] };
  readonly out: Output;
  readonly signal: AbortSignal;
}

/**
 * Runs a consumer with a {@linkcode BrokerWatch}: `run` gets the signal to
 * stop on. When the watch gave up, or `run` ended (an error, or
 * `--idle-timeout` running out) while no broker answers, the exit-3 error of
 * {@linkcode BrokerWatch.outage} is thrown instead of what `run` returned or
 * threw: a consumer whose cluster is gone did not finish its work.
 */
export async function watched<T>(
  ctx: WatchContext,
  events: BrokerEvents,
  giveUpMs: number | undefined,
  run: (signal: AbortSignal) => Promise<T>,
  options: Pick<WatchOptions, "probe" | "probeEveryMs" | "reportEveryMs"> = {},
): Promise<T> {
  const watch = watchBrokers({
    ...options,
    brokers: ctx.config.brokers,
    signal: ctx.signal,
    report: brokerReporter(ctx.out, events),
    giveUpMs,
  });
  let result: T;
  try {
    result = await run(watch.signal);
  } catch (err) {
    throw watch.outage() ?? err;
  } finally {
    watch.stop();
  }
  const outage = watch.outage();
  if (outage) throw outage;
  return result;
}
