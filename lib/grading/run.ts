/**
 * Runs a lab's tasks over a snapshot and sums up the results. A check that
 * throws is a failed task (with the error as evidence), never a crash, so
 * one broken record cannot hide the other tasks.
 *
 * @example
 * ```ts
 * const results = runTasks(lab2Tasks, snapshot);
 * summarize(results).requiredPassed; // true when every required task passed
 * ```
 * @module
 */
import { fillText, t } from "../i18n.ts";
import type { LabTasks, Snapshot, SnapshotNeeds, TaskResult } from "./types.ts";

/** Every task of a lab, checked against the snapshot. */
export function runTasks(lab: LabTasks, snapshot: Snapshot): TaskResult[] {
  return lab.tasks.map((task) => {
    const base = { lab: lab.lab, task: task.id, required: task.required, title: task.title };
    try {
      return { ...base, ...task.check(snapshot) };
    } catch (err) {
      return {
        ...base,
        pass: false,
        evidence: fillText(
          t("the check could not run: {error}", "проверка не выполнилась: {error}"),
          { error: err instanceof Error ? err.message : String(err) },
        ),
        hint: t(
          "report this to the instructor together with `kafka-lab check --json` output",
          "сообщите преподавателю и приложите вывод `kafka-lab check --json`",
        ),
      };
    }
  });
}

/** Counts of a set of results. */
export interface Summary {
  readonly passed: number;
  readonly total: number;
  readonly requiredPassed: number;
  readonly requiredTotal: number;
  readonly extraPassed: number;
  readonly extraTotal: number;
  /** Every required task passed. */
  readonly ok: boolean;
}

/** The counts of passed, required and extra tasks. */
export function summarize(results: readonly TaskResult[]): Summary {
  const required = results.filter((r) => r.required);
  const extra = results.filter((r) => !r.required);
  const requiredPassed = required.filter((r) => r.pass).length;
  return {
    passed: results.filter((r) => r.pass).length,
    total: results.length,
    requiredPassed,
    requiredTotal: required.length,
    extraPassed: extra.filter((r) => r.pass).length,
    extraTotal: extra.length,
    ok: requiredPassed === required.length,
  };
}

/** The union of several labs' needs (for one snapshot that serves them all). */
export function mergeNeeds(needs: readonly SnapshotNeeds[]): SnapshotNeeds {
  const uniq = (xs: readonly string[]) => [...new Set(xs)];
  return {
    topics: uniq(needs.flatMap((n) => n.topics)),
    groups: uniq(needs.flatMap((n) => n.groups)),
    otherGroupsOn: uniq(needs.flatMap((n) => n.otherGroupsOn ?? [])),
    subjects: uniq(needs.flatMap((n) => n.subjects)),
  };
}

/** Roster text → prefixes: one per line; blank lines and `#` comments are skipped. */
export function parseRoster(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/#.*$/, "").trim()).filter((l) => l !== "");
}
