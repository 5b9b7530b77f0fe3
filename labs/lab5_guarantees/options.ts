/**
 * Lab 5's options, declared once: those of each part (its subcommand parses
 * them; the guided run takes their defaults), of the guided run and of the
 * worker process. `mod.ts` declares the commands with them; the parts read
 * their values typed (`PartRun`).
 * @module
 */
import type { OptionSpec, OptionValues } from "../../lib/cli/args.ts";
import { PREFIX_OPTION, type TypedOption } from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";

/** The parts, in course order. */
export const PART_NAMES = [
  "acks",
  "min-isr",
  "idempotence",
  "semantics",
  "exactly-once",
  "retry",
] as const;

/** One part's name. */
export type PartName = typeof PART_NAMES[number];

/** `--keep-topics`: leave the run's topics for inspection. */
export const KEEP_OPTION = {
  name: "keep-topics",
  type: "boolean",
  description: t(
    "Keep the topics of the run afterwards (to inspect them)",
    "Не удалять топики запуска (чтобы их изучить)",
  ),
} as const satisfies OptionSpec;

/** The options of every part and of the guided run. */
const COMMON = [PREFIX_OPTION, KEEP_OPTION] as const;

function count<D extends number>(
  def: D,
  en: string,
  ru: string,
): TypedOption<"count", "integer", D> {
  return {
    name: "count",
    short: "n",
    type: "integer",
    min: 1,
    default: def,
    description: t(en, ru),
  };
}

function kills<D extends number>(def: D): TypedOption<"kills", "integer", D> {
  return {
    name: "kills",
    type: "integer",
    min: 1,
    max: 5,
    default: def,
    description: t(
      "How many times to kill during the run (part 3: of its --unsafe-partitioning aside)",
      "Сколько раз убивать за запуск (часть 3: в отступлении --unsafe-partitioning)",
    ),
  };
}

const UNSAFE_OPTION = {
  name: "unsafe-partitioning",
  type: "boolean",
  description: t(
    "Then an aside: kafkajs' own idempotent producer, whose retries re-partition records (a client library bug, not Kafka's behaviour), while brokers are killed",
    "Затем отступление: собственный идемпотентный продюсер kafkajs, который при повторах переносит записи между партициями (ошибка клиентской библиотеки, а не поведение Kafka), пока брокеры убиваются",
  ),
} as const satisfies OptionSpec;

/**
 * The options of each part, by the part's name, declared once: its
 * subcommand parses them, and the guided run takes their defaults.
 */
export const PART_OPTIONS = {
  acks: [...COMMON, count(5, "Records per acks setting", "Записей на каждую настройку acks")],
  "min-isr": [
    ...COMMON,
    count(
      5,
      "Records written at each stage (one broker down, ISR short, all back)",
      "Записей на каждом этапе (один брокер остановлен, ISR неполный, все снова работают)",
    ),
  ],
  idempotence: [
    ...COMMON,
    count(3, "Records per producer", "Записей на каждого продюсера"),
    kills(2),
    {
      name: "down-seconds",
      type: "number",
      min: 0,
      max: 120,
      default: 3,
      valueName: "SECONDS",
      description: t(
        "How long a killed broker stays down (in the --unsafe-partitioning aside)",
        "Сколько секунд убитый брокер остаётся остановленным (в отступлении --unsafe-partitioning)",
      ),
    },
    UNSAFE_OPTION,
  ],
  semantics: [
    ...COMMON,
    count(100, "Records to consume", "Сколько записей читать"),
    {
      name: "batch",
      type: "integer",
      min: 2,
      default: 10,
      description: t("Records per commit", "Записей на одну фиксацию"),
    },
    {
      name: "kill-after",
      type: "integer",
      min: 1,
      default: 25,
      description: t(
        "Kill the consumer after this many records processed",
        "Убить консьюмера после стольких обработанных записей",
      ),
    },
  ],
  "exactly-once": [...COMMON, count(200, "Input records", "Входных записей"), kills(2)],
  retry: [
    ...COMMON,
    count(60, "Records (ids) to handle", "Сколько записей (идентификаторов) обработать"),
    {
      name: "max-attempts",
      type: "integer",
      min: 1,
      max: 10,
      default: 3,
      description: t(
        "Failures after which a record goes to the DLQ",
        "После скольких неудач запись уходит в DLQ",
      ),
    },
    {
      name: "delay-ms",
      type: "integer",
      min: 0,
      max: 10_000,
      default: 200,
      description: t(
        "Delay before the first retry (doubled each time)",
        "Задержка перед первым повтором (удваивается каждый раз)",
      ),
    },
  ],
} as const satisfies Record<PartName, readonly OptionSpec[]>;

/** The values of one part's options. */
export type PartValues<P extends PartName> = OptionValues<(typeof PART_OPTIONS)[P]>;

/** One part to run, with its option values: `switch (run.part)` narrows `run.v`. */
export type PartRun = {
  [P in PartName]: { readonly part: P; readonly v: PartValues<P> };
}[PartName];

/** The options of the guided run: the common ones and `--parts`. */
export const GUIDED_OPTIONS = [
  ...COMMON,
  {
    name: "parts",
    type: "string",
    default: "1,2,3,4,5,6",
    valueName: "LIST",
    description: t("Parts to run, e.g. 1,3,5", "Какие части выполнить, например 1,3,5"),
  },
] as const satisfies readonly OptionSpec[];

/** The options of `lab5 worker`. */
export const WORKER_OPTIONS = [
  {
    name: "role",
    type: "string",
    choices: ["consume", "transform"],
    required: true,
    description: t("consume or transform", "consume или transform"),
  },
  { name: "topic", type: "string", required: true, description: t("Input topic", "Входной топик") },
  {
    name: "output",
    type: "string",
    description: t("Output topic (transform)", "Выходной топик (transform)"),
  },
  {
    name: "group",
    type: "string",
    required: true,
    description: t("Consumer group", "Группа консьюмеров"),
  },
  {
    name: "commit",
    type: "string",
    choices: ["before", "after"],
    default: "after",
    description: t("Commit before or after processing", "Фиксировать до или после обработки"),
  },
  {
    name: "batch",
    type: "integer",
    min: 1,
    default: 10,
    description: t("Records per commit or transaction", "Записей на фиксацию или транзакцию"),
  },
  {
    name: "process-ms",
    type: "integer",
    min: 0,
    default: 20,
    description: t("Pause per record", "Пауза на запись"),
  },
  {
    name: "transactional-id",
    type: "string",
    description: t("transactional.id (transform)", "transactional.id (transform)"),
  },
  {
    name: "until-end",
    type: "boolean",
    description: t(
      "Stop after the records that were in the input at the start",
      "Остановиться после записей, которые были во входе при старте",
    ),
  },
] as const satisfies readonly OptionSpec[];
