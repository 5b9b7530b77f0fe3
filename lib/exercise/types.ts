/**
 * What an exercise check judges: one criterion's verdict with its evidence and
 * (when it fails) a hint, both in English and Russian. The judges are pure
 * functions of what the grader saw (the broker's records and offsets, the
 * program's exit and output), so each is unit-tested both ways.
 *
 * @example
 * ```ts
 * const v: Verdict = { id: "producer.records", pass: true, evidence: t("5 records", "5 записей") };
 * ```
 * @module
 */
import type { Text } from "../i18n.ts";

/** Where `check labN --exercise DIR` saves its verdicts (in DIR), for `report --exercise DIR`. */
export const RESULTS_FILE = "check-results.json";

/** One criterion's verdict. */
export interface Verdict {
  /** Stable id: `<program>.<what>` (`producer.records`, `consumer.committed`). */
  readonly id: string;
  readonly pass: boolean;
  /** What the grader saw. */
  readonly evidence: Text;
  /** What to do; present when the criterion fails. */
  readonly hint?: Text;
}

/** How one run of a student's program ended. */
export interface ProgramRun {
  /** The command line, for the evidence. */
  readonly command: readonly string[];
  /** The exit code; undefined when the program was killed. */
  readonly code: number | undefined;
  /** Killed because it did not finish within the bound. */
  readonly timedOut: boolean;
  /** Killed on purpose when its output showed what the grader waited for (a crash test). */
  readonly killedOnPurpose: boolean;
  /** The bound, in seconds. */
  readonly boundSeconds: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Could not start (no such program): the reason. */
  readonly spawnError?: string;
}
