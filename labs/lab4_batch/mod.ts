/**
 * Lab 4: a batch consumer and a single-message consumer of MessageModel
 * records. Two idempotent producers write random messages to final-1-topic;
 * the batch consumer (batch-group) processes up to 10 records of a partition
 * and commits once per batch, the single consumer (single-group) commits after
 * every record; `compare` measures both over the same prepared records.
 *
 * This module only declares the commands; each one's code is loaded when it runs.
 *
 * @example
 * ```sh
 * kafka-lab lab4
 * kafka-lab lab4 produce --instances 2 --count 10
 * kafka-lab lab4 consume --mode batch --idle-timeout 5
 * kafka-lab lab4 compare --count 200
 * ```
 * @module
 */
import { defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { COMPARE_OPTIONS, CONSUME_OPTIONS, GUIDED_OPTIONS, PRODUCE_OPTIONS } from "./options.ts";

const produceCommand = defineCommand({
  name: "produce",
  summary: t(
    "Send random MessageModel records to final-1-topic, printing partition and offset",
    "Отправлять случайные записи MessageModel в final-1-topic, показывая партицию и смещение",
  ),
  description: t(
    `
Each message is {"message_id": "<uuid>", "content": "Test message <n>"} as
JSON. Each producer is idempotent (acks=all, retries) and prints the partition
and offset of every acknowledged record. With --instances 2, two producers run
at once, each with its own loop, and their lines are prefixed [producer 1],
[producer 2]. --count is per producer; --count 0 sends until Ctrl+C, which
finishes the send in progress and stops. final-1-topic is created when
missing; another topic must exist.`,
    `
Каждое сообщение — JSON вида {"message_id": "<uuid>", "content": "Test message <n>"}.
Каждый продюсер идемпотентен (acks=all, повторы) и показывает партицию и
смещение каждой подтверждённой записи. С --instances 2 одновременно работают
два продюсера, каждый со своим циклом, и их строки помечены [продюсер 1],
[продюсер 2]. --count считается на каждый продюсер; --count 0 отправляет до
Ctrl+C, который завершает текущую отправку. Топик final-1-topic создаётся,
если его нет; другой топик должен существовать.`,
  ),
  options: PRODUCE_OPTIONS,
  examples: [
    "kafka-lab lab4 produce",
    "kafka-lab lab4 produce --instances 2 --count 0",
    "kafka-lab lab4 produce --count 50 --interval 0",
  ],
  run: async (ctx, args) => (await import("./produce.ts")).produce(ctx, args),
});

const consumeCommand = defineCommand({
  name: "consume",
  summary: t(
    "Read MessageModel records in batches (one commit each) or one by one",
    "Читать записи MessageModel пакетами (одна фиксация на пакет) или по одной",
  ),
  description: t(
    `
--mode batch (the default): group batch-group; up to --batch-size records of
one partition are processed, then one commit stores the offset after the last
(at-least-once: a crash mid-batch reprocesses the whole batch). Each batch's
size, partition, offsets and committed next offset are printed.
--mode single: group single-group; one commit after every record.
Runs until Ctrl+C (the batch or record in hand is finished and committed),
--max-messages records, or --idle-timeout seconds without a record.
Records that are not MessageModels are reported, counted and committed past.`,
    `
--mode batch (по умолчанию): группа batch-group; обрабатывается до --batch-size
записей одной партиции, затем одна фиксация сохраняет смещение после последней
(at-least-once: сбой посреди пакета заставит обработать весь пакет заново).
Для каждого пакета выводятся размер, партиция, смещения и зафиксированное
следующее смещение. --mode single: группа single-group; фиксация после каждой
записи. Работает до Ctrl+C (текущий пакет или запись дорабатывается и
фиксируется), до --max-messages записей или пока --idle-timeout секунд нет
новых записей. Записи, которые не являются MessageModel, выводятся, учитываются
и фиксируются вместе с остальными.`,
  ),
  options: CONSUME_OPTIONS,
  examples: [
    "kafka-lab lab4 consume",
    "kafka-lab lab4 consume --mode single --idle-timeout 5",
    "kafka-lab lab4 consume --mode batch --batch-size 5 --process-ms 200",
  ],
  run: async (ctx, args) => (await import("./consume.ts")).consume(ctx, args),
});

const compareCommand = defineCommand({
  name: "compare",
  summary: t(
    "Measure the batch and the single consumer over the same records, side by side",
    "Измерить пакетный и поштучный консьюмеры на одних и тех же записях",
  ),
  description: t(
    `
Creates a temporary topic (final-1-topic.compare-<hex>, 3 partitions,
replication factor 2 or the broker count if smaller), writes --count records
quickly, lets the batch consumer read them all in a fresh group, then the
single consumer in another fresh group, and prints records, commits, time,
records/s and commit latency (p50/p99) of each, with the ratios measured in
this run. The temporary topic and groups are deleted afterwards unless
--keep-topic.`,
    `
Создаёт временный топик (final-1-topic.compare-<hex>, 3 партиции, фактор
репликации 2 или число брокеров, если их меньше), быстро записывает --count
записей, даёт пакетному консьюмеру прочитать их все в новой группе, затем
поштучному — в другой новой группе, и выводит для каждого число записей и
фиксаций, время, записей в секунду и длительность фиксации (p50/p99), а также
отношения, измеренные в этом запуске. Временный топик и группы затем
удаляются, если не указан --keep-topic.`,
  ),
  options: COMPARE_OPTIONS,
  examples: [
    "kafka-lab lab4 compare",
    "kafka-lab lab4 compare --count 500 --process-ms 2",
    "kafka-lab lab4 compare --json",
  ],
  run: async (ctx, args) => (await import("./compare.ts")).compare(ctx, args),
});

/** The `lab4` command. */
export const lab4 = defineCommand({
  name: "lab4",
  summary: t(
    "Batch vs single consumer: MessageModel, two producers, commits per batch or record",
    "Пакетный и поштучный консьюмеры: MessageModel, два продюсера, фиксация на пакет или на запись",
  ),
  description: t(
    `
Without a subcommand, runs the lab: makes sure final-1-topic exists (3
partitions, RF 2), two idempotent producers send --count random messages each,
then the batch consumer (group batch-group) reads them in batches of up to 10
with one commit per batch, and the single consumer (group single-group) reads
the same messages with one commit per record; the commits of both are
compared. For the speed of both, see \`kafka-lab lab4 compare\`.`,
    `
Без подкоманды проводит лабораторную: проверяет, что топик final-1-topic есть
(3 партиции, RF 2), два идемпотентных продюсера отправляют по --count случайных
сообщений, затем пакетный консьюмер (группа batch-group) читает их пакетами до
10 записей с одной фиксацией на пакет, а поштучный (группа single-group)
читает те же сообщения с фиксацией после каждой записи; число фиксаций обоих
сравнивается. Скорость обоих измеряет \`kafka-lab lab4 compare\`.`,
  ),
  options: GUIDED_OPTIONS,
  subcommands: [
    produceCommand,
    consumeCommand,
    compareCommand,
  ],
  examples: ["kafka-lab lab4", "kafka-lab lab4 --lang ru", "kafka-lab lab4 --interval 0 --json"],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
});
