/**
 * Part 4, min.insync.replicas above the replication factor, on the real
 * cluster: the topic is created (or set) with min.insync.replicas=3 on two
 * replicas; Kafka accepts it, and an acks=all write succeeds because the
 * leader compares its ISR with min(min.insync.replicas, replicas).
 * @module
 */
import { protocolErrorType } from "../../lib/errors.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { ConfigResourceTypes } from "../../lib/kafka/port.ts";
import { describeTopic } from "../../lib/kafka/topics.ts";
import { effectiveMinIsr, MIN_ISR } from "./model.ts";
import { setTopicConfigs } from "./retention.ts";

/** What part 4 did and saw. */
export interface MinIsrResult {
  readonly topic: string;
  readonly replicas: number;
  /** min.insync.replicas as the broker reports it for the topic. */
  readonly minIsr: number;
  readonly isr: readonly number[];
  readonly effective: number;
  readonly written: boolean;
  readonly offset?: string;
  readonly code?: string;
}

/** Runs part 4 on `topic`. */
export async function runMinIsr(kafka: Kafka, topic: string): Promise<MinIsrResult> {
  const { minIsr, layout } = await kafka.withAdmin(async (admin) => {
    await setTopicConfigs(admin, topic, { "min.insync.replicas": String(MIN_ISR.minIsr) });
    const res = await admin.describeConfigs({
      resources: [{
        type: ConfigResourceTypes.TOPIC,
        name: topic,
        configNames: ["min.insync.replicas"],
      }],
      includeSynonyms: false,
    });
    const value = res.resources[0]?.configEntries[0]?.configValue;
    return { minIsr: Number(value), layout: await describeTopic(admin, topic) };
  });
  const partition = layout?.partitions[0];
  const replicas = partition?.replicas.length ?? 0;
  const base = {
    topic,
    replicas,
    minIsr,
    isr: partition?.isr ?? [],
    effective: effectiveMinIsr(minIsr, replicas),
  };
  const producer = await kafka.connect(kafka.idempotentProducer());
  try {
    const [meta] = await producer.send({
      topic,
      acks: -1,
      messages: [{ value: "acks=all", partition: 0 }],
    });
    return { ...base, written: true, offset: meta?.baseOffset ?? meta?.offset };
  } catch (err) {
    return { ...base, written: false, code: protocolErrorType(err) ?? (err as Error).name };
  } finally {
    await producer.disconnect();
  }
}
