/**
 * The Kafka port's implementation (`port.ts`): what `ctx.kafka()` returns.
 * It adds to its two adapters what every command needs: a quick
 * reachability check that fails with exit code 3 instead of retrying for
 * long, connect deadlines, errors in plain words, the safe producer
 * (`safe_producer.ts`), and the choice of adapter for each question.
 *
 * ## Which adapter answers what (decided here, and only here)
 *
 * | Question                                            | Wire client (`wire/`)      | kafkajs (`kafkajs/driver.ts`)       |
 * | --------------------------------------------------- | -------------------------- | ----------------------------------- |
 * | brokers, cluster id, partition leaders: `cluster()`, `topics()`, `partitions()` | first, unless the config uses TLS | over TLS, or after a wire failure that is neither a refused login nor silence |
 * | partitions without a leader: `leaderless()`         | only                       | no (undefined: cannot tell)         |
 * | the KRaft quorum: `quorum()`                        | only (DescribeQuorum)      | no (unknown, with the reason)       |
 * | does the listener want a login: `loginRequired()`   | only (SaslHandshake)       | no                                  |
 * | reading partitions without a group (`read`)         | first, unless TLS (`wire/fetcher.ts`) | over TLS, and on from where the wire reader hands over |
 * | admin operations, producing, consuming, transactions | no                        | always                              |
 *
 * Why: kafkajs fails a whole topic's metadata while one partition has no leader, and retries
 * that for about 25 s; the wire client reports such a partition with leader -1 at once. It also
 * needs no kafkajs, so `lab1 list` and `status` start about 80 ms sooner, and `read` decodes
 * records into what it prints for about a fifth of kafkajs' CPU. The wire client speaks no TLS,
 * and kafkajs has no DescribeQuorum. When a wire request fails (`#viaWire`): a refused login is
 * the answer (`AuthError`, exit 4); a broker that accepts connections but answers nothing within
 * the deadline is the answer too (`UnreachableError`, exit 3: kafkajs would only wait longer);
 * anything else (connection refused, an answer that cannot be read) is asked again through
 * kafkajs, whose error is the one shown.
 *
 * kafkajs is loaded on the first client made (`admin()`, `producer()`, `consumer()`,
 * `withAdmin()`), never by the metadata questions nor a `read` on the wire. A fake of the port
 * passes its own adapters (`options.driver`, `options.metadata`) and reachability probe
 * (`options.probe`), and reads through its driver.
 *
 * @example
 * ```ts
 * const kafka = new KafkaClients(config, out);
 * await kafka.withAdmin((admin) => admin.listTopics());
 * const q = await kafka.quorum();
 * ```
 * @module
 */
import type { Config } from "../config.ts";
import {
  type AuthError,
  type ErrorContext,
  isAuthFailure,
  type KafkaLabError,
  translateError,
} from "../errors.ts";
import type { Localizable } from "../i18n.ts";
import { type ProbeResult, probeTcp } from "../net.ts";
import { messageOf, type Output } from "../output.ts";
import { withTimeout } from "../time.ts";
import { leaderlessIn } from "./leaderless.ts";
import { loginRequiredError } from "./login_probe.ts";
import {
  type Admin,
  type ClusterOverview,
  type Connectable,
  type Consumer,
  type ConsumerOptions,
  type Kafka,
  type KafkaDriver,
  type LeaderlessPartition,
  type MetadataDriver,
  NoAnswerError,
  type PartitionLayout,
  type PartitionReader,
  type Producer,
  type ProducerOptions,
  type QuorumStatus,
  type TopicPartitions,
} from "./port.ts";
import { QUORUM_OVER_TLS, quorumNotAnswered } from "./quorum.ts";
import { LeaderlessError } from "./leaderless.ts";
import {
  noBrokerAnswers,
  partlyDown,
  probeAll,
  silentPortError,
  startHint,
} from "./reachability.ts";
import { wireDriver } from "./wire/client.ts";

export type { Kafka } from "./port.ts";
export { PROBE_TIMEOUT_MS, startHint } from "./reachability.ts";

/** `retries` of the course's producers (the seed's `retries: 100`). */
export const SEED_PRODUCER_RETRIES = 100;

/** How long connecting a client (handshake and metadata) may take. */
export const CONNECT_TIMEOUT_MS = 9000;
/** How long a Metadata or DescribeQuorum request on the wire may take per address. */
export const WIRE_TIMEOUT_MS = 5000;
/** The same for the topic list: `lab1 list` should fail fast. */
export const TOPIC_LIST_TIMEOUT_MS = 3000;

/** Metadata (or admin-client: `partitionId`) partitions as layouts, sorted by partition. */
function layouts(
  partitions: ReadonlyArray<
    Omit<PartitionLayout, "partition"> & { partition?: number; partitionId?: number }
  >,
): PartitionLayout[] {
  return partitions
    .map(({ leader, replicas, isr, ...p }) => ({
      partition: p.partition ?? p.partitionId!,
      ...{ leader, replicas, isr },
    })).sort((a, b) => a.partition - b.partition);
}

/** Adapters to build the port on, instead of kafkajs and the wire client (a fake's). */
export interface KafkaClientsOptions {
  readonly driver?: KafkaDriver;
  readonly metadata?: MetadataDriver;
  /** The reachability probe of {@linkcode KafkaClients.preflight} (default: a TCP connect). */
  readonly probe?: (address: string, timeoutMs: number) => Promise<ProbeResult>;
}

/** The Kafka port; see the module docs. */
export class KafkaClients implements Kafka {
  readonly config: Config;
  readonly #out: Output;
  readonly #metadata: MetadataDriver;
  readonly #probe: (address: string, timeoutMs: number) => Promise<ProbeResult>;
  #driver?: Promise<KafkaDriver>;
  readonly #readOnWire: boolean; // only the real adapters: a fake's port reads through its driver

  constructor(config: Config, out: Output, options: KafkaClientsOptions = {}) {
    this.config = config;
    this.#out = out;
    this.#metadata = options.metadata ?? wireDriver;
    this.#probe = options.probe ?? probeTcp;
    if (options.driver) this.#driver = Promise.resolve(options.driver);
    this.#readOnWire = !options.driver && !options.metadata;
  }

  /** The client library's adapter, loaded on first use. */
  #clients(): Promise<KafkaDriver> {
    return this.#driver ??= import("./kafkajs/driver.ts").then((m) =>
      new m.KafkajsDriver(this.config, this.#out)
    );
  }

  /** What error translation needs to name the place. */
  get errorContext(): ErrorContext {
    const sasl = this.config.sasl;
    return {
      brokers: this.config.brokers,
      startHint: startHint(this.config.brokers),
      sasl: sasl && { mechanism: sasl.mechanism, username: sasl.username },
    };
  }

  /**
   * Checks within {@linkcode PROBE_TIMEOUT_MS} that at least one bootstrap
   * broker accepts a TCP connection; throws {@linkcode UnreachableError} naming
   * each address and why it failed.
   */
  async preflight(): Promise<void> {
    const results = await probeAll(this.config.brokers, this.#probe);
    if (results.some(({ r }) => r.ok)) return;
    throw noBrokerAnswers(this.config.brokers, results);
  }

  /**
   * What an exit-3 "no broker answers" error really means, found by probing
   * every bootstrap address (within {@linkcode PROBE_TIMEOUT_MS}): when some
   * answer, an exit-1 error naming the ones that do not (a client's failed
   * connection to one dead broker is no reason to say the cluster is down);
   * when none answers, the preflight's error naming each address and why;
   * undefined when all answer (the error stands as it is).
   */
  async whoIsDown(cause: unknown): Promise<KafkaLabError | undefined> {
    const results = await probeAll(this.config.brokers, this.#probe);
    const up = results.filter(({ r }) => r.ok);
    if (up.length === results.length) return undefined;
    if (up.length === 0) return await this.preflight().then(() => undefined, (e) => e);
    return partlyDown(this.config.brokers, results, cause);
  }

  /**
   * Connects a client within {@linkcode CONNECT_TIMEOUT_MS}. A port that
   * accepts TCP but does not answer as Kafka fails here with exit code 3
   * instead of waiting out the 30 s request timeout.
   */
  async connect<T extends Connectable>(client: T | Promise<T>): Promise<T> {
    const made = await client;
    try {
      await withTimeout(
        made.connect(),
        CONNECT_TIMEOUT_MS,
        () => silentPortError(this.config.brokers, CONNECT_TIMEOUT_MS),
      );
      return made;
    } catch (err) {
      made.disconnect().catch(() => {});
      throw this.translate(err);
    }
  }

  /** Runs `fn` with a connected admin client (after the reachability check), then disconnects. */
  async withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    await this.preflight();
    const admin = await this.connect(this.admin());
    try {
      return await fn(admin);
    } catch (err) {
      throw this.translate(err);
    } finally {
      await admin.disconnect().catch(() => {});
    }
  }

  /** An admin client (not yet connected). */
  async admin(): Promise<Admin> {
    return (await this.#clients()).admin();
  }

  /**
   * A producer with the default (murmur2, Java-compatible) partitioner, safe
   * to retry (see `safe_producer.ts`): each record's partition is chosen once
   * before its first attempt, and an idempotent producer whose send failed is
   * replaced before the next send. `unsafePartitioning: true` returns the
   * driver's plain producer (lab 5 shows the loss with it).
   */
  async producer(options: ProducerOptions = {}): Promise<Producer> {
    const driver = await this.#clients();
    const { unsafePartitioning, deliveryTimeoutMs, ...config } = options;
    if (unsafePartitioning) return driver.producer(config);
    const { SafeProducer } = await import("./safe_producer.ts"); // lab1 list needs none
    return new SafeProducer((chosen) => driver.producer(config, chosen), {
      deliveryTimeoutMs,
      whyStuck: (topics) => this.#leaderlessError(topics),
    });
  }

  /** A {@linkcode LeaderlessError} when a partition of `topics` has no leader now. */
  async #leaderlessError(topics: readonly string[]): Promise<Error | undefined> {
    const none = await this.leaderless(topics);
    return none && none.length > 0 ? new LeaderlessError(none) : undefined;
  }

  /**
   * The producer every lab uses for acks=all writes: idempotent, one request
   * in flight per connection, and `retries` 100 as in the course's seed
   * (kafkajs would retry an idempotent send forever). Options override these.
   */
  idempotentProducer(options: ProducerOptions = {}): Promise<Producer> {
    return this.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: SEED_PRODUCER_RETRIES },
      ...options,
    });
  }

  /**
   * A consumer. Session timeout defaults to 10 s (the broker's minimum is 6 s)
   * so a killed consumer's partitions move to the others quickly in labs; a
   * fetch waits at most 1 s for new records (see `kafkajs/driver.ts`).
   */
  async consumer(options: ConsumerOptions): Promise<Consumer> {
    return (await this.#clients()).consumer(options);
  }

  /** The wire client's reader of partitions (`wire/fetcher.ts`, loaded here); none over TLS. */
  async partitionReader(): Promise<PartitionReader | undefined> {
    if (this.config.ssl || !this.#readOnWire) return undefined;
    return (await import("./wire/fetcher.ts")).wireReader(this.config.brokers, this.config.sasl);
  }

  /** Leaves the group and disconnects at once (see `kafkajs/driver.ts`). */
  async disconnectConsumer(consumer: Consumer): Promise<void> {
    await (await this.#clients()).disconnectConsumer(consumer);
  }

  /** The partition the default (murmur2, Java-compatible) partitioner gives a key. */
  async keyPartitioner(topic: string, partitions: number): Promise<(key: string) => number> {
    return (await this.#clients()).keyPartitioner(topic, partitions);
  }

  /** A line for `--verbose`. */
  debug(text: string): void {
    this.#out.debug(text);
  }

  warn(message: Localizable): void {
    this.#out.warn(message);
  }

  /** Translates any error thrown by a client into plain words with a hint. */
  translate(err: unknown): Error {
    return translateError(err, this.errorContext);
  }

  // ------------------------------------------------------------ metadata: wire first

  /**
   * The one rule for asking on the wire (see the module docs): resolves the
   * wire answer, or undefined when kafkajs must answer instead (TLS, or a
   * failure other than a refused login or a silent broker, which throw).
   */
  async #viaWire<T>(
    ask: (wire: MetadataDriver, target: Pick<Config, "brokers" | "sasl">) => Promise<T>,
  ): Promise<T | undefined> {
    if (this.config.ssl) return undefined;
    try {
      return await ask(this.#metadata, this.config);
    } catch (err) {
      if (isAuthFailure(err)) throw this.translate(err);
      if (err instanceof NoAnswerError) throw silentPortError(this.config.brokers, err.timeoutMs);
      this.debug(`metadata request failed, asking through kafkajs: ${messageOf(err)}`);
      return undefined;
    }
  }

  /** Brokers, cluster id and (from the wire only) the partitions without a leader. */
  async cluster(): Promise<ClusterOverview> {
    const md = await this.#viaWire((w, c) =>
      w.metadata(c.brokers, undefined, WIRE_TIMEOUT_MS, c.sasl)
    );
    if (md) return { clusterId: md.clusterId, brokers: md.brokers, leaderless: leaderlessIn(md) };
    const cluster = await this.withAdmin((admin) => admin.describeCluster());
    return { clusterId: cluster.clusterId, brokers: cluster.brokers };
  }

  /** Every topic with its partitions (leader -1 where there is none, from the wire). */
  async topics(): Promise<TopicPartitions[]> {
    const md = await this.#viaWire((w, c) =>
      w.metadata(c.brokers, undefined, TOPIC_LIST_TIMEOUT_MS, c.sasl)
    );
    if (md) {
      return md.topics.filter((tp) => tp.errorCode === 0)
        .map((tp) => ({ name: tp.name, partitions: layouts(tp.partitions) }));
    }
    return await this.withAdmin(async (admin) => {
      const names = await admin.listTopics();
      if (names.length === 0) return [];
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      return topics.map((tp) => ({ name: tp.name, partitions: layouts(tp.partitions) }));
    });
  }

  /** One topic's partitions (leader -1 where there is none); undefined when it does not exist. */
  async partitions(topic: string): Promise<PartitionLayout[] | undefined> {
    const md = await this.#viaWire((w, c) =>
      w.metadata(c.brokers, [topic], WIRE_TIMEOUT_MS, c.sasl)
    );
    if (md) {
      const found = md.topics.find((tp) => tp.name === topic && tp.partitions.length > 0);
      return found && layouts(found.partitions);
    }
    return await this.withAdmin(async (admin) => {
      if (!(await admin.listTopics()).includes(topic)) return undefined;
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      return layouts(topics[0].partitions);
    });
  }

  /** The leaderless partitions of `topics`; undefined when that cannot be told (TLS, a failure). */
  async leaderless(topics: readonly string[]): Promise<LeaderlessPartition[] | undefined> {
    const md = await this.#viaWire((w, c) =>
      w.metadata(c.brokers, topics, WIRE_TIMEOUT_MS, c.sasl)
    );
    return md && leaderlessIn(md, topics);
  }

  /**
   * The KRaft quorum from DescribeQuorum (kafkajs has no such request). Over
   * TLS, or when no broker answers it, the quorum is unknown with the reason;
   * a refused login throws.
   */
  async quorum(timeoutMs = WIRE_TIMEOUT_MS): Promise<QuorumStatus> {
    if (this.config.ssl) return { known: false, reason: QUORUM_OVER_TLS };
    try {
      const info = await this.#metadata.describeQuorum(
        this.config.brokers,
        timeoutMs,
        this.config.sasl,
      );
      return { known: true, ...info };
    } catch (err) {
      if (isAuthFailure(err)) throw this.translate(err);
      return { known: false, reason: quorumNotAnswered(err) };
    }
  }

  /**
   * An `AuthError` when kafka-lab has no SASL credentials (and no TLS) and a
   * configured broker asks for a login (`login_probe.ts`); undefined otherwise.
   */
  async loginRequired(timeoutMs = 2000): Promise<AuthError | undefined> {
    if (this.config.sasl || this.config.ssl) return undefined;
    for (const address of this.config.brokers) {
      const offered = await this.#metadata.saslMechanisms(address, timeoutMs);
      if (offered) return loginRequiredError(address, offered);
    }
    return undefined;
  }
}
