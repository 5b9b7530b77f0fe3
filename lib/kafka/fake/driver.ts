/**
 * The fake's two adapters, as `KafkaClients` (`../clients.ts`) takes them:
 * a {@linkcode KafkaDriver} (admin, producer, consumer on the fake cluster)
 * and a {@linkcode MetadataDriver} (Metadata, DescribeQuorum and the SASL
 * probe, as the wire client answers them: a partition without a leader has
 * leader -1 and error 5, an unknown topic error 3).
 *
 * Faults of kind `metadata` hit the metadata driver: a connection failure
 * comes as the wire client's (`Deno.errors.ConnectionRefused`), `hang` as its
 * {@linkcode NoAnswerError} (at once, without waiting out the deadline).
 *
 * @example
 * ```ts
 * const kafka = new KafkaClients(config, out, {
 *   driver: new FakeDriver(cluster, config.clientId),
 *   metadata: new FakeMetadata(cluster),
 * });
 * ```
 * @module
 */
import {
  type Admin,
  type ClusterMetadata,
  type Consumer,
  type ConsumerOptions,
  type KafkaDriver,
  type MetadataDriver,
  NoAnswerError,
  type PartitionMemo,
  type Producer,
  type QuorumInfo,
} from "../port.ts";
import { FakeAdmin } from "./admin.ts";
import type { FakeCluster } from "./cluster.ts";
import { FakeConsumer } from "./consumer.ts";
import { keyPartition } from "./partitioner.ts";
import { type DriverProducerOptions, FakeProducer } from "./producer.ts";

/** The fake's client adapter; see the module docs. */
export class FakeDriver implements KafkaDriver {
  readonly #cluster: FakeCluster;
  readonly #clientId: string;

  constructor(cluster: FakeCluster, clientId = "kafka-lab") {
    this.#cluster = cluster;
    this.#clientId = clientId;
  }

  admin(): Admin {
    return new FakeAdmin(this.#cluster);
  }

  producer(options: DriverProducerOptions, memo?: PartitionMemo): Producer {
    return new FakeProducer(this.#cluster, options, memo);
  }

  consumer(options: ConsumerOptions): Consumer {
    return new FakeConsumer(this.#cluster, options, this.#clientId);
  }

  async disconnectConsumer(consumer: Consumer): Promise<void> {
    await consumer.disconnect();
  }

  keyPartitioner(_topic: string, partitions: number): (key: string) => number {
    return (key) => keyPartition(key, partitions);
  }
}

/** The fake's metadata adapter; see the module docs. */
export class FakeMetadata implements MetadataDriver {
  readonly #cluster: FakeCluster;
  /** The SASL mechanisms the brokers ask for (undefined: they want no login). */
  loginMechanisms?: readonly string[];

  constructor(cluster: FakeCluster) {
    this.#cluster = cluster;
  }

  /** The first address that runs, after the injected `metadata` faults. */
  async #answering(addresses: readonly string[], timeoutMs: number): Promise<string> {
    const fault = this.#cluster.takeFault("metadata", {});
    const first = addresses[0] ?? "?";
    if (fault?.fault.hang) throw new NoAnswerError(first, timeoutMs);
    if (fault) {
      const e = fault.fault.error;
      if (e instanceof Error) throw e;
      throw new Deno.errors.ConnectionRefused(`Connection refused (os error 111): ${first}`);
    }
    const live = addresses.find((a) => this.#cluster.accepts(a));
    if (live === undefined) {
      throw new Deno.errors.ConnectionRefused(`Connection refused (os error 111): ${first}`);
    }
    return await Promise.resolve(live);
  }

  async metadata(
    addresses: readonly string[],
    topics: readonly string[] | undefined,
    timeoutMs: number,
  ): Promise<ClusterMetadata> {
    const answeredBy = await this.#answering(addresses, timeoutMs);
    const c = this.#cluster;
    const names = topics ?? [...c.topics.keys()];
    return {
      answeredBy,
      clusterId: c.clusterId,
      controllerId: c.liveBrokers[0] ?? -1,
      brokers: c.liveBrokers.map((nodeId) => {
        const [host, port] = c.address(nodeId).split(":");
        return { nodeId, host, port: Number(port) };
      }),
      topics: names.map((name) => {
        const t = c.topics.get(name);
        if (!t) return { name, errorCode: 3, internal: false, partitions: [] };
        return {
          name,
          errorCode: 0,
          internal: false,
          partitions: t.partitions.map((p) => ({
            partition: p.partition,
            errorCode: p.leader < 0 ? 5 : 0,
            leader: p.leader,
            replicas: [...p.replicas],
            isr: [...p.isr],
            offline: p.replicas.filter((b) => !c.liveBrokers.includes(b)),
          })),
        };
      }),
    };
  }

  async describeQuorum(addresses: readonly string[], timeoutMs: number): Promise<QuorumInfo> {
    const answeredBy = await this.#answering(addresses, timeoutMs);
    const c = this.#cluster;
    const now = Date.now();
    return {
      leaderId: c.liveBrokers[0] ?? -1,
      leaderEpoch: 1,
      highWatermark: 100,
      voters: c.brokerIds.map((id) => {
        const live = c.liveBrokers.includes(id);
        return {
          id,
          logEndOffset: live ? 100 : 90,
          lag: live ? 0 : 10,
          lastFetchMs: live ? now : now - 60_000,
          lastCaughtUpMs: live ? now : now - 60_000,
        };
      }),
      observers: [],
      answeredBy,
    };
  }

  /** The mechanisms a listener asks for: {@linkcode FakeMetadata.loginMechanisms}. */
  saslMechanisms(address: string): Promise<string[] | undefined> {
    if (!this.#cluster.accepts(address)) return Promise.resolve(undefined);
    return Promise.resolve(this.loginMechanisms && [...this.loginMechanisms]);
  }
}
