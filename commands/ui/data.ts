/**
 * What the web console's pages show, as plain data: brokers (up or down, the
 * partitions each leads, the KRaft quorum leader), topics (partitions, leader,
 * replicas, ISR, end offsets, configs) and Schema Registry subjects.
 * Consumer groups and messages come from `lib/inspect/`, as for the CLI.
 * @module
 */
import { type RegistryAuth, registryHeaders } from "../../lib/registry_auth.ts";
import type { Admin } from "../../lib/kafka/port.ts";
import { join } from "node:path";
import { localNodes } from "../../lib/cluster/brokers.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Config } from "../../lib/config.ts";
import { probeTcp } from "../../lib/net.ts";

/** A broker on the brokers page. */
export interface BrokerView {
  readonly id: number;
  readonly address: string;
  /** Its port accepts connections. */
  readonly up: boolean;
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
}

/** A topic on the topics page. */
export interface TopicSummary {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Records held now (end minus start offsets, summed). */
  readonly records: number;
  readonly internal: boolean;
  /** Partitions whose ISR is smaller than their replica set. */
  readonly underReplicated: number;
}

/** A partition on a topic's page. */
export interface PartitionView {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly start: string;
  readonly end: string;
}

/** A topic config. */
export interface ConfigView {
  readonly name: string;
  readonly value: string | null;
  readonly isDefault: boolean;
}

/** A topic's page. */
export interface TopicDetail {
  readonly name: string;
  readonly partitions: readonly PartitionView[];
  readonly configs: readonly ConfigView[];
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

/** The brokers page: the metadata's brokers plus the local cluster's stopped ones. */
export async function clusterView(admin: Admin, config: Config): Promise<ClusterView> {
  const cluster = await admin.describeCluster();
  const { topics } = await admin.fetchTopicMetadata();
  const leads = new Map<number, number>();
  for (const t of topics) {
    for (const p of t.partitions) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
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
      return {
        id,
        address,
        up: (await probeTcp(address, 1500)).ok,
        inMetadata: meta !== undefined,
        leads: leads.get(id) ?? 0,
        quorumLeader: id === leader,
      };
    }),
  );
  return { clusterId: cluster.clusterId, quorumLeader: leader, brokers };
}

/** Every topic with its size and health, user topics first. */
export async function topicList(admin: Admin): Promise<TopicSummary[]> {
  const { topics } = await admin.fetchTopicMetadata();
  const rows = await Promise.all(topics.map(async (t) => {
    const offsets = await admin.fetchTopicOffsets(t.name);
    const records = offsets.reduce((n, o) => n + Number(BigInt(o.high) - BigInt(o.low)), 0);
    return {
      name: t.name,
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      records,
      internal: t.name.startsWith("__"),
      underReplicated: t.partitions.filter((p) => p.isr.length < p.replicas.length).length,
    };
  }));
  return rows.sort((a, b) =>
    Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name)
  );
}

/** A topic's partitions and configs, or undefined when it does not exist. */
export async function topicDetail(admin: Admin, name: string): Promise<TopicDetail | undefined> {
  if (!(await admin.listTopics()).includes(name)) return undefined;
  const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
  const offsets = await admin.fetchTopicOffsets(name);
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: 2, name }],
  });
  const partitions = topics[0].partitions.map((p) => {
    const o = offsets.find((x) => x.partition === p.partitionId);
    return {
      partition: p.partitionId,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      start: o?.low ?? "0",
      end: o?.high ?? "0",
    };
  }).sort((a, b) => a.partition - b.partition);
  const configs = (described.resources[0]?.configEntries ?? []).map((c) => ({
    name: c.configName,
    value: c.isSensitive ? null : c.configValue,
    isDefault: c.isDefault,
  })).sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.name.localeCompare(b.name));
  return { name, partitions, configs };
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
