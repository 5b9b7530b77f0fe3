/**
 * Hand-made snapshots for the checks' unit tests: topics whose ends follow
 * from their records, groups, subjects.
 * @module
 */
import type {
  GroupHistory,
  GroupSnap,
  RecordSnap,
  Snapshot,
  SubjectSnap,
  TopicSnap,
} from "../../lib/grading/types.ts";

/** A record to put on a topic: partition 0 and no key unless given. */
export interface RecordSpec {
  readonly value: string | Uint8Array | null;
  readonly key?: string | null;
  readonly partition?: number;
  readonly headers?: Record<string, string>;
  /** The idempotent producer that wrote it. */
  readonly producerId?: number;
  /** Milliseconds since the epoch (default 1_700_000_000_000). */
  readonly timestamp?: number;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A topic whose offsets are 0.. per partition in the order given. */
export function topic(
  name: string,
  options: {
    partitions?: number;
    rf?: number;
    configs?: Record<string, string>;
    records?: readonly RecordSpec[];
    isrShort?: boolean;
  } = {},
): TopicSnap {
  const n = options.partitions ?? 1;
  const rf = options.rf ?? 1;
  const next = new Array(n).fill(0);
  const records: RecordSnap[] = (options.records ?? []).map((r) => {
    const partition = r.partition ?? 0;
    return {
      partition,
      offset: next[partition]++,
      key: r.key === undefined || r.key === null ? null : enc(r.key),
      value: r.value === null ? null : typeof r.value === "string" ? enc(r.value) : r.value,
      headers: r.headers ?? {},
      timestamp: r.timestamp ?? 1_700_000_000_000,
      ...(r.producerId !== undefined ? { producerId: r.producerId } : {}),
    };
  });
  const replicas = Array.from({ length: rf }, (_, i) => i + 1);
  return {
    name,
    partitions: Array.from({ length: n }, (_, p) => ({
      partition: p,
      leader: 1,
      replicas,
      isr: options.isrShort ? replicas.slice(0, 1) : replicas,
    })),
    replicationFactor: rf,
    configs: options.configs ?? {},
    ends: next.map((high, partition) => ({ partition, low: 0, high })),
    records,
    truncated: false,
  };
}

/** A group that committed `offsets` on the course topic `topicName`. */
export function group(
  id: string,
  topicName: string,
  offsets: readonly number[],
  members = 0,
): GroupSnap {
  return {
    id,
    state: members > 0 ? "Stable" : "Empty",
    members: Array.from({ length: members }, (_, i) => ({
      memberId: `m${i}`,
      clientId: "kafka-lab",
      host: "/127.0.0.1",
    })),
    offsets: offsets.map((offset, partition) => ({ topic: topicName, partition, offset })),
  };
}

/** A snapshot; `topics`, `groups`, `subjects` keyed by course name. */
export function snapshot(parts: {
  prefix?: string;
  topics?: Record<string, TopicSnap>;
  groups?: Record<string, GroupSnap>;
  subjects?: Record<string, SubjectSnap>;
  schemas?: Record<number, string | null>;
  registryReachable?: boolean;
  history?: Snapshot["history"];
  journal?: Snapshot["journal"];
  groupNames?: Snapshot["groupNames"];
} = {}): Snapshot {
  return {
    prefix: parts.prefix ?? "",
    takenAt: "2026-01-01T00:00:00.000Z",
    brokers: [1, 2, 3],
    topics: parts.topics ?? {},
    groups: parts.groups ?? {},
    subjects: parts.subjects ?? {},
    schemas: parts.schemas ?? {},
    registryReachable: parts.registryReachable ?? true,
    ...(parts.history ? { history: parts.history } : {}),
    ...(parts.journal ? { journal: parts.journal } : {}),
    ...(parts.groupNames ? { groupNames: parts.groupNames } : {}),
  };
}

/** A Confluent wire-format value: magic 0, schema id, JSON payload. */
export function wire(id: number, payload: unknown): Uint8Array {
  const body = enc(typeof payload === "string" ? payload : JSON.stringify(payload));
  const out = new Uint8Array(5 + body.length);
  new DataView(out.buffer).setInt32(1, id);
  out.set(body, 5);
  return out;
}

/**
 * A group's history: `commits` as [partition, offset] on the real topic, by
 * members unless `admin`; at most `members` members at once.
 */
export function history(
  id: string,
  realTopic: string,
  commits: readonly (readonly [number, number])[],
  options: { members?: number; admin?: boolean; time?: number; metadata?: string } = {},
): GroupHistory {
  const time = options.time ?? 1_700_000_100_000;
  return {
    id,
    maxMembers: options.members ?? (options.admin ? 0 : 1),
    clients: options.admin ? [] : ["kafka-lab"],
    commits: commits.map(([partition, offset], i) => ({
      topic: realTopic,
      partition,
      offset,
      time: time + i,
      byMember: !options.admin,
      ...(options.metadata ? { metadata: options.metadata } : {}),
    })),
  };
}
