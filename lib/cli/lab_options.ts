/**
 * Options several labs share, declared once so they read (and parse) the
 * same everywhere. Each returns a literal-typed spec, so a lab's option table
 * declared `as const` types its parsed values (`args.values.topic`).
 * @module
 */
import { t } from "../i18n.ts";
import type { OptionSpec, OptionType } from "./args.ts";

/** An option spec whose name, type and default the compiler knows, so its value is typed. */
export type TypedOption<N extends string, T extends OptionType, D> =
  & OptionSpec
  & { readonly name: N; readonly type: T; readonly default: D };

/** `--topic`, with the lab's default topic. */
export function topicOption<D extends string>(
  defaultTopic: D,
): TypedOption<"topic", "string", D> {
  return {
    name: "topic",
    short: "t",
    type: "string",
    default: defaultTopic,
    valueName: "NAME",
    description: t("Topic to use", "Топик"),
  } as const satisfies OptionSpec;
}

/** `--group`, with the lab's default consumer group. */
export function groupOption<D extends string>(
  defaultGroup: D,
): TypedOption<"group", "string", D> {
  return {
    name: "group",
    short: "g",
    type: "string",
    default: defaultGroup,
    valueName: "ID",
    description: t("Consumer group id", "Идентификатор группы консьюмеров"),
  } as const satisfies OptionSpec;
}

/** `--count`: how many records to send (0 = until Ctrl+C). */
export function countOption<D extends number>(
  defaultCount: D,
): TypedOption<"count", "integer", D> {
  return {
    name: "count",
    short: "n",
    type: "integer",
    min: 0,
    default: defaultCount,
    description: t(
      "Records to send; 0 sends until Ctrl+C",
      "Сколько записей отправить; 0 — до Ctrl+C",
    ),
  } as const satisfies OptionSpec;
}

/** `--interval`: seconds between records. */
export function intervalOption<D extends number>(
  defaultSeconds: D,
): TypedOption<"interval", "number", D> {
  return {
    name: "interval",
    type: "number",
    min: 0,
    max: 3600,
    default: defaultSeconds,
    valueName: "SECONDS",
    description: t("Pause between records (0 = no pause)", "Пауза между записями (0 — без паузы)"),
  } as const satisfies OptionSpec;
}

/** `--max-messages`: how many records a consumer reads before it stops. */
export const MAX_MESSAGES_OPTION = {
  name: "max-messages",
  short: "m",
  type: "integer",
  min: 1,
  description: t(
    "Stop after this many records (default: run until Ctrl+C)",
    "Остановиться после стольких записей (по умолчанию — до Ctrl+C)",
  ),
} as const satisfies OptionSpec;

/** `--idle-timeout` of a consumer subcommand: no default, runs until Ctrl+C without it. */
export const IDLE_TIMEOUT_OPTION = {
  name: "idle-timeout",
  type: "number",
  min: 0.1,
  valueName: "SECONDS",
  description: t(
    "Stop after this long without a new record",
    "Остановиться, если столько секунд нет новых записей",
  ),
} as const satisfies OptionSpec;

/** `--idle-timeout` of a guided run: how long its consumer steps wait for more records. */
export function idleTimeoutOption<D extends number>(
  defaultSeconds: D,
): TypedOption<"idle-timeout", "number", D> {
  return {
    ...IDLE_TIMEOUT_OPTION,
    default: defaultSeconds,
    description: t(
      "How long each consumer step waits for a new record before it stops",
      "Сколько секунд каждый шаг с консьюмером ждёт новую запись, прежде чем остановиться",
    ),
  } as const satisfies OptionSpec;
}

/** `--max-messages` and `--idle-timeout`: how a consumer stops without Ctrl+C. */
export const CONSUMER_STOP_OPTIONS = [MAX_MESSAGES_OPTION, IDLE_TIMEOUT_OPTION] as const;

/** `--linger-ms`: how long a producer batch may wait for more records (librdkafka's linger.ms). */
export function lingerMsOption<D extends number>(
  defaultMs: D,
): TypedOption<"linger-ms", "integer", D> {
  return {
    name: "linger-ms",
    type: "integer",
    min: 0,
    default: defaultMs,
    valueName: "MS",
    description: t(
      "linger.ms: how long a batch may wait for more records",
      "linger.ms: сколько миллисекунд пакет может ждать новых записей",
    ),
  } as const satisfies OptionSpec;
}

/**
 * `--prefix`: put before the lab's topics, consumer groups and registry
 * subjects, so students sharing one cluster do not collide. A command that
 * declares it hands the value to the configuration (`cli.ts`), which ranks it
 * above `KAFKA_LAB_PREFIX` and `.env`; the command reads the result from
 * `ctx.config.names`, never from its own arguments.
 */
export const PREFIX_OPTION = {
  name: "prefix",
  type: "string",
  valueName: "TEXT",
  allowEmpty: true,
  description: t(
    "Put before the lab's topics, groups and subjects (students sharing one cluster: --prefix anna.; env KAFKA_LAB_PREFIX)",
    "Приставка к топикам, группам и субъектам лабораторной (студентам на общем кластере: --prefix anna.; переменная KAFKA_LAB_PREFIX)",
  ),
} as const satisfies OptionSpec;

/** The options `cli.ts` hands to the configuration when a command declares them. */
export const CONFIG_OPTIONS = [PREFIX_OPTION] as const;

/** Milliseconds from a seconds option, or undefined. */
export function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}
