/**
 * Lab 4's exercise criteria: how often each consumer committed, as the
 * broker recorded it in `__consumer_offsets` (never from the program's
 * output), and whether a batch consumer killed mid-run and restarted lost a
 * record (at-least-once).
 *
 * @example
 * ```ts
 * judgeBatchCommits([10, 20, 25], 25).pass; // true: three commits of at most 10 records
 * judgeSingleCommits([25], 25).pass; // false: one commit for 25 records
 * ```
 * @module
 */
import { cutList, fillText, t } from "../i18n.ts";
import type { Verdict } from "./types.ts";

/** How many records the grader writes for lab 4's consumers. */
export const LAB4_RECORDS = 25;

/** The most records a batch may hold between two commits. */
export const MAX_BATCH = 10;

/** The message ids the grader writes (`msg-01` …), zero-padded so none is the start of another. */
export function messageIds(count: number, tag: string): string[] {
  return Array.from({ length: count }, (_, i) => `msg-${tag}-${String(i + 1).padStart(2, "0")}`);
}

/** Records covered by each commit: the committed offsets' steps, from `start`. */
export function commitSteps(offsets: readonly number[], start = 0): number[] {
  return offsets.map((o, i) => o - (i === 0 ? start : offsets[i - 1]));
}

function commitVars(offsets: readonly number[], end: number) {
  return {
    n: offsets.length,
    offsets: offsets.length ? cutList(offsets.map(String), 30) : "-",
    end,
  };
}

const EVIDENCE = t(
  "{n} commit(s) seen in __consumer_offsets, offsets: {offsets} (end {end})",
  "в __consumer_offsets видно фиксаций: {n}, смещения: {offsets} (конец {end})",
);

/**
 * The batch consumer committed after each batch of at most {@linkcode MAX_BATCH}
 * records, through the end, and not after every record (at most one commit
 * per two records on average).
 */
export function judgeBatchCommits(offsets: readonly number[], end: number): Verdict {
  const steps = commitSteps(offsets).filter((s) => s > 0);
  const pass = offsets.at(-1) === end && steps.every((s) => s <= MAX_BATCH) &&
    steps.length * 2 <= end;
  return {
    id: "batch.commits",
    pass,
    evidence: fillText(EVIDENCE, commitVars(offsets, end)),
    hint: pass ? undefined : t(
      "take up to 10 records, process them all, then commit once (auto-commit off); repeat to the end",
      "берите до 10 записей, обработайте все, затем один раз зафиксируйте (автофиксация выключена); и так до конца",
    ),
  };
}

/** The single consumer committed after every record, through the end. */
export function judgeSingleCommits(offsets: readonly number[], end: number): Verdict {
  const pass = offsets.at(-1) === end && commitSteps(offsets).every((s) => s <= 1);
  return {
    id: "single.commits",
    pass,
    evidence: fillText(EVIDENCE, commitVars(offsets, end)),
    hint: pass ? undefined : t(
      "commit after each record you processed (auto-commit off), before taking the next",
      "фиксируйте после каждой обработанной записи (автофиксация выключена), прежде чем брать следующую",
    ),
  };
}

/** What the crash run saw: the ids each run printed, whether the kill landed, the final offset. */
export interface CrashRun {
  readonly ids: readonly string[];
  /** The program was killed mid-run (it had not finished by itself). */
  readonly killed: boolean;
  readonly firstPrinted: readonly string[];
  readonly secondPrinted: readonly string[];
  readonly committed: number;
  readonly end: number;
}

/**
 * Killed with SIGKILL mid-run and started again, the batch consumer lost no
 * record: every id was printed by one run or the other, and the group's
 * offset reached the end (at-least-once: some may be printed twice).
 */
export function judgeNoLoss(c: CrashRun): Verdict {
  const seen = new Set([...c.firstPrinted, ...c.secondPrinted]);
  const lost = c.ids.filter((id) => !seen.has(id));
  const pass = c.killed && lost.length === 0 && c.committed === c.end;
  const vars = {
    first: c.firstPrinted.length,
    second: c.secondPrinted.length,
    lost: lost.length ? cutList(lost, 8) : t("none", "нет"),
    committed: c.committed < 0 ? t("none", "нет") : String(c.committed),
    end: c.end,
  };
  const evidence = c.killed
    ? t(
      "killed after {first} record(s); the restart processed {second}; lost: {lost}; committed {committed} of {end}",
      "остановлена (SIGKILL) после записей: {first}; после перезапуска обработано: {second}; потеряно: {lost}; зафиксировано {committed} из {end}",
    )
    : t(
      "the program ended before the kill point ({first} record(s) processed)",
      "программа завершилась раньше момента остановки (обработано записей: {first})",
    );
  return {
    id: "batch.at-least-once",
    pass,
    evidence: fillText(evidence, vars),
    hint: pass ? undefined : t(
      "commit a batch only after every record of it was processed: a crash then re-reads, never skips",
      "фиксируйте пачку только после обработки всех её записей: тогда после сбоя записи читаются снова, а не пропускаются",
    ),
  };
}

/** The ids among `ids` that `stdout` shows, in the order of `ids`. */
export function printedIds(stdout: string, ids: readonly string[]): string[] {
  return ids.filter((id) => stdout.includes(id));
}
