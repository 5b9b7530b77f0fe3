/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import { PREFIX_OPTION } from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";
import { TOPIC_SHAPE_OPTIONS } from "../../lib/topic_layout.ts";

/** The options of `lab1 create`. */
export const CREATE_OPTIONS = [
  {
    name: "topic",
    short: "t",
    type: "string",
    required: true,
    valueName: "NAME",
    description: t("Topic name", "Имя топика"),
  },
  ...TOPIC_SHAPE_OPTIONS,
  PREFIX_OPTION,
] as const;

/** The options of `lab1 list`. */
export const LIST_OPTIONS = [
  {
    name: "all",
    type: "boolean",
    description: t(
      "Include Kafka's internal topics (__consumer_offsets, ...)",
      "Показать и служебные топики Kafka (__consumer_offsets и другие)",
    ),
  },
  {
    ...PREFIX_OPTION,
    description: t(
      "Only topics whose names start with this text",
      "Только топики, имена которых начинаются с этого текста",
    ),
  },
] as const;

/** The options of `lab1 describe`. */
export const DESCRIBE_OPTIONS = [PREFIX_OPTION] as const;

/** The options of `lab1 delete`. */
export const DELETE_OPTIONS = [
  {
    name: "yes",
    short: "y",
    type: "boolean",
    description: t("Do not ask for confirmation", "Не спрашивать подтверждения"),
  },
  PREFIX_OPTION,
] as const;

/** The options of the guided run. */
export const GUIDED_OPTIONS = [PREFIX_OPTION] as const;
