/**
 * What lab 5's experiments report, as data. Each part is an experiment
 * (`acks.ts`, `min_isr.ts`, ...: the Kafka and cluster work) that prints
 * nothing: it hands each step it has finished to an {@linkcode Emit} as a
 * typed value (so the user sees it when it happens, and a test can look at
 * the cluster while a broker is down) and returns a typed result. The part's
 * renderer (`acks_render.ts`, ...) turns both into lines from `text.ts` and
 * `--json` events from `events.ts`. The steps and figures several parts share
 * are declared here.
 *
 * @example
 * ```ts
 * const steps: AcksStep[] = [];
 * const result = await runAcks(ctx, settings, (step) => steps.push(step));
 * // or, as `parts.ts` does: render each step as it comes, then the result
 * const shown = await runAcks(ctx, settings, (step) => renderAcksStep(screen, step));
 * renderAcks(screen, shown);
 * ```
 * @module
 */
import type { ProducerKind } from "./producers.ts";
import type { Tally } from "./model.ts";

/** Where an experiment hands each step it has finished. */
export type Emit<S> = (step: S) => void;

/** A broker was SIGKILLed on purpose. */
export interface BrokerKilled {
  readonly kind: "broker-killed";
  readonly broker: number;
  /** `acks`: when (ms since the epoch). */
  readonly at?: number;
  /** `idempotence`: which kill (from 1). */
  readonly kill?: number;
}

/** A broker was stopped gracefully (SIGTERM, a controlled shutdown). */
export interface BrokerStopped {
  readonly kind: "broker-stopped";
  readonly broker: number;
}

/** A killed broker was started again and is back in the cluster metadata. */
export interface BrokerStarting {
  readonly kind: "broker-starting";
  readonly broker: number;
}

/** A broker started again; `full` when the ISR of the part's topics is full again. */
export interface BrokerBack {
  readonly kind: "broker-back";
  readonly broker: number;
  readonly full: boolean;
  /** How long it took, when the part shows it. */
  readonly seconds?: number;
}

/** What the parts do to brokers. */
export type ChaosStep = BrokerKilled | BrokerStopped | BrokerStarting | BrokerBack;

/** A worker process ended otherwise than planned. */
export interface WorkerFailed {
  readonly kind: "worker-failed";
  /** Its exit code, the signal's name, or `timeout`. */
  readonly code: number | string;
  /** What it wrote to stderr when it failed on its own (shown with `--verbose`). */
  readonly errors?: string;
}

/** The name of a row of figures, the same in every language. */
export type FigureKey =
  | "acks=0"
  | "acks=1"
  | "acks=all"
  | "one-down"
  | "refused"
  | "up"
  | ProducerKind;

/** One row of a part's figures: a stream counted by id. */
export interface FigureRow {
  /** A name for scripts (`plain`, `safe`, `acks=1`...); the renderer gives it a label. */
  readonly key: FigureKey;
  readonly tally: Tally;
  /** Records of failed sends the broker refused / whose outcome is unknown. */
  readonly refused?: number;
  readonly ambiguous?: number;
  /** The error codes of the failed sends, most frequent first. */
  readonly codes?: readonly string[];
  /** Records in the topic when it cannot be read by id (shown in place of the count by id). */
  readonly found?: number;
}
