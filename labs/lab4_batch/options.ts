/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  idleTimeoutOption,
  intervalOption,
  PREFIX_OPTION,
  topicOption,
} from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";
import { COURSE_TOPICS } from "../../lib/topic_rules.ts";

/** The seed's consumer groups, per mode. */
export const DEFAULT_GROUPS = {
  batch: "batch-group",
  single: "single-group",
} as const;

/** The seed's batch size (the most records its consumer takes from one poll). */
export const DEFAULT_BATCH_SIZE = 10;

export const TOPIC_OPTION = topicOption(COURSE_TOPICS.final1.name);

export const BATCH_SIZE_OPTION = {
  name: "batch-size",
  type: "integer",
  min: 1,
  max: 1000,
  default: DEFAULT_BATCH_SIZE,
  description: t(
    "Most records of one partition in a batch (consume(num_messages=10) in the course's Python example)",
    "Наибольшее число записей одной партиции в пакете (consume(num_messages=10) в учебном примере курса на Python)",
  ),
} as const;

export const PROCESS_MS_OPTION = {
  name: "process-ms",
  type: "integer",
  min: 0,
  max: 60_000,
  default: 0,
  valueName: "MS",
  description: t(
    "Simulated processing time per record, in milliseconds",
    "Имитация обработки: миллисекунд на запись",
  ),
} as const;

/** The options of `lab4 produce`. */
export const PRODUCE_OPTIONS = [
  TOPIC_OPTION,
  {
    ...countOption(10),
    description: t(
      "Messages per producer; 0 sends until Ctrl+C",
      "Сообщений на продюсер; 0 — до Ctrl+C",
    ),
  },
  intervalOption(1.5),
  {
    name: "instances",
    type: "integer",
    min: 1,
    max: 4,
    default: 1,
    description: t(
      "Producers to run at once, each with its own loop (the course's Python example runs 2)",
      "Сколько продюсеров запустить одновременно, каждый со своим циклом (в учебном примере курса на Python — 2)",
    ),
  },
  PREFIX_OPTION,
] as const;

/** The options of `lab4 consume` (exported for the option-parsing tests). */
export const CONSUME_OPTIONS = [
  TOPIC_OPTION,
  {
    name: "mode",
    type: "string",
    choices: ["batch", "single"],
    default: "batch",
    description: t(
      "batch: one commit per batch; single: one commit per record",
      "batch — одна фиксация на пакет; single — одна фиксация на запись",
    ),
  },
  {
    name: "group",
    short: "g",
    type: "string",
    valueName: "ID",
    description: t(
      "Consumer group id (default: batch-group or single-group, by --mode)",
      "Группа консьюмеров (по умолчанию batch-group или single-group, по --mode)",
    ),
  },
  BATCH_SIZE_OPTION,
  PROCESS_MS_OPTION,
  ...CONSUMER_STOP_OPTIONS,
  PREFIX_OPTION,
] as const;

/** The options of `lab4 compare`. */
export const COMPARE_OPTIONS = [
  {
    ...countOption(200),
    min: 1,
    description: t("Records to write and read", "Сколько записей записать и прочитать"),
  },
  BATCH_SIZE_OPTION,
  PROCESS_MS_OPTION,
  {
    name: "keep-topic",
    type: "boolean",
    description: t("Keep the temporary topic afterwards", "Не удалять временный топик"),
  },
  PREFIX_OPTION,
] as const;

/** The options of the guided run. */
export const GUIDED_OPTIONS = [
  TOPIC_OPTION,
  {
    ...countOption(5),
    min: 1,
    description: t(
      "Messages per producer (two producers)",
      "Сообщений на продюсер (продюсеров два)",
    ),
  },
  intervalOption(1.5),
  {
    name: "batch-group",
    type: "string",
    default: DEFAULT_GROUPS.batch,
    valueName: "ID",
    description: t("Group of the batch consumer", "Группа пакетного консьюмера"),
  },
  {
    name: "single-group",
    type: "string",
    default: DEFAULT_GROUPS.single,
    valueName: "ID",
    description: t("Group of the single consumer", "Группа поштучного консьюмера"),
  },
  BATCH_SIZE_OPTION,
  idleTimeoutOption(3),
  PREFIX_OPTION,
] as const;
