/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { YES_OPTION } from "../../lib/cli/confirm.ts";
import { t } from "../../lib/i18n.ts";
import { TOPIC_SHAPE_OPTIONS } from "../../lib/topic_layout.ts";

/** The topic a verb works on, as an argument: `kafka-lab topic describe orders`. */
export const TOPIC_ARGUMENT = [{
  name: "topic",
  description: t("Topic name", "Имя топика"),
  required: true,
}] as const;

/** The options of `topic create`. */
export const CREATE_OPTIONS = TOPIC_SHAPE_OPTIONS;

/** The options of `topic list`. */
export const LIST_OPTIONS = [
  {
    name: "all",
    type: "boolean",
    description: t(
      "Include Kafka's internal topics (__consumer_offsets, ...)",
      "Показать и служебные топики Kafka (__consumer_offsets и другие)",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The options of `topic delete`. */
export const DELETE_OPTIONS = [YES_OPTION] as const satisfies readonly OptionSpec[];

/** The options of `topic alter-config`. */
export const ALTER_OPTIONS = [
  {
    name: "set",
    type: "list",
    valueName: "KEY=VALUE",
    description: t(
      "Set a config on the topic, e.g. retention.ms=86400000",
      "Задать настройку топика, например retention.ms=86400000",
    ),
  },
  {
    name: "delete",
    type: "list",
    valueName: "KEY",
    description: t(
      "Remove a config from the topic (the broker's default applies again)",
      "Убрать настройку с топика (снова действует значение брокера)",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The options of `topic add-partitions`. */
export const ADD_PARTITIONS_OPTIONS = [
  {
    name: "partitions",
    type: "integer",
    min: 1,
    required: true,
    valueName: "N",
    description: t(
      "The new partition count (above the current one)",
      "Новое число партиций (больше текущего)",
    ),
  },
] as const satisfies readonly OptionSpec[];
