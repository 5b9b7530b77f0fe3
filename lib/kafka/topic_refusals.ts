/**
 * Why the cluster would refuse a new topic, checked before asking it to create
 * one: whole-number partitions and replication factor, a name colliding with
 * an existing topic's, a broker setting's name given as a topic config, a
 * config key the cluster does not know, more replicas than brokers. Each
 * refusal is a {@linkcode UsageError} in plain words with a hint.
 *
 * @module
 */
import { UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import {
  BROKER_NAMES_OF_TOPIC_CONFIGS,
  checkTopicName,
  collidingTopic,
  type TopicSpec,
  unknownConfigKeys,
} from "../topic_rules.ts";
import { type Admin, ConfigResourceTypes } from "./port.ts";

/**
 * The names of every topic-level config the cluster knows, read from an
 * existing topic; undefined when there is no topic to ask.
 */
async function knownTopicConfigs(admin: Admin): Promise<Set<string> | undefined> {
  const [any] = await admin.listTopics();
  if (any === undefined) return undefined;
  const res = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: any }],
  });
  return new Set(res.resources[0]?.configEntries.map((e) => e.configName) ?? []);
}

/** Partitions and replication factor are whole numbers from 1. */
export function checkSpec(spec: TopicSpec): void {
  checkTopicName(spec.name);
  if (!Number.isInteger(spec.partitions) || spec.partitions < 1) {
    throw new UsageError(fillText(
      t("a topic needs at least 1 partition, not {n}", "топику нужна хотя бы 1 партиция, а не {n}"),
      { n: spec.partitions },
    ));
  }
  if (!Number.isInteger(spec.replicationFactor) || spec.replicationFactor < 1) {
    throw new UsageError(fillText(
      t(
        "the replication factor must be at least 1, not {n}",
        "фактор репликации должен быть не меньше 1, а не {n}",
      ),
      { n: spec.replicationFactor },
    ));
  }
}

/**
 * Why the cluster would not take the new topic, or undefined. The checks run
 * in this order, and each asks the cluster only when the ones before passed:
 * a name colliding with a topic's, a broker setting's name among the configs,
 * a config key the cluster does not know, more replicas than brokers.
 */
export async function creationRefusal(
  admin: Admin,
  spec: TopicSpec,
): Promise<UsageError | undefined> {
  const configs = spec.configs ?? {};
  return collisionRefusal(spec.name, await admin.listTopics()) ??
    brokerSettingRefusal(configs) ??
    (Object.keys(configs).length > 0
      ? unknownConfigRefusal(configs, await knownTopicConfigs(admin))
      : undefined) ??
    replicationRefusal(spec.replicationFactor, (await admin.describeCluster()).brokers.length);
}

/** Refuses a name that differs from an existing topic's only in '.' and '_'. */
export function collisionRefusal(
  name: string,
  topics: readonly string[],
): UsageError | undefined {
  const other = collidingTopic(name, topics);
  if (!other) return undefined;
  return new UsageError(
    fillText(
      t(
        "topic {name} would collide with the existing topic {other}: Kafka's metric names write '.' as '_', so the two cannot both exist",
        "топик {name} совпал бы с существующим топиком {other}: в именах метрик Kafka '.' заменяется на '_', поэтому оба топика существовать не могут",
      ),
      { name, other },
    ),
    fillText(
      t(
        "use {other}, or pick a name that differs in more than '.' and '_'",
        "используйте {other} или выберите имя, которое отличается не только '.' и '_'",
      ),
      { other },
    ),
  );
}

/** Refuses a broker setting's name given as a topic config, suggesting the topic's name for it. */
export function brokerSettingRefusal(
  configs: Readonly<Record<string, string>>,
): UsageError | undefined {
  const key = Object.keys(configs).find((k) => k in BROKER_NAMES_OF_TOPIC_CONFIGS);
  if (!key) return undefined;
  const vars = { key, topicKey: BROKER_NAMES_OF_TOPIC_CONFIGS[key] };
  return new UsageError(
    fillText(
      t(
        "{key} is a broker setting, not a topic config",
        "{key} — настройка брокера, а не топика",
      ),
      vars,
    ),
    fillText(t("on a topic it is {topicKey}", "для топика это {topicKey}"), vars),
  );
}

/**
 * Refuses config keys outside `known` (the topic configs the cluster knows;
 * undefined when there was no topic to ask), suggesting the closest ones.
 */
export function unknownConfigRefusal(
  configs: Readonly<Record<string, string>>,
  known: ReadonlySet<string> | undefined,
): UsageError | undefined {
  const unknown = known ? unknownConfigKeys(configs, known) : [];
  if (unknown.length === 0) return undefined;
  const keys = unknown.map((u) => `'${u.key}'`).join(", ");
  const suggestions = unknown.filter((u) => u.suggestion).map((u) => u.suggestion).join(", ");
  return new UsageError(
    fillText(t("unknown topic config {keys}", "неизвестная настройка топика {keys}"), { keys }),
    suggestions
      ? fillText(t("did you mean {suggestions}?", "возможно, имелось в виду {suggestions}?"), {
        suggestions,
      })
      : t(
        "see the topic configs in Kafka's documentation (e.g. min.insync.replicas, retention.ms)",
        "список настроек топика — в документации Kafka (например, min.insync.replicas, retention.ms)",
      ),
  );
}

/** Refuses more replicas than the cluster has brokers, naming both numbers. */
export function replicationRefusal(rf: number, brokers: number): UsageError | undefined {
  if (rf <= brokers) return undefined;
  const vars = { rf, brokers };
  return new UsageError(
    fillText(
      t(
        "replication factor {rf} is more than the brokers in the cluster ({brokers})",
        "фактор репликации {rf} больше числа брокеров в кластере ({brokers})",
      ),
      vars,
    ),
    fillText(
      t(
        "each replica needs its own broker: use --replication-factor {brokers} or less, or start more brokers",
        "каждой реплике нужен свой брокер: укажите --replication-factor не больше {brokers} или запустите больше брокеров",
      ),
      vars,
    ),
  );
}
