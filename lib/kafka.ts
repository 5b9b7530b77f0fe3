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
  type ProducerConfig,
  type SASLOptions,
} from "kafkajs";
import type { Config } from "./config.ts";
import { type ErrorContext, translateError, UnreachableError } from "./errors.ts";
import { probeTcp } from "./net.ts";
import type { Output } from "./output.ts";
import { withTimeout } from "./time.ts";

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
export function startHint(brokers: readonly string[]): string {
  const local = brokers.every((b) => /^(localhost|127\.0\.0\.1|\[::1\]):19\d{3}$/.test(b));
  return local
    ? "start the local cluster with `kafka-lab up`"
    : "check that the brokers run and the address is right";
}

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
    return { brokers: this.config.brokers, startHint: startHint(this.config.brokers) };
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
    const reasons = results.map(({ b, r }) => `${b} (${r.ok ? "ok" : r.reason})`).join(", ");
    throw new UnreachableError(`no Kafka broker answers at ${reasons}`, {
      hint: `${startHint(this.config.brokers)}, or set KAFKA_BROKERS / --bootstrap-server`,
    });
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
      await withTimeout(client.connect(), CONNECT_TIMEOUT_MS, () =>
        new UnreachableError(
          `no Kafka broker answered at ${this.config.brokers.join(", ")} within ${
            CONNECT_TIMEOUT_MS / 1000
          } s (the port accepts connections, but nothing speaks Kafka there)`,
          {
            hint: `${startHint(this.config.brokers)}, or check KAFKA_BROKERS / --bootstrap-server`,
          },
        ));
      return client;
    } catch (err) {
      client.disconnect().catch(() => {});
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
  admin(): Admin {
    return this.#kafka.admin({ retry: { retries: 5 } });
  }

  /** A producer with the default (murmur2, Java-compatible) partitioner. */
  producer(options: ProducerConfig = {}): Producer {
    return this.#kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      ...options,
    });
  }

  /**
   * A consumer. Session timeout defaults to 10 s (the broker's minimum is 6 s)
   * so a killed consumer's partitions move to the others quickly in labs; a
   * fetch waits at most 1 s for new records (kafkajs' default is 5 s), so a
   * stop (Ctrl+C, --max-messages, idle) leaves the group within about a second.
   */
  consumer(options: ConsumerConfig): Consumer {
    return this.#kafka.consumer({
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 20_000,
      maxWaitTimeInMs: 1_000,
      ...options,
    });
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
