/**
 * `kafka-lab topic create|list|describe|delete|alter-config|add-partitions`:
 * topics from any lab, as rpk and kafka-topics.sh offer them. `lab1` keeps
 * its guided steps; both call the same library code (`lib/kafka/topics.ts`,
 * `lib/kafka/topic_changes.ts`). This module only declares the commands.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import {
  ADD_PARTITIONS_OPTIONS,
  ALTER_OPTIONS,
  CREATE_OPTIONS,
  DELETE_OPTIONS,
  LIST_OPTIONS,
  TOPIC_ARGUMENT,
} from "./options.ts";

/** The `topic` command. */
export const topicCommand: Command = {
  name: "topic",
  summary: t(
    "Topics: create, list, describe, delete, alter configs, add partitions",
    "Топики: создать, список, описание, удалить, изменить настройки, добавить партиции",
  ),
  examples: [
    "kafka-lab topic create orders --partitions 3 -r 3 -c min.insync.replicas=2",
    "kafka-lab topic list",
    "kafka-lab topic describe orders",
    "kafka-lab topic alter-config orders --set retention.ms=86400000",
    "kafka-lab topic add-partitions orders --partitions 6",
    "kafka-lab topic delete orders --yes",
  ],
  subcommands: [
    defineCommand({
      name: "create",
      summary: t(
        "Create a topic and wait for its leaders (an existing one is shown and compared)",
        "Создать топик и дождаться лидеров (существующий показывается и сравнивается)",
      ),
      positionals: TOPIC_ARGUMENT,
      options: CREATE_OPTIONS,
      examples: ["kafka-lab topic create orders --partitions 3 -r 3 -c min.insync.replicas=2"],
      run: async (ctx, args) => (await import("./create.ts")).create(ctx, args),
    }),
    defineCommand({
      name: "list",
      summary: t(
        "Every topic with its partition count and replication factor",
        "Все топики с числом партиций и фактором репликации",
      ),
      options: LIST_OPTIONS,
      examples: ["kafka-lab topic list", "kafka-lab topic list --all --json"],
      run: async (ctx, args) => (await import("./list.ts")).list(ctx, args),
    }),
    {
      name: "describe",
      summary: t(
        "A topic's partitions (leader, replicas, ISR) and the configs set on it",
        "Партиции топика (лидер, реплики, ISR) и заданные на нём настройки",
      ),
      positionals: TOPIC_ARGUMENT,
      examples: ["kafka-lab topic describe hello-kafka"],
      run: async (ctx, args) => (await import("./describe.ts")).describe(ctx, args),
    },
    defineCommand({
      name: "delete",
      summary: t(
        "Delete a topic and all its records (asks first unless --yes)",
        "Удалить топик со всеми записями (сначала спросит, если нет --yes)",
      ),
      positionals: TOPIC_ARGUMENT,
      options: DELETE_OPTIONS,
      examples: ["kafka-lab topic delete orders", "kafka-lab topic delete orders --yes"],
      run: async (ctx, args) => (await import("./delete.ts")).deleteCommand(ctx, args),
    }),
    defineCommand({
      name: "alter-config",
      summary: t(
        "Set or remove configs of a topic (the others stay as they are)",
        "Задать или убрать настройки топика (остальные не меняются)",
      ),
      positionals: TOPIC_ARGUMENT,
      options: ALTER_OPTIONS,
      examples: [
        "kafka-lab topic alter-config orders --set retention.ms=86400000 --set min.insync.replicas=2",
        "kafka-lab topic alter-config orders --delete retention.ms",
      ],
      run: async (ctx, args) => (await import("./alter.ts")).alterConfig(ctx, args),
    }),
    defineCommand({
      name: "add-partitions",
      summary: t(
        "Raise a topic's partition count (Kafka never lowers it)",
        "Увеличить число партиций топика (уменьшить Kafka не позволяет)",
      ),
      positionals: TOPIC_ARGUMENT,
      options: ADD_PARTITIONS_OPTIONS,
      examples: ["kafka-lab topic add-partitions orders --partitions 6"],
      run: async (ctx, args) => (await import("./alter.ts")).addPartitionsCommand(ctx, args),
    }),
  ],
};
