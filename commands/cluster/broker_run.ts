/**
 * The work of `kafka-lab broker list|stop|start|pause|resume` (declared in
 * `broker.ts`), done by `lib/cluster/brokers.ts` and `lib/cluster/pause.ts`.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";
import { localize, t } from "../../lib/i18n.ts";
import { type Output, table } from "../../lib/output.ts";
import type { START_OPTIONS, STOP_OPTIONS } from "./broker_options.ts";
import { CLUSTER_EVENTS } from "./events.ts";

/** Reads the broker id positional. */
export function brokerId(args: Pick<ParsedArgs, "positionals">): number {
  const raw = args.positionals[0] ?? "";
  if (!/^\d+$/.test(raw)) {
    throw new UsageError(
      t(
        `a broker id is a whole number, not '${raw}'`,
        `номер брокера — целое число, а не '${raw}'`,
      ),
      t("see `kafka-lab broker list`", "см. `kafka-lab broker list`"),
    );
  }
  return Number(raw);
}

/** Runs `broker list`. */
export async function list(ctx: Context): Promise<number> {
  const { requireState, localNodes, partitionLeaders } = await import(
    "../../lib/cluster/brokers.ts"
  );
  const { out } = ctx;
  const { brokerLiveness } = await import("../../lib/cluster/liveness.ts");
  const nodes = await localNodes(requireState(ctx.config.stateDir));
  // A running process is not enough: a paused broker accepts connections but answers nothing.
  const liveness = await Promise.all(
    nodes.map((n) => n.running ? brokerLiveness(n.address) : Promise.resolve("down" as const)),
  );
  const answering = nodes.filter((_, i) => liveness[i] === "answers").map((n) => n.address);
  let leads = new Map<number, number>();
  let leaderless: Array<{ topic: string; partition: number }> = [];
  if (answering.length > 0) {
    ({ leads, leaderless } = await partitionLeaders(answering, ctx.config.sasl));
  }
  const rows = nodes.map((n, i) => ({
    ...n,
    responding: liveness[i] === "answers",
    leads: leads.get(n.id) ?? 0,
  }));
  out.event(CLUSTER_EVENTS.brokers, { brokers: rows, leaderless });
  if (!out.json) printBrokers(out, rows, leaderless);
  return ExitCode.ok;
}

/** `broker list` for people: the table, then each partition left without a leader. */
function printBrokers(
  out: Output,
  rows: ReadonlyArray<
    {
      id: number;
      address: string;
      running: boolean;
      responding: boolean;
      controller: boolean;
      leads: number;
    }
  >,
  leaderless: ReadonlyArray<{ topic: string; partition: number }>,
): void {
  const up = localize(t("up", "работает"), out.lang);
  const down = localize(t("down", "остановлен"), out.lang);
  const hung = localize(
    t(
      "not responding (runs, answers no request)",
      "не отвечает (работает, но не отвечает на запросы)",
    ),
    out.lang,
  );
  const lines = table(
    [
      localize(t("broker", "брокер"), out.lang),
      localize(t("address", "адрес"), out.lang),
      localize(t("state", "состояние"), out.lang),
      localize(t("roles", "роли"), out.lang),
      localize(t("leads", "ведёт партиций"), out.lang),
    ],
    rows.map((r) => [
      String(r.id),
      r.address,
      !r.running
        ? out.style("red", down)
        : r.responding
        ? out.style("green", up)
        : out.style("yellow", hung),
      r.controller ? "broker, controller" : "broker",
      r.responding ? String(r.leads) : "-",
    ]),
  );
  for (const l of lines) out.line(`  ${l}`);
  for (const p of leaderless) {
    out.line(out.style(
      "red",
      localize(
        t("  {topic} partition {p}: no leader", "  {topic}, партиция {p}: нет лидера"),
        out.lang,
        { topic: p.topic, p: p.partition },
      ),
    ));
  }
}

/** Runs `broker stop`. */
export async function stop(ctx: Context, args: ParsedArgs<typeof STOP_OPTIONS>): Promise<number> {
  const { stopBroker } = await import("../../lib/cluster/brokers.ts");
  const { withClusterLock } = await import("../../lib/cluster/lock.ts");
  const { requireOwnCluster } = await import("../../lib/cluster/own.ts");
  const id = brokerId(args);
  await requireOwnCluster(ctx.config);
  const r = await withClusterLock(
    ctx.config.stateDir,
    { command: `broker stop ${id}`, out: ctx.out },
    () => stopBroker(id, { config: ctx.config, out: ctx.out, kill: args.values.kill }),
  );
  const seconds = (r.ms / 1000).toFixed(1);
  const human = !r.wasRunning
    ? t(`Broker ${id} is already stopped.`, `Брокер ${id} уже остановлен.`)
    : r.signal === "SIGKILL"
    ? t(
      `Broker ${id} (${r.address}) killed (SIGKILL).`,
      `Брокер ${id} (${r.address}) убит (SIGKILL).`,
    )
    : r.forced
    ? t(
      `Broker ${id} did not stop within the grace period and was killed.`,
      `Брокер ${id} не остановился вовремя и был убит.`,
    )
    : t(
      `Broker ${id} (${r.address}) stopped gracefully in ${seconds} s.`,
      `Брокер ${id} (${r.address}) штатно остановлен за ${seconds.replace(".", ",")} с.`,
    );
  ctx.out.event(CLUSTER_EVENTS.brokerStopped, { ...r }, localize(human, ctx.out.lang));
  return ExitCode.ok;
}

/** Runs `broker start`. */
export async function start(ctx: Context, args: ParsedArgs<typeof START_OPTIONS>): Promise<number> {
  const { startBroker } = await import("../../lib/cluster/brokers.ts");
  const { withClusterLock } = await import("../../lib/cluster/lock.ts");
  const id = brokerId(args);
  const r = await withClusterLock(
    ctx.config.stateDir,
    { command: `broker start ${id}`, out: ctx.out },
    () =>
      startBroker(id, {
        config: ctx.config,
        out: ctx.out,
        signal: ctx.signal,
        timeoutMs: args.values.timeout * 1000,
      }),
  );
  const seconds = (r.ms / 1000).toFixed(1);
  const human = r.wasRunning
    ? t(`Broker ${id} is already running.`, `Брокер ${id} уже работает.`)
    : t(
      `Broker ${id} (${r.address}) is back in the cluster after ${seconds} s.`,
      `Брокер ${id} (${r.address}) вернулся в кластер за ${seconds.replace(".", ",")} с.`,
    );
  ctx.out.event(CLUSTER_EVENTS.brokerStarted, { ...r }, localize(human, ctx.out.lang));
  return ExitCode.ok;
}

/** Runs `broker pause`. */
export async function pause(ctx: Context, args: ParsedArgs): Promise<number> {
  const { pauseBroker } = await import("../../lib/cluster/pause.ts");
  const { requireOwnCluster } = await import("../../lib/cluster/own.ts");
  const id = brokerId(args);
  await requireOwnCluster(ctx.config);
  const r = await pauseBroker(id, { config: ctx.config, out: ctx.out });
  const human = t(
    `Broker ${id} (${r.address}) paused (SIGSTOP); resume it with \`kafka-lab broker resume ${id}\`.`,
    `Брокер ${id} (${r.address}) приостановлен (SIGSTOP); продолжить: \`kafka-lab broker resume ${id}\`.`,
  );
  ctx.out.event(CLUSTER_EVENTS.brokerPaused, { ...r }, localize(human, ctx.out.lang));
  return ExitCode.ok;
}

/** Runs `broker resume`. */
export async function resume(ctx: Context, args: ParsedArgs): Promise<number> {
  const { resumeBroker } = await import("../../lib/cluster/pause.ts");
  const id = brokerId(args);
  const r = await resumeBroker(id, { config: ctx.config, out: ctx.out });
  const human = t(
    `Broker ${id} (${r.address}) resumed (SIGCONT).`,
    `Брокер ${id} (${r.address}) продолжает работу (SIGCONT).`,
  );
  ctx.out.event(CLUSTER_EVENTS.brokerPaused, { ...r }, localize(human, ctx.out.lang));
  return ExitCode.ok;
}
