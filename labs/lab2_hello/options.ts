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
  intervalOption,
  PREFIX_OPTION,
  topicOption,
} from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";
import { COURSE_TOPICS } from "../../lib/topic_rules.ts";

export const DEFAULT_GROUP = "hello-group";

/** The options of `lab2 produce`. */
export const PRODUCE_OPTIONS = [
  topicOption(COURSE_TOPICS.helloKafka.name),
  countOption(5),
  intervalOption(1),
  {
    name: "key",
    short: "k",
    type: "string",
    valueName: "TEXT",
    description: t(
      "Key of every message (same key, same partition)",
      "Ключ каждого сообщения (один ключ — одна партиция)",
    ),
  },
  {
    name: "json-value",
    type: "boolean",
    description: t(
      'Send JSON values: {"n":1,"text":"Hello Kafka 1","sentAt":...}',
      'Отправлять значения в JSON: {"n":1,"text":"Hello Kafka 1","sentAt":...}',
    ),
  },
  PREFIX_OPTION,
] as const;

/** The options of `lab2 consume`. */
export const CONSUME_OPTIONS = [
  topicOption(COURSE_TOPICS.helloKafka.name),
  groupOption(DEFAULT_GROUP),
  {
    name: "from",
    short: "o",
    type: "string",
    choices: ["beginning", "end", "earliest", "latest"],
    valueName: "beginning|end",
    default: "beginning",
    description: t(
      "Where a group without a usable committed offset starts (auto.offset.reset)",
      "С какого места начинает группа без пригодного зафиксированного смещения (auto.offset.reset)",
    ),
  },
  ...CONSUMER_STOP_OPTIONS,
  {
    name: "instances",
    type: "integer",
    min: 1,
    max: 4,
    default: 1,
    description: t("Consumers to run in the group", "Сколько консьюмеров запустить в группе"),
  },
  PREFIX_OPTION,
] as const;

/** The options of the guided run. */
export const GUIDED_OPTIONS = [
  topicOption(COURSE_TOPICS.helloKafka.name),
  groupOption(DEFAULT_GROUP),
  { ...countOption(5), min: 1 },
  intervalOption(1),
  idleTimeoutOption(3),
  PREFIX_OPTION,
] as const;
