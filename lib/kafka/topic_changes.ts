/**
 * Changing a topic that exists: its configs (set and remove keys, keeping the
 * others) and its partition count (Kafka only adds partitions). Shared by the
 * top-level `topic` command and anything else that edits topics.
 *
 * @example
 * ```ts
 * await alterTopicConfigs(admin, "orders", { set: { "retention.ms": "86400000" }, remove: [] });
 * await addPartitions(admin, "orders", 6);
 * ```
 * @module
 */
import { KafkaLabError, protocolErrorType, UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { waitFor } from "../time.ts";
import { type Admin, ConfigResourceTypes, type Kafka } from "./port.ts";
import { describeTopic, type TopicLayout } from "./topics.ts";

/** A change of a topic's configs: keys to set, keys to return to the broker's default. */
export interface ConfigChange {
  readonly set: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

/** The topic's layout, or an error naming the topic and how to list topics. */
export async function existingTopic(
  admin: Admin,
  name: string,
  kafka?: Pick<Kafka, "partitions">,
): Promise<TopicLayout> {
  // With the port, partitions come from the wire: a leaderless one is shown, not an error.
  const layout = await describeTopic(admin, name, kafka);
  if (layout) return layout;
  throw new KafkaLabError(
    fillText(t("topic {name} does not exist", "топика {name} нет"), { name }),
    { hint: t("see `kafka-lab topic list`", "список топиков: `kafka-lab topic list`") },
  );
}

/**
 * Sets and removes topic configs, keeping the ones not named. Kafka's
 * AlterConfigs replaces a topic's whole set, so the current set is read first
 * and sent back with the change. Returns the configs set on the topic after.
 */
export async function alterTopicConfigs(
  admin: Admin,
  name: string,
  change: ConfigChange,
): Promise<Record<string, string>> {
  const layout = await existingTopic(admin, name);
  if (layout.configsUnknown) {
    throw new KafkaLabError(
      fillText(
        t(
          "the configs of {name} cannot be read now (a partition has no leader)",
          "настройки {name} сейчас не прочитать (у партиции нет лидера)",
        ),
        { name },
      ),
      { hint: t("see `kafka-lab status`", "посмотрите `kafka-lab status`") },
    );
  }
  const next: Record<string, string> = { ...layout.configs, ...change.set };
  for (const key of change.remove) delete next[key];
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{
        type: ConfigResourceTypes.TOPIC,
        name,
        configEntries: Object.entries(next).map(([k, value]) => ({ name: k, value })),
      }],
    });
  } catch (err) {
    if (protocolErrorType(err) !== "INVALID_CONFIG") throw err;
    throw new UsageError(
      fillText(
        t(
          "the broker refused the configs of {name}: {detail}",
          "брокер отклонил настройки {name}: {detail}",
        ),
        { name, detail: (err as Error).message },
      ),
      t(
        "check the key names and values (e.g. min.insync.replicas=2, retention.ms=604800000)",
        "проверьте имена и значения (например, min.insync.replicas=2, retention.ms=604800000)",
      ),
    );
  }
  return next;
}

/**
 * Raises the topic's partition count to `count` and waits until the new
 * partitions have leaders. Kafka never lowers it: a count not above the
 * current one is a usage error that says so.
 */
export async function addPartitions(
  admin: Admin,
  name: string,
  count: number,
): Promise<{ before: number; layout: TopicLayout }> {
  const before = (await existingTopic(admin, name)).partitions.length;
  if (count <= before) {
    throw new UsageError(
      fillText(
        t(
          "{name} has {before} partitions; Kafka can only add partitions, so give a count above {before}",
          "у {name} партиций: {before}; Kafka умеет только добавлять партиции — укажите число больше {before}",
        ),
        { name, before },
      ),
      t(
        "keys go to partitions by hash modulo the count: adding partitions moves where keys land",
        "ключ попадает в партицию по хешу по модулю их числа: новые партиции меняют, куда попадут ключи",
      ),
    );
  }
  await admin.createPartitions({ topicPartitions: [{ topic: name, count }], timeout: 30_000 });
  const layout = await waitFor(async () => {
    const l = await describeTopic(admin, name);
    return l && l.partitions.length === count && l.partitions.every((p) => p.leader >= 0)
      ? l
      : undefined;
  }, { timeoutMs: 30_000, intervalMs: 100 });
  if (!layout) {
    throw new KafkaLabError(
      fillText(
        t(
          "{name} got {count} partitions, but the new ones had no leaders within 30 s",
          "у {name} теперь {count} партиций, но у новых не появились лидеры за 30 с",
        ),
        { name, count },
      ),
      { hint: t("see `kafka-lab status`", "посмотрите `kafka-lab status`") },
    );
  }
  return { before, layout };
}
