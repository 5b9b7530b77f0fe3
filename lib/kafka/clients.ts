/**
 * The one place kafkajs clients are made: client id, logger adapter, timeouts
 * and retry suited to a laptop, SASL/SSL from the config, and a quick
 * reachability check that fails with exit code 3 instead of retrying for long.
 *
 * kafkajs has had no release since 2023; keeping it behind this module means a
 * change of client touches one file.
 *
 * @example
 * ```ts
 * const kafka = new KafkaClients(config, out);
 * await kafka.preflight();
 * const admin = kafka.admin();
 * ```
 * @module
 */
import process from "node:process";
import { FetchSockets } from "./fetch_sockets.ts";
import { partitionOncePerRecord, type ProducerOptions, SafeProducer } from "./safe_producer.ts";
import {
  type Admin,
  type Consumer,
  type ConsumerConfig,
  Kafka,
  type KafkaConfig,
  type LogEntry,
  logLevel,
  Partitioners,
  type Producer,
  type SASLOptions,
} from "kafkajs";
import type { Config } from "../config.ts";
import { type ErrorContext, translateError, UnreachableError } from "../errors.ts";
import { NETWORK_TEXTS } from "../errors_text.ts";
import { fillText, t, type Text } from "../i18n.ts";
import { LeaderlessError, leaderlessPartitions } from "./leaderless.ts";
import { probeTcp } from "../net.ts";
import type { Output } from "../output.ts";
import { withTimeout } from "../time.ts";

/** `retries` of the course's producers (the seed's `retries: 100`). */
export const SEED_PRODUCER_RETRIES = 100;

/** How long the reachability check waits for each bootstrap address. */
export const PROBE_TIMEOUT_MS = 5000;
/** How long connecting a client (handshake and metadata) may take. */
export const CONNECT_TIMEOUT_MS = 9000;

let warningFilterInstalled = false;

/**
 * kafkajs 2.2.4 computes a negative delay in its request queue, and newer Node
 * (and Deno's Node layer) print `TimeoutNegativeWarning` for it
 * (tulios/kafkajs#1751, fixed upstream only in forks). The timer is clamped to
 * 1 ms and behaves right, so that one warning is dropped; all others pass.
 */
function filterKafkajsTimerWarning(): void {
  if (warningFilterInstalled) return;
  warningFilterInstalled = true;
  const original = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  (process as unknown as { emitWarning: (...args: unknown[]) => void }).emitWarning = (
    warning: unknown,
    ...rest: unknown[]
  ) => {
    const name = typeof warning === "string"
      ? (typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string })?.type)
      : (warning as Error)?.name;
    if (name === "TimeoutNegativeWarning") return;
    original(warning, ...rest);
  };
}

/**
 * The partition kafkajs' default partitioner (murmur2 of the key, as the Java
 * client does) gives a key on a topic with `partitions` partitions. Lets a
 * producer set partitions itself and so know each record's offset in a batch.
 */
export function keyPartitioner(topic: string, partitions: number): (key: string) => number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({
    partitionId: i,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [],
    isr: [],
  }));
  return (key) => partitioner({ topic, partitionMetadata, message: { key, value: null } });
}

/** The hint for reaching a cluster, depending on whether it is the local default. */
export function startHint(brokers: readonly string[]): Text {
  const local = brokers.every((b) => /^(localhost|127\.0\.0\.1|\[::1\]):19\d{3}$/.test(b));
  return local
    ? t(
      "start the local cluster with `kafka-lab up`",
      "запустите локальный кластер: `kafka-lab up`",
    )
    : t(
      "check that the brokers run and the address is right",
      "проверьте, что брокеры запущены и адрес указан верно",
    );
}

/** A probe's reason in both languages: a known network failure, else as the probe said it. */
function probeReason(reason: string): Text {
  const known = Object.values(NETWORK_TEXTS).find((text) => text.en === reason);
  return known ?? { en: reason, ru: reason };
}

const CONSUMER_SOCKETS = new WeakMap<Consumer, FetchSockets>();

/** Builds kafkajs admin, producer and consumer clients that share one configuration. */
export class KafkaClients {
  readonly config: Config;
  readonly #out: Output;
  readonly #kafka: Kafka;

  constructor(config: Config, out: Output) {
    filterKafkajsTimerWarning();
    this.config = config;
    this.#out = out;
    this.#kafka = new Kafka(kafkaConfig(config, out));
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
    const results = await Promise.all(
      this.config.brokers.map(async (b) => ({ b, r: await probeTcp(b, PROBE_TIMEOUT_MS) })),
    );
    if (results.some(({ r }) => r.ok)) return;
    const reasons = results.map(({ b, r }) => ({ b, why: probeReason(r.ok ? "ok" : r.reason) }));
    const start = startHint(this.config.brokers);
    throw new UnreachableError(
      {
        en: `no Kafka broker answers at ${reasons.map((x) => `${x.b} (${x.why.en})`).join(", ")}`,
        ru: `ни один брокер Kafka не отвечает: ${
          reasons.map((x) => `${x.b} (${x.why.ru})`).join(", ")
        }`,
      },
      {
        hint: {
          en: `${start.en}, or set KAFKA_BROKERS / --bootstrap-server`,
          ru: `${start.ru}, или задайте адрес в KAFKA_BROKERS / --bootstrap-server`,
        },
      },
    );
  }

  /**
   * Connects a client within {@linkcode CONNECT_TIMEOUT_MS}. A port that
   * accepts TCP but does not answer as Kafka fails here with exit code 3
   * instead of waiting out the 30 s request timeout.
   */
  async connect<T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
    client: T,
  ): Promise<T> {
    try {
      await withTimeout(client.connect(), CONNECT_TIMEOUT_MS, () => this.#silentPort());
      return client;
    } catch (err) {
      client.disconnect().catch(() => {});
      throw this.translate(err);
    }
  }

  #silentPort(): UnreachableError {
    const vars = {
      brokers: this.config.brokers.join(", "),
      seconds: CONNECT_TIMEOUT_MS / 1000,
    };
    const start = startHint(this.config.brokers);
    return new UnreachableError(
      fillText(
        t(
          "no Kafka broker answered at {brokers} within {seconds} s (the port accepts connections, but nothing speaks Kafka there)",
          "ни один брокер Kafka не ответил по адресу {brokers} за {seconds} с (порт принимает соединения, но Kafka на нём не отвечает)",
        ),
        vars,
      ),
      {
        hint: {
          en: `${start.en}, or check KAFKA_BROKERS / --bootstrap-server`,
          ru: `${start.ru}, или проверьте KAFKA_BROKERS / --bootstrap-server`,
        },
      },
    );
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
  admin(): Admin {
    return this.#kafka.admin({ retry: { retries: 5 } });
  }

  /**
   * A producer with the default (murmur2, Java-compatible) partitioner, safe
   * to retry (see `lib/kafka/safe_producer.ts`): each record's partition is chosen once
   * before its first attempt, and an idempotent producer whose send failed is
   * replaced before the next send. `unsafePartitioning: true` returns the
   * plain kafkajs producer (lab 5 shows the loss with it).
   */
  producer(options: ProducerOptions = {}): Producer {
    const { unsafePartitioning, deliveryTimeoutMs, ...config } = options;
    const createPartitioner = config.createPartitioner ?? Partitioners.DefaultPartitioner;
    if (unsafePartitioning) return this.#kafka.producer({ ...config, createPartitioner });
    return new SafeProducer(
      (chosen) =>
        this.#kafka.producer({
          ...config,
          createPartitioner: partitionOncePerRecord(createPartitioner, chosen),
        }),
      { deliveryTimeoutMs, whyStuck: (topics) => this.#leaderless(topics) },
    );
  }

  /** A {@linkcode LeaderlessError} when a partition of `topics` has no leader now. */
  async #leaderless(topics: readonly string[]): Promise<Error | undefined> {
    const none = await leaderlessPartitions(this.config, topics);
    return none && none.length > 0 ? new LeaderlessError(none) : undefined;
  }

  /**
   * The producer every lab uses for acks=all writes: idempotent, one request
   * in flight per connection, and `retries` 100 as in the course's seed
   * (kafkajs would retry an idempotent send forever). Options override these.
   */
  idempotentProducer(options: ProducerOptions = {}): Producer {
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
   * fetch waits at most 1 s for new records (kafkajs' default is 5 s).
   *
   * Each consumer gets its own kafkajs `Kafka` instance: kafkajs keeps one
   * map of committed offsets per instance and group, and a member whose new
   * assignment is empty clears it under the feet of another member of the
   * same group in the same process (tulios/kafkajs#1366). Stop it with
   * {@linkcode KafkaClients.disconnectConsumer}, which does not wait out the
   * fetch in flight.
   */
  consumer(options: ConsumerConfig): Consumer {
    const sockets = new FetchSockets();
    const kafka = new Kafka({
      ...kafkaConfig(this.config, this.#out),
      socketFactory: sockets.factory,
    });
    const consumer = kafka.consumer({
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 20_000,
      maxWaitTimeInMs: 1_000,
      ...options,
    });
    CONSUMER_SOCKETS.set(consumer, sockets);
    return consumer;
  }

  /**
   * Leaves the group and disconnects at once. kafkajs' `disconnect()` first
   * waits for the fetch in flight, which the broker holds up to
   * `maxWaitTimeInMs` when there is nothing new; here the fetch connection is
   * closed as soon as the consumer is told to stop, so the long poll ends
   * now, and the group is left on the other connection (kafkajs sends
   * fetches on their own connection).
   */
  async disconnectConsumer(consumer: Consumer): Promise<void> {
    const sockets = CONSUMER_SOCKETS.get(consumer);
    const done = consumer.disconnect();
    sockets?.endFetches();
    try {
      await done;
    } finally {
      sockets?.destroyAll();
    }
  }

  /** A line for `--verbose`. */
  debug(text: string): void {
    this.#out.debug(text);
  }

  /** Translates any error thrown by a client into plain words with a hint. */
  translate(err: unknown): Error {
    return translateError(err, this.errorContext);
  }
}

function levelName(level: logLevel): string {
  return logLevel[level] ?? String(level);
}

/** The kafkajs configuration for a resolved {@linkcode Config}. */
export function kafkaConfig(config: Config, out: Output): KafkaConfig {
  let ssl: KafkaConfig["ssl"];
  if (config.ssl) {
    ssl = config.sslCaFile ? { ca: [Deno.readTextFileSync(config.sslCaFile)] } : true;
  }
  let sasl: SASLOptions | undefined;
  if (config.sasl) {
    sasl = {
      mechanism: config.sasl.mechanism,
      username: config.sasl.username,
      password: config.sasl.password,
    } as SASLOptions;
  }
  return {
    clientId: config.clientId,
    brokers: [...config.brokers],
    ssl,
    sasl,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 5_000 },
    logLevel: out.verbose ? logLevel.DEBUG : logLevel.NOTHING,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...extra } = entry.log;
      out.debug(
        `kafkajs ${levelName(entry.level)} [${entry.namespace}] ${message} ${
          JSON.stringify(extra)
        }`,
      );
    },
  };
}
