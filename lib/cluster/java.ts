/**
 * The java runtime: Apache Kafka 4.1.1 from its official jars and Apicurio
 * Registry (Confluent-compatible API at `/apis/ccompat/v7`), run on this
 * machine's Java 17+, on loopback, with the same client endpoints as
 * `compose.yaml`. Processes run in the background with pid records and logs in
 * the state folder; data survives `down` unless `--purge`.
 * @module
 */
import { delimiter, join } from "node:path";
import type { Config } from "../config.ts";
export { findJava, type JavaInfo, MIN_JAVA, parseJavaVersion } from "./jvm.ts";
import { KafkaLabError, UsageError } from "../errors.ts";
import { portIsFree } from "../net.ts";
import type { Output } from "../output.ts";
import { KAFKA_VERSION } from "../version.ts";
import { APICURIO_ARCHIVE, APICURIO_RUNNER_JAR, KAFKA_JARS } from "./artifacts.ts";
import { ensureArtifacts } from "./download.ts";
import { brokerCommand, findJava, type JavaInfo, nodeDir, registryCommand } from "./jvm.ts";
import {
  LISTEN_HOST,
  newClusterId,
  nodeLayout,
  type NodeSpec,
  REGISTRY_PORT,
  requiredPorts,
  serverProperties,
} from "./kraft.ts";
import log4jConfig from "./log4j2.properties" with { type: "text" };
import { isRunning, respawn, stopProcesses, tailFile } from "./process.ts";
import { waitUntilReady } from "./ready.ts";
import type { ClusterRuntime, DownResult, UpOptions, UpResult } from "./runtime.ts";
import {
  clearState,
  type ClusterState,
  type ProcessRecord,
  readState,
  withProcess,
  writeState,
} from "./state.ts";

interface Meta {
  readonly clusterId: string;
  readonly brokers: number;
  readonly createdAt: string;
}

/** The registry URL of the java runtime. */
export const JAVA_REGISTRY_URL = `http://localhost:${REGISTRY_PORT}/apis/ccompat/v7`;

/** Runs the cluster from jars; see the module docs. */
export class JavaRuntime implements ClusterRuntime {
  readonly name = "java" as const;
  readonly #config: Config;
  readonly #out: Output;
  readonly #signal?: AbortSignal;
  readonly #env: Readonly<Record<string, string | undefined>>;

  constructor(
    config: Config,
    out: Output,
    options: { signal?: AbortSignal; env?: Record<string, string | undefined> } = {},
  ) {
    this.#config = config;
    this.#out = out;
    this.#signal = options.signal;
    this.#env = options.env ?? Deno.env.toObject();
  }

  /** `<stateDir>/java`: node data, logs, registry database. */
  get home(): string {
    return join(this.#config.stateDir, "java");
  }

  async unavailableReason(): Promise<string | undefined> {
    if (Deno.build.os === "windows") {
      return "the java runtime runs on Linux and macOS; on Windows use Docker or WSL";
    }
    try {
      await findJava(this.#env);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }

  #readMeta(): Meta | undefined {
    try {
      return JSON.parse(Deno.readTextFileSync(join(this.home, "meta.json")));
    } catch {
      return undefined;
    }
  }

  async up(options: UpOptions): Promise<UpResult> {
    const existing = readState(this.#config.stateDir);
    if (existing?.runtime === "docker") {
      throw new UsageError(
        "a docker cluster is recorded as running",
        "stop it first with `kafka-lab down`, or keep using it",
      );
    }
    if (existing && existing.processes.length > 0 && existing.processes.every(isRunning)) {
      if (existing.brokers.length !== options.brokers) {
        throw new UsageError(
          `the local cluster already runs with ${existing.brokers.length} broker(s), not ${options.brokers}`,
          "stop it with `kafka-lab down` (add --purge to start from empty), then `kafka-lab up` again",
        );
      }
      return { state: existing, alreadyRunning: true };
    }
    const partlyRunning = existing !== undefined && existing.processes.some(isRunning) &&
      existing.processes.every((p) => p.argv !== undefined);
    if (partlyRunning && existing.brokers.length === options.brokers) {
      return await this.#restartStopped(existing, options.timeoutMs);
    }
    if (existing) {
      // Recorded but (partly) dead: stop what is left, then start again on the same data.
      await stopProcesses(existing.processes, { graceMs: 15_000, out: this.#out });
      clearState(this.#config.stateDir);
    }

    if (Deno.build.os === "windows") {
      throw new KafkaLabError("the java runtime runs on Linux and macOS", {
        hint: "on Windows use `kafka-lab up --runtime docker`, or run kafka-lab inside WSL",
      });
    }
    const nodes = nodeLayout(options.brokers);
    for (const { port, owner } of requiredPorts(nodes)) {
      if (!portIsFree(port, LISTEN_HOST)) {
        throw new KafkaLabError(
          `port ${port} on ${LISTEN_HOST} is already in use; ${owner} needs it`,
          {
            hint:
              "another Kafka or registry may be running: see `kafka-lab status`, stop it, or stop the program using the port (e.g. `ss -ltnp | grep " +
              port + "`)",
          },
        );
      }
    }

    const java = await findJava(this.#env);
    const repoUrl = this.#env.KAFKA_LAB_MAVEN_REPO;
    const download = {
      cacheDir: this.#config.cacheDir,
      out: this.#out,
      signal: this.#signal,
      repoUrl,
    };
    const files = await ensureArtifacts([...KAFKA_JARS, APICURIO_ARCHIVE], download);
    const jars = files.slice(0, KAFKA_JARS.length);
    const archive = files[KAFKA_JARS.length];
    const registryDir = await this.#unpackRegistry(archive);

    await Deno.mkdir(this.home, { recursive: true });
    const log4jPath = join(this.home, "log4j2.properties");
    await Deno.writeTextFile(log4jPath, log4jConfig);
    const classpath = jars.join(delimiter);
    const meta = await this.#prepareStorage(nodes, java, classpath, log4jPath);

    const paths = { java: java.path, home: this.home, classpath, log4jPath };
    const records: ProcessRecord[] = [];
    const children = new Map<string, Deno.ChildProcess>();
    const launch = (record: ProcessRecord) => {
      const started = respawn(record);
      records.push(started.record);
      children.set(record.name, started.child);
    };
    for (const node of nodes) {
      const { argv, marker } = brokerCommand(paths, node.id);
      const logFile = join(nodeDir(this.home, node.id), "kafka.log");
      launch({ name: `broker ${node.id}`, nodeId: node.id, pid: 0, marker, logFile, argv });
    }
    const registry = registryCommand(
      { java: java.path, home: this.home, runnerJar: join(registryDir, APICURIO_RUNNER_JAR) },
      { host: LISTEN_HOST, port: REGISTRY_PORT },
    );
    await Deno.mkdir(registry.dataDir, { recursive: true });
    launch({
      name: "registry",
      pid: 0,
      marker: registry.marker,
      logFile: join(registry.dataDir, "registry.log"),
      argv: registry.argv,
    });

    const state: ClusterState = {
      version: 1,
      runtime: "java",
      clusterId: meta.clusterId,
      brokers: nodes.map((n) => ({ id: n.id, address: n.address })),
      registryUrl: JAVA_REGISTRY_URL,
      processes: records,
      startedAt: new Date().toISOString(),
      kafkaVersion: KAFKA_VERSION,
    };
    writeState(this.#config.stateDir, state);

    try {
      await this.#awaitReady(state, children, options.timeoutMs);
    } catch (err) {
      await stopProcesses(records, { graceMs: 10_000, out: this.#out });
      clearState(this.#config.stateDir);
      throw err;
    }
    return { state, alreadyRunning: false };
  }

  /** Waits until the cluster of `state` serves clients; throws when a started process exits. */
  async #awaitReady(
    state: ClusterState,
    children: ReadonlyMap<string, Deno.ChildProcess>,
    timeoutMs: number,
  ): Promise<void> {
    const exited = new Map<string, Deno.CommandStatus>();
    for (const [name, child] of children) child.status.then((s) => exited.set(name, s));
    const ready = await waitUntilReady({
      config: this.#config,
      out: this.#out,
      addresses: state.brokers.map((b) => b.address),
      registryUrl: JAVA_REGISTRY_URL,
      timeoutMs,
      signal: this.#signal,
      check: () => {
        for (const [name, status] of exited) {
          const rec = state.processes.find((r) => r.name === name)!;
          throw new KafkaLabError(
            `${name} exited during start-up (exit code ${status.code}); the end of ${rec.logFile}:\n${
              tailFile(rec.logFile, 15)
            }`,
            { hint: "fix what the log says, then `kafka-lab up` again" },
          );
        }
      },
    });
    if (!ready) {
      if (this.#signal?.aborted) throw new KafkaLabError("start-up interrupted");
      const slow = state.processes.map((r) =>
        `--- ${r.name}: ${r.logFile}\n${tailFile(r.logFile, 6)}`
      );
      throw new KafkaLabError(
        `the cluster was not ready within ${Math.round(timeoutMs / 1000)} s\n${slow.join("\n")}`,
        { hint: "the machine may be slow: try `kafka-lab up --timeout 300`" },
      );
    }
  }

  /**
   * Some recorded processes run, others stopped (`broker stop`, a crash):
   * starts only the stopped ones with their recorded command lines.
   */
  async #restartStopped(existing: ClusterState, timeoutMs: number): Promise<UpResult> {
    let state = existing;
    const children = new Map<string, Deno.ChildProcess>();
    for (const record of existing.processes.filter((p) => !isRunning(p))) {
      const started = respawn(record);
      state = withProcess(state, started.record);
      children.set(record.name, started.child);
    }
    writeState(this.#config.stateDir, state);
    this.#out.event(
      "cluster.restart",
      { restarted: [...children.keys()] },
      `Starting ${[...children.keys()].join(", ")} again; the rest of the cluster runs`,
    );
    await this.#awaitReady(state, children, timeoutMs);
    return { state, alreadyRunning: false, restarted: [...children.keys()] };
  }

  async #unpackRegistry(archive: string): Promise<string> {
    const dir = join(this.#config.cacheDir, `apicurio-registry-${APICURIO_ARCHIVE.version}`);
    try {
      Deno.statSync(join(dir, APICURIO_RUNNER_JAR));
      return dir;
    } catch {
      // not unpacked yet
    }
    const tmp = `${dir}.tmp-${crypto.randomUUID().slice(0, 8)}`;
    await Deno.mkdir(tmp, { recursive: true });
    this.#out.progress("unpack", `unpacking ${archive}`);
    let res: Deno.CommandOutput;
    try {
      res = await new Deno.Command("tar", {
        args: ["-xzf", archive, "-C", tmp],
        stdout: "null",
        stderr: "piped",
      }).output();
    } catch (err) {
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
      throw new KafkaLabError(`could not run tar to unpack ${archive}: ${(err as Error).message}`, {
        hint: "install tar (it ships with Linux and macOS)",
      });
    }
    this.#out.progressDone();
    if (!res.success) {
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
      throw new KafkaLabError(
        `tar could not unpack ${archive}: ${new TextDecoder().decode(res.stderr).trim()}`,
      );
    }
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    await Deno.rename(tmp, dir);
    return dir;
  }

  async #prepareStorage(
    nodes: readonly NodeSpec[],
    java: JavaInfo,
    classpath: string,
    log4jPath: string,
  ): Promise<Meta> {
    const existing = this.#readMeta();
    if (existing && existing.brokers !== nodes.length) {
      throw new UsageError(
        `the local cluster's data was made for ${existing.brokers} broker(s), not ${nodes.length}`,
        `start it with --brokers ${existing.brokers}, or delete its data with \`kafka-lab down --purge\``,
      );
    }
    const meta: Meta = existing ?? {
      clusterId: newClusterId(),
      brokers: nodes.length,
      createdAt: new Date().toISOString(),
    };
    for (const node of nodes) {
      const dir = join(this.home, `node-${node.id}`);
      const data = join(dir, "data");
      await Deno.mkdir(data, { recursive: true });
      await Deno.writeTextFile(join(dir, "server.properties"), serverProperties(node, nodes, data));
    }
    if (existing) return meta;

    this.#out.event(
      "storage.format",
      { clusterId: meta.clusterId, brokers: nodes.length },
      `Formatting KRaft storage for ${nodes.length} node(s), cluster id ${meta.clusterId}`,
    );
    await Promise.all(nodes.map(async (node) => {
      const props = join(this.home, `node-${node.id}`, "server.properties");
      const res = await new Deno.Command(java.path, {
        args: [
          `-Dlog4j2.configurationFile=${log4jPath}`,
          "-cp",
          classpath,
          "kafka.tools.StorageTool",
          "format",
          "-t",
          meta.clusterId,
          "-c",
          props,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      if (!res.success) {
        const text = new TextDecoder().decode(res.stdout) + new TextDecoder().decode(res.stderr);
        throw new KafkaLabError(
          `formatting the storage of node ${node.id} failed:\n${text.trim()}`,
          {
            hint: "delete the cluster's data with `kafka-lab down --purge` and try again",
          },
        );
      }
    }));
    await Deno.writeTextFile(join(this.home, "meta.json"), JSON.stringify(meta, null, 2) + "\n");
    return meta;
  }

  async down(options: { purge: boolean }): Promise<DownResult> {
    const state = readState(this.#config.stateDir);
    let result = { stopped: [] as string[], killed: [] as string[] };
    if (state?.runtime === "java") {
      result = await stopProcesses(state.processes, { graceMs: 30_000, out: this.#out });
      clearState(this.#config.stateDir);
    }
    let purged = false;
    if (options.purge) {
      try {
        await Deno.remove(this.home, { recursive: true });
        purged = true;
      } catch (err) {
        if (!(err instanceof Deno.errors.NotFound)) throw err;
      }
    }
    return { ...result, purged };
  }
}
