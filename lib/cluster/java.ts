/**
 * The java runtime: Apache Kafka 4.1.1 from its official jars and Apicurio
 * Registry (Confluent-compatible API at `/apis/ccompat/v7`), run on this
 * machine's Java 17+, on loopback, with the same client endpoints as
 * `compose.yaml`. Processes run in the background with pid records and logs in
 * the state folder; data survives `down` unless `--purge`.
 * @module
 */
import { RUNTIME_TEXT as R } from "./runtime_text.ts";
import { delimiter, join } from "node:path";
import type { Config } from "../config.ts";
export { findJava, type JavaInfo, MIN_JAVA, parseJavaVersion } from "./jvm.ts";
export {
  checkPortsFree,
  JAVA_REGISTRY_URL,
  javaClusterState,
  javaRegistryUrl,
  type RecordedAction,
  recordedAction,
} from "./java_state.ts";
import { KafkaLabError, UsageError } from "../errors.ts";
import type { Output } from "../output.ts";
import { KAFKA_VERSION } from "../version.ts";
import {
  APICURIO_ARCHIVE,
  APICURIO_RUNNER_JAR,
  KAFKA_JARS,
  KAFKA_TOOLS_JARS,
} from "./artifacts.ts";
import { ensureArtifacts } from "./download.ts";
import {
  brokerCommand,
  findJava,
  type JavaInfo,
  type JvmPaths,
  nodeDir,
  registryCommand,
} from "./jvm.ts";
import { LISTEN_HOST, nodeLayout, type NodeSpec } from "./kraft.ts";
import { checkPortsFree, javaClusterState, recordedAction } from "./java_state.ts";
import log4jConfig from "./log4j2.properties" with { type: "text" };
import { isRunning, respawn, stopProcesses, tailFile } from "./process.ts";
import { waitUntilReady } from "./ready.ts";
import { checkRunningAuth, type ClusterAuth } from "./sasl.ts";
import { type Meta, prepareStorage } from "./storage.ts";
import {
  brokerArchive,
  brokerCdsOptions,
  mapOnlyCdsOptions,
  registryArchive,
  registryCdsOptions,
  settleArchives,
} from "./cds.ts";
import { markRegistryData, prepareRegistryData, unpackRegistry } from "./registry_data.ts";
import { fill, fillText, localize, t, type Text } from "../i18n.ts";
import type { ClusterRuntime, DownResult, UpOptions, UpResult } from "./runtime.ts";
import {
  clearState,
  type ClusterState,
  type ProcessRecord,
  readState,
  withProcess,
  writeState,
} from "./state.ts";
import { RUNTIME_EVENTS } from "./events.ts";

/** The processes `up` has started: records for the state file, children to watch. */
class Launches {
  readonly records: ProcessRecord[] = [];
  readonly children = new Map<string, Deno.ChildProcess>();

  /** Starts `record`'s command line in the background. */
  launch(record: ProcessRecord): void {
    const started = respawn(record);
    this.records.push(started.record);
    this.children.set(record.name, started.child);
  }
}

/** The registry's database was moved aside; `{dir}` is where it is now. */
const REGISTRY_RESET = t(
  "The registry starts on a new database; the old one (another version's, or left by a failed start) is in {dir}",
  "Реестр запускается с новой базой; старая (другой версии или после неудачного запуска) лежит в {dir}",
);

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
    // For JAVA_HOME only, Java's own convention (not a kafka-lab setting, so not in config).
    this.#env = options.env ?? Deno.env.toObject();
  }

  /** `<stateDir>/java`: node data, logs, registry database. */
  get home(): string {
    return join(this.#config.stateDir, "java");
  }

  async unavailableReason(): Promise<Text | undefined> {
    if (Deno.build.os === "windows") return R.javaNotHere;
    try {
      await findJava(this.#env);
      return undefined;
    } catch (err) {
      if (err instanceof KafkaLabError) return err.text;
      const message = (err as Error).message;
      return { en: message, ru: message };
    }
  }

  async up(options: UpOptions): Promise<UpResult> {
    const recorded = await this.#useRecorded(options);
    if (recorded) return recorded;
    if (Deno.build.os === "windows") {
      throw new KafkaLabError(R.notWindows, { hint: R.notWindowsHint });
    }
    const ports = options.ports ?? this.#config.ports;
    const nodes = nodeLayout(options.brokers, ports);
    checkPortsFree(nodes, ports.registry);
    const java = await findJava(this.#env);
    const { jars, registryDir } = await this.#fetchArtifacts();
    const { meta, auth, paths } = await this.#prepareStorage(nodes, java, jars, options);
    const launches = new Launches();
    this.#startBrokers(launches, nodes, java, paths);
    const registry = await this.#startRegistry(launches, java, registryDir, ports.registry);
    const processes = launches.records;
    const state = javaClusterState({ meta, auth, nodes, registryPort: ports.registry, processes });
    writeState(this.#config.stateDir, state);
    await this.#awaitStarted(state, launches.children, registry, options.timeoutMs);
    return { state, alreadyRunning: false };
  }

  /**
   * A cluster the state file records: the running one as it is, its stopped
   * processes started again, or (dead) what is left of it stopped and its
   * state cleared, so `up` starts again on the same data (undefined then).
   */
  async #useRecorded(options: UpOptions): Promise<UpResult | undefined> {
    const existing = readState(this.#config.stateDir);
    if (existing?.runtime === "docker") {
      throw new UsageError(R.dockerRecorded, R.stopFirst);
    }
    if (!existing) return undefined;
    const action = recordedAction(existing, options.brokers, isRunning);
    if (action === "keep") {
      if (existing.brokers.length !== options.brokers) {
        const vars = { had: existing.brokers.length, want: options.brokers };
        throw new UsageError(fillText(R.otherSize, vars), R.otherSizeHint);
      }
      checkRunningAuth(existing, options.auth, options.acl);
      return { state: existing, alreadyRunning: true };
    }
    if (action === "restart") return await this.#restartStopped(existing, options.timeoutMs);
    await stopProcesses(existing.processes, { graceMs: 15_000, out: this.#out });
    clearState(this.#config.stateDir);
    return undefined;
  }

  /** Kafka's jars and the registry from the cache, downloading what is missing. */
  async #fetchArtifacts(): Promise<{ jars: string[]; registryDir: string }> {
    const download = {
      cacheDir: this.#config.cacheDir,
      out: this.#out,
      signal: this.#signal,
      repoUrl: this.#config.mavenRepo,
    };
    // The tools jar is fetched with the rest, so `kafka-lab kafka <tool>` works offline later.
    const files = await ensureArtifacts(
      [...KAFKA_JARS, APICURIO_ARCHIVE, ...KAFKA_TOOLS_JARS],
      download,
    );
    const archive = files[KAFKA_JARS.length];
    const registryDir = await unpackRegistry(archive, this.#config.cacheDir, this.#out);
    return { jars: files.slice(0, KAFKA_JARS.length), registryDir };
  }

  /** Writes the log configuration and every node's properties; formats new storage. */
  async #prepareStorage(
    nodes: readonly NodeSpec[],
    java: JavaInfo,
    jars: readonly string[],
    options: Pick<UpOptions, "auth" | "acl">,
  ): Promise<{ meta: Meta; auth?: ClusterAuth; paths: JvmPaths }> {
    await Deno.mkdir(this.home, { recursive: true });
    const log4jPath = join(this.home, "log4j2.properties");
    await Deno.writeTextFile(log4jPath, log4jConfig);
    const classpath = jars.join(delimiter);
    const storage = await prepareStorage({
      home: this.home,
      nodes,
      java,
      classpath,
      log4jPath,
      out: this.#out,
      auth: options.auth,
      acl: options.acl,
      cds: mapOnlyCdsOptions(brokerArchive(this.#config.cacheDir, KAFKA_VERSION, java)),
    });
    return { ...storage, paths: { java: java.path, home: this.home, classpath, log4jPath } };
  }

  /** Starts every broker node in the background. */
  #startBrokers(
    launches: Launches,
    nodes: readonly NodeSpec[],
    java: JavaInfo,
    paths: JvmPaths,
  ): void {
    const jsa = brokerArchive(this.#config.cacheDir, KAFKA_VERSION, java);
    for (const [i, node] of nodes.entries()) {
      const cds = brokerCdsOptions(jsa, i);
      const { argv, marker } = brokerCommand({ ...paths, cds }, node.id);
      const logFile = join(nodeDir(this.home, node.id), "kafka.log");
      launches.launch({
        name: `broker ${node.id}`,
        nodeId: node.id,
        pid: 0,
        marker,
        logFile,
        argv,
      });
    }
  }

  /**
   * Starts the registry in the background, on a new database when the old one
   * is another version's or unfinished; returns its data folder.
   */
  async #startRegistry(
    launches: Launches,
    java: JavaInfo,
    registryDir: string,
    port: number,
  ): Promise<string> {
    const jsa = registryArchive(this.#config.cacheDir, APICURIO_ARCHIVE.version, java);
    const registry = registryCommand(
      {
        java: java.path,
        home: this.home,
        runnerJar: join(registryDir, APICURIO_RUNNER_JAR),
        cds: registryCdsOptions(jsa),
      },
      { host: LISTEN_HOST, port },
    );
    const aside = await prepareRegistryData(registry.dataDir, APICURIO_ARCHIVE.version);
    if (aside) {
      this.#out.event(
        RUNTIME_EVENTS.registryReset,
        { movedTo: aside },
        fill(localize(REGISTRY_RESET, this.#out.lang), { dir: aside }),
      );
    }
    launches.launch({
      name: "registry",
      pid: 0,
      marker: registry.marker,
      logFile: join(registry.dataDir, "registry.log"),
      argv: registry.argv,
    });
    return registry.dataDir;
  }

  /**
   * Waits until the new cluster serves clients, then marks the registry's
   * database as complete; on failure stops what started and clears the state.
   */
  async #awaitStarted(
    state: ClusterState,
    children: ReadonlyMap<string, Deno.ChildProcess>,
    registryDataDir: string,
    timeoutMs: number,
  ): Promise<void> {
    try {
      await this.#awaitReady(state, children, timeoutMs);
      await markRegistryData(registryDataDir, APICURIO_ARCHIVE.version);
    } catch (err) {
      await stopProcesses(state.processes, { graceMs: 10_000, out: this.#out });
      clearState(this.#config.stateDir);
      throw err;
    }
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
      registryUrl: state.registryUrl,
      sasl: state.auth,
      timeoutMs,
      signal: this.#signal,
      check: () => {
        for (const [name, status] of exited) {
          const rec = state.processes.find((r) => r.name === name)!;
          const vars = {
            name,
            code: status.code,
            log: rec.logFile,
            tail: tailFile(rec.logFile, 15),
          };
          throw new KafkaLabError(fillText(R.exited, vars), { hint: R.fixLog });
        }
      },
    });
    if (!ready) {
      if (this.#signal?.aborted) throw new KafkaLabError(R.interrupted);
      const slow = state.processes.map((r) =>
        `--- ${r.name}: ${r.logFile}\n${tailFile(r.logFile, 6)}`
      );
      const vars = { s: Math.round(timeoutMs / 1000), tail: slow.join("\n") };
      throw new KafkaLabError(fillText(R.notReady, vars), { hint: R.notReadyHint });
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
      RUNTIME_EVENTS.nodesRestarting,
      { restarted: [...children.keys()] },
      fill(
        localize(
          t(
            "Starting {names} again; the rest of the cluster runs",
            "Снова запускаем {names}; остальной кластер работает",
          ),
          this.#out.lang,
        ),
        { names: [...children.keys()].join(", ") },
      ),
    );
    await this.#awaitReady(state, children, timeoutMs);
    return { state, alreadyRunning: false, restarted: [...children.keys()] };
  }

  async down(options: { purge: boolean }): Promise<DownResult> {
    const state = readState(this.#config.stateDir);
    let result = { stopped: [] as string[], killed: [] as string[] };
    if (state?.runtime === "java") {
      result = await stopProcesses(state.processes, { graceMs: 30_000, out: this.#out });
      await settleArchives(
        state.processes,
        result.stopped.filter((name) => !result.killed.includes(name)),
      );
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
