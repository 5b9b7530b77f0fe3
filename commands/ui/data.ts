/**
 * What the web console's pages show, as plain data: brokers (up or down, the
 * partitions each leads, the KRaft quorum leader, the broker × partition
 * grid), topics (partitions, leader, replicas, ISR, offsets, configs with
 * where each value comes from) and Schema Registry subjects. Partitions
 * without a leader are named, never allowed to hide the healthy rest: the
 * layouts come from the wire (`admin_holder.ts`), offsets only from healthy
 * topics.
 * Consumer groups and messages come from `lib/inspect/`, as for the CLI.
 * @module
 */
import { type RegistryAuth, registryHeaders } from "../../lib/registry_auth.ts";
import type { Admin, Kafka, PartitionLayout } from "../../lib/kafka/port.ts";
import { LeaderlessError, type LeaderlessPartition } from "../../lib/kafka/leaderless.ts";
import type { WireSnapshot } from "./admin_holder.ts";
import { join } from "node:path";
import { localNodes } from "../../lib/cluster/brokers.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Config } from "../../lib/config.ts";
import { brokerLiveness } from "../../lib/cluster/liveness.ts";

/** A broker on the brokers page. */
export interface BrokerView {
  readonly id: number;
  readonly address: string;
  /** It answers requests. */
  readonly up: boolean;
  /** It takes connections but answers nothing in time (paused with SIGSTOP, or wedged). */
  readonly paused: boolean;
  /** It is in the cluster metadata (registered with the controller). */
  readonly inMetadata: boolean;
  /** Partitions it leads. */
  readonly leads: number;
  /** It is the KRaft quorum leader (the active controller). */
  readonly quorumLeader: boolean;
}

/** The brokers page. */
export interface ClusterView {
  readonly clusterId: string;
  /** The KRaft quorum leader's id, when known (the local java cluster's files say it). */
  readonly quorumLeader: number | null;
  readonly brokers: readonly BrokerView[];
  /** Every topic's partitions (leader -1: none), for the broker × partition grid. */
  readonly topics: ReadonlyArray<{ name: string; partitions: readonly PartitionLayout[] }>;
  /** Partitions without a leader. */
  readonly leaderless: readonly LeaderlessPartition[];
}

/** A topic on the topics page. */
export interface TopicSummary {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Records held now (end minus start offsets, summed); null when they cannot be read now. */
  readonly records: number | null;
  readonly internal: boolean;
  /** Partitions whose ISR is smaller than their replica set. */
  readonly underReplicated: number;
  /** Its partitions without a leader. */
  readonly leaderless: readonly number[];
}

/** A partition on a topic's page. */
export interface PartitionView {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** Null when the offsets cannot be read (a partition of the topic has no leader). */
  readonly start: string | null;
  readonly end: string | null;
}

/** Where a config's value comes from (Kafka's DescribeConfigs config_source). */
export type ConfigSource =
  | "topic"
  | "broker"
  | "broker-default"
  | "static"
  | "default"
  | "other";

/** A topic config. */
export interface ConfigView {
  readonly name: string;
  readonly value: string | null;
  /** Kafka's built-in default (not set anywhere). */
  readonly isDefault: boolean;
  readonly source: ConfigSource;
  readonly readOnly: boolean;
}

/** A topic's page. */
export interface TopicDetail {
  readonly name: string;
  readonly partitions: readonly PartitionView[];
  /** Empty with `configsUnknown` while a partition has no leader. */
  readonly configs: readonly ConfigView[];
  readonly configsUnknown: boolean;
  /** Its partitions without a leader, with the brokers that hold them. */
  readonly leaderless: readonly LeaderlessPartition[];
}

/** DescribeConfigs' config_source codes, by name. */
export function configSource(code: number): ConfigSource {
  switch (code) {
    case 1:
      return "topic";
    case 2:
      return "broker";
    case 3:
      return "broker-default";
    case 4:
      return "static";
    case 5:
      return "default";
    default:
      return "other";
  }
}

/**
 * The KRaft quorum leader from the local java cluster's `quorum-state` files
 * (the newest epoch wins), or null (another runtime, or no file yet). Kafka's
 * Metadata `controllerId` is a random live broker on KRaft, not this.
 */
export function quorumLeaderFromFiles(stateDir: string, ids: readonly number[]): number | null {
  let best: { epoch: number; leader: number } | undefined;
  for (const id of ids) {
    const file = join(
      stateDir,
      "java",
      `node-${id}`,
      "data",
      "__cluster_metadata-0",
      "quorum-state",
    );
    try {
      const q = JSON.parse(Deno.readTextFileSync(file)) as {
        leaderId?: number;
        leaderEpoch?: number;
      };
      if (typeof q.leaderId !== "number" || q.leaderId < 0) continue;
      const epoch = q.leaderEpoch ?? -1;
      if (!best || epoch > best.epoch) best = { epoch, leader: q.leaderId };
    } catch {
      // no such node or not written yet
    }
  }
  return best?.leader ?? null;
}

/**
 * The brokers page, from the wire only (no kafkajs, so a partition without a
 * leader cannot stall it): the metadata's brokers plus the local cluster's
 * stopped ones, the partitions each leads, and every topic's layout.
 */
export async function clusterView(
  kafka: Pick<Kafka, "cluster" | "topics">,
  config: Config,
): Promise<ClusterView> {
  const [cluster, topics] = await Promise.all([kafka.cluster(), kafka.topics()]);
  const leads = new Map<number, number>();
  for (const t of topics) {
    for (const p of t.partitions) {
      if (p.leader >= 0) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
    }
  }
  const state = readState(config.stateDir);
  const nodes = state ? await localNodes(state) : [];
  const ids = new Set([...cluster.brokers.map((b) => b.nodeId), ...nodes.map((n) => n.id)]);
  const leader = state?.runtime === "java"
    ? quorumLeaderFromFiles(config.stateDir, [...ids])
    : null;
  const brokers = await Promise.all(
    [...ids].sort((a, b) => a - b).map(async (id) => {
      const meta = cluster.brokers.find((b) => b.nodeId === id);
      const address = meta ? `${meta.host}:${meta.port}` : nodes.find((n) => n.id === id)!.address;
      const live = await brokerLiveness(address, 1500);
      return {
        id,
        address,
        up: live === "answers",
        paused: live === "not-responding",
        inMetadata: meta !== undefined,
        leads: leads.get(id) ?? 0,
        quorumLeader: id === leader,
      };
    }),
  );
  const leaderless = topics.flatMap((t) =>
    t.partitions.filter((p) => p.leader < 0).map((p) => ({
      topic: t.name,
      partition: p.partition,
      replicas: [...p.replicas],
    }))
  );
  return { clusterId: cluster.clusterId ?? "", quorumLeader: leader, brokers, topics, leaderless };
}

/** Records held in a healthy topic, or null when its offsets cannot be read now. */
async function recordsIn(admin: Admin, topic: string): Promise<number | null> {
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, o) => n + Number(BigInt(o.high) - BigInt(o.low)), 0);
  } catch (err) {
    if (err instanceof LeaderlessError) return null;
    throw err;
  }
}

/** Every topic with its size and health, user topics first. */
export async function topicList(admin: Admin, snap: WireSnapshot): Promise<TopicSummary[]> {
  const rows = await Promise.all(snap.topics.map(async (t) => {
    const leaderless = t.partitions.filter((p) => p.leader < 0).map((p) => p.partition);
    return {
      name: t.name,
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      records: leaderless.length > 0 ? null : await recordsIn(admin, t.name),
      internal: t.name.startsWith("__"),
      underReplicated: t.partitions.filter((p) => p.isr.length < p.replicas.length).length,
      leaderless,
    };
  }));
  return rows.sort((a, b) =>
    Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name)
  );
}

/** A topic's configs, each with where its value comes from. */
export async function topicConfigs(admin: Admin, name: string): Promise<ConfigView[]> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: 2, name }],
  });
  return (described.resources[0]?.configEntries ?? []).map((c) => {
    const source = configSource(c.configSource);
    return {
      name: c.configName,
      value: c.isSensitive ? null : c.configValue,
      isDefault: source === "default",
      source,
      readOnly: c.readOnly,
    };
  }).sort((a, b) =>
    Number(a.source !== "topic") - Number(b.source !== "topic") ||
    Number(a.isDefault) - Number(b.isDefault) || a.name.localeCompare(b.name)
  );
}

/**
 * A topic's partitions and configs, or undefined when it does not exist.
 * While a partition has no leader the layout still shows (from the wire) and
 * the offsets and configs are unknown.
 */
export async function topicDetail(
  admin: Admin,
  snap: WireSnapshot,
  name: string,
): Promise<TopicDetail | undefined> {
  const layout = snap.topics.find((t) => t.name === name);
  if (!layout) return undefined;
  const leaderless = snap.leaderless.filter((p) => p.topic === name);
  const healthy = leaderless.length === 0;
  const offsets = healthy ? await admin.fetchTopicOffsets(name) : [];
  const partitions = layout.partitions.map((p) => {
    const o = offsets.find((x) => x.partition === p.partition);
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      start: o?.low ?? null,
      end: o?.high ?? null,
    };
  }).sort((a, b) => a.partition - b.partition);
  // Kafka answers a topic's configs from any broker; kafkajs' metadata refresh first is safe
  // here because the guarded admin never has the leaderless topic among its targets.
  const configs = await topicConfigs(admin, name).catch((err) => {
    if (healthy) throw err;
    return undefined;
  });
  return { name, partitions, configs: configs ?? [], configsUnknown: !configs, leaderless };
}

/** A Schema Registry subject. */
export interface SubjectView {
  readonly subject: string;
  readonly versions: readonly number[];
}

/** One version of a subject's schema. */
export interface SchemaVersionView {
  readonly subject: string;
  readonly version: number;
  readonly id: number;
  readonly schemaType: string;
  readonly schema: string;
}

async function registryGet(url: string, path: string, auth?: RegistryAuth): Promise<unknown> {
  const res = await fetch(`${url}${path}`, {
    headers: registryHeaders(auth),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}${path}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** Every subject with its versions. */
export async function subjects(
  registryUrl: string,
  auth?: RegistryAuth,
): Promise<SubjectView[]> {
  const names = (await registryGet(registryUrl, "/subjects", auth)) as string[];
  return await Promise.all(
    names.sort().map(async (subject) => ({
      subject,
      versions: (await registryGet(
        registryUrl,
        `/subjects/${encodeURIComponent(subject)}/versions`,
        auth,
      )) as number[],
    })),
  );
}

/** One version of a subject (`latest` or a number). */
export async function schemaVersion(
  registryUrl: string,
  subject: string,
  version: string,
  auth?: RegistryAuth,
): Promise<SchemaVersionView> {
  const v = (await registryGet(
    registryUrl,
    `/subjects/${encodeURIComponent(subject)}/versions/${encodeURIComponent(version)}`,
    auth,
  )) as { subject: string; version: number; id: number; schemaType?: string; schema: string };
  return {
    subject: v.subject,
    version: v.version,
    id: v.id,
    schemaType: v.schemaType ?? "AVRO",
    schema: v.schema,
  };
}
