/**
 * A fake of the Kafka port (`../port.ts`) for unit tests: an in-memory
 * cluster (`cluster.ts`: topics, partitions with offsets and high
 * watermarks, idempotent producers' sequences, transactions, consumer groups
 * with members, generations, rebalances and committed offsets) behind the
 * two adapters `KafkaClients` is built on (`driver.ts`). Everything above
 * the adapters is the production code: `KafkaClients`, `SafeProducer`, the
 * consumer loop, the transaction helpers, topics, grading.
 *
 * Where the kafkajs adapter misbehaves in a way kafka-lab works around, the
 * fake misbehaves alike (`producer.ts`, `consumer.ts` say how), so a test
 * of a workaround fails when the workaround is taken away. Its errors have
 * the shapes the kafkajs adapter throws (`errors.ts`). Faults are injected
 * per request kind (`faults.ts`). Nothing waits on the clock except a
 * consumer with nothing to read (its fetch wait) and a rebalance waiting for
 * a member (its rebalance timeout).
 *
 * Never imported by the program: `tests/unit/module_graph_test.ts` fails if
 * `main.ts` reaches this folder.
 *
 * @example
 * ```ts
 * const { kafka, cluster } = createFakeKafka();
 * cluster.createTopic("orders", { partitions: 3 });
 * cluster.inject("produce", { error: "REQUEST_TIMED_OUT", when: "after" }); // written, then an error
 * const producer = await kafka.connect(kafka.idempotentProducer());
 * await producer.send({ topic: "orders", messages: [{ value: "v", partition: 0 }] });
 * await producer.disconnect();
 * cluster.values("orders", 0); // ["v"]: once, the retry was a duplicate
 * cluster.close();
 * ```
 * @module
 */
import { type Config, resolveConfig } from "../../config.ts";
import { Output, type Sink } from "../../output.ts";
import { KafkaClients } from "../clients.ts";
import { FakeCluster, type FakeClusterOptions } from "./cluster.ts";
import { FakeDriver, FakeMetadata } from "./driver.ts";

export { FakeCluster, type FakeClusterOptions, type StoredRecord } from "./cluster.ts";
export { FakeDriver, FakeMetadata } from "./driver.ts";
export { type Fault, FaultHandle, type RequestKind } from "./faults.ts";
export { FakeGroup } from "./group.ts";
export { FakeProducer } from "./producer.ts";
export { FakeConsumer } from "./consumer.ts";
export * from "./errors.ts";

/** An output that keeps what it would print (`lines`, and `events` with `json`). */
export class MemorySink implements Sink {
  readonly lines: string[] = [];
  readonly errIsTerminal = false;

  out(text: string): void {
    this.lines.push(text);
  }

  err(text: string): void {
    this.lines.push(text);
  }

  /** The JSON events printed so far (an output made with `json: true`). */
  events(): Array<{ event: string } & Record<string, unknown>> {
    return this.lines.join("").split("\n").filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
  }
}

/** Options of {@linkcode createFakeKafka}. */
export interface FakeKafkaOptions extends FakeClusterOptions {
  /** A cluster to share (several ports on one cluster); a new one by default. */
  readonly cluster?: FakeCluster;
  /** The output (default: JSON events kept in {@linkcode FakeKafka.sink}). */
  readonly out?: Output;
  /** Environment values for the config (e.g. `KAFKA_LAB_PREFIX`). */
  readonly env?: Record<string, string>;
}

/** The port on a fake cluster, with what tests look at. */
export interface FakeKafka {
  readonly kafka: KafkaClients;
  readonly cluster: FakeCluster;
  readonly metadata: FakeMetadata;
  readonly config: Config;
  readonly out: Output;
  readonly sink: MemorySink;
}

/** The Kafka port (`KafkaClients`) on a fake cluster; see the module docs. */
export function createFakeKafka(options: FakeKafkaOptions = {}): FakeKafka {
  const cluster = options.cluster ?? new FakeCluster(options);
  const config = resolveConfig({
    flags: { brokers: cluster.addresses.join(",") },
    env: { HOME: "/nonexistent", ...options.env },
    dotenv: {},
  });
  const sink = new MemorySink();
  const out = options.out ?? new Output({ json: true, quiet: true, verbose: false }, sink);
  const metadata = new FakeMetadata(cluster);
  const kafka = new KafkaClients(config, out, {
    driver: new FakeDriver(cluster, config.clientId),
    metadata,
    probe: (address) =>
      Promise.resolve(
        cluster.accepts(address) ? { ok: true } : { ok: false, reason: "connection refused" },
      ),
  });
  return { kafka, cluster, metadata, config, out, sink };
}
