/**
 * What every command receives: the resolved config, the output, the shutdown
 * signal, and lazily made Kafka and registry clients.
 *
 * The clients are imported on first use (`await ctx.kafka()`), so a command
 * that never talks to Kafka (`--help`, `--version`, `config`) never loads
 * kafkajs or the registry client.
 * @module
 */
import type { Config } from "./config.ts";
import type { KafkaClients } from "./kafka.ts";
import type { Output } from "./output.ts";
import type { RegistryClient } from "./registry.ts";
import type { Shutdown } from "./shutdown.ts";

/** The context of one command run. */
export class Context {
  readonly config: Config;
  readonly out: Output;
  readonly shutdown: Shutdown;
  #kafka?: Promise<KafkaClients>;
  #registry?: Promise<RegistryClient>;

  constructor(config: Config, out: Output, shutdown: Shutdown) {
    this.config = config;
    this.out = out;
    this.shutdown = shutdown;
  }

  /** Aborted on Ctrl+C / SIGTERM: loops drain and return. */
  get signal(): AbortSignal {
    return this.shutdown.signal;
  }

  /** The Kafka client factory (kafkajs is loaded and the factory made on first use). */
  kafka(): Promise<KafkaClients> {
    return this.#kafka ??= import("./kafka.ts").then((m) =>
      new m.KafkaClients(this.config, this.out)
    );
  }

  /** The Schema Registry client (loaded and made on first use). */
  registry(): Promise<RegistryClient> {
    return this.#registry ??= import("./registry.ts").then((m) =>
      new m.RegistryClient(this.config, this.out)
    );
  }
}
