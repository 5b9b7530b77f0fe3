/**
 * Lab 2: the hello-kafka producer and consumer. The producer sends
 * `Hello Kafka 1..5` one per second and prints each acknowledgement; the
 * consumer (group hello-group, earliest) prints each record and commits it.
 * The guided run proves what the manual teaches: all messages arrive, the
 * same group run again reads nothing new, a new group reads everything.
 *
 * This module only declares the commands; each one's code is loaded when it runs.
 * @module
 */
import { defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { CONSUME_OPTIONS, GUIDED_OPTIONS, PRODUCE_OPTIONS } from "./options.ts";

const produceCommand = defineCommand({
  name: "produce",
  summary: t(
    "Send Hello Kafka 1..N, one per interval, printing partition and offset of each",
    "Отправить Hello Kafka 1..N по одному за интервал, показывая партицию и смещение каждого",
  ),
  description: t(
    `
Each send waits for the acknowledgement (acks=all, idempotent producer) and
prints the partition and offset the record got. Ctrl+C finishes the send in
progress and stops.`,
    `
Каждая отправка ждёт подтверждения (acks=all, идемпотентный продюсер) и
показывает партицию и смещение (offset), которые получила запись. Ctrl+C
завершает текущую отправку и останавливает продюсер.`,
  ),
  options: PRODUCE_OPTIONS,
  examples: [
    "kafka-lab lab2 produce",
    "kafka-lab lab2 produce --count 10 --interval 0",
    "kafka-lab lab2 produce --key user-1 --json-value",
  ],
  run: async (ctx, args) => (await import("./produce.ts")).produce(ctx, args),
});

const consumeCommand = defineCommand({
  name: "consume",
  summary: t(
    "Read the topic in a consumer group, printing count, value, key, partition, offset, time",
    "Читать топик в группе консьюмеров, показывая номер, значение, ключ, партицию, смещение, время",
  ),
  description: t(
    `
Runs until Ctrl+C (then commits and leaves the group), or until --max-messages
records or --idle-timeout seconds without a record. After each record is
printed, the offset of the next one is committed. --instances 2 runs two
consumers in one group and shows which partitions each holds: on a
one-partition topic one stays idle.`,
    `
Работает до Ctrl+C (затем фиксирует смещение и выходит из группы), либо до
--max-messages записей, либо пока --idle-timeout секунд нет новых записей.
После вывода каждой записи фиксируется смещение следующей. --instances 2
запускает два консьюмера в одной группе и показывает, какие партиции у каждого:
на топике с одной партицией один из них простаивает.`,
  ),
  options: CONSUME_OPTIONS,
  examples: [
    "kafka-lab lab2 consume",
    "kafka-lab lab2 consume --group other-group --max-messages 5",
    "kafka-lab lab2 consume --instances 2 --idle-timeout 10",
  ],
  run: async (ctx, args) => (await import("./consume.ts")).consume(ctx, args),
});

/** The `lab2` command. */
export const lab2 = defineCommand({
  name: "lab2",
  summary: t(
    "hello-kafka: a producer and a consumer group, offsets and committed positions",
    "hello-kafka: продюсер и группа консьюмеров, смещения и зафиксированные позиции",
  ),
  description: t(
    `
Without a subcommand, runs the lab: starts a consumer in group hello-group,
sends Hello Kafka 1..5 one per second, shows each acknowledgement and each
record as it arrives, then proves that the same group run again reads nothing
new and that a new group reads the whole topic.`,
    `
Без подкоманды проводит лабораторную: запускает консьюмер в группе hello-group,
отправляет Hello Kafka 1..5 по одному в секунду, показывает каждое
подтверждение и каждую пришедшую запись, затем доказывает, что та же группа при
повторном запуске не читает ничего нового, а новая группа читает весь топик.`,
  ),
  options: GUIDED_OPTIONS,
  subcommands: [
    produceCommand,
    consumeCommand,
  ],
  examples: ["kafka-lab lab2", "kafka-lab lab2 --lang ru", "kafka-lab lab2 --interval 0 --json"],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
});
