/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  groupOption,
  idleTimeoutOption,
  lingerMsOption,
  PREFIX_OPTION,
  topicOption,
  type TypedOption,
} from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";
import { COURSE_TOPICS } from "../../lib/topic_rules.ts";

/** What `lab3 inject` writes, as a producer that skips the registry or validation might. */
export const ROGUE_KINDS = ["raw-json", "missing-field", "unknown-schema", "not-json"] as const;

export const DEFAULT_GROUP = "users-coordinates-consumer";

export const TOPIC_OPTION = topicOption(COURSE_TOPICS.usersCoordinates.name);

export const RATE_OPTION = {
  name: "rate",
  type: "number",
  min: 0.01,
  max: 1000,
  default: 1,
  valueName: "PER_SECOND",
  description: t("Records per second", "Записей в секунду"),
} as const;

export function invalidEveryOption<D extends number>(
  defaultEvery: D,
): TypedOption<"invalid-every", "integer", D> {
  return {
    name: "invalid-every",
    type: "integer",
    min: 0,
    default: defaultEvery,
    valueName: "N",
    description: t(
      "Break every Nth record (0 = never)",
      "Портить каждую N-ю запись (0 — никогда)",
    ),
  } as const;
}

export const SUBJECT_OPTION = {
  name: "subject",
  type: "string",
  valueName: "NAME",
  description: t(
    "Schema Registry subject (default: <topic>-value; the course's Python example used users-coordinates-values)",
    "Субъект в Schema Registry (по умолчанию <topic>-value; в учебном примере курса на Python — users-coordinates-values)",
  ),
} as const;

/** The options of `lab3 register`. */
export const REGISTER_OPTIONS = [TOPIC_OPTION, SUBJECT_OPTION, PREFIX_OPTION] as const;

/** The options of `lab3 produce`. */
export const PRODUCE_OPTIONS = [
  TOPIC_OPTION,
  SUBJECT_OPTION,
  countOption(0),
  RATE_OPTION,
  invalidEveryOption(0),
  lingerMsOption(10_000),
  {
    name: "batch-bytes",
    type: "integer",
    min: 1,
    default: 1000,
    description: t(
      "batch.size: bytes of one partition's batch that send it at once",
      "batch.size: сколько байт в пакете одной партиции отправляют его сразу",
    ),
  },
  PREFIX_OPTION,
] as const;

/** The options of `lab3 inject`. */
export const INJECT_OPTIONS = [
  TOPIC_OPTION,
  SUBJECT_OPTION,
  {
    name: "kind",
    type: "list",
    choices: ROGUE_KINDS,
    valueName: "KIND",
    description: t(
      "Kind of bad record (default: raw-json)",
      "Вид плохой записи (по умолчанию raw-json)",
    ),
  },
  PREFIX_OPTION,
] as const;

/** The options of `lab3 consume`. */
export const CONSUME_OPTIONS = [
  TOPIC_OPTION,
  groupOption(DEFAULT_GROUP),
  {
    name: "from",
    short: "o",
    type: "string",
    choices: ["committed", "beginning", "earliest"],
    valueName: "committed|beginning",
    default: "committed",
    description: t(
      "committed: go on from the group's offsets; beginning: reset the group to the log start of every partition first",
      "committed — продолжить со смещений группы; beginning — сначала вернуть группу к началу журнала каждой партиции",
    ),
  },
  {
    name: "from-beginning",
    type: "boolean",
    hidden: true,
    aliasOf: { name: "from", value: "beginning" },
    description: t("Old spelling of --from beginning", "Прежнее написание --from beginning"),
  },
  {
    name: "dlq-topic",
    type: "string",
    valueName: "NAME",
    description: t(
      "Dead letter topic (default: <topic>.dlq)",
      "Топик DLQ (по умолчанию <topic>.dlq)",
    ),
  },
  ...CONSUMER_STOP_OPTIONS,
  PREFIX_OPTION,
] as const;

/** The options of the guided run. */
export const GUIDED_OPTIONS = [
  TOPIC_OPTION,
  SUBJECT_OPTION,
  groupOption(DEFAULT_GROUP),
  { ...countOption(12), min: 1 },
  RATE_OPTION,
  invalidEveryOption(4),
  lingerMsOption(10_000),
  idleTimeoutOption(3),
  PREFIX_OPTION,
] as const;
