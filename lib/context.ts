/**
 * What every command receives: the resolved config, the output, the shutdown
 * signal, and lazily made Kafka and registry clients.
 *
 * The clients are imported on first use (`await ctx.kafka()`), so a command
 * that never talks to Kafka (`--help`, `--version`, `config`) loads neither
 * the Kafka port nor the registry client; the port itself loads kafkajs only
 * when a client is made, so one that only asks for metadata (`lab1 list`,
 * `status`) never loads it (`lib/kafka/clients.ts`).
 * @module
 */
import type { Config } from "./config.ts";
import { UsageError } from "./errors.ts";
import type { GradedLabsSource } from "./grading/types.ts";
import { t } from "./i18n.ts";
import type { Kafka } from "./kafka/port.ts";
import type { Output } from "./output.ts";
import type { RegistryClient } from "./registry.ts";
import type { Shutdown } from "./shutdown.ts";

/**
 * The context of one command run; `C` is the type of the command table's
 * entries (`Command`, which itself names the context: a type parameter keeps
 * this file from importing `cli/command.ts` back).
 */
export class Context<C = unknown> {
  readonly config: Config;
  readonly out: Output;
  readonly shutdown: Shutdown;
  readonly #graded?: GradedLabsSource;
  readonly #commands: readonly C[];
  #kafka?: Promise<Kafka>;
  #registry?: Promise<RegistryClient>;

  constructor(
    config: Config,
    out: Output,
    shutdown: Shutdown,
    options: { graded?: GradedLabsSource; commands?: readonly C[] } = {},
  ) {
    this.config = config;
    this.out = out;
    this.shutdown = shutdown;
    this.#graded = options.graded;
    this.#commands = options.commands ?? [];
  }

  /** The command table (`cli.ts` wires it), for commands that describe the others. */
  get commands(): readonly C[] {
    return this.#commands;
  }

  /** The graded labs (their tasks and answer keys), as `main.ts` wired them. */
  get graded(): GradedLabsSource {
    if (!this.#graded) {
      throw new UsageError(
        t("no graded labs are wired in", "проверяемые лабораторные не подключены"),
      );
    }
    return this.#graded;
  }

  /** Aborted on Ctrl+C / SIGTERM: loops drain and return. */
  get signal(): AbortSignal {
    return this.shutdown.signal;
  }

  /** The Kafka port (`lib/kafka/port.ts`), made on first use. */
  kafka(): Promise<Kafka> {
    return this.#kafka ??= import("./kafka/clients.ts").then((m) =>
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
