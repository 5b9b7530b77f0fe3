/**
 * `kafka-lab groups list|describe|reset|delete`: consumer groups, their lag,
 * and offset resets (what `kafka-consumer-groups.sh` and Kafka UI's
 * "Consumers" page do). The work lives in `commands/groups/run.ts`, loaded
 * only when a subcommand runs.
 * @module
 */
import type { PositionalSpec } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { DELETE_OPTIONS, RESET_OPTIONS } from "./options.ts";

const GROUP: PositionalSpec = {
  name: "group",
  required: true,
  description: t("The consumer group id", "Идентификатор группы консьюмеров"),
};

const impl = () => import("./run.ts");

/** The `groups` command. */
export const groupsCommand: Command = {
  name: "groups",
  summary: t(
    "Consumer groups: list, lag per partition, reset offsets, delete",
    "Группы консьюмеров: список, отставание по партициям, сброс смещений, удаление",
  ),
  description: t(
    `A group's committed offset on a partition is the next record it will read;
lag is the partition's end offset minus that. Kafka moves or deletes a
group's offsets only while the group has no members, so stop its consumers
first.`,
    `Зафиксированное смещение группы в партиции — следующая запись, которую она
прочитает; отставание — конец партиции минус это смещение. Kafka переносит или
удаляет смещения группы, только пока в ней нет участников, поэтому сначала
остановите её консьюмеров.`,
  ),
  examples: [
    "kafka-lab groups list",
    "kafka-lab groups describe hello-group",
    "kafka-lab groups reset hello-group --topic hello-kafka --to earliest --dry-run",
    "kafka-lab groups reset hello-group --topic hello-kafka --to earliest",
    "kafka-lab groups delete hello-group",
  ],
  subcommands: [
    {
      name: "list",
      summary: t(
        "Every group with its state, members and topics",
        "Все группы: состояние, участники, топики",
      ),
      examples: ["kafka-lab groups list", "kafka-lab groups list --json"],
      run: async (ctx) => (await impl()).runList(ctx),
    },
    {
      name: "describe",
      summary: t(
        "Members, and committed offset, end offset and lag per partition",
        "Участники, а по партициям — зафиксированное смещение, конец и отставание",
      ),
      positionals: [GROUP],
      examples: ["kafka-lab groups describe hello-group"],
      run: async (ctx, args) => (await impl()).runDescribe(ctx, args),
    },
    defineCommand({
      name: "reset",
      summary: t(
        "Move a group's offsets on a topic (only while the group has no members)",
        "Перенести смещения группы на топике (только пока в группе нет участников)",
      ),
      positionals: [GROUP],
      options: RESET_OPTIONS,
      examples: [
        "kafka-lab groups reset hello-group --topic hello-kafka --to earliest",
        "kafka-lab groups reset hello-group --topic hello-kafka --to offset:2 --dry-run",
        "kafka-lab groups reset hello-group --topic hello-kafka --to time:2026-11-23T09:00:00Z",
      ],
      run: async (ctx, args) => (await impl()).runReset(ctx, args),
    }),
    defineCommand({
      name: "delete",
      summary: t(
        "Delete a group and its committed offsets (asks first unless --yes; only while it has no members)",
        "Удалить группу и её зафиксированные смещения (сначала спросит, если нет --yes; только пока в ней нет участников)",
      ),
      positionals: [GROUP],
      options: DELETE_OPTIONS,
      examples: [
        "kafka-lab groups delete hello-group",
        "kafka-lab groups delete hello-group --yes",
      ],
      run: async (ctx, args) => (await impl()).runDelete(ctx, args),
    }),
  ],
};
