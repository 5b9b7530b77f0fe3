/**
 * Shared by the answer tests: clients for the cluster under test, a unique
 * topic that is deleted afterwards, and a producer helper.
 * @module
 */
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { captureOutput, clusterConfig, createTopic } from "../helpers.ts";

/** Kafka clients for the cluster under test. */
export function clients(): KafkaClients {
  return new KafkaClients(clusterConfig(), captureOutput().out);
}

/** Runs `fn` with a fresh topic, then deletes the topic and the listed groups. */
export async function withTopic(
  partitions: number,
  fn: (topic: string, groups: string[]) => Promise<void>,
): Promise<void> {
  const topic = await createTopic("answer", partitions, 1);
  const groups: string[] = [];
  try {
    await fn(topic, groups);
  } finally {
    await clients().withAdmin(async (admin) => {
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => {});
      await admin.deleteTopics({ topics: [topic], timeout: 30_000 });
    });
  }
}

/** Sends values (optionally keyed) and returns the partition and offset of each. */
export async function send(
  topic: string,
  records: readonly { value: string; key?: string }[],
): Promise<{ partition: number; offset: number }[]> {
  const kafka = clients();
  const producer = await kafka.connect(kafka.producer());
  try {
    const acks = [];
    for (const r of records) {
      const [meta] = await producer.send({
        topic,
        acks: -1,
        messages: [{ key: r.key ?? null, value: r.value }],
      });
      acks.push({ partition: meta.partition, offset: Number(meta.baseOffset) });
    }
    return acks;
  } finally {
    await producer.disconnect();
  }
}
