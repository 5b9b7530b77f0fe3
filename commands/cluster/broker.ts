/**
 * `kafka-lab broker list|stop|start`: one broker of the local cluster at a
 * time, to watch what Kafka does when a broker leaves and comes back. The
 * work is done by `lib/cluster/brokers.ts` (loaded only when a subcommand runs).
 * This module only declares the commands; their code is `broker_run.ts`.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { t } from "../../lib/i18n.ts";
import { START_OPTIONS, STOP_OPTIONS } from "./broker_options.ts";

const ID = [{
  name: "id",
  description: t("Broker id (node.id), e.g. 2", "Номер брокера (node.id), например 2"),
  required: true,
}];

const listCommand: Command = {
  name: "list",
  summary: t(
    "Each broker of the local cluster: address, up or down, partitions it leads",
    "Брокеры локального кластера: адрес, работает ли, сколько партиций он ведёт",
  ),
  examples: ["kafka-lab broker list", "kafka-lab broker list --json"],
  run: async (ctx: Context) => (await import("./broker_run.ts")).list(ctx),
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
  options: STOP_OPTIONS,
  examples: ["kafka-lab broker stop 2", "kafka-lab broker stop 2 --kill"],
  run: async (ctx, args) => (await import("./broker_run.ts")).stop(ctx, args),
});

const startCommand = defineCommand({
  name: "start",
  summary: t(
    "Start a stopped broker again, on its own data",
    "Снова запустить остановленный брокер на его же данных",
  ),
  positionals: ID,
  options: START_OPTIONS,
  examples: ["kafka-lab broker start 2"],
  run: async (ctx, args) => (await import("./broker_run.ts")).start(ctx, args),
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
  run: async (ctx, args) => (await import("./broker_run.ts")).pause(ctx, args),
});

const resumeCommand = defineCommand({
  name: "resume",
  summary: t(
    "Resume a paused broker (SIGCONT)",
    "Продолжить работу приостановленного брокера (SIGCONT)",
  ),
  positionals: ID,
  examples: ["kafka-lab broker resume 2"],
  run: async (ctx, args) => (await import("./broker_run.ts")).resume(ctx, args),
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
