/**
 * Takes {@linkcode Snapshot}s: reads exactly what the labs' checks need, for
 * one or many prefixes (a class on one cluster) — topic layouts, configs and
 * ends; records (up to a limit per partition); group states, members and
 * committed offsets; registry subjects and the schemas records name.
 *
 * Records are read by one throw-away consumer group (`kafka-lab-check-<uuid>`,
 * no commits, deleted afterwards) for every student at once: kafkajs has no
 * group-less reader, and one join is faster than one per student.
 *
 * @example
 * ```ts
 * const kafka = await ctx.kafka();
 * const [snap] = await takeSnapshots(kafka, ctx.config.registryUrl, ["anna."], LAB2_TASKS.needs);
 * ```
 * @module
 */
import { registryHeaders } from "../registry_auth.ts";
import type { Admin, Kafka } from "../kafka/port.ts";
import { describeTopic } from "../kafka/topics.ts";
import { fetchCommittedOffsets } from "../kafka/group_offsets.ts";
import { START_METADATA } from "../kafka/consumer_start.ts";
import { evidenceOf, evidenceTargets, type ReadTarget } from "./evidence.ts";
import type {
  CommittedOffset,
  GroupSnap,
  PartitionEnds,
  RecordSnap,
  SchemaVersion,
  Snapshot,
  SnapshotNeeds,
  SubjectSnap,
  TopicSnap,
} from "./types.ts";

/** How much a snapshot reads. */
export interface SnapshotOptions {
  /** Records read per partition at most (default 2000). */
  readonly recordLimit?: number;
  /** Stop reading after this long without a new record (default 5000 ms). */
  readonly idleMs?: number;
}

/** The prefix of the reader's own consumer groups (never a student's). */
import { READER_GROUP_PREFIX, readRecords } from "./read_records.ts";

export { READER_GROUP_PREFIX, readRecords };

interface TopicMeta {
  readonly course: string;
  readonly prefix: string;
  readonly layout: NonNullable<Awaited<ReturnType<typeof describeTopic>>>;
  readonly ends: PartitionEnds[];
}

async function topicMetas(admin: Admin, prefixes: readonly string[], topics: readonly string[]) {
  const existing = new Set(await admin.listTopics());
  const metas: TopicMeta[] = [];
  for (const prefix of prefixes) {
    for (const course of topics) {
      if (!existing.has(prefix + course)) continue;
      const layout = await describeTopic(admin, prefix + course);
      if (!layout) continue;
      const ends = (await admin.fetchTopicOffsets(layout.name))
        .map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) }))
        .sort((a, b) => a.partition - b.partition);
      metas.push({ course, prefix, layout, ends });
    }
  }
  return metas;
}

async function committed(
  admin: Admin,
  groupId: string,
  topics: ReadonlyMap<string, string>,
): Promise<CommittedOffset[]> {
  if (topics.size === 0) return [];
  const res = await fetchCommittedOffsets(admin, groupId, [...topics.keys()]);
  return res.flatMap((t) =>
    t.partitions
      // A kafka-lab consumer's start is not a read (`START_METADATA`).
      .filter((p) => Number(p.offset) >= 0 && p.metadata !== START_METADATA)
      .map((p) => ({
        topic: topics.get(t.topic)!,
        partition: p.partition,
        offset: Number(p.offset),
      }))
  );
}

/** Groups of one prefix: the course groups, plus others that committed on `otherGroupsOn`. */
async function groupsOf(
  admin: Admin,
  prefix: string,
  needs: SnapshotNeeds,
  allGroups: readonly string[],
  topicNames: ReadonlyMap<string, string>,
): Promise<Record<string, GroupSnap>> {
  const candidates = new Set(
    needs.groups.map((g) => prefix + g).filter((g) => allGroups.includes(g)),
  );
  const others = needs.otherGroupsOn ?? [];
  const otherTopics = new Map([...topicNames].filter(([, course]) => others.includes(course)));
  const extra: string[] = [];
  if (otherTopics.size > 0) {
    for (const g of allGroups) {
      if (!g.startsWith(prefix) || g.startsWith(READER_GROUP_PREFIX) || candidates.has(g)) continue;
      if ((await committed(admin, g, otherTopics)).length > 0) extra.push(g);
    }
  }
  const ids = [...candidates, ...extra];
  if (ids.length === 0) return {};
  const described = await admin.describeGroups(ids);
  const result: Record<string, GroupSnap> = {};
  for (const g of described.groups) {
    const offsets = await committed(admin, g.groupId, topicNames);
    if (offsets.length === 0 && g.members.length === 0) continue;
    result[g.groupId.slice(prefix.length)] = {
      id: g.groupId,
      state: g.state,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost,
      })),
      offsets,
    };
  }
  return result;
}

async function getJson(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

async function subjectOf(
  url: string,
  name: string,
  headers: Record<string, string>,
): Promise<SubjectSnap | undefined> {
  const base = `${url}/subjects/${encodeURIComponent(name)}/versions`;
  const list = await getJson(base, headers);
  if (list.status === 404) return undefined;
  if (list.status !== 200 || !Array.isArray(list.body)) {
    throw new Error(`GET ${base} answered HTTP ${list.status}`);
  }
  const versions: SchemaVersion[] = [];
  for (const v of list.body as number[]) {
    const res = await getJson(`${base}/${v}`, headers);
    const b = res.body as { version: number; id: number; schema: string; schemaType?: string };
    versions.push({
      version: b.version,
      id: b.id,
      schemaType: b.schemaType ?? "AVRO",
      schema: b.schema,
    });
  }
  return { name, versions: versions.sort((a, b) => a.version - b.version) };
}

async function registryUp(url: string, headers: Record<string, string>): Promise<boolean> {
  try {
    return (await getJson(`${url}/subjects`, headers)).status === 200;
  } catch {
    return false;
  }
}

/** Schema ids named by wire-format record values (magic byte 0, 4-byte id). */
export function schemaIdsIn(records: readonly RecordSnap[]): number[] {
  const ids = new Set<number>();
  for (const r of records) {
    const v = r.value;
    if (v && v.length >= 5 && v[0] === 0) {
      ids.add(new DataView(v.buffer, v.byteOffset, v.byteLength).getInt32(1));
    }
  }
  return [...ids];
}

async function schemasById(url: string, ids: readonly number[], headers: Record<string, string>) {
  const out: Record<number, string | null> = {};
  for (const id of ids) {
    const res = await getJson(`${url}/schemas/ids/${id}`, headers);
    out[id] = res.status === 200 ? String((res.body as { schema?: string }).schema ?? "") : null;
  }
  return out;
}

function topicSnaps(
  metas: readonly TopicMeta[],
  read: { records: Map<string, RecordSnap[]>; short: Set<string> },
): Record<string, TopicSnap> {
  const topics: Record<string, TopicSnap> = {};
  for (const m of metas) {
    topics[m.course] = {
      name: m.layout.name,
      partitions: m.layout.partitions,
      replicationFactor: m.layout.replicationFactor,
      configs: m.layout.configs,
      ends: m.ends,
      records: read.records.get(m.layout.name) ?? [],
      truncated: read.short.has(m.layout.name),
    };
  }
  return topics;
}

/** What the whole class's snapshots share: one admin session, one reader. */
async function readCluster(
  kafka: Kafka,
  prefixes: readonly string[],
  needs: SnapshotNeeds,
  options: SnapshotOptions,
) {
  const base = await kafka.withAdmin(async (admin) => {
    const allGroups = (await admin.listGroups()).groups.map((g) => g.groupId);
    return {
      metas: await topicMetas(admin, prefixes, needs.topics),
      brokers: (await admin.describeCluster()).brokers.map((b) => b.nodeId).sort((a, b) => a - b),
      allGroups,
      evidence: await evidenceTargets(admin, {
        prefixes,
        groups: allGroups,
        topics: new Set(await admin.listTopics()),
        readerPrefix: READER_GROUP_PREFIX,
      }),
    };
  });
  const limit = options.recordLimit ?? 2000;
  const targets: ReadTarget[] = [
    ...base.metas.map((m) => ({ name: m.layout.name, ends: m.ends, limit })),
    ...base.evidence,
  ];
  const read = await readRecords(kafka, targets, options.idleMs ?? 5000);
  return { ...base, read };
}

/**
 * One snapshot per prefix, in the order of `prefixes`: the cluster is read
 * once for the whole class (one reader, one admin session).
 */
export async function takeSnapshots(
  kafka: Kafka,
  registryUrl: string,
  prefixes: readonly string[],
  needs: SnapshotNeeds,
  options: SnapshotOptions = {},
): Promise<Snapshot[]> {
  const { metas, brokers, allGroups, read } = await readCluster(kafka, prefixes, needs, options);
  const headers = registryHeaders(kafka.config.registryAuth);
  const registry = needs.subjects.length > 0 && await registryUp(registryUrl, headers);
  const groupsByPrefix = await kafka.withAdmin(async (admin) => {
    const out = new Map<string, Record<string, GroupSnap>>();
    for (const prefix of prefixes) {
      const mine = metas.filter((m) => m.prefix === prefix);
      const names = new Map(mine.map((m) => [m.layout.name, m.course]));
      out.set(prefix, await groupsOf(admin, prefix, needs, allGroups, names));
    }
    return out;
  });
  const snapshots: Snapshot[] = [];
  for (const prefix of prefixes) {
    const topics = topicSnaps(metas.filter((m) => m.prefix === prefix), read);
    const subjects: Record<string, SubjectSnap> = {};
    if (registry) {
      for (const s of needs.subjects) {
        const snap = await subjectOf(registryUrl, prefix + s, headers);
        if (snap) subjects[s] = snap;
      }
    }
    const ids = schemaIdsIn(Object.values(topics).flatMap((t) => t.records));
    snapshots.push({
      prefix,
      takenAt: new Date().toISOString(),
      brokers,
      topics,
      groups: groupsByPrefix.get(prefix) ?? {},
      subjects,
      schemas: registry ? await schemasById(registryUrl, ids, headers) : {},
      registryReachable: registry,
      ...evidenceOf(prefix, read.records),
    });
  }
  return snapshots;
}
