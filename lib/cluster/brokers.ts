/**
 * Broker control for the local cluster `kafka-lab up` started: which nodes
 * run, stopping one (SIGTERM: a controlled shutdown; SIGKILL: a crash) and
 * starting it again on its own data. The `broker` command, `up` and lab 5 use
 * it; tests call it in-process.
 *
 * - {@linkcode localNodes}: every node of the recorded cluster, its roles and
 *   whether it runs (java: our process is alive; docker: its port answers).
 * - {@linkcode checkStop}: why stopping a node is refused (an unknown id, the
 *   last running broker, or a controller whose stop leaves the KRaft quorum
 *   without a majority), as a {@linkcode UsageError} (exit 2).
 * - {@linkcode stopBroker}: stops one node and returns once its process is
 *   gone (java: signals our own process, SIGKILL after `graceMs`; docker:
 *   `docker compose stop|kill kafka-N`).
 * - {@linkcode startBroker}: starts one node with the exact command line `up`
 *   recorded (same `server.properties`, same data), records its new pid, and
 *   waits until the broker is back in the cluster metadata.
 * - {@linkcode partitionLeaders}: how many partitions each broker leads.
 *
 * @example
 * ```ts
 * await stopBroker(2, { config, out, kill: true }); // a crash
 * await startBroker(2, { config, out });             // back, same data
 * ```
 * @module
 */
import type { Config } from "../config.ts";
import { KafkaLabError, UsageError } from "../errors.ts";
import { localize, t } from "../i18n.ts";
import { probeTcp } from "../net.ts";
import type { Output } from "../output.ts";
import { sleep } from "../time.ts";
import { composeService } from "./docker.ts";
import { fetchMetadata, type WireSasl } from "../kafka/wire/client.ts";
import { controllerCount } from "./kraft.ts";
import { isRunning, respawn, signal, tailFile } from "./process.ts";
import { type ClusterState, readState, withProcess, writeState } from "./state.ts";

/** One node of the local cluster. */
export interface NodeStatus {
  readonly id: number;
  readonly address: string;
  /** Whether the node is also a KRaft controller (a voter of the metadata quorum). */
  readonly controller: boolean;
  readonly running: boolean;
  /** The java runtime's process id. */
  readonly pid?: number;
}

/** What broker control needs. */
export interface BrokerControlOptions {
  readonly config: Config;
  readonly out: Output;
  readonly signal?: AbortSignal;
}

/** The recorded local cluster; a usage error when there is none. */
export function requireState(stateDir: string): ClusterState {
  const state = readState(stateDir);
  if (!state) {
    throw new UsageError(
      t(
        "no local cluster is recorded: broker control acts on the cluster `kafka-lab up` started",
        "локальный кластер не найден: управлять брокерами можно только в кластере, запущенном `kafka-lab up`",
      ),
      t("start it with `kafka-lab up`", "запустите его: `kafka-lab up`"),
    );
  }
  return state;
}

/** Every node of the recorded cluster, with whether it runs now. */
export async function localNodes(state: ClusterState): Promise<NodeStatus[]> {
  const controllers = controllerCount(state.brokers.length);
  return await Promise.all(state.brokers.map(async (b, i) => {
    const record = state.processes.find((p) => p.nodeId === b.id) ??
      state.processes.find((p) => p.name === `broker ${b.id}`);
    const running = state.runtime === "java"
      ? record !== undefined && isRunning(record)
      : (await probeTcp(b.address, 1000)).ok;
    return { id: b.id, address: b.address, controller: i < controllers, running, pid: record?.pid };
  }));
}

/**
 * Throws a {@linkcode UsageError} when node `id` must not be stopped: it does
 * not exist, it is the last running broker, or the controllers left running
 * would not be a majority of the quorum's voters.
 */
export function checkStop(nodes: readonly NodeStatus[], id: number): NodeStatus {
  const node = nodes.find((n) => n.id === id);
  if (!node) {
    throw new UsageError(
      t(`there is no broker ${id}`, `брокера ${id} нет`),
      t(
        `the local cluster has brokers ${nodes.map((n) => n.id).join(", ")}`,
        `в локальном кластере брокеры ${nodes.map((n) => n.id).join(", ")}`,
      ),
    );
  }
  if (!node.running) return node;
  const othersRunning = nodes.filter((n) => n.running && n.id !== id);
  if (othersRunning.length === 0) {
    throw new UsageError(
      t(
        `broker ${id} is the last running broker; stopping it stops the cluster`,
        `брокер ${id} — последний работающий; его остановка остановит кластер`,
      ),
      t(
        "use `kafka-lab down` to stop the whole cluster",
        "весь кластер останавливает `kafka-lab down`",
      ),
    );
  }
  const voters = nodes.filter((n) => n.controller).length;
  const votersLeft = othersRunning.filter((n) => n.controller).length;
  if (node.controller && votersLeft <= voters / 2) {
    throw new UsageError(
      t(
        `stopping broker ${id} would leave ${votersLeft} of ${voters} KRaft controllers running: ` +
          "no majority, so no controller could be elected and the cluster would stop serving metadata",
        `после остановки брокера ${id} работали бы ${votersLeft} из ${voters} контроллеров KRaft: ` +
          "без большинства контроллер не выбрать, и кластер перестанет обслуживать метаданные",
      ),
      t(
        "start a stopped controller first (`kafka-lab broker start N`)",
        "сначала запустите остановленный контроллер (`kafka-lab broker start N`)",
      ),
    );
  }
  return node;
}

/** What {@linkcode stopBroker} did. */
export interface StopResult {
  readonly id: number;
  readonly address: string;
  /** False when the node was not running (nothing was done). */
  readonly wasRunning: boolean;
  readonly signal: "SIGTERM" | "SIGKILL";
  /** True when a graceful stop ran out of time and the process was killed. */
  readonly forced: boolean;
  readonly ms: number;
}

/**
 * Stops node `id` and returns once its process is gone. `kill` sends SIGKILL
 * (a crash: no controlled shutdown, leaders move after the broker's session
 * times out); otherwise SIGTERM, then SIGKILL after `graceMs` (default 30 s).
 */
export async function stopBroker(
  id: number,
  options: BrokerControlOptions & { kill?: boolean; graceMs?: number },
): Promise<StopResult> {
  const started = Date.now();
  const state = requireState(options.config.stateDir);
  const node = checkStop(await localNodes(state), id);
  const sig = options.kill ? "SIGKILL" : "SIGTERM";
  const base = { id, address: node.address, signal: sig } as const;
  if (!node.running) return { ...base, wasRunning: false, forced: false, ms: 0 };
  if (state.runtime === "docker") {
    await composeService(options.kill ? "kill" : "stop", id, options.config.stateDir);
    return { ...base, wasRunning: true, forced: false, ms: Date.now() - started };
  }
  const record = state.processes.find((p) => p.nodeId === id || p.name === `broker ${id}`)!;
  signal(record.pid, sig);
  const deadline = Date.now() + (options.graceMs ?? 30_000);
  let forced = false;
  while (isRunning(record)) {
    if (!forced && Date.now() > deadline) {
      signal(record.pid, "SIGKILL");
      forced = true;
    }
    options.out.progress(
      "broker.stop",
      localize(
        t(
          `broker ${id}: waiting for pid ${record.pid} to exit (${sig})`,
          `брокер ${id}: ждём завершения процесса ${record.pid} (${sig})`,
        ),
        options.out.lang,
      ),
      { id, pid: record.pid },
    );
    await sleep(100);
  }
  options.out.progressDone();
  return { ...base, wasRunning: true, forced, ms: Date.now() - started };
}

/** What {@linkcode startBroker} did. */
export interface StartResult {
  readonly id: number;
  readonly address: string;
  /** True when the node already ran (nothing was done). */
  readonly wasRunning: boolean;
  readonly pid?: number;
  readonly ms: number;
}

/**
 * Starts node `id` again as `up` first ran it (same configuration and data),
 * records its new pid, and waits up to `timeoutMs` (default 180 s) until the
 * broker is back in the cluster metadata.
 */
export async function startBroker(
  id: number,
  options: BrokerControlOptions & { timeoutMs?: number },
): Promise<StartResult> {
  const started = Date.now();
  const state = requireState(options.config.stateDir);
  const nodes = await localNodes(state);
  const node = nodes.find((n) => n.id === id);
  if (!node) checkStop(nodes, id); // throws: no such broker
  const { address } = node!;
  if (node!.running) return { id, address, wasRunning: true, pid: node!.pid, ms: 0 };
  let alive = () => true;
  let pid: number | undefined;
  let logFile: string | undefined;
  if (state.runtime === "docker") {
    await composeService("start", id, options.config.stateDir);
  } else {
    const record = state.processes.find((p) => p.nodeId === id || p.name === `broker ${id}`);
    if (!record?.argv) {
      throw new KafkaLabError(
        t(
          `the command line of broker ${id} was not recorded (the cluster was started by an older kafka-lab)`,
          `командная строка брокера ${id} не записана (кластер запущен старой версией kafka-lab)`,
        ),
        {
          hint: t(
            "restart the cluster: `kafka-lab down`, then `kafka-lab up`",
            "перезапустите кластер: `kafka-lab down`, затем `kafka-lab up`",
          ),
        },
      );
    }
    const respawned = respawn(record);
    writeState(options.config.stateDir, withProcess(state, respawned.record));
    let exited: Deno.CommandStatus | undefined;
    respawned.child.status.then((s) => exited = s);
    alive = () => exited === undefined;
    pid = respawned.record.pid;
    logFile = record.logFile;
  }
  await waitForBroker(id, address, { ...options, alive, logFile, running: nodes });
  return { id, address, wasRunning: false, pid, ms: Date.now() - started };
}

/**
 * Polls until broker `id` really serves: asked on its own address, it answers
 * a Metadata request that lists itself (so it listens, its request threads
 * run, and it has registered and been unfenced in its own view of the
 * cluster). Asking the other brokers is not enough: for ~9 s after a kill
 * (broker.session.timeout.ms) they still list the dead broker.
 */
async function waitForBroker(
  id: number,
  address: string,
  options: BrokerControlOptions & {
    timeoutMs?: number;
    alive: () => boolean;
    logFile?: string;
    running: readonly NodeStatus[];
  },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline && !options.signal?.aborted) {
    if (!options.alive()) throw brokerExited(id, options.logFile);
    try {
      const md = await fetchMetadata([address], [], 3000, options.config.sasl);
      if (md.brokers.some((b) => b.nodeId === id)) {
        options.out.progressDone();
        return;
      }
    } catch (err) {
      options.out.debug(`broker ${id} does not serve yet: ${(err as Error).message}`);
    }
    const waiting = t(
      `broker ${id}: waiting until it rejoins the cluster`,
      `брокер ${id}: ждём, пока он вернётся в кластер`,
    );
    options.out.progress("broker.start", localize(waiting, options.out.lang), { id });
    await sleep(300, options.signal);
  }
  options.out.progressDone();
  if (options.signal?.aborted) throw new KafkaLabError(t("interrupted", "прервано"));
  throw brokerNotBack(id, options.timeoutMs ?? 180_000);
}

/** Broker `id` exited while it started: the end of its log and what to do. */
function brokerExited(id: number, logFile: string | undefined): KafkaLabError {
  return new KafkaLabError(
    t(
      `broker ${id} exited during start-up; the end of its log:\n${tailFile(logFile ?? "", 15)}`,
      `брокер ${id} завершился при запуске; конец его журнала:\n${tailFile(logFile ?? "", 15)}`,
    ),
    {
      hint: t(
        `fix what the log says, then \`kafka-lab broker start ${id}\``,
        `исправьте то, о чём говорит журнал, и повторите \`kafka-lab broker start ${id}\``,
      ),
    },
  );
}

/** Broker `id` did not register within `timeoutMs`. */
function brokerNotBack(id: number, timeoutMs: number): KafkaLabError {
  const s = Math.round(timeoutMs / 1000);
  return new KafkaLabError(
    t(
      `broker ${id} did not rejoin the cluster within ${s} s`,
      `брокер ${id} не вернулся в кластер за ${s} с`,
    ),
    {
      hint: t(
        "see `kafka-lab status` and the broker's log",
        "посмотрите `kafka-lab status` и журнал брокера",
      ),
    },
  );
}

/**
 * How many partitions each broker leads, and the partitions without a leader,
 * read through the running brokers `addresses` (Metadata on the wire, which
 * reports a leaderless partition instead of failing the whole answer).
 */
export async function partitionLeaders(
  addresses: readonly string[],
  sasl?: WireSasl,
): Promise<
  { leads: Map<number, number>; leaderless: Array<{ topic: string; partition: number }> }
> {
  const md = await fetchMetadata(addresses, undefined, 5000, sasl);
  const leads = new Map<number, number>();
  const leaderless: Array<{ topic: string; partition: number }> = [];
  for (const topic of md.topics) {
    for (const p of topic.partitions) {
      if (p.leader >= 0) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
      else leaderless.push({ topic: topic.name, partition: p.partition });
    }
  }
  return { leads, leaderless };
}
