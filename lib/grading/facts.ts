/**
 * Pure building blocks the labs' checks share: a course topic's layout,
 * committed offsets, record text and JSON. Each returns a
 * {@linkcode CheckResult} or a plain fact; nothing here talks to Kafka.
 * Whether a group's consumers read records is in `consumed.ts`.
 *
 * @example
 * ```ts
 * const r = topicLayout(snapshot, COURSE_TOPICS.helloKafka, hint);
 * r.pass; // true when the topic has the course's partitions, replicas and configs
 * ```
 * @module
 */
import { fillText, t, type Text } from "../i18n.ts";
import type { TopicSpec } from "../kafka/topics.ts";
import type { CheckResult, RecordSnap, Snapshot, TopicSnap } from "./types.ts";

/** A passing result. */
export function pass(evidence: Text): CheckResult {
  return { pass: true, evidence };
}

/** A failing result with a hint. */
export function fail(evidence: Text, hint: Text): CheckResult {
  return { pass: false, evidence, hint };
}

/** The real (prefixed) name of a course name. */
export function real(s: Snapshot, name: string): string {
  return s.prefix + name;
}

/** The `--prefix` flag to repeat in hints ("" when there is none). */
export function prefixFlag(s: Snapshot): string {
  return s.prefix ? ` --prefix ${s.prefix}` : "";
}

/** The failing result for a topic that does not exist. */
export function noTopic(s: Snapshot, topic: string, hint: Text): CheckResult {
  return fail(
    fillText(t("topic {topic} does not exist", "топика {topic} нет"), { topic: real(s, topic) }),
    hint,
  );
}

/** Bytes as UTF-8 text ("" for null). */
export function utf8(bytes: Uint8Array | null): string {
  return bytes === null ? "" : new TextDecoder().decode(bytes);
}

/** The value parsed as a JSON object, or undefined when it is not one. */
export function jsonObject(bytes: Uint8Array | null): Record<string, unknown> | undefined {
  if (bytes === null) return undefined;
  try {
    const v = JSON.parse(utf8(bytes));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** Whether two JSON values are equal, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** `p0: 3/5, p1: 0/0` — committed / end per partition. */
export function positions(topic: TopicSnap, committed: ReadonlyMap<number, number>): string {
  return topic.ends
    .map((e) => `p${e.partition}: ${committed.get(e.partition) ?? "-"}/${e.high}`)
    .join(", ");
}

/** The group's committed offsets on a topic, by partition. */
export function committedOn(s: Snapshot, group: string, topic: string): Map<number, number> {
  const offsets = s.groups[group]?.offsets ?? [];
  return new Map(offsets.filter((o) => o.topic === topic).map((o) => [o.partition, o.offset]));
}

/** Passes when a course topic exists with the course's partitions, replicas and configs. */
export function topicLayout(s: Snapshot, spec: TopicSpec, hint: Text): CheckResult {
  const snap = s.topics[spec.name];
  if (!snap) return noTopic(s, spec.name, hint);
  const diffs: string[] = [];
  if (snap.partitions.length !== spec.partitions) {
    diffs.push(`partitions ${snap.partitions.length} ≠ ${spec.partitions}`);
  }
  if (snap.replicationFactor !== spec.replicationFactor) {
    diffs.push(`RF ${snap.replicationFactor} ≠ ${spec.replicationFactor}`);
  }
  for (const [k, v] of Object.entries(spec.configs ?? {})) {
    if (snap.configs[k] !== v) diffs.push(`${k}=${snap.configs[k] ?? "-"} ≠ ${v}`);
  }
  const configs = Object.entries(snap.configs).map(([k, v]) => `${k}=${v}`).join(", ") || "-";
  const vars = {
    topic: snap.name,
    partitions: snap.partitions.length,
    rf: snap.replicationFactor,
    configs,
    diffs: diffs.join("; "),
  };
  if (diffs.length > 0) {
    return fail(
      fillText(
        t(
          "{topic}: {partitions} partition(s), RF {rf}, configs {configs}; differs: {diffs}",
          "{topic}: партиций {partitions}, RF {rf}, настройки {configs}; отличия: {diffs}",
        ),
        vars,
      ),
      hint,
    );
  }
  return pass(
    fillText(
      t(
        "{topic}: {partitions} partition(s), RF {rf}, configs {configs}",
        "{topic}: партиций {partitions}, RF {rf}, настройки {configs}",
      ),
      vars,
    ),
  );
}

/** Records of a topic grouped by partition, each in offset order. */
export function byPartition(records: readonly RecordSnap[]): Map<number, RecordSnap[]> {
  const map = new Map<number, RecordSnap[]>();
  for (const r of records) {
    const list = map.get(r.partition) ?? [];
    list.push(r);
    map.set(r.partition, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.offset - b.offset);
  return map;
}

/** `partition/offset`, for evidence. */
export function where(r: RecordSnap): string {
  return `${r.partition}/${r.offset}`;
}

/** "(first N of the records read)" when the snapshot was cut short, else "". */
export function truncatedNote(topic: TopicSnap): Text {
  return topic.truncated
    ? t(" (only the first records were read)", " (прочитаны только первые записи)")
    : t("", "");
}

/** The result with `at`: when the newest of `records` was written (unchanged when there is none). */
export function writtenAt(result: CheckResult, records: readonly RecordSnap[]): CheckResult {
  if (records.length === 0) return result;
  const newest = Math.max(...records.map((r) => r.timestamp));
  return Number.isFinite(newest) ? { ...result, at: new Date(newest).toISOString() } : result;
}
