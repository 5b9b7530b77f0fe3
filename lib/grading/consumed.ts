/**
 * "A consumer of this group read these records": checks that do not change
 * with time and that an offset reset does not fool. They read the group's
 * history (`Snapshot.history`, from `__consumer_offsets`): only commits a
 * member wrote count, minus those a `groups reset` journal entry explains;
 * the highest such commit per partition is what the group consumed, whatever
 * was written or reset later. Without a history (the internal topic could
 * not be read) they fall back to the committed offsets of now and say so.
 *
 * @example
 * ```ts
 * consumedThrough(s, "hello-group", "hello-kafka", new Map([[0, 5]]), hint);
 * ```
 * @module
 */
import { fillText, t, type Text } from "../i18n.ts";
import { committedOn, fail, noTopic, pass, real } from "./facts.ts";
import type { CheckResult, CommitEvent, Snapshot } from "./types.ts";
import { START_METADATA } from "../kafka/consumer_start.ts";

/** How far apart a reset's journal entry and its commit may be. */
const RESET_WINDOW_MS = 120_000;
/** Records this much older than a group's last commit must be behind it. */
export const CAUGHT_UP_SLACK_MS = 10_000;

/** Whether a journal `groups.reset` entry explains this commit. */
function isJournalReset(s: Snapshot, group: string, c: CommitEvent): boolean {
  return (s.journal ?? []).some((e) =>
    e.what === "groups.reset" && e.group === group && e.topic === c.topic &&
    e.offsets?.[String(c.partition)] === c.offset &&
    Math.abs(Date.parse(e.at) - c.time) < RESET_WINDOW_MS
  );
}

/**
 * The group's commits on a course topic, split into a consumer's and a
 * reset's; undefined when there is no history to tell.
 */
export function commitsOf(
  s: Snapshot,
  group: string,
  topic: string,
): { consumer: CommitEvent[]; reset: CommitEvent[] } | undefined {
  if (s.history === undefined) return undefined;
  const realTopic = real(s, topic);
  const all = (s.history[group]?.commits ?? []).filter((c) => c.topic === realTopic);
  const consumer: CommitEvent[] = [];
  const reset: CommitEvent[] = [];
  for (const c of all) {
    // Where a kafka-lab consumer that reads only new records started: no record read.
    if (c.metadata === START_METADATA) continue;
    (c.byMember && !isJournalReset(s, real(s, group), c) ? consumer : reset).push(c);
  }
  return { consumer, reset };
}

function highest(commits: readonly CommitEvent[]): Map<number, CommitEvent> {
  const best = new Map<number, CommitEvent>();
  for (const c of commits) {
    const b = best.get(c.partition);
    if (!b || c.offset > b.offset) best.set(c.partition, c);
  }
  return best;
}

function list(needed: ReadonlyMap<number, number>, got: (p: number) => number | undefined) {
  return [...needed].sort(([a], [b]) => a - b).map(([p, n]) => `p${p}: ${got(p) ?? "-"}/${n}`)
    .join(", ");
}

/** Falls back to the committed offsets of now (no history to read). */
function fromCommittedNow(
  s: Snapshot,
  group: string,
  topic: string,
  needed: ReadonlyMap<number, number>,
  hint: Text,
): CheckResult {
  const now = committedOn(s, group, topic);
  const vars = {
    group: real(s, group),
    topic: real(s, topic),
    positions: list(needed, (p) => now.get(p)),
  };
  const ok = [...needed].every(([p, n]) => (now.get(p) ?? -1) >= n);
  const text = ok
    ? t(
      "group {group} committed through the records of {topic} (committed/needed: {positions}; no commit history to tell a reset from reading)",
      "группа {group} зафиксировала смещения после записей {topic} (зафиксировано/нужно: {positions}; истории фиксаций нет, сброс от чтения не отличить)",
    )
    : t(
      "group {group} has not committed through the records of {topic} (committed/needed: {positions})",
      "группа {group} не зафиксировала смещения после записей {topic} (зафиксировано/нужно: {positions})",
    );
  return ok ? pass(fillText(text, vars)) : fail(fillText(text, vars), hint);
}

/**
 * Passes when members of `group` committed, on each partition of `needed`,
 * at least the offset given (the offset after the lab's last record there).
 */
export function consumedThrough(
  s: Snapshot,
  group: string,
  topic: string,
  needed: ReadonlyMap<number, number>,
  hint: Text,
): CheckResult {
  if (!s.topics[topic]) return noTopic(s, topic, hint);
  const commits = commitsOf(s, group, topic);
  if (commits === undefined) return fromCommittedNow(s, group, topic, needed, hint);
  const best = highest(commits.consumer);
  const resets = highest(commits.reset);
  const vars = {
    group: real(s, group),
    topic: real(s, topic),
    positions: list(needed, (p) => best.get(p)?.offset),
    resets: [...resets].sort(([a], [b]) => a - b).map(([p, c]) => `p${p}: ${c.offset}`).join(", "),
  };
  const short = [...needed].filter(([p, n]) => (best.get(p)?.offset ?? -1) < n);
  if (short.length === 0 && needed.size > 0) {
    const at = Math.max(...[...needed.keys()].map((p) => best.get(p)!.time));
    return {
      ...pass(fillText(
        t(
          "consumers of group {group} read and committed through the records of {topic} (committed/needed: {positions})",
          "консьюмеры группы {group} прочитали записи {topic} и зафиксировали смещения после них (зафиксировано/нужно: {positions})",
        ),
        vars,
      )),
      at: new Date(at).toISOString(),
    };
  }
  if (resets.size > 0 && short.some(([p, n]) => (resets.get(p)?.offset ?? -1) >= n)) {
    return fail(
      fillText(
        t(
          "offsets of {group} on {topic} were moved by an offset reset, not by a consumer that read ({resets}); by consumers: {positions}",
          "смещения {group} в {topic} передвинуты сбросом, а не консьюмером, который читал ({resets}); консьюмерами: {positions}",
        ),
        vars,
      ),
      hint,
    );
  }
  return fail(
    fillText(
      t(
        "no consumer of group {group} committed through the records of {topic} (committed/needed: {positions})",
        "ни один консьюмер группы {group} не зафиксировал смещения после записей {topic} (зафиксировано/нужно: {positions})",
      ),
      vars,
    ),
    hint,
  );
}

/**
 * Passes when the group was caught up when its consumers last committed:
 * every record older than that commit (by {@linkcode CAUGHT_UP_SLACK_MS})
 * is behind the group's committed offsets, and at least one record is.
 * Records written later do not count, so the verdict stays.
 */
export function caughtUp(s: Snapshot, group: string, topic: string, hint: Text): CheckResult {
  const snap = s.topics[topic];
  if (!snap) return noTopic(s, topic, hint);
  const commits = commitsOf(s, group, topic);
  const last = commits === undefined
    ? Number.POSITIVE_INFINITY
    : Math.max(-1, ...commits.consumer.map((c) => c.time));
  const needed = new Map<number, number>();
  for (const slack of commits ? [CAUGHT_UP_SLACK_MS, 0] : [0]) {
    for (const r of snap.records) {
      if (r.timestamp <= last - slack) {
        needed.set(r.partition, Math.max(needed.get(r.partition) ?? 0, r.offset + 1));
      }
    }
    if (needed.size > 0) break;
  }
  if (needed.size === 0) {
    for (const e of snap.ends) if (e.high > e.low) needed.set(e.partition, e.high);
  }
  if (needed.size === 0) {
    return fail(fillText(t("{topic} is empty", "{topic} пуст"), { topic: snap.name }), hint);
  }
  return consumedThrough(s, group, topic, needed, hint);
}

/** Course group ids that consumers of `topic` used: in the history, or with offsets now. */
export function groupsOn(s: Snapshot, topic: string): string[] {
  const realTopic = real(s, topic);
  const ids = new Set<string>();
  for (const [id, h] of Object.entries(s.history ?? {})) {
    if (h.commits.some((c) => c.topic === realTopic)) ids.add(id);
  }
  for (const [id, g] of Object.entries(s.groups)) {
    if (g.offsets.some((o) => o.topic === topic)) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * {@linkcode caughtUp} for the group a lab's consumer used: the group the
 * grader named (`check --group`, `Snapshot.groupNames[lab]`), else the
 * course's group, else any other group that passes (the seeds' own names,
 * the student's). The result names the group.
 */
export function caughtUpAnyGroup(
  s: Snapshot,
  lab: string,
  courseGroup: string,
  topic: string,
  hint: Text,
): CheckResult {
  const named = s.groupNames?.[lab];
  if (named !== undefined) return caughtUp(s, named, topic, hint);
  const first = caughtUp(s, courseGroup, topic, hint);
  if (first.pass) return first;
  for (const id of groupsOn(s, topic)) {
    if (id === courseGroup) continue;
    const r = caughtUp(s, id, topic, hint);
    if (r.pass) return r;
  }
  return first;
}
