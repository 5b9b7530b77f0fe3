/**
 * Lab 5: delivery guarantees under failure. The guided run goes through six
 * parts, each measured on the local cluster while brokers, consumers and
 * processors are killed; each part is also a subcommand. This module only
 * declares the commands and their options: each part's code is loaded when
 * it runs.
 *
 * @example
 * ```sh
 * kafka-lab lab5
 * kafka-lab lab5 --parts 1,2 --lang ru
 * kafka-lab lab5 idempotence --unsafe-partitioning --kills 3
 * kafka-lab lab5 exactly-once --kills 2 --json
 * ```
 * @module
 */
import type { OptionSpec, ParsedArgs } from "../../lib/cli/args.ts";
import type { Command } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { t } from "../../lib/i18n.ts";

/** `--prefix`: put before every topic and group name this lab creates. */
export const PREFIX_OPTION: OptionSpec = {
  name: "prefix",
  type: "string",
  default: "",
  valueName: "TEXT",
  description: t(
    "Put before the names of the topics and groups the lab creates",
    "Приставка к именам топиков и групп, которые создаёт лабораторная",
  ),
};

/** `--keep-topics`: leave the run's topics for inspection. */
export const KEEP_OPTION: OptionSpec = {
  name: "keep-topics",
  type: "boolean",
  description: t(
    "Keep the topics of the run afterwards (to inspect them)",
    "Не удалять топики запуска (чтобы их изучить)",
  ),
};

const COMMON = [PREFIX_OPTION, KEEP_OPTION];

function count(def: number, en: string, ru: string): OptionSpec {
  return {
    name: "count",
    short: "n",
    type: "integer",
    min: 1,
    default: def,
    description: t(en, ru),
  };
}

function kills(def: number): OptionSpec {
  return {
    name: "kills",
    type: "integer",
    min: 1,
    max: 5,
    default: def,
    description: t("How many times to kill during the run", "Сколько раз убивать за запуск"),
  };
}

const UNSAFE_OPTION: OptionSpec = {
  name: "unsafe-partitioning",
  type: "boolean",
  description: t(
    "Also run kafkajs' own idempotent path, whose retries re-partition records (the bug, on purpose)",
    "Также запустить собственный идемпотентный путь kafkajs, который при повторах переносит записи между партициями (ошибка, намеренно)",
  ),
};

/** The options of each part, declared once (the guided run takes those of all parts). */
export const PART_OPTIONS = {
  acks: [...COMMON, count(3000, "Records per acks setting", "Записей на каждую настройку acks")],
  minIsr: [
    ...COMMON,
    count(
      5,
      "Records written at each stage (one broker down, ISR short, all back)",
      "Записей на каждом этапе (один брокер остановлен, ISR неполный, все снова работают)",
    ),
  ],
  idempotence: [
    ...COMMON,
    count(4000, "Records per producer", "Записей на каждого продюсера"),
    kills(2),
    {
      name: "down-seconds",
      type: "number",
      min: 0,
      max: 120,
      default: 3,
      valueName: "SECONDS",
      description: t(
        "How long a killed broker stays down",
        "Сколько секунд убитый брокер остаётся остановленным",
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
  exactlyOnce: [...COMMON, count(200, "Input records", "Входных записей"), kills(2)],
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
} as const satisfies Record<string, readonly OptionSpec[]>;

function part(
  name: string,
  summary: [string, string],
  options: readonly OptionSpec[],
  run: (ctx: Context, args: ParsedArgs) => Promise<number>,
  examples: string[],
): Command {
  return { name, summary: t(...summary), options, examples, run };
}

const parts = (ctx: Context, args: ParsedArgs, which: string) =>
  import("./parts.ts").then((m) => m.runPart(ctx, args, which));

const WORKER_OPTIONS: readonly OptionSpec[] = [
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
];

/** The `lab5` command. */
export const lab5: Command = {
  name: "lab5",
  summary: t(
    "Delivery guarantees under failure: acks, min.insync.replicas, idempotence, semantics, exactly-once, retry/DLQ",
    "Гарантии доставки при сбоях: acks, min.insync.replicas, идемпотентность, семантики, ровно один раз, повторы и DLQ",
  ),
  description: t(
    `Without a subcommand, runs the six parts in order (about 3-6 minutes on the
local cluster): theory first, each part's numbers measured in this run (sent,
acknowledged, in the topic, lost, duplicated), control questions last. Needs
the local cluster with 3 brokers (\`kafka-lab up\`): the lab stops, kills and
starts brokers itself and leaves them all running. --parts picks some parts.`,
    `Без подкоманды выполняет шесть частей по порядку (около 3–6 минут на
локальном кластере): сначала теория, затем числа каждой части, измеренные в
этом запуске (отправлено, подтверждено, в топике, потеряно, дублей), в конце
контрольные вопросы. Нужен локальный кластер из 3 брокеров (\`kafka-lab up\`):
лабораторная сама останавливает, убивает и запускает брокеры и оставляет их
все работающими. --parts выбирает отдельные части.`,
  ),
  options: [
    ...COMMON,
    {
      name: "parts",
      type: "string",
      default: "1,2,3,4,5,6",
      valueName: "LIST",
      description: t("Parts to run, e.g. 1,3,5", "Какие части выполнить, например 1,3,5"),
    },
  ],
  subcommands: [
    part(
      "acks",
      [
        "Part 1: acks=0/1/all while the leader is killed",
        "Часть 1: acks=0/1/all, когда лидер убит",
      ],
      PART_OPTIONS.acks,
      (c, a) => parts(c, a, "acks"),
      ["kafka-lab lab5 acks --count 5000"],
    ),
    part(
      "min-isr",
      [
        "Part 2: min.insync.replicas on RF 3: one broker down is tolerated, an ISR short is refused",
        "Часть 2: min.insync.replicas при RF 3: один остановленный брокер допустим, неполный ISR — отказ",
      ],
      PART_OPTIONS.minIsr,
      (c, a) => parts(c, a, "min-isr"),
      ["kafka-lab lab5 min-isr"],
    ),
    part(
      "idempotence",
      [
        "Part 3: retries with and without idempotence while brokers are killed",
        "Часть 3: повторы с идемпотентностью и без, когда брокеры убиваются",
      ],
      PART_OPTIONS.idempotence,
      (c, a) => parts(c, a, "idempotence"),
      ["kafka-lab lab5 idempotence", "kafka-lab lab5 idempotence --unsafe-partitioning --kills 3"],
    ),
    part(
      "semantics",
      [
        "Part 4: at-most-once vs at-least-once, consumer killed mid-batch",
        "Часть 4: at-most-once и at-least-once, консьюмер убит посреди группы",
      ],
      PART_OPTIONS.semantics,
      (c, a) => parts(c, a, "semantics"),
      ["kafka-lab lab5 semantics --batch 20 --kill-after 50"],
    ),
    part(
      "exactly-once",
      [
        "Part 5: transactional consume-transform-produce, processor killed",
        "Часть 5: транзакционная обработка, обработчик убит",
      ],
      PART_OPTIONS.exactlyOnce,
      (c, a) => parts(c, a, "exactly-once"),
      ["kafka-lab lab5 exactly-once --kills 3"],
    ),
    part(
      "retry",
      [
        "Part 6: retry topic and dead letter queue",
        "Часть 6: топик повторов и топик ошибочных записей (DLQ)",
      ],
      PART_OPTIONS.retry,
      (c, a) => parts(c, a, "retry"),
      ["kafka-lab lab5 retry --max-attempts 4"],
    ),
    {
      name: "worker",
      summary: t(
        "Internal: the consumer or processor process parts 4 and 5 kill",
        "Служебная: процесс консьюмера или обработчика, который убивают части 4 и 5",
      ),
      options: WORKER_OPTIONS,
      run: (ctx, args) =>
        import("./worker.ts").then((m) => m.runWorker(ctx, m.workerSettings(args))),
    },
  ],
  examples: ["kafka-lab lab5", "kafka-lab lab5 --lang ru", "kafka-lab lab5 --parts 4,5,6 --json"],
  run: (ctx: Context, args: ParsedArgs) => import("./guided.ts").then((m) => m.guided(ctx, args)),
};
