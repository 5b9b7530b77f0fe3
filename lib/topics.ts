/**
 * Topics as the labs use them: the course's topic specs, creating a topic
 * idempotently (an existing one is reported with its real layout and how it
 * differs), describing partitions (leader, replicas, ISR) and non-default
 * configs, and checking names and `k=v` configs before the broker sees them.
 *
 * @example
 * ```ts
 * const result = await ensureTopic(admin, COURSE_TOPICS.helloKafka);
 * result.status; // "created" or "exists"
 * ```
 * @module
 */
import type { Admin } from "kafkajs";
import { KafkaLabError, protocolErrorType, translateError, UsageError } from "./errors.ts";
import { waitFor } from "./time.ts";

/** What a topic should look like. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic-level configs, e.g. `{ "min.insync.replicas": "1" }`. */
  readonly configs?: Readonly<Record<string, string>>;
}

/** The course's topics, with the parameters the seeds give them. */
export const COURSE_TOPICS = {
  /** Lab manual No. 1: the hello-kafka producer and consumer. */
  helloKafka: { name: "hello-kafka", partitions: 1, replicationFactor: 1 },
  /** The coordinates pipeline with Schema Registry. */
  usersCoordinates: {
    name: "users_coordinates",
    partitions: 6,
    replicationFactor: 2,
    configs: { "min.insync.replicas": "1" },
  },
  /** Batch vs single-message consumers. */
  final1: { name: "final-1-topic", partitions: 3, replicationFactor: 2 },
} as const satisfies Record<string, TopicSpec>;

/** One partition's placement. */
export interface PartitionLayout {
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** A topic as the cluster has it. */
export interface TopicLayout {
  readonly name: string;
  readonly partitions: readonly PartitionLayout[];
  /** Replicas of the first partition (all partitions of a topic have the same count). */
  readonly replicationFactor: number;
  /** Configs set on the topic itself (not inherited defaults). */
  readonly configs: Readonly<Record<string, string>>;
}

const LEGAL_NAME = /^[a-zA-Z0-9._-]+$/;

/** Why a topic name is not legal in Kafka, or undefined when it is. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return "the topic name is empty";
  if (name === "." || name === "..") return `'${name}' cannot be a topic name`;
  if (name.length > 249) return `the topic name is ${name.length} characters long; at most 249`;
  if (!LEGAL_NAME.test(name)) {
    return `'${name}' has characters Kafka does not allow in topic names (only letters, digits, '.', '_' and '-')`;
  }
  return undefined;
}

/** Throws {@linkcode UsageError} for an illegal topic name. */
export function checkTopicName(name: string): string {
  const problem = topicNameProblem(name);
  if (problem) throw new UsageError(problem, "e.g. --topic my-topic");
  return name;
}

/** Parses repeated `--config key=value` into an object; throws {@linkcode UsageError}. */
export function parseConfigPairs(pairs: readonly string[]): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) {
      throw new UsageError(
        `--config takes key=value, not '${pair}'`,
        "e.g. --config min.insync.replicas=2",
      );
    }
    configs[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return configs;
}

/** How an existing topic differs from the spec, one sentence each (empty: it matches). */
export function layoutDifferences(spec: TopicSpec, layout: TopicLayout): string[] {
  const diffs: string[] = [];
  if (layout.partitions.length !== spec.partitions) {
    diffs.push(`has ${layout.partitions.length} partition(s), expected ${spec.partitions}`);
  }
  if (layout.replicationFactor !== spec.replicationFactor) {
    diffs.push(
      `has replication factor ${layout.replicationFactor}, expected ${spec.replicationFactor}`,
    );
  }
  for (const [key, value] of Object.entries(spec.configs ?? {})) {
    const actual = layout.configs[key];
    if (actual !== value) {
      diffs.push(`has ${key}=${actual ?? "(broker default)"}, expected ${value}`);
    }
  }
  return diffs;
}

const CONFIG_RESOURCE_TOPIC = 2;

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** The config keys in `configs` that are not in `known`, each with the closest known key. */
export function unknownConfigKeys(
  configs: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
): Array<{ key: string; suggestion?: string }> {
  return Object.keys(configs).filter((k) => !known.has(k)).map((key) => {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of known) {
      const d = editDistance(key, candidate);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    return bestDistance <= Math.max(3, Math.floor(key.length / 3))
      ? { key, suggestion: best }
      : { key };
  });
}

/**
 * The names of every topic-level config the cluster knows, read from an
 * existing topic; undefined when there is no topic to ask.
 */
async function knownTopicConfigs(admin: Admin): Promise<Set<string> | undefined> {
  const [any] = await admin.listTopics();
  if (any === undefined) return undefined;
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: CONFIG_RESOURCE_TOPIC, name: any }],
  });
  return new Set(res.resources[0]?.configEntries.map((e) => e.configName) ?? []);
}

/** The topic's layout and its own configs, or undefined when it does not exist. */
export async function describeTopic(admin: Admin, name: string): Promise<TopicLayout | undefined> {
  const topics = await admin.listTopics();
  if (!topics.includes(name)) return undefined;
  const md = await admin.fetchTopicMetadata({ topics: [name] });
  const partitions = md.topics[0].partitions
    .map((p) => ({
      partition: p.partitionId,
      leader: p.leader,
      replicas: [...p.replicas],
      isr: [...p.isr],
    }))
    .sort((a, b) => a.partition - b.partition);
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: CONFIG_RESOURCE_TOPIC, name }],
  });
  const configs: Record<string, string> = {};
  for (const entry of described.resources[0]?.configEntries ?? []) {
    // configSource 1 = DYNAMIC_TOPIC_CONFIG: set on this topic.
    const source = (entry as { configSource?: number }).configSource;
    if (!entry.isDefault && (source === undefined || source === 1) && !entry.isSensitive) {
      configs[entry.configName] = entry.configValue;
    }
  }
  return {
    name,
    partitions,
    replicationFactor: partitions[0]?.replicas.length ?? 0,
    configs,
  };
}

/** What {@linkcode ensureTopic} found or did. */
export interface EnsureResult {
  readonly status: "created" | "exists";
  readonly layout: TopicLayout;
  /** How an existing topic differs from the spec (empty when it matches or was created). */
  readonly differences: readonly string[];
}

/**
 * Creates the topic, or reports that it exists with its actual layout.
 * Checks the name, partitions and replication factor first (a replication
 * factor above the broker count names both numbers). Bad input throws
 * {@linkcode UsageError}.
 */
export async function ensureTopic(admin: Admin, spec: TopicSpec): Promise<EnsureResult> {
  checkTopicName(spec.name);
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
    throw new UsageError(`a topic needs at least 1 partition, not ${spec.partitions}`);
  }
  if (!Number.isInteger(spec.replicationFactor) || spec.replicationFactor < 1) {
    throw new UsageError(
      `the replication factor must be at least 1, not ${spec.replicationFactor}`,
    );
  }
  const existing = await describeTopic(admin, spec.name);
  if (existing) {
    return { status: "exists", layout: existing, differences: layoutDifferences(spec, existing) };
  }
  if (spec.configs && Object.keys(spec.configs).length > 0) {
    const known = await knownTopicConfigs(admin);
    const unknown = known ? unknownConfigKeys(spec.configs, known) : [];
    if (unknown.length > 0) {
      throw new UsageError(
        `unknown topic config ${unknown.map((u) => `'${u.key}'`).join(", ")}`,
        unknown.map((u) => u.suggestion ? `did you mean ${u.suggestion}?` : "").filter((x) => x)
          .join(" ") ||
          "see the topic configs in Kafka's documentation (e.g. min.insync.replicas, retention.ms)",
      );
    }
  }
  const { brokers } = await admin.describeCluster();
  if (spec.replicationFactor > brokers.length) {
    throw new UsageError(
      `replication factor ${spec.replicationFactor} is more than the ${brokers.length} broker(s) in the cluster`,
      `each replica needs its own broker: use --replication-factor ${brokers.length} or less, or start more brokers`,
    );
  }
  try {
    // Not kafkajs' waitForLeaders: it retries only LEADER_NOT_AVAILABLE, while
    // in KRaft a broker that has not yet applied the new topic from the
    // metadata log answers UNKNOWN_TOPIC_OR_PARTITION for a moment.
    await admin.createTopics({
      waitForLeaders: false,
      topics: [{
        topic: spec.name,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({
          name,
          value,
        })),
      }],
    });
  } catch (err) {
    throw createError(err, spec);
  }
  const layout = await waitFor(async () => {
    const l = await describeTopic(admin, spec.name);
    return l && l.partitions.length === spec.partitions && l.partitions.every((p) => p.leader >= 0)
      ? l
      : undefined;
  }, { timeoutMs: 30_000, intervalMs: 100 });
  if (!layout) {
    throw new KafkaLabError(
      `topic ${spec.name} was created, but its partitions had no leaders within 30 s`,
      { hint: "see `kafka-lab status`: a broker may be down" },
    );
  }
  return { status: "created", layout, differences: [] };
}

function innerMessage(err: unknown): string {
  const e = err as { errors?: Array<{ message?: string }>; message?: string };
  return e.errors?.[0]?.message ?? e.message ?? String(err);
}

/** Plain words for a refused CreateTopics. */
function createError(err: unknown, spec: TopicSpec): Error {
  const type = protocolErrorType(err);
  const detail = innerMessage(err);
  switch (type) {
    case "INVALID_CONFIG":
      return new UsageError(
        `the broker refused the topic's configs: ${detail}`,
        "check the key names and values (e.g. min.insync.replicas=2, retention.ms=604800000)",
      );
    case "INVALID_REPLICATION_FACTOR":
      return new UsageError(
        `the broker refused replication factor ${spec.replicationFactor}: ${detail}`,
      );
    case "INVALID_PARTITIONS":
      return new UsageError(`the broker refused ${spec.partitions} partition(s): ${detail}`);
    case "INVALID_TOPIC_EXCEPTION":
      return new UsageError(`the broker refused the topic name '${spec.name}': ${detail}`);
    default:
      return translateError(err);
  }
}

/** Deletes a topic; false when it did not exist. */
export async function deleteTopic(admin: Admin, name: string): Promise<boolean> {
  const topics = await admin.listTopics();
  if (!topics.includes(name)) return false;
  await admin.deleteTopics({ topics: [name], timeout: 30_000 });
  return true;
}

/** Records per partition and in all: high watermark minus log start. */
export async function topicSize(
  admin: Admin,
  name: string,
): Promise<{ total: number; partitions: Array<{ partition: number; low: number; high: number }> }> {
  const offsets = await admin.fetchTopicOffsets(name);
  const partitions = offsets
    .map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) }))
    .sort((a, b) => a.partition - b.partition);
  return { total: partitions.reduce((n, p) => n + p.high - p.low, 0), partitions };
}

/**
 * Makes sure a lab's topic exists before it produces or consumes. The
 * course's own topic (`courseSpec`) is created when missing; any other topic
 * must exist already (the error says how to create it). Returns true when the
 * topic was created now.
 */
export async function prepareTopic(
  admin: Admin,
  topic: string,
  courseSpec: TopicSpec,
): Promise<boolean> {
  checkTopicName(topic);
  if (topic === courseSpec.name) {
    return (await ensureTopic(admin, courseSpec)).status === "created";
  }
  if (!(await admin.listTopics()).includes(topic)) {
    throw new KafkaLabError(`topic ${topic} does not exist`, {
      hint:
        `create it first: kafka-lab lab1 create --topic ${topic} --partitions ${courseSpec.partitions}`,
    });
  }
  return false;
}
