/**
 * The work of `kafka-lab self-check` (declared in `../self_check.ts`): what
 * `kafka-lab up` needs, one line per fact with its fix: Java, the Docker
 * engine, the cluster's ports, the state and cache folders, and the recorded
 * cluster. Exit 1 when something blocks `up`.
 * @module
 */
import { MIN_JAVA } from "../../lib/cluster/jvm.ts";
import {
  FIRST_BROKER_PORT,
  FIRST_CONTROLLER_PORT,
  REGISTRY_PORT,
  UI_PORT,
} from "../../lib/cluster/kraft.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode } from "../../lib/errors.ts";
import { fill, localize, pick, t, type Translation } from "../../lib/i18n.ts";
import { KAFKA_VERSION } from "../../lib/version.ts";
import {
  type ClusterFinding,
  type DockerFinding,
  type Holder,
  type JavaFinding,
  type MetadataProblem,
  metadataProblems,
  type PortFinding,
  type PortNeed,
  probeCluster,
  probeDocker,
  probeFolder,
  probeJava,
  probeNodeMetadata,
  probePort,
} from "./probes.ts";
import { SELF_CHECK_TEXT } from "./text.ts";
import { SELF_CHECK_EVENTS } from "./events.ts";

type Words = Translation<typeof SELF_CHECK_TEXT.en>;

/** The outcome of one check: fine, for information, worth fixing, or blocking `up`. */
export type Status = "ok" | "info" | "warn" | "fail";

/** One line of the report. */
export interface CheckRow {
  /** `java`, `docker`, `port 19092`, `state dir`, `cache dir`, `cluster`. */
  readonly check: string;
  readonly status: Status;
  readonly detail: string;
  readonly fix?: string;
  readonly data: Record<string, unknown>;
}

/** The ports `up` binds, and which runtime needs each. */
export const CLUSTER_PORTS: readonly PortNeed[] = [
  ...[0, 1, 2].map((i) => ({
    port: FIRST_BROKER_PORT + i,
    owner: t(`broker ${i + 1}`, `брокера ${i + 1}`),
    runtimes: ["java", "docker"] as const,
  })),
  ...[0, 1, 2].map((i) => ({
    port: FIRST_CONTROLLER_PORT + i,
    owner: t(`controller ${i + 1}`, `контроллера ${i + 1}`),
    runtimes: ["java"] as const,
  })),
  { port: REGISTRY_PORT, owner: "Schema Registry", runtimes: ["java", "docker"] },
  { port: UI_PORT, owner: "Kafka UI", runtimes: ["docker"] },
];

/** The java line; it blocks `up` only when Docker cannot stand in. */
export function javaRow(
  java: JavaFinding,
  dockerOk: boolean,
  w: Words,
  os: typeof Deno.build.os = Deno.build.os,
): CheckRow {
  const vars = { path: java.path, kafka: KAFKA_VERSION, min: MIN_JAVA };
  const bad: Status = dockerOk ? "warn" : "fail";
  switch (java.kind) {
    case "ok":
      // `up` refuses the java runtime on Windows (lib/cluster/java.ts): a good Java does not help.
      if (os === "windows") {
        return row(
          "java",
          dockerOk ? "info" : "fail",
          fill(w.javaWindows, { ...vars, ...java }),
          w.javaWindowsFix,
          java,
        );
      }
      return {
        check: "java",
        status: "ok",
        detail: fill(w.javaOk, { ...vars, ...java }),
        data: java,
      };
    case "old":
      return row("java", bad, fill(w.javaOld, { ...vars, version: java.version }), w.javaFix, java);
    case "missing":
      return java.fromJavaHome
        ? row("java", bad, fill(w.javaMissingHome, vars), w.javaFixHome, java)
        : row("java", bad, w.javaMissing, w.javaFix, java);
    case "unreadable":
      return row("java", bad, fill(w.javaUnreadable, vars), w.javaFix, java);
  }
}

function row(check: string, status: Status, detail: string, fix: string, data: object): CheckRow {
  return { check, status, detail, fix, data: { ...data } };
}

/** The docker line: never blocking on its own (Java can run the cluster). */
export function dockerRow(docker: DockerFinding, javaOk: boolean, w: Words): CheckRow {
  if (docker.kind === "ok") {
    return { check: "docker", status: "ok", detail: fill(w.dockerOk, docker), data: docker };
  }
  const detail = docker.kind === "no-client"
    ? w.dockerNoClient
    : fill(w.dockerNoEngine, { detail: docker.detail });
  const fix = javaOk ? w.dockerFix : w.dockerNeeded;
  return row("docker", javaOk ? "info" : "warn", detail, fix, docker);
}

function holderText(holder: Holder, w: Words): string {
  if (holder.pid === undefined) return holder.name ?? w.portUnknown;
  return `${holder.name ?? w.portUnknown} (pid ${holder.pid})`;
}

/** One port's line; a taken port blocks `up` when the runtime `up` would use needs it. */
export function portRow(
  need: PortNeed,
  found: PortFinding,
  runtime: "java" | "docker",
  w: Words,
): CheckRow {
  const check = `port ${need.port}`;
  const data = {
    port: need.port,
    owner: localize(need.owner, "en"),
    state: found.kind,
    ...holderData(found),
  };
  if (found.kind === "free") return { check, status: "ok", detail: w.portFree, data };
  if (found.kind === "ours") {
    const pid = found.holder.pid;
    const detail = fill(w.portOurs, { who: pid === undefined ? "" : ` (pid ${pid})` });
    return { check, status: "ok", detail, data };
  }
  const who = holderText(found.holder, w);
  const needed = need.runtimes.includes(runtime);
  const stop = found.holder.pid === undefined
    ? (Deno.build.os === "windows" ? `netstat -ano` : `lsof -i :${need.port}`)
    : (Deno.build.os === "windows"
      ? `taskkill /PID ${found.holder.pid}`
      : `kill ${found.holder.pid}`);
  const detail = fill(needed ? w.portTaken : w.portTakenOptional, {
    who,
    owner: localize(need.owner, w === SELF_CHECK_TEXT.ru ? "ru" : "en"),
  });
  return row(check, needed ? "fail" : "warn", detail, fill(w.portFix, { stop }), data);
}

function holderData(found: PortFinding): Record<string, unknown> {
  return found.kind === "free" ? {} : { pid: found.holder.pid, process: found.holder.name };
}

/** The state or cache folder line. */
export function folderRow(
  which: "state" | "cache",
  dir: string,
  writable: ReturnType<typeof probeFolder>,
  w: Words,
): CheckRow {
  const check = `${which} dir`;
  const env = which === "state" ? "KAFKA_LAB_STATE_DIR" : "KAFKA_LAB_CACHE_DIR";
  if (writable.kind === "ok") {
    return { check, status: "ok", detail: fill(w.folderOk, { dir }), data: { dir } };
  }
  const detail = fill(w.folderBad, { dir, detail: writable.detail });
  return row(check, "fail", detail, fill(w.folderFix, { env }), { dir, error: writable.detail });
}

/** The recorded cluster's line: a half-dead cluster is worth a restart, not a blocker. */
export function clusterRow(cluster: ClusterFinding, w: Words): CheckRow {
  if (cluster.kind === "none") {
    return row("cluster", "info", w.clusterNone, w.clusterNoneFix, cluster);
  }
  const { notResponding, ...vars } = cluster;
  const data = { ...vars, notResponding: [...notResponding] };
  if (cluster.kind === "running") {
    return { check: "cluster", status: "ok", detail: fill(w.clusterRunning, vars), data };
  }
  const hung = notResponding.length > 0
    ? " " + fill(w.clusterNotResponding, { ids: notResponding.join(", ") })
    : "";
  const detail = fill(cluster.kind === "partial" ? w.clusterPartial : w.clusterStopped, vars) +
    hung;
  return row(
    "cluster",
    "warn",
    detail,
    notResponding.length > 0 ? w.clusterNotRespondingFix : w.clusterFix,
    data,
  );
}

/** The metadata line: damaged KRaft metadata blocks `up` until the data is purged. */
export function metadataRow(problems: readonly MetadataProblem[], w: Words): CheckRow {
  if (problems.length === 0) {
    return { check: "metadata", status: "ok", detail: w.metadataOk, data: { problems: [] } };
  }
  const detail = problems.map((p) =>
    p.kind === "cluster-ids"
      ? fill(w.metadataIds, { ids: p.ids.join(", ") })
      : p.kind === "two-leaders"
      ? fill(w.metadataLeaders, { epoch: p.epoch, leaders: p.leaders.join(", ") })
      : fill(w.metadataIllegal, { nodes: p.nodes.join(", ") })
  ).join("; ");
  return row("metadata", "fail", detail, w.metadataFix, { problems });
}

/** Runs every probe and returns the rows in report order. */
export async function selfCheck(ctx: Context): Promise<CheckRow[]> {
  const w = pick(SELF_CHECK_TEXT, ctx.config.lang);
  const state = readState(ctx.config.stateDir);
  const [java, docker, cluster] = await Promise.all([
    // JAVA_HOME is Java's own convention, not a kafka-lab setting: read where Java is found.
    probeJava(Deno.env.toObject()),
    probeDocker(),
    probeCluster(ctx.config.stateDir),
  ]);
  const runtime = state?.runtime ?? (docker.kind === "ok" ? "docker" : "java");
  const ports = await Promise.all(CLUSTER_PORTS.map((p) => probePort(p.port, state)));
  const nodes = probeNodeMetadata(ctx.config.stateDir);
  const running = cluster.kind === "running";
  return [
    javaRow(java, docker.kind === "ok", w),
    dockerRow(docker, java.kind === "ok", w),
    ...CLUSTER_PORTS.map((need, i) => portRow(need, ports[i], runtime, w)),
    folderRow("state", ctx.config.stateDir, probeFolder(ctx.config.stateDir), w),
    folderRow("cache", ctx.config.cacheDir, probeFolder(ctx.config.cacheDir), w),
    clusterRow(cluster, w),
    ...(nodes.length > 0 ? [metadataRow(metadataProblems(nodes, !running), w)] : []),
  ];
}

const MARK: Record<Status, [string, "green" | "dim" | "yellow" | "red"]> = {
  ok: ["ok  ", "green"],
  info: ["info", "dim"],
  warn: ["warn", "yellow"],
  fail: ["FAIL", "red"],
};

/** Runs the checks and prints one line each; exit 1 when something blocks `up`. */
export async function runSelfCheck(ctx: Context): Promise<number> {
  const { out } = ctx;
  const w = pick(SELF_CHECK_TEXT, ctx.config.lang);
  const rows = await selfCheck(ctx);
  out.text(w.title);
  const width = Math.max(...rows.map((r) => r.check.length));
  for (const r of rows) {
    const fix = r.fix && r.status !== "ok" ? ` — ${w.fixLabel} ${r.fix}` : "";
    const mark = out.style(MARK[r.status][1], MARK[r.status][0]);
    out.event(
      SELF_CHECK_EVENTS.probe,
      { check: r.check, status: r.status, detail: r.detail, fix: r.fix, ...r.data },
      `${mark}  ${r.check.padEnd(width)}  ${r.detail}${fix}`,
    );
  }
  const failed = rows.filter((r) => r.status === "fail").length;
  const verdict = failed === 0 ? w.verdictOk : fill(w.verdictBlocked, { count: failed });
  out.event(SELF_CHECK_EVENTS.verdict, { blocked: failed > 0, failed }, verdict);
  return failed > 0 ? ExitCode.failed : ExitCode.ok;
}
