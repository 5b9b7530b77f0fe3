/**
 * The course's topics and the rules a topic must follow before the broker
 * sees it, as pure functions:
 * legal names, names that collide in Kafka's metric names, topic configs
 * given by their broker-wide name, `k=v` pairs, misspelt config keys, and
 * how an existing topic differs from the spec. `lib/kafka/topics.ts` re-exports
 * them beside the cluster operations that use them.
 * @module
 */
import { UsageError } from "./errors.ts";
import { fillText, t, type Text } from "./i18n.ts";

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

const LEGAL_NAME = /^[a-zA-Z0-9._-]+$/;

/** Why a topic name is not legal in Kafka, or undefined when it is. */
export function topicNameProblem(name: string): Text | undefined {
  const vars = { name, length: name.length };
  if (name.length === 0) return t("the topic name is empty", "имя топика пустое");
  if (name === "." || name === "..") {
    return fillText(
      t("'{name}' cannot be a topic name", "'{name}' не может быть именем топика"),
      vars,
    );
  }
  if (name.length > 249) {
    return fillText(
      t(
        "the topic name is {length} characters long; at most 249",
        "в имени топика {length} симв.; допустимо не больше 249",
      ),
      vars,
    );
  }
  if (!LEGAL_NAME.test(name)) {
    return fillText(
      t(
        "'{name}' has characters Kafka does not allow in topic names (only letters, digits, '.', '_' and '-')",
        "в имени '{name}' есть символы, которые Kafka не допускает в именах топиков (только буквы, цифры, '.', '_' и '-')",
      ),
      vars,
    );
  }
  return undefined;
}

/** Throws {@linkcode UsageError} for an illegal topic name. */
export function checkTopicName(name: string): string {
  const problem = topicNameProblem(name);
  if (problem) {
    throw new UsageError(problem, t("e.g. --topic my-topic", "например, --topic my-topic"));
  }
  return name;
}

/**
 * Kafka's metric names replace '.' with '_', so `users.coordinates` and
 * `users_coordinates` cannot both exist: the existing topic `name` collides
 * with, or undefined.
 */
export function collidingTopic(name: string, existing: readonly string[]): string | undefined {
  const key = name.replaceAll(".", "_");
  return existing.find((other) => other !== name && other.replaceAll(".", "_") === key);
}

/** Broker settings people give as topic configs, with the topic config that means the same. */
export const BROKER_NAMES_OF_TOPIC_CONFIGS: Readonly<Record<string, string>> = {
  "message.max.bytes": "max.message.bytes",
  "log.retention.ms": "retention.ms",
  "log.retention.bytes": "retention.bytes",
  "log.segment.bytes": "segment.bytes",
  "log.cleanup.policy": "cleanup.policy",
  "log.message.timestamp.type": "message.timestamp.type",
  "default.replication.factor": "--replication-factor",
  "num.partitions": "--partitions",
};

/** Warnings about a topic spec that Kafka accepts but that will not work as meant. */
export function specWarnings(spec: TopicSpec): Text[] {
  const warnings: Text[] = [];
  const minIsr = Number(spec.configs?.["min.insync.replicas"]);
  if (Number.isInteger(minIsr) && minIsr > spec.replicationFactor) {
    warnings.push(fillText(
      t(
        "{topic}: min.insync.replicas={minIsr} is above the replication factor {rf}: Kafka accepts it and counts at most the {rf} replica(s) (effective min ISR {rf}), so acks=all writes succeed only while all {rf} are in sync — one replica falling behind refuses them (NOT_ENOUGH_REPLICAS); set it to {advice} or below",
        "{topic}: min.insync.replicas={minIsr} больше фактора репликации {rf}: Kafka принимает это значение, но учитывает не больше {rf} реплик (действующий min ISR — {rf}), поэтому запись с acks=all проходит, только пока синхронны все реплики ({rf}), — отставание одной из них приводит к отказу (NOT_ENOUGH_REPLICAS); задайте {advice} или меньше",
      ),
      {
        topic: spec.name,
        minIsr,
        rf: spec.replicationFactor,
        advice: Math.max(1, spec.replicationFactor - 1),
      },
    ));
  }
  return warnings;
}

/** Parses repeated `--config key=value` into an object; throws {@linkcode UsageError}. */
export function parseConfigPairs(pairs: readonly string[]): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) {
      throw new UsageError(
        fillText(
          t(
            "--config takes key=value, not '{pair}'",
            "--config принимает ключ=значение, а не '{pair}'",
          ),
          { pair },
        ),
        t("e.g. --config min.insync.replicas=2", "например, --config min.insync.replicas=2"),
      );
    }
    configs[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return configs;
}

/**
 * How an existing topic (a `TopicLayout` of `lib/kafka/topics.ts`) differs
 * from the spec, one sentence each (empty: it matches).
 */
export function layoutDifferences(
  spec: TopicSpec,
  layout: {
    readonly partitions: readonly unknown[];
    readonly replicationFactor: number;
    readonly configs: Readonly<Record<string, string>>;
  },
): Text[] {
  const diffs: Text[] = [];
  if (layout.partitions.length !== spec.partitions) {
    diffs.push(fillText(
      t("partitions: {got}, expected {want}", "партиций: {got}, ожидалось {want}"),
      { got: layout.partitions.length, want: spec.partitions },
    ));
  }
  if (layout.replicationFactor !== spec.replicationFactor) {
    diffs.push(fillText(
      t("replication factor {got}, expected {want}", "фактор репликации {got}, ожидался {want}"),
      { got: layout.replicationFactor, want: spec.replicationFactor },
    ));
  }
  for (const [key, value] of Object.entries(spec.configs ?? {})) {
    const actual = layout.configs[key];
    if (actual !== value) {
      diffs.push(fillText(
        actual === undefined
          ? t(
            "{key} is the broker default, expected {value}",
            "{key} — значение брокера по умолчанию, ожидалось {value}",
          )
          : t("{key}={actual}, expected {value}", "{key}={actual}, ожидалось {value}"),
        { key, actual: actual ?? "", value },
      ));
    }
  }
  return diffs;
}

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
