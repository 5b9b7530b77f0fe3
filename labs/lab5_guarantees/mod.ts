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
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { GUIDED_OPTIONS, PART_OPTIONS, type PartName, WORKER_OPTIONS } from "./options.ts";

/** The subcommand of one part; its typed values reach `parts.ts` as a `PartRun`. */
function part<P extends PartName>(
  which: P,
  summary: [string, string],
  examples: string[],
): Command {
  return defineCommand({
    name: which,
    summary: t(...summary),
    options: PART_OPTIONS[which],
    examples,
    run: (ctx, args) =>
      import("./parts.ts").then((m) => m.runPart(ctx, m.partRun(which, args.values))),
  });
}

/** The `lab5` command. */
export const lab5: Command = defineCommand({
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
  options: GUIDED_OPTIONS,
  subcommands: [
    part(
      "acks",
      [
        "Part 1: acks=0/1/all while the leader is killed",
        "Часть 1: acks=0/1/all, когда лидер убит",
      ],
      ["kafka-lab lab5 acks --count 5000"],
    ),
    part(
      "min-isr",
      [
        "Part 2: min.insync.replicas on RF 3: one broker down is tolerated, an ISR short is refused",
        "Часть 2: min.insync.replicas при RF 3: один остановленный брокер допустим, неполный ISR — отказ",
      ],
      ["kafka-lab lab5 min-isr"],
    ),
    part(
      "idempotence",
      [
        "Part 3: retries with and without idempotence while brokers are killed",
        "Часть 3: повторы с идемпотентностью и без, когда брокеры убиваются",
      ],
      ["kafka-lab lab5 idempotence", "kafka-lab lab5 idempotence --unsafe-partitioning --kills 3"],
    ),
    part(
      "semantics",
      [
        "Part 4: at-most-once vs at-least-once, consumer killed mid-batch",
        "Часть 4: at-most-once и at-least-once, консьюмер убит посреди группы",
      ],
      ["kafka-lab lab5 semantics --batch 20 --kill-after 50"],
    ),
    part(
      "exactly-once",
      [
        "Part 5: transactional consume-transform-produce, processor killed",
        "Часть 5: транзакционная обработка, обработчик убит",
      ],
      ["kafka-lab lab5 exactly-once --kills 3"],
    ),
    part(
      "retry",
      [
        "Part 6: retry topic and dead letter queue",
        "Часть 6: топик повторов и топик ошибочных записей (DLQ)",
      ],
      ["kafka-lab lab5 retry --max-attempts 4"],
    ),
    defineCommand({
      name: "worker",
      hidden: true,
      summary: t(
        "Internal: the consumer or processor process parts 4 and 5 kill",
        "Служебная: процесс консьюмера или обработчика, который убивают части 4 и 5",
      ),
      options: WORKER_OPTIONS,
      run: (ctx, args) =>
        import("./worker.ts").then((m) => m.runWorker(ctx, m.workerSettings(args.values))),
    }),
  ],
  examples: ["kafka-lab lab5", "kafka-lab lab5 --lang ru", "kafka-lab lab5 --parts 4,5,6 --json"],
  run: (ctx, args) => import("./guided.ts").then((m) => m.guided(ctx, args.values)),
});
