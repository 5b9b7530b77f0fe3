/**
 * The kafkajs adapter behind the Kafka port (`../port.ts`): the one module
 * that makes kafkajs clients. Client id, logger, timeouts and retry suited
 * to a laptop, SASL/SSL from the config. `../clients.ts` loads it on first
 * use, so a command that never needs kafkajs (`--help`, `lab1 list`) never
 * loads it.
 *
 * kafkajs 2.2.4 has had no release since February 2023. What it gets wrong
 * is worked around here and beside it, never at the call sites:
 * - here: the `TimeoutNegativeWarning` it makes Deno print
 *   ({@linkcode filterKafkajsTimerWarning}); one client per consumer
 *   (tulios/kafkajs#1366) with sockets that can end a long poll at once
 *   (`fetch_sockets.ts`);
 * - `admin.ts`: an admin client spoiled by a topic deleted elsewhere, group
 *   members' assignments decoded for `describeGroups`;
 * - `partitioner.ts`: retries that choose another partition;
 * - `../safe_producer.ts`: reused sequence numbers, missing partitions in a
 *   reply, sends that stay pending for an hour;
 * - `../consumer_loop.ts`: slow stops, crashes of its own bookkeeping;
 * - `../transactions.ts`: slow back-off, unretried coordinator moves,
 *   duplicates within a transaction, no require_stable offsets;
 * - `../group_offsets.ts`: committed offsets lost to a metadata race;
 * - `../topics.ts`: no waitForLeaders (UNKNOWN_TOPIC_OR_PARTITION on KRaft);
 * - `../clients.ts`: metadata from the wire where kafkajs fails a topic with
 *   a leaderless partition.
 *
 * @example
 * ```ts
 * const driver = new KafkajsDriver(config, out);
 * const admin = driver.admin();
 * await admin.connect();
 * ```
 * @module
 */
import process from "node:process";
import {
  type Consumer as KafkajsConsumer,
  Kafka as KafkajsClient,
  type KafkaConfig,
  type LogEntry,
  logLevel,
  Partitioners,
  type SASLOptions,
} from "kafkajs";
import type { Config } from "../../config.ts";
import type { Output } from "../../output.ts";
import type {
  Admin,
  Consumer,
  ConsumerOptions,
  KafkaDriver,
  PartitionMemo,
  Producer,
  ProducerOptions,
} from "../port.ts";
import { portAdmin } from "./admin.ts";
import { FetchSockets } from "./fetch_sockets.ts";
import { keyPartitioner, partitionOncePerRecord } from "./partitioner.ts";

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

/** The kafkajs clients of one {@linkcode Config}; see the module docs. */
/** How long `disconnectConsumer` waits for kafkajs' own disconnect. */
export const DISCONNECT_BOUND_MS = 10_000;

export class KafkajsDriver implements KafkaDriver {
  readonly #config: Config;
  readonly #out: Output;
  readonly #kafka: KafkajsClient;
  readonly #sockets = new WeakMap<Consumer, FetchSockets>();
  /** Consumers told to stop: kafkajs must not restart them after a crash. */
  readonly #stopped = new WeakSet<Consumer>();

  constructor(config: Config, out: Output) {
    filterKafkajsTimerWarning();
    this.#config = config;
    this.#out = out;
    this.#kafka = new KafkajsClient(kafkaConfig(config, out));
  }

  admin(): Admin {
    return portAdmin(() => this.#kafka.admin({ retry: { retries: 5 } }));
  }

  /**
   * A producer with the default (murmur2, Java-compatible) partitioner; with
   * `memo`, each record's partition is chosen once (`partitioner.ts`).
   */
  producer(
    options: Omit<ProducerOptions, "deliveryTimeoutMs" | "unsafePartitioning">,
    memo?: PartitionMemo,
  ): Producer {
    const createPartitioner = memo
      ? partitionOncePerRecord(Partitioners.DefaultPartitioner, memo)
      : Partitioners.DefaultPartitioner;
    return this.#kafka.producer({ ...options, createPartitioner });
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
   * {@linkcode KafkajsDriver.disconnectConsumer}, which does not wait out the
   * fetch in flight.
   */
  consumer(options: ConsumerOptions): Consumer {
    const sockets = new FetchSockets();
    const kafka = new KafkajsClient({
      ...kafkaConfig(this.#config, this.#out),
      socketFactory: sockets.factory,
    });
    const consumer: KafkajsConsumer = kafka.consumer({
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      rebalanceTimeout: 20_000,
      maxWaitTimeInMs: 1_000,
      ...options,
      // kafkajs restarts a crashed consumer by itself, also one that crashes
      // while it is being disconnected (its fetch connection closed under it):
      // that one joined the group again beside its replacement and took
      // partitions from it, and each disconnect made it crash and restart
      // again (the coordinator fault test: a consumer rebalanced for ever).
      // A consumer told to stop is never restarted.
      retry: { retries: 5, restartOnFailure: () => Promise.resolve(!this.#stopped.has(consumer)) },
    });
    // kafkajs' consumer already has the port's shape (checked here by the compiler).
    const port: Consumer = consumer;
    const disconnect = consumer.disconnect;
    consumer.disconnect = () => {
      this.#stopped.add(consumer);
      return disconnect();
    };
    this.#sockets.set(port, sockets);
    return port;
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
    this.#stopped.add(consumer);
    const sockets = this.#sockets.get(consumer);
    const done = consumer.disconnect();
    sockets?.endFetches();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // kafkajs 2.2.4 can wait for ever when told to disconnect while it is
      // still joining its group (its runner waits for a fetch loop that never
      // started; tulios/kafkajs#967, #1639): a `check` right after `up` hung
      // here. After DISCONNECT_BOUND_MS its sockets are closed and we go on.
      const bound = new Promise<"bound">((resolve) => {
        timer = setTimeout(() => resolve("bound"), DISCONNECT_BOUND_MS);
      });
      let failure: { err: unknown } | undefined;
      const finished = done.then(
        () => "done" as const,
        (err: unknown) => {
          failure = { err };
          return "done" as const;
        },
      );
      if (await Promise.race([finished, bound]) === "bound") {
        this.#out.debug(`kafkajs consumer still disconnecting after ${DISCONNECT_BOUND_MS} ms`);
      } else if (failure) throw failure.err;
    } finally {
      clearTimeout(timer);
      sockets?.destroyAll();
    }
  }

  keyPartitioner(topic: string, partitions: number): (key: string) => number {
    return keyPartitioner(topic, partitions);
  }
}
