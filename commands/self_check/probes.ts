/**
 * What `kafka-lab self-check` looks at, one probe per fact: Java, the Docker
 * engine, who holds a port, whether a folder takes files, and the recorded
 * local cluster. Probes return data (codes and values); the command turns
 * them into text. The parsers of `ss`, `lsof` and `netstat` output are pure,
 * so they are tested without those tools.
 * @module
 */
import { join } from "node:path";
import { MIN_JAVA, parseJavaVersion } from "../../lib/cluster/jvm.ts";
import { brokerLiveness } from "../../lib/cluster/liveness.ts";
import { isRunning } from "../../lib/cluster/process.ts";
import { type ClusterState, readState } from "../../lib/cluster/state.ts";
import type { Localizable } from "../../lib/i18n.ts";
import { portIsFree } from "../../lib/net.ts";

/** The Java `up --runtime java` would use. */
export type JavaFinding =
  | { readonly kind: "ok"; readonly path: string; readonly version: string; readonly major: number }
  | { readonly kind: "old"; readonly path: string; readonly version: string }
  | { readonly kind: "missing"; readonly path: string; readonly fromJavaHome: boolean }
  | { readonly kind: "unreadable"; readonly path: string };

type Env = Readonly<Record<string, string | undefined>>;

async function run(
  cmd: string,
  args: string[],
  timeoutMs = 5000,
): Promise<{ code: number; text: string } | "missing"> {
  try {
    const out = await new Deno.Command(cmd, {
      args,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(timeoutMs),
    }).output();
    const dec = new TextDecoder();
    return { code: out.code, text: dec.decode(out.stdout) + dec.decode(out.stderr) };
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return "missing";
    return { code: -1, text: (err as Error).message };
  }
}

/** Finds Java as the java runtime does: `$JAVA_HOME/bin/java`, else `java` on PATH. */
export async function probeJava(env: Env): Promise<JavaFinding> {
  const fromJavaHome = (env.JAVA_HOME ?? "") !== "";
  const path = fromJavaHome ? join(env.JAVA_HOME!, "bin", "java") : "java";
  const res = await run(path, ["-version"]);
  if (res === "missing") return { kind: "missing", path, fromJavaHome };
  const parsed = parseJavaVersion(res.text);
  if (!parsed) return { kind: "unreadable", path };
  if (parsed.major < MIN_JAVA) return { kind: "old", path, version: parsed.version };
  return { kind: "ok", path, ...parsed };
}

/** Whether a Docker engine answers. */
export type DockerFinding =
  | { readonly kind: "ok"; readonly version: string }
  | { readonly kind: "no-client" }
  | { readonly kind: "no-engine"; readonly detail: string };

/** Asks `docker version` for the engine's version (5 s at most). */
export async function probeDocker(): Promise<DockerFinding> {
  const res = await run("docker", ["version", "--format", "{{.Server.Version}}"]);
  if (res === "missing") return { kind: "no-client" };
  const version = res.text.trim().split("\n")[0] ?? "";
  if (res.code === 0 && /^\d/.test(version)) return { kind: "ok", version };
  return { kind: "no-engine", detail: res.text.trim().split("\n").pop() ?? "" };
}

/** A process that listens on a port. */
export interface Holder {
  readonly pid?: number;
  readonly name?: string;
}

/** Reads the holder out of `ss -ltnpH` output (`users:(("java",pid=12,fd=3))`). */
export function parseSs(text: string): Holder | undefined {
  const m = /users:\(\("([^"]+)",pid=(\d+)/.exec(text);
  if (m) return { name: m[1], pid: Number(m[2]) };
  return text.trim() === "" ? undefined : {};
}

/** Reads the holder out of `lsof -Fpc` output (`p123` and `cjava` lines). */
export function parseLsof(text: string): Holder | undefined {
  const pid = /^p(\d+)$/m.exec(text);
  const name = /^c(.+)$/m.exec(text);
  if (!pid) return undefined;
  return { pid: Number(pid[1]), ...(name ? { name: name[1] } : {}) };
}

/** Reads the pid listening on `port` out of Windows `netstat -ano -p TCP` output. */
export function parseNetstat(text: string, port: number): Holder | undefined {
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5 || cols[0] !== "TCP" || cols[3] !== "LISTENING") continue;
    if (cols[1].endsWith(`:${port}`)) return { pid: Number(cols[4]) };
  }
  return undefined;
}

/** Who listens on a loopback port (as far as the OS tells an ordinary user). */
export async function portHolder(port: number): Promise<Holder> {
  if (Deno.build.os === "windows") {
    const res = await run("netstat", ["-ano", "-p", "TCP"]);
    return res === "missing" ? {} : parseNetstat(res.text, port) ?? {};
  }
  const ss = Deno.build.os === "linux"
    ? await run("ss", ["-ltnpH", `sport = :${port}`])
    : "missing";
  if (ss !== "missing" && ss.code === 0) return parseSs(ss.text) ?? {};
  const lsof = await run("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"]);
  return lsof === "missing" ? {} : parseLsof(lsof.text) ?? {};
}

/** A port and what of ours needs it. */
export interface PortNeed {
  readonly port: number;
  /** `broker 1`, `Schema Registry`, `Kafka UI`. */
  readonly owner: Localizable;
  /** Which runtimes need it. */
  readonly runtimes: ReadonlyArray<"java" | "docker">;
}

/** The state of one port. */
export type PortFinding =
  | { readonly kind: "free" }
  | { readonly kind: "ours"; readonly holder: Holder }
  | { readonly kind: "taken"; readonly holder: Holder };

/** Whether the recorded cluster runs and holds `port`. */
function heldByOurCluster(state: ClusterState | undefined, holder: Holder): boolean {
  if (!state) return false;
  if (state.runtime === "docker") return true;
  const pids = state.processes.filter(isRunning).map((p) => p.pid);
  return holder.pid === undefined ? pids.length > 0 : pids.includes(holder.pid);
}

/** Probes a port: free, held by the recorded kafka-lab cluster, or taken by something else. */
export async function probePort(
  port: number,
  state: ClusterState | undefined,
): Promise<PortFinding> {
  if (portIsFree(port)) return { kind: "free" };
  const holder = await portHolder(port);
  return heldByOurCluster(state, holder) ? { kind: "ours", holder } : { kind: "taken", holder };
}

/** Whether a folder exists (or can be made) and takes a new file. */
export type FolderFinding =
  | { readonly kind: "ok" }
  | { readonly kind: "not-writable"; readonly detail: string };

/** Makes the folder if needed, writes a small file into it and removes it again. */
export function probeFolder(dir: string): FolderFinding {
  const file = join(dir, `.self-check-${crypto.randomUUID()}`);
  try {
    Deno.mkdirSync(dir, { recursive: true });
    Deno.writeTextFileSync(file, "ok");
    Deno.removeSync(file);
    return { kind: "ok" };
  } catch (err) {
    return { kind: "not-writable", detail: (err as Error).message };
  }
}

/** The recorded local cluster and how much of it answers. */
export type ClusterFinding =
  | { readonly kind: "none" }
  | {
    readonly kind: "running" | "partial" | "stopped";
    readonly runtime: "java" | "docker";
    readonly answering: number;
    readonly brokers: number;
    /** Brokers that take connections but answer no request in time (paused or wedged). */
    readonly notResponding: readonly number[];
  };

/** Reads the state file and probes every recorded broker (2 s each, at once). */
export async function probeCluster(stateDir: string): Promise<ClusterFinding> {
  const state = readState(stateDir);
  if (!state) return { kind: "none" };
  const answers = await Promise.all(state.brokers.map((b) => brokerLiveness(b.address, 2000)));
  const answering = answers.filter((a) => a === "answers").length;
  const notResponding = state.brokers.filter((_, i) => answers[i] === "not-responding")
    .map((b) => b.id);
  const brokers = state.brokers.length;
  const kind = answering === brokers ? "running" : answering === 0 ? "stopped" : "partial";
  return { kind, runtime: state.runtime, answering, brokers, notResponding };
}

/** What one node's storage folder says about the KRaft metadata. */
export interface NodeMetadata {
  readonly node: string;
  /** `cluster.id` of `meta.properties`, when the folder was formatted. */
  readonly clusterId?: string;
  /** The node's last vote record (`quorum-state`), when it has one. */
  readonly leaderId?: number;
  readonly leaderEpoch?: number;
  /** Whether the end of the node's log holds an `IllegalStateException`. */
  readonly illegalState: boolean;
}

/** Damaged KRaft metadata: what is wrong, for the self-check line. */
export type MetadataProblem =
  | { readonly kind: "cluster-ids"; readonly ids: readonly string[] }
  | {
    readonly kind: "two-leaders";
    readonly epoch: number;
    readonly leaders: readonly number[];
  }
  | { readonly kind: "illegal-state"; readonly nodes: readonly string[] };

/**
 * Finds damage in the nodes' metadata (pure): storage formatted for different
 * clusters, two leaders recorded for one epoch (Raft allows one), or nodes
 * whose log ends in an `IllegalStateException` (counted only when `stopped`,
 * i.e. some recorded broker does not answer, as after a failed `up`).
 */
export function metadataProblems(
  nodes: readonly NodeMetadata[],
  stopped: boolean,
): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const ids = [...new Set(nodes.flatMap((n) => n.clusterId ? [n.clusterId] : []))];
  if (ids.length > 1) problems.push({ kind: "cluster-ids", ids });
  const byEpoch = new Map<number, Set<number>>();
  for (const n of nodes) {
    if (n.leaderEpoch === undefined || n.leaderId === undefined || n.leaderId < 0) continue;
    const set = byEpoch.get(n.leaderEpoch) ?? new Set<number>();
    set.add(n.leaderId);
    byEpoch.set(n.leaderEpoch, set);
  }
  for (const [epoch, leaders] of byEpoch) {
    if (leaders.size > 1) {
      problems.push({ kind: "two-leaders", epoch, leaders: [...leaders].sort() });
    }
  }
  const illegal = nodes.filter((n) => n.illegalState).map((n) => n.node);
  if (stopped && illegal.length > 0) problems.push({ kind: "illegal-state", nodes: illegal });
  return problems;
}

/** Reads every java-runtime node's `meta.properties`, `quorum-state` and log tail. */
export function probeNodeMetadata(stateDir: string): NodeMetadata[] {
  const home = join(stateDir, "java");
  const nodes: NodeMetadata[] = [];
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(home)];
  } catch {
    return [];
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isDirectory || !/^node-\d+$/.test(e.name)) continue;
    const dir = join(home, e.name);
    const meta = readText(join(dir, "data", "meta.properties"));
    const clusterId = meta?.match(/^cluster\.id=(.+)$/m)?.[1]?.trim();
    let leaderId: number | undefined;
    let leaderEpoch: number | undefined;
    try {
      const q = JSON.parse(
        readText(join(dir, "data", "__cluster_metadata-0", "quorum-state")) ?? "",
      );
      if (typeof q?.leaderId === "number") leaderId = q.leaderId;
      if (typeof q?.leaderEpoch === "number") leaderEpoch = q.leaderEpoch;
    } catch { /* no vote recorded yet */ }
    const tail = readTail(join(dir, "kafka.log"), 32 * 1024);
    nodes.push({
      node: e.name,
      clusterId,
      leaderId,
      leaderEpoch,
      illegalState: /IllegalStateException/.test(tail),
    });
  }
  return nodes;
}

function readText(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return undefined;
  }
}

function readTail(path: string, bytes: number): string {
  try {
    const file = Deno.openSync(path, { read: true });
    try {
      const size = file.statSync().size;
      const start = Math.max(0, size - bytes);
      file.seekSync(start, Deno.SeekMode.Start);
      const buf = new Uint8Array(size - start);
      let read = 0;
      while (read < buf.length) {
        const n = file.readSync(buf.subarray(read));
        if (n === null) break;
        read += n;
      }
      return new TextDecoder().decode(buf.subarray(0, read));
    } finally {
      file.close();
    }
  } catch {
    return "";
  }
}
