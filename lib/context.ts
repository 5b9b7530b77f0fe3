/**
 * What every command receives: the resolved config, the output, the shutdown
 * signal, and lazily made Kafka and registry clients.
 * @module
 */
import type { Config } from "./config.ts";
import { KafkaClients } from "./kafka.ts";
import type { Output } from "./output.ts";
import { RegistryClient } from "./registry.ts";
import type { Shutdown } from "./shutdown.ts";

/** The context of one command run. */
export class Context {
  readonly config: Config;
  readonly out: Output;
  readonly shutdown: Shutdown;
  #kafka?: KafkaClients;
  #registry?: RegistryClient;

  constructor(config: Config, out: Output, shutdown: Shutdown) {
    this.config = config;
    this.out = out;
    this.shutdown = shutdown;
  }

  /** Aborted on Ctrl+C / SIGTERM: loops drain and return. */
  get signal(): AbortSignal {
    return this.shutdown.signal;
  }

  /** The Kafka client factory (made on first use). */
  kafka(): KafkaClients {
    return this.#kafka ??= new KafkaClients(this.config, this.out);
  }

  /** The Schema Registry client (made on first use). */
  registry(): RegistryClient {
    return this.#registry ??= new RegistryClient(this.config, this.out);
  }
}
