/**
 * Lab 1: topics. Creates the course topics (hello-kafka, users_coordinates,
 * final-1-topic), lists and describes them (leader, replicas, ISR, configs),
 * and offers create / list / describe / delete on their own.
 *
 * This module only declares the commands; each one's code is loaded when it
 * runs, so `--help` never loads the Kafka client.
 * @module
 */
import { defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import {
  CREATE_OPTIONS,
  DELETE_OPTIONS,
  DESCRIBE_OPTIONS,
  GUIDED_OPTIONS,
  LIST_OPTIONS,
} from "./options.ts";

const TOPIC_ARGUMENT = [{
  name: "topic",
  description: t("Topic name (behind --prefix)", "Имя топика (после приставки --prefix)"),
  required: true,
}] as const;

const createCommand = defineCommand({
  name: "create",
  summary: t(
    "Create a topic (an existing one is described and compared instead)",
    "Создать топик (существующий топик описывается и сравнивается с заданным)",
  ),
  description: t(
    `
Creates the topic with the given partitions, replication factor and configs,
and waits until every partition has a leader. If the topic exists, nothing is
changed: its real layout is shown with how it differs from what you asked.`,
    `
Создаёт топик с заданными партициями, фактором репликации и настройками и ждёт,
пока у каждой партиции появится лидер. Если топик уже есть, ничего не меняется:
показывается его настоящее устройство и чем оно отличается от запрошенного.`,
  ),
  options: CREATE_OPTIONS,
  examples: [
    "kafka-lab lab1 create --topic users_coordinates --partitions 6 --replication-factor 2 --config min.insync.replicas=1",
    "kafka-lab lab1 create -t orders --partitions 3 -r 3 -c min.insync.replicas=2 -c retention.ms=86400000",
  ],
  run: async (ctx, args) => (await import("./create.ts")).create(ctx, args),
});

const listCommand = defineCommand({
  name: "list",
  summary: t(
    "List the topics with their partition count and replication factor",
    "Список топиков с числом партиций и фактором репликации",
  ),
  options: LIST_OPTIONS,
  examples: ["kafka-lab lab1 list", "kafka-lab lab1 list --all --json"],
  run: async (ctx, args) => (await import("./list.ts")).list(ctx, args),
});

const describeCommand = defineCommand({
  name: "describe",
  summary: t(
    "Show a topic's partitions (leader, replicas, ISR) and its configs",
    "Показать партиции топика (лидер, реплики, ISR) и его настройки",
  ),
  positionals: TOPIC_ARGUMENT,
  options: DESCRIBE_OPTIONS,
  examples: ["kafka-lab lab1 describe users_coordinates"],
  run: async (ctx, args) => (await import("./describe.ts")).describe(ctx, args),
});

const deleteCommand = defineCommand({
  name: "delete",
  summary: t(
    "Delete a topic and all its records (asks first unless --yes)",
    "Удалить топик со всеми записями (сначала спросит, если нет --yes)",
  ),
  positionals: TOPIC_ARGUMENT,
  options: DELETE_OPTIONS,
  examples: ["kafka-lab lab1 delete hello-kafka", "kafka-lab lab1 delete hello-kafka --yes"],
  run: async (ctx, args) => (await import("./delete.ts")).deleteCommand(ctx, args),
});

/** The `lab1` command. */
export const lab1 = defineCommand({
  name: "lab1",
  summary: t(
    "Topics: create the course topics, partitions, replicas, ISR, min.insync.replicas",
    "Топики: топики курса, партиции, реплики, ISR, min.insync.replicas",
  ),
  description: t(
    `
Without a subcommand, runs the lab: theory, the cluster's brokers, the course
topics created (hello-kafka: 1 partition, RF 1; users_coordinates: 6
partitions, RF 2, min.insync.replicas=1; final-1-topic: 3 partitions, RF 2),
listed and described, then the control questions. Running it again is
harmless: existing topics are described and compared.`,
    `
Без подкоманды проводит лабораторную: теория, брокеры кластера, создание
топиков курса (hello-kafka: 1 партиция, RF 1; users_coordinates: 6 партиций,
RF 2, min.insync.replicas=1; final-1-topic: 3 партиции, RF 2), их список и
описание, затем контрольные вопросы. Повторный запуск безопасен: существующие
топики описываются и сравниваются с ожидаемыми.`,
  ),
  options: GUIDED_OPTIONS,
  subcommands: [
    createCommand,
    listCommand,
    describeCommand,
    deleteCommand,
  ],
  examples: [
    "kafka-lab lab1",
    "kafka-lab lab1 --lang ru",
    "kafka-lab lab1 --json",
    "kafka-lab lab1 --prefix anna.",
  ],
  // --prefix, the guided run's only option, reaches it through ctx.config.names.
  run: async (ctx) => (await import("./guided.ts")).guided(ctx),
});
