/**
 * The work of `kafka-lab status` (declared in `status.ts`): the configured cluster as its clients see it, with the
 * real KRaft quorum leader (DescribeQuorum), stopped brokers and partitions
 * left without a leader.
 * @module
 */
import { isRunning } from "../../lib/cluster/process.ts";
import type { QuorumStatus } from "../../lib/kafka/port.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UnreachableError } from "../../lib/errors.ts";
import { type Bilingual, fill, pick, type Translation } from "../../lib/i18n.ts";
import { probeTcp } from "../../lib/net.ts";
import { table } from "../../lib/output.ts";
import { CLUSTER_EVENTS } from "./events.ts";

interface BrokerRow {
  id: number | null;
  address: string;
  reachable: boolean;
  registered: boolean;
  /** True for the KRaft quorum leader (the active controller). */
  controller: boolean;
  /** `leader`, `voter`, `observer` in the metadata quorum; null when not known. */
  quorumRole: "leader" | "voter" | "observer" | null;
  /** Records behind the quorum leader; null when not known. */
  lag: number | null;
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

/** Runs `kafka-lab status`. */
export async function runStatus(ctx: Context): Promise<number> {
  const { out } = ctx;
  const text = pick(TEXT, out.lang);
  const state = readState(ctx.config.stateDir);
  const kafka = await ctx.kafka();
  await kafka.preflight();
  // Brokers and leaderless partitions from the wire where it can (lib/kafka/clients.ts).
  const [overview, quorum] = await Promise.all([kafka.cluster(), kafka.quorum()]);
  const cluster = {
    ...overview,
    leaderless: (overview.leaderless ?? []).map((p) => `${p.topic}[${p.partition}]`),
  };

  const rows: BrokerRow[] = await Promise.all(cluster.brokers.map(async (b) => {
    const address = `${b.host}:${b.port}`;
    return {
      id: b.nodeId,
      address,
      reachable: (await probeTcp(address, 3000)).ok,
      registered: true,
      controller: quorum.known && b.nodeId === quorum.leaderId,
      ...quorumRole(quorum, b.nodeId),
    };
  }));
  for (const expected of state?.brokers ?? []) {
    if (!rows.some((r) => r.id === expected.id)) {
      rows.push({
        id: expected.id,
        address: expected.address,
        reachable: (await probeTcp(expected.address, 3000)).ok,
        registered: false,
        controller: false,
        ...quorumRole(quorum, expected.id),
      });
    }
  }
  rows.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));

  let registryHealth = "up";
  let registryOk = true;
  try {
    await (await ctx.registry()).preflight();
  } catch (err) {
    registryOk = false;
    registryHealth = err instanceof UnreachableError ? err.message : String(err);
  }
  const local = state
    ? {
      runtime: state.runtime,
      processes: state.processes.map((p) => ({
        name: p.name,
        pid: p.pid,
        running: isRunning(p),
        log: p.logFile,
      })),
    }
    : null;
  const quorumJson = quorum.known
    ? { ...quorum }
    : { known: false as const, reason: quorum.reason[out.lang] };
  out.event(CLUSTER_EVENTS.status, {
    clusterId: cluster.clusterId,
    controller: quorum.known && quorum.leaderId >= 0 ? quorum.leaderId : null,
    quorum: quorumJson,
    brokers: rows,
    leaderless: cluster.leaderless,
    registry: { url: ctx.config.registryUrl, ok: registryOk, detail: registryHealth },
    local,
  });
  if (!out.json) {
    printStatus(ctx, text, { cluster, quorum, rows, registryOk, registryHealth, local });
  }
  const allUp = rows.every((r) => r.reachable && r.registered) && registryOk &&
    cluster.leaderless.length === 0;
  return allUp ? ExitCode.ok : ExitCode.failed;
}

function printStatus(
  ctx: Context,
  text: Translation<typeof en>,
  s: {
    cluster: { clusterId: string | null; leaderless: string[] };
    quorum: QuorumStatus;
    rows: BrokerRow[];
    registryOk: boolean;
    registryHealth: string;
    local: {
      runtime: string;
      processes: Array<{ name: string; pid: number; running: boolean; log: string }>;
    } | null;
  },
): void {
  const { out } = ctx;
  const yesNo = (ok: boolean) => ok ? out.style("green", text.yes) : out.style("red", text.no);
  out.line(fill(text.clusterId, { id: s.cluster.clusterId ?? "?" }));
  const q = s.quorum;
  out.line(
    !q.known
      ? fill(text.quorumUnknown, { reason: q.reason[out.lang] })
      : q.leaderId < 0
      ? out.style("red", text.quorumNone)
      : fill(text.quorumLeader, { id: q.leaderId, epoch: q.leaderEpoch }),
  );
  out.line();
  const lines = table(
    [...text.headers],
    s.rows.map((r) => [
      String(r.id ?? "?"),
      r.address,
      yesNo(r.reachable),
      yesNo(r.registered),
      r.quorumRole ? text[r.quorumRole] : "",
      r.lag === null ? (r.quorumRole ? "?" : "") : String(r.lag),
    ]),
  );
  for (const l of lines) out.line(`  ${l}`);
  if (s.cluster.leaderless.length > 0) {
    out.line();
    out.line(out.style("red", fill(text.leaderless, { list: s.cluster.leaderless.join(", ") })));
    out.line(`  ${text.leaderlessHint}`);
  }
  out.line();
  out.line(fill(text.registry, {
    url: ctx.config.registryUrl,
    state: s.registryOk ? out.style("green", text.up) : out.style("red", s.registryHealth),
  }));
  if (s.local) {
    out.line(fill(text.local, { runtime: s.local.runtime }));
    const width = Math.max(text.running.length, text.notRunning.length);
    for (const p of s.local.processes) {
      const state = p.running
        ? text.running.padEnd(width)
        : out.style("red", text.notRunning.padEnd(width));
      out.line(`  ${p.name.padEnd(10)} pid ${String(p.pid).padEnd(8)} ${state}  ${p.log}`);
    }
  }
}
