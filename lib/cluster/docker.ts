/**
 * The docker runtime: `compose.yaml` (imported into the program, so the
 * compiled binary carries it) written to the state folder and run as compose
 * project `kafka-lab`.
 * @module
 */
import { RUNTIME_TEXT as R } from "./runtime_text.ts";
import { join } from "node:path";
import composeText from "../../compose.yaml" with { type: "text" };
import type { Config } from "../config.ts";
import { KafkaLabError, UsageError } from "../errors.ts";
import { fillText, localize, t, type Text } from "../i18n.ts";
import type { Output } from "../output.ts";
import { KAFKA_VERSION } from "../version.ts";
import {
  type ClusterPorts,
  FIRST_BROKER_PORT,
  nodeLayout,
  REGISTRY_PORT,
  UI_PORT,
} from "./kraft.ts";
import { waitUntilReady } from "./ready.ts";
import type { ClusterRuntime, DownResult, UpOptions, UpResult } from "./runtime.ts";
import { clearState, type ClusterState, readState, writeState } from "./state.ts";
import { RUNTIME_EVENTS } from "./events.ts";

/** The compose project name. */
export const COMPOSE_PROJECT = "kafka-lab";
/** The brokers `compose.yaml` runs. */
export const COMPOSE_BROKERS = 3;
/** Confluent Schema Registry's URL in the compose cluster. */
export const DOCKER_REGISTRY_URL = `http://localhost:${REGISTRY_PORT}`;

/** The compose file the program carries. */
export const COMPOSE_YAML: string = composeText;

async function docker(
  args: string[],
  options: { timeoutMs?: number; inherit?: boolean } = {},
): Promise<{ ok: boolean; text: string }> {
  try {
    const out = await new Deno.Command("docker", {
      args,
      stdout: options.inherit ? "inherit" : "piped",
      stderr: options.inherit ? "inherit" : "piped",
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    }).output();
    const decode = (b: Uint8Array | null) => b ? new TextDecoder().decode(b) : "";
    return { ok: out.success, text: (decode(out.stdout) + decode(out.stderr)).trim() };
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      return { ok: false, text: "docker is not installed (no `docker` on PATH)" };
    }
    return { ok: false, text: (err as Error).message };
  }
}

/** What broker control asks compose to do to one node's service. */
export type ServiceAction = "stop" | "kill" | "start" | "pause" | "unpause";

/** The compose service of broker `id` in `compose.yaml`. */
export function brokerService(id: number): string {
  return `kafka-${id}`;
}

/**
 * The `docker` arguments that stop (SIGTERM, SIGKILL after 30 s), kill
 * (SIGKILL at once) or start broker `id`'s service, on its own volume.
 */
export function composeServiceArgs(
  action: ServiceAction,
  id: number,
  composeFile: string,
): string[] {
  const base = ["compose", "-p", COMPOSE_PROJECT, "-f", composeFile];
  const service = brokerService(id);
  switch (action) {
    case "stop":
      return [...base, "stop", "--timeout", "30", service];
    case "kill":
      return [...base, "kill", "--signal", "SIGKILL", service];
    case "start":
    case "pause":
    case "unpause":
      return [...base, action, service];
  }
}

/** Runs {@linkcode composeServiceArgs}; throws when compose fails. */
export async function composeService(
  action: ServiceAction,
  id: number,
  stateDir: string,
): Promise<void> {
  const file = join(stateDir, "docker", "compose.yaml");
  const res = await docker(composeServiceArgs(action, id, file), { timeoutMs: 60_000 });
  if (!res.ok) {
    throw new KafkaLabError(
      t(
        `docker compose ${action} ${brokerService(id)} failed: ${res.text}`,
        `docker compose ${action} ${brokerService(id)} не удался: ${res.text}`,
      ),
      {
        hint: t(
          `see \`docker compose -p ${COMPOSE_PROJECT} ps\``,
          `посмотрите \`docker compose -p ${COMPOSE_PROJECT} ps\``,
        ),
      },
    );
  }
}

/**
 * Throws a usage error, before Docker is asked anything, when `options` want
 * what `compose.yaml` cannot run: a login, moved ports, another broker count.
 */
export function checkComposeOptions(options: UpOptions, ports: ClusterPorts): void {
  if (options.auth || options.acl) {
    throw new UsageError(
      t(
        "--auth runs on the java runtime only (compose.yaml has no SASL listener)",
        "--auth работает только в среде java (в compose.yaml нет слушателя SASL)",
      ),
      t(
        "use `kafka-lab up --runtime java --auth scram`",
        "используйте `kafka-lab up --runtime java --auth scram`",
      ),
    );
  }
  if (ports.broker !== FIRST_BROKER_PORT) {
    throw new UsageError(
      t(
        "KAFKA_LAB_PORT_BASE moves the java runtime only (compose.yaml publishes fixed ports)",
        "KAFKA_LAB_PORT_BASE переносит порты только в среде java (compose.yaml публикует постоянные порты)",
      ),
      t(
        "use `kafka-lab up --runtime java`, or unset KAFKA_LAB_PORT_BASE",
        "используйте `kafka-lab up --runtime java` или уберите KAFKA_LAB_PORT_BASE",
      ),
    );
  }
  if (options.brokers !== COMPOSE_BROKERS) {
    throw new UsageError(
      fillText(R.dockerSize, { n: COMPOSE_BROKERS, want: options.brokers }),
      R.dockerSizeHint,
    );
  }
}

/** The `docker` arguments that start the project and wait until its services are healthy. */
export function composeUpArgs(composeFile: string, timeoutMs: number): string[] {
  const seconds = Math.ceil(timeoutMs / 1000);
  return [
    "compose",
    "-p",
    COMPOSE_PROJECT,
    "-f",
    composeFile,
    "up",
    "-d",
    "--wait",
    "--wait-timeout",
    String(seconds),
  ];
}

/** The state file of the compose cluster. */
export function dockerClusterState(now: Date = new Date()): ClusterState {
  const nodes = nodeLayout(COMPOSE_BROKERS);
  return {
    version: 1,
    runtime: "docker",
    brokers: nodes.map((n) => ({ id: n.id, address: n.address })),
    registryUrl: DOCKER_REGISTRY_URL,
    uiUrl: `http://localhost:${UI_PORT}`,
    processes: [],
    startedAt: now.toISOString(),
    kafkaVersion: KAFKA_VERSION,
  };
}

/** Runs the cluster with Docker Compose; see the module docs. */
export class DockerRuntime implements ClusterRuntime {
  readonly name = "docker" as const;
  readonly #config: Config;
  readonly #out: Output;
  readonly #signal?: AbortSignal;

  constructor(config: Config, out: Output, options: { signal?: AbortSignal } = {}) {
    this.#config = config;
    this.#out = out;
    this.#signal = options.signal;
  }

  get #composeFile(): string {
    return join(this.#config.stateDir, "docker", "compose.yaml");
  }

  async unavailableReason(): Promise<Text | undefined> {
    const info = await docker(["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 10_000 });
    if (!info.ok) return fillText(R.noDockerEngine, { detail: info.text.split("\n")[0] });
    const compose = await docker(["compose", "version"], { timeoutMs: 10_000 });
    if (!compose.ok) return R.noCompose;
    return undefined;
  }

  async up(options: UpOptions): Promise<UpResult> {
    checkComposeOptions(options, options.ports ?? this.#config.ports);
    const existing = readState(this.#config.stateDir);
    if (existing?.runtime === "java") {
      throw new UsageError(R.javaRecorded, R.stopFirst);
    }
    const reason = await this.unavailableReason();
    if (reason) {
      throw new KafkaLabError(reason, { hint: R.startDocker });
    }
    await this.#composeUp(options.timeoutMs);
    const state = dockerClusterState();
    writeState(this.#config.stateDir, state);
    await this.#awaitServing(state, options.timeoutMs);
    return { state, alreadyRunning: existing?.runtime === "docker" };
  }

  /** Writes `compose.yaml` to the state folder and runs `docker compose up --wait`. */
  async #composeUp(timeoutMs: number): Promise<void> {
    await Deno.mkdir(join(this.#config.stateDir, "docker"), { recursive: true });
    await Deno.writeTextFile(this.#composeFile, COMPOSE_YAML);
    this.#out.event(
      RUNTIME_EVENTS.composeStarting,
      { file: this.#composeFile },
      localize(R.composeStart, this.#out.lang, {
        project: COMPOSE_PROJECT,
        file: this.#composeFile,
      }),
    );
    const args = composeUpArgs(this.#composeFile, timeoutMs);
    const res = await docker(args, { inherit: !this.#out.json });
    if (!res.ok) {
      throw new KafkaLabError(
        fillText(R.composeFailed, { text: res.text ? `: ${res.text}` : "" }),
        {
          hint: fillText(R.composeFailedHint, { project: COMPOSE_PROJECT }),
        },
      );
    }
  }

  /** Waits until the brokers and the registry of `state` serve clients. */
  async #awaitServing(state: ClusterState, timeoutMs: number): Promise<void> {
    const ready = await waitUntilReady({
      config: this.#config,
      out: this.#out,
      addresses: state.brokers.map((b) => b.address),
      registryUrl: state.registryUrl,
      timeoutMs,
      signal: this.#signal,
    });
    if (!ready) {
      throw new KafkaLabError(R.composeNotServing, {
        hint: fillText(R.composeLogsHint, { project: COMPOSE_PROJECT }),
      });
    }
  }

  async down(options: { purge: boolean }): Promise<DownResult> {
    const args = ["compose", "-p", COMPOSE_PROJECT];
    try {
      Deno.statSync(this.#composeFile);
      args.push("-f", this.#composeFile);
    } catch {
      // without the file compose still finds the project by name
    }
    args.push("down");
    if (options.purge) args.push("--volumes");
    const res = await docker(args, { inherit: !this.#out.json });
    if (!res.ok) {
      throw new KafkaLabError(`docker compose down failed${res.text ? `: ${res.text}` : ""}`);
    }
    clearState(this.#config.stateDir);
    return { stopped: ["compose project kafka-lab"], killed: [], purged: options.purge };
  }
}
