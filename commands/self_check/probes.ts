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
import { isRunning } from "../../lib/cluster/process.ts";
import { type ClusterState, readState } from "../../lib/cluster/state.ts";
import type { Localizable } from "../../lib/i18n.ts";
import { portIsFree, probeTcp } from "../../lib/net.ts";

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
  };

/** Reads the state file and probes every recorded broker (2 s each, at once). */
export async function probeCluster(stateDir: string): Promise<ClusterFinding> {
  const state = readState(stateDir);
  if (!state) return { kind: "none" };
  const answers = await Promise.all(state.brokers.map((b) => probeTcp(b.address, 2000)));
  const answering = answers.filter((a) => a.ok).length;
  const brokers = state.brokers.length;
  const kind = answering === brokers ? "running" : answering === 0 ? "stopped" : "partial";
  return { kind, runtime: state.runtime, answering, brokers };
}
