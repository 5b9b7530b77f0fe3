/**
 * Topics as the labs use them: the course's topic specs, creating a topic
 * idempotently (an existing one is reported with its real layout and how it differs),
 * describing partitions and non-default configs, checking names and `k=v` configs.
 * Written against the port's `Admin` (`port.ts`); kafkajs' quirks it meets
 * are noted where they are handled.
 *
 * @example
 * ```ts
 * const result = await ensureTopic(admin, COURSE_TOPICS.helloKafka);
 * result.status; // "created" or "exists"
 * ```
 * @module
 */
import { KafkaLabError, protocolErrorType, translateError, UsageError } from "../errors.ts";
import { fillText, t, type Text } from "../i18n.ts";
import { waitFor } from "../time.ts";
import { checkTopicName, layoutDifferences, specWarnings } from "../topic_rules.ts";

export * from "../topic_rules.ts";
import type { TopicSpec } from "../topic_rules.ts";
import { type Admin, ConfigResourceTypes, type Kafka, type PartitionLayout } from "./port.ts";
import { checkSpec, creationRefusal } from "./topic_refusals.ts";

export type { PartitionLayout } from "./port.ts";
export {
  brokerSettingRefusal,
  collisionRefusal,
  replicationRefusal,
  unknownConfigRefusal,
} from "./topic_refusals.ts";

/** A topic as the cluster has it. */
export interface TopicLayout {
  readonly name: string;
  readonly partitions: readonly PartitionLayout[];
  /** Replicas of the first partition (all partitions of a topic have the same count). */
  readonly replicationFactor: number;
  /** Configs set on the topic itself (not inherited defaults). */
  readonly configs: Readonly<Record<string, string>>;
  /** True when the configs could not be read (a partition has no leader): `configs` is empty. */
  readonly configsUnknown?: boolean;
}

const CONFIG_RESOURCE_TOPIC = ConfigResourceTypes.TOPIC;
/**
 * The topic's partitions through the admin client (which fails the whole
 * topic while a partition has no leader); undefined when it does not exist.
 */
export async function adminPartitions(
  admin: Admin,
  name: string,
): Promise<PartitionLayout[] | undefined> {
  if (!(await admin.listTopics()).includes(name)) return undefined;
  return (await admin.fetchTopicMetadata({ topics: [name] })).topics[0].partitions
    .map((p) => ({
      partition: p.partitionId,
      leader: p.leader,
      replicas: [...p.replicas],
      isr: [...p.isr],
    }))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * The topic's layout and own configs (none while leaderless), or undefined
 * when it does not exist. With `kafka`, the partitions come from
 * `Kafka.partitions()`, which shows a partition without a leader (leader -1)
 * where the admin client fails the whole topic.
 */
export async function describeTopic(
  admin: Admin,
  name: string,
  kafka?: Pick<Kafka, "partitions">,
): Promise<TopicLayout | undefined> {
  const partitions = kafka ? await kafka.partitions(name) : await adminPartitions(admin, name);
  if (!partitions) return undefined;
  // kafkajs would refresh the metadata first, which fails while a partition has no leader.
  const leaderless = partitions.some((p) => p.leader < 0);
  const described = leaderless ? { resources: [] } : await admin
    .describeConfigs({
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
    ...(leaderless ? { configsUnknown: true } : {}),
  };
}

/** What {@linkcode ensureTopic} found or did. */
export interface EnsureResult {
  readonly status: "created" | "exists";
  readonly layout: TopicLayout;
  /** How an existing topic differs from the spec (empty when it matches or was created). */
  readonly differences: readonly Text[];
  /** What will not work as meant (e.g. min.insync.replicas above the replication factor). */
  readonly warnings: readonly Text[];
}

/**
 * Creates the topic, or reports that it exists with its actual layout.
 * Checks the name, partitions and replication factor first (a replication
 * factor above the broker count names both numbers). Bad input throws
 * {@linkcode UsageError}.
 */
export async function ensureTopic(admin: Admin, spec: TopicSpec): Promise<EnsureResult> {
  checkSpec(spec);
  const existing = await describeTopic(admin, spec.name);
  const warnings = specWarnings(spec);
  if (existing) {
    const differences = layoutDifferences(spec, existing);
    return { status: "exists", layout: existing, differences, warnings };
  }
  const refusal = await creationRefusal(admin, spec);
  if (refusal) throw refusal;
  const layout = await createTopic(admin, spec);
  return { status: "created", layout, differences: [], warnings };
}

/** Creates the topic and waits until every partition has a leader (30 s at most). */
async function createTopic(admin: Admin, spec: TopicSpec): Promise<TopicLayout> {
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
  if (layout) return layout;
  throw new KafkaLabError(
    fillText(
      t(
        "topic {name} was created, but its partitions had no leaders within 30 s",
        "топик {name} создан, но у его партиций не появились лидеры за 30 с",
      ),
      { name: spec.name },
    ),
    {
      hint: t(
        "see `kafka-lab status`: a broker may be down",
        "посмотрите `kafka-lab status`: возможно, брокер не работает",
      ),
    },
  );
}

function innerMessage(err: unknown): string {
  const e = err as { errors?: Array<{ message?: string }>; message?: string };
  return e.errors?.[0]?.message ?? e.message ?? String(err);
}

/** Plain words for a refused CreateTopics. */
function createError(err: unknown, spec: TopicSpec): Error {
  const type = protocolErrorType(err);
  const vars = {
    detail: innerMessage(err),
    rf: spec.replicationFactor,
    partitions: spec.partitions,
    name: spec.name,
  };
  switch (type) {
    case "INVALID_CONFIG":
      return new UsageError(
        fillText(
          t(
            "the broker refused the topic's configs: {detail}",
            "брокер отклонил настройки топика: {detail}",
          ),
          vars,
        ),
        t(
          "check the key names and values (e.g. min.insync.replicas=2, retention.ms=604800000)",
          "проверьте имена и значения (например, min.insync.replicas=2, retention.ms=604800000)",
        ),
      );
    case "INVALID_REPLICATION_FACTOR":
      return new UsageError(fillText(
        t(
          "the broker refused replication factor {rf}: {detail}",
          "брокер отклонил фактор репликации {rf}: {detail}",
        ),
        vars,
      ));
    case "INVALID_PARTITIONS":
      return new UsageError(fillText(
        t(
          "the broker refused {partitions} partitions: {detail}",
          "брокер отклонил число партиций {partitions}: {detail}",
        ),
        vars,
      ));
    case "INVALID_TOPIC_EXCEPTION":
      return new UsageError(fillText(
        t(
          "the broker refused the topic name '{name}': {detail}",
          "брокер отклонил имя топика '{name}': {detail}",
        ),
        vars,
      ));
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
 * course's own topic (`courseSpec`, also behind a prefix) is created when missing; any other topic
 * must exist already (the error says how to create it). Returns true when the
 * topic was created now.
 */
export async function prepareTopic(
  admin: Admin,
  topic: string,
  courseSpec: TopicSpec,
): Promise<boolean> {
  checkTopicName(topic);
  // The course's topic, also behind a student's --prefix (anna.hello-kafka).
  if (topic.endsWith(courseSpec.name)) {
    return (await ensureTopic(admin, { ...courseSpec, name: topic })).status === "created";
  }
  if (!(await admin.listTopics()).includes(topic)) {
    const vars = { topic, partitions: courseSpec.partitions };
    throw new KafkaLabError(
      fillText(t("topic {topic} does not exist", "топика {topic} нет"), vars),
      {
        hint: fillText(
          t(
            "create it first: `kafka-lab topic create {topic} --partitions {partitions}`",
            "сначала создайте его: `kafka-lab topic create {topic} --partitions {partitions}`",
          ),
          vars,
        ),
        missing: { kind: "topic", name: topic },
      },
    );
  }
  return false;
}
