/**
 * `kafka-lab broker list|stop|start`: one broker of the local cluster at a
 * time, to watch what Kafka does when a broker leaves and comes back. The
 * work is done by `lib/cluster/brokers.ts` (loaded only when a subcommand runs).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";
import { localize, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { CLUSTER_EVENTS } from "./events.ts";

const ID = [{
  name: "id",
  description: t("Broker id (node.id), e.g. 2", "Номер брокера (node.id), например 2"),
  required: true,
}];

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

const listCommand: Command = {
  name: "list",
  summary: t(
    "Each broker of the local cluster: address, up or down, partitions it leads",
    "Брокеры локального кластера: адрес, работает ли, сколько партиций он ведёт",
  ),
  examples: ["kafka-lab broker list", "kafka-lab broker list --json"],
  async run(ctx: Context): Promise<number> {
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
    if (out.json) return ExitCode.ok;
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
    return ExitCode.ok;
  },
};

const stopCommand = defineCommand({
  name: "stop",
  summary: t(
    "Stop one broker (gracefully, or --kill to simulate a crash)",
    "Остановить один брокер (штатно или --kill, имитируя сбой)",
  ),
  description: t(
    `
Without --kill the broker gets SIGTERM and shuts down in a controlled way: it
hands its partition leadership to other replicas first. --kill sends SIGKILL,
as a crash or a power cut would: its partitions have no leader until the
controller notices (about 9 s, broker.session.timeout.ms). Stopping the last
running broker, or a controller whose stop leaves the KRaft quorum without a
majority, is refused.`,
    `
Без --kill брокер получает SIGTERM и завершается штатно: сначала передаёт
лидерство своих партиций другим репликам. --kill посылает SIGKILL, как при
аварии или отключении питания: у его партиций нет лидера, пока контроллер
этого не заметит (около 9 с, broker.session.timeout.ms). Остановить последний
работающий брокер или контроллер, без которого у кворума KRaft не останется
большинства, нельзя.`,
  ),
  positionals: ID,
  options: [{
    name: "kill",
    type: "boolean",
    description: t("SIGKILL instead of SIGTERM (a crash)", "SIGKILL вместо SIGTERM (сбой)"),
  }],
  examples: ["kafka-lab broker stop 2", "kafka-lab broker stop 2 --kill"],
  async run(ctx, args): Promise<number> {
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
  },
});

const startCommand = defineCommand({
  name: "start",
  summary: t(
    "Start a stopped broker again, on its own data",
    "Снова запустить остановленный брокер на его же данных",
  ),
  positionals: ID,
  options: [{
    name: "timeout",
    type: "integer",
    min: 5,
    default: 180,
    valueName: "SECONDS",
    description: t(
      "Give up when the broker has not rejoined by then",
      "Сдаться, если брокер не вернулся в кластер за это время",
    ),
  }],
  examples: ["kafka-lab broker start 2"],
  async run(ctx, args): Promise<number> {
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
  },
});

const pauseCommand = defineCommand({
  name: "pause",
  summary: t(
    "Pause one broker (SIGSTOP): it hangs, as in a long GC pause or a network stall",
    "Приостановить брокер (SIGSTOP): он зависает, как при долгой сборке мусора или сбое сети",
  ),
  description: t(
    `
The broker's process is stopped with SIGSTOP (docker: \`docker compose pause\`):
it keeps its connections, but answers nothing, copies nothing and sends no
heartbeat. Its followers stay in the ISR of other leaders until
replica.lag.time.max.ms (30 s) passes; the controller fences it after
broker.session.timeout.ms (9 s). It stays paused until
\`kafka-lab broker resume N\`.`,
    `
Процесс брокера останавливается сигналом SIGSTOP (docker: \`docker compose pause\`):
соединения остаются открытыми, но он ничего не отвечает, ничего не копирует и
не шлёт heartbeat. Его реплики остаются в ISR других лидеров, пока не пройдёт
replica.lag.time.max.ms (30 с); контроллер отстраняет его через
broker.session.timeout.ms (9 с). Брокер остаётся приостановленным до
\`kafka-lab broker resume N\`.`,
  ),
  positionals: ID,
  examples: ["kafka-lab broker pause 2", "kafka-lab broker resume 2"],
  async run(ctx, args): Promise<number> {
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
  },
});

const resumeCommand = defineCommand({
  name: "resume",
  summary: t(
    "Resume a paused broker (SIGCONT)",
    "Продолжить работу приостановленного брокера (SIGCONT)",
  ),
  positionals: ID,
  examples: ["kafka-lab broker resume 2"],
  async run(ctx, args): Promise<number> {
    const { resumeBroker } = await import("../../lib/cluster/pause.ts");
    const id = brokerId(args);
    const r = await resumeBroker(id, { config: ctx.config, out: ctx.out });
    const human = t(
      `Broker ${id} (${r.address}) resumed (SIGCONT).`,
      `Брокер ${id} (${r.address}) продолжает работу (SIGCONT).`,
    );
    ctx.out.event(CLUSTER_EVENTS.brokerPaused, { ...r }, localize(human, ctx.out.lang));
    return ExitCode.ok;
  },
});

/** The `broker` command. */
export const brokerCommand: Command = {
  name: "broker",
  summary: t(
    "List, stop, start, pause and resume the brokers of the local cluster",
    "Список брокеров локального кластера, их остановка, запуск, приостановка и продолжение",
  ),
  subcommands: [listCommand, stopCommand, startCommand, pauseCommand, resumeCommand],
  examples: ["kafka-lab broker list", "kafka-lab broker stop 2 --kill", "kafka-lab broker start 2"],
};
