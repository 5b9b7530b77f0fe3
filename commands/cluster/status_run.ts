/**
 * The work of `kafka-lab status` (declared in `status.ts`): the configured cluster as its clients see it, with the
 * real KRaft quorum leader (DescribeQuorum), stopped brokers and partitions
 * left without a leader. {@linkcode gatherStatus} asks the cluster, the
 * registry and the local state file and returns a {@linkcode StatusReport};
 * {@linkcode statusEvent} and {@linkcode statusLines} render it for `--json`
 * and for people.
 * @module
 */
import { isRunning } from "../../lib/cluster/process.ts";
import type { BrokerAddress, QuorumStatus } from "../../lib/kafka/port.ts";
import { type ClusterState, readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UnreachableError } from "../../lib/errors.ts";
import type { EventDataOf } from "../../lib/events.ts";
import { type Bilingual, fill, type Lang, pick, type Translation } from "../../lib/i18n.ts";
import { type Output, table } from "../../lib/output.ts";
import { brokerLiveness } from "../../lib/cluster/liveness.ts";
import { probeTcp } from "../../lib/net.ts";
import { CLUSTER_EVENTS } from "./events.ts";

/** One broker as `status` shows it: from the metadata, or expected by the local state file. */
export interface BrokerRow {
  id: number | null;
  address: string;
  reachable: boolean;
  /** Takes connections but answers no request in time (a paused or wedged broker). */
  notResponding: boolean;
  registered: boolean;
  /** True for the KRaft quorum leader (the active controller). */
  controller: boolean;
  /** `leader`, `voter`, `observer` in the metadata quorum; null when not known. */
  quorumRole: "leader" | "voter" | "observer" | null;
  /** Records behind the quorum leader; null when not known. */
  lag: number | null;
}

/** The cluster `kafka-lab up` started on this machine, and whether its processes run. */
export interface LocalCluster {
  readonly runtime: "java" | "docker";
  readonly processes: ReadonlyArray<{ name: string; pid: number; running: boolean; log: string }>;
}

/** What `status` found; rendered by {@linkcode statusEvent} and {@linkcode statusLines}. */
export interface StatusReport {
  readonly clusterId: string | null;
  readonly quorum: QuorumStatus;
  /** Sorted by id. */
  readonly brokers: readonly BrokerRow[];
  /** Partitions without a leader: `topic[partition]`. */
  readonly leaderless: readonly string[];
  /** Whether the registry answers; `detail` is `up` or why not. */
  readonly registry: { readonly url: string; readonly ok: boolean; readonly detail: string };
  readonly local: LocalCluster | null;
}

const en = {
  clusterId: "cluster id     {id}",
  quorumLeader:
    "quorum leader  node {id}, epoch {epoch} (the active controller, from DescribeQuorum)",
  quorumNone: "quorum leader  none elected",
  quorumUnknown: "quorum leader  {reason}",
  headers: ["broker", "address", "reachable", "in metadata", "quorum", "lag"],
  yes: "yes",
  no: "no",
  notResponding: "not responding",
  leader: "leader",
  voter: "voter",
  observer: "observer",
  leaderless: "partitions without a leader: {list}",
  leaderlessHint:
    "their replicas are on stopped brokers; `kafka-lab broker start N` brings them back",
  registry: "registry       {url}: {state}",
  up: "up",
  local: "local          {runtime} runtime, started by kafka-lab up",
  running: "running",
  notRunning: "not running",
} as const;

const ru: Translation<typeof en> = {
  clusterId: "id кластера    {id}",
  quorumLeader: "лидер кворума  узел {id}, эпоха {epoch} (активный контроллер, по DescribeQuorum)",
  quorumNone: "лидер кворума  не выбран",
  quorumUnknown: "лидер кворума  {reason}",
  headers: ["брокер", "адрес", "доступен", "в метаданных", "кворум", "отставание"],
  yes: "да",
  no: "нет",
  notResponding: "не отвечает",
  leader: "лидер",
  voter: "голосующий",
  observer: "наблюдатель",
  leaderless: "партиции без лидера: {list}",
  leaderlessHint: "их реплики на остановленных брокерах; `kafka-lab broker start N` вернёт их",
  registry: "реестр схем    {url}: {state}",
  up: "работает",
  local: "локально       среда {runtime}, запущено kafka-lab up",
  running: "работает",
  notRunning: "не работает",
};

const TEXT: Bilingual<typeof en> = { en, ru };

function quorumRole(q: QuorumStatus, id: number | null): Pick<BrokerRow, "quorumRole" | "lag"> {
  if (!q.known || id === null) return { quorumRole: null, lag: null };
  const voter = q.voters.find((v) => v.id === id);
  const observer = q.observers.find((v) => v.id === id);
  const role = id === q.leaderId ? "leader" : voter ? "voter" : observer ? "observer" : null;
  return { quorumRole: role, lag: (voter ?? observer)?.lag ?? null };
}

/** Runs `kafka-lab status`: exit 0 when every part answers, 1 when one is down. */
export async function runStatus(ctx: Context): Promise<number> {
  const { out } = ctx;
  const report = await gatherStatus(ctx);
  out.event(CLUSTER_EVENTS.status, statusEvent(report, out.lang));
  if (!out.json) {
    for (const line of statusLines(report, out)) out.line(line);
  }
  return statusHealthy(report) ? ExitCode.ok : ExitCode.failed;
}

/** Asks the brokers, the quorum, each broker's port, the registry and the local state file. */
async function gatherStatus(ctx: Context): Promise<StatusReport> {
  const state = readState(ctx.config.stateDir);
  const kafka = await ctx.kafka();
  await kafka.preflight();
  // Brokers and leaderless partitions from the wire where it can (lib/kafka/clients.ts).
  const [overview, quorum] = await Promise.all([kafka.cluster(), kafka.quorum()]);
  const brokers = await brokerRows(
    overview.brokers,
    state?.brokers ?? [],
    quorum,
    ctx.config.ssl,
  );
  const registry = await registryHealth(ctx);
  return {
    clusterId: overview.clusterId,
    quorum,
    brokers,
    leaderless: (overview.leaderless ?? []).map((p) => `${p.topic}[${p.partition}]`),
    registry,
    local: state ? localCluster(state) : null,
  };
}

/**
 * The brokers in the metadata, then those the local state file expects but
 * the metadata lacks; each asked a cheap request (only connected to over TLS),
 * so a paused broker shows as not responding. Sorted by id.
 */
async function brokerRows(
  registered: readonly BrokerAddress[],
  expected: ClusterState["brokers"],
  quorum: QuorumStatus,
  ssl: boolean,
): Promise<BrokerRow[]> {
  const rows: BrokerRow[] = await Promise.all(registered.map(async (b) => {
    const address = `${b.host}:${b.port}`;
    return {
      id: b.nodeId,
      address,
      ...await liveness(address, ssl),
      registered: true,
      controller: quorum.known && b.nodeId === quorum.leaderId,
      ...quorumRole(quorum, b.nodeId),
    };
  }));
  for (const e of expected) {
    if (!rows.some((r) => r.id === e.id)) {
      rows.push({
        id: e.id,
        address: e.address,
        ...await liveness(e.address, ssl),
        registered: false,
        controller: false,
        ...quorumRole(quorum, e.id),
      });
    }
  }
  return rows.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

async function liveness(
  address: string,
  ssl: boolean,
): Promise<{ reachable: boolean; notResponding: boolean }> {
  // A TLS listener waits for a handshake, not a request: only the connection tells there.
  if (ssl) return { reachable: (await probeTcp(address, 3000)).ok, notResponding: false };
  const l = await brokerLiveness(address, 3000);
  return { reachable: l === "answers", notResponding: l === "not-responding" };
}

async function registryHealth(ctx: Context): Promise<StatusReport["registry"]> {
  const url = ctx.config.registryUrl;
  try {
    await (await ctx.registry()).preflight();
    return { url, ok: true, detail: "up" };
  } catch (err) {
    return { url, ok: false, detail: err instanceof UnreachableError ? err.message : String(err) };
  }
}

function localCluster(state: ClusterState): LocalCluster {
  return {
    runtime: state.runtime,
    processes: state.processes.map((p) => ({
      name: p.name,
      pid: p.pid,
      running: isRunning(p),
      log: p.logFile,
    })),
  };
}

/** Every broker answers and is in the metadata, the registry answers, every partition has a leader. */
export function statusHealthy(s: StatusReport): boolean {
  return s.brokers.every((r) => r.reachable && r.registered) && s.registry.ok &&
    s.leaderless.length === 0;
}

/** The `cluster.status` event of a report (the quorum's reason in `lang`). */
export function statusEvent(
  s: StatusReport,
  lang: Lang,
): EventDataOf<typeof CLUSTER_EVENTS.status> {
  const q = s.quorum;
  return {
    clusterId: s.clusterId,
    controller: q.known && q.leaderId >= 0 ? q.leaderId : null,
    quorum: q.known ? q : { known: false as const, reason: q.reason[lang] },
    brokers: s.brokers,
    leaderless: s.leaderless,
    registry: s.registry,
    local: s.local,
  };
}

/** The report for people: the quorum, a table of brokers, leaderless partitions, registry, local processes. */
export function statusLines(s: StatusReport, out: Pick<Output, "lang" | "style">): string[] {
  const text = pick(TEXT, out.lang);
  const yesNo = (ok: boolean) => ok ? out.style("green", text.yes) : out.style("red", text.no);
  const q = s.quorum;
  const lines = [
    fill(text.clusterId, { id: s.clusterId ?? "?" }),
    !q.known
      ? fill(text.quorumUnknown, { reason: q.reason[out.lang] })
      : q.leaderId < 0
      ? out.style("red", text.quorumNone)
      : fill(text.quorumLeader, { id: q.leaderId, epoch: q.leaderEpoch }),
    "",
    ...table(
      [...text.headers],
      s.brokers.map((r) => [
        String(r.id ?? "?"),
        r.address,
        r.notResponding ? out.style("red", text.notResponding) : yesNo(r.reachable),
        yesNo(r.registered),
        r.quorumRole ? text[r.quorumRole] : "",
        r.lag === null ? (r.quorumRole ? "?" : "") : String(r.lag),
      ]),
    ).map((l) => `  ${l}`),
  ];
  if (s.leaderless.length > 0) {
    lines.push(
      "",
      out.style("red", fill(text.leaderless, { list: s.leaderless.join(", ") })),
      `  ${text.leaderlessHint}`,
    );
  }
  lines.push(
    "",
    fill(text.registry, {
      url: s.registry.url,
      state: s.registry.ok ? out.style("green", text.up) : out.style("red", s.registry.detail),
    }),
  );
  if (s.local) lines.push(...localLines(s.local, text, out));
  return lines;
}

function localLines(
  local: LocalCluster,
  text: Translation<typeof en>,
  out: Pick<Output, "style">,
): string[] {
  const width = Math.max(text.running.length, text.notRunning.length);
  return [
    fill(text.local, { runtime: local.runtime }),
    ...local.processes.map((p) => {
      const state = p.running
        ? text.running.padEnd(width)
        : out.style("red", text.notRunning.padEnd(width));
      return `  ${p.name.padEnd(10)} pid ${String(p.pid).padEnd(8)} ${state}  ${p.log}`;
    }),
  ];
}
