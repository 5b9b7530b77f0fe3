/**
 * Grading a class: {@linkcode gradeRoster} is the one entry point that
 * `kafka-lab check --roster`, `kafka-lab class grade` and `deno task grade`
 * share. It takes ONE snapshot of the cluster for every student (one admin
 * session, one reader of the records, the commit history and the journals),
 * then runs each lab's pure checks on each student's share.
 *
 * @example
 * ```ts
 * const grade = await gradeRoster(ctx, ["anna.", "boris."], { labs: ["lab2"] });
 * grade.students[0].labs[0].summary.ok; // anna's lab 2 done?
 * gradebookCsv(grade, "en"); // one table: student,lab,task,kind,status,evidence_time,evidence
 * ```
 * @module
 */
import type { Kafka } from "../kafka/port.ts";
import { UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { mergeNeeds, runTasks, summarize, type Summary } from "./run.ts";
import type { SnapshotOptions } from "./snapshot.ts";
import type { GradedLabsSource, LabTasks, Snapshot, TaskResult } from "./types.ts";

/** What grading needs from its caller; a command's `Context` is one. */
export interface GradingSource {
  kafka(): Promise<Kafka>;
  readonly config: { readonly registryUrl: string };
  readonly graded: GradedLabsSource;
}

/** Which labs, and how. */
export interface GradeOptions {
  /** Lab ids (`lab2`); every graded lab when absent or empty. */
  readonly labs?: readonly string[];
  /** A lab's consumer group by its course name, where the student used another (`check --group`). */
  readonly groups?: Readonly<Record<string, string>>;
  /** Limits of the one snapshot. */
  readonly snapshot?: SnapshotOptions;
  /** Told when the registry did not answer although a lab needs it. */
  readonly onRegistryDown?: () => void;
}

/** One lab of one student. */
export interface LabGrade {
  readonly lab: LabTasks;
  readonly results: readonly TaskResult[];
  readonly summary: Summary;
}

/** One student: the prefix, the snapshot their share was read into, each lab. */
export interface StudentGrade {
  readonly prefix: string;
  readonly snapshot: Snapshot;
  readonly labs: readonly LabGrade[];
}

/** A class graded from one snapshot. */
export interface RosterGrade {
  /** When the snapshot was taken (ISO 8601). */
  readonly takenAt: string;
  readonly labs: readonly LabTasks[];
  readonly students: readonly StudentGrade[];
  /** Every required task of every student passed. */
  readonly ok: boolean;
}

/** The graded labs named (all when none), in course order; a usage error for an unknown one. */
export async function labsNamed(
  source: GradedLabsSource,
  names: readonly string[] = [],
): Promise<LabTasks[]> {
  const all = await source.labs();
  for (const name of names) {
    if (!all.some((l) => l.lab === name)) {
      const vars = { name, labs: all.map((l) => l.lab).join(", ") };
      throw new UsageError(
        fillText(t("no graded lab '{name}'", "нет проверяемой лабораторной '{name}'"), vars),
        fillText(t("labs: {labs}", "лабораторные: {labs}"), vars),
      );
    }
  }
  return names.length === 0 ? [...all] : all.filter((l) => names.includes(l.lab));
}

/** A course group name from `--group`: the student's prefix, when given, is taken off. */
function courseName(prefix: string, group: string): string {
  return prefix !== "" && group.startsWith(prefix) ? group.slice(prefix.length) : group;
}

/**
 * Grades every student of `roster` (prefixes) on the labs asked for, from
 * ONE snapshot of the cluster. Never throws for a student's missing work;
 * throws only when the cluster cannot be read (exit 3) or a lab is unknown.
 */
export async function gradeRoster(
  source: GradingSource,
  roster: readonly string[],
  options: GradeOptions = {},
): Promise<RosterGrade> {
  const labs = await labsNamed(source.graded, options.labs);
  const needs = mergeNeeds(labs.map((l) => l.needs));
  const { takeSnapshots } = await import("./snapshot.ts");
  const kafka = await source.kafka();
  const snaps = await takeSnapshots(
    kafka,
    source.config.registryUrl,
    roster,
    needs,
    options.snapshot,
  );
  if (needs.subjects.length > 0 && snaps.some((s) => !s.registryReachable)) {
    options.onRegistryDown?.();
  }
  const students = snaps.map((raw) => {
    const groups = options.groups;
    const snapshot: Snapshot = groups
      ? {
        ...raw,
        groupNames: Object.fromEntries(
          Object.entries(groups).map(([lab, g]) => [lab, courseName(raw.prefix, g)]),
        ),
      }
      : raw;
    return {
      prefix: raw.prefix,
      snapshot,
      labs: labs.map((lab) => {
        const results = runTasks(lab, snapshot);
        return { lab, results, summary: summarize(results) };
      }),
    };
  });
  return {
    takenAt: snaps[0]?.takenAt ?? new Date().toISOString(),
    labs,
    students,
    ok: students.every((s) => s.labs.every((l) => l.summary.ok)),
  };
}
