/**
 * Lab 3: the coordinates pipeline. Registers the `UserCoordinates` JSON Schema,
 * produces faker records in the Confluent wire format (validated before
 * sending, batched by linger.ms / batch.size, a delivery report each), and
 * consumes them with validation, sending records that cannot be read or
 * break the schema to `<topic>.dlq` with headers, then committing.
 *
 * This module only declares the commands; each one's code (with kafkajs,
 * faker, Ajv and the registry client) is loaded when it runs.
 * @module
 */
import { defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import {
  CONSUME_OPTIONS,
  GUIDED_OPTIONS,
  INJECT_OPTIONS,
  PRODUCE_OPTIONS,
  REGISTER_OPTIONS,
} from "./options.ts";

const registerCommand = defineCommand({
  name: "register",
  summary: t(
    "Register the UserCoordinates JSON Schema and fetch it back by id",
    "Зарегистрировать JSON Schema UserCoordinates и получить её обратно по id",
  ),
  options: REGISTER_OPTIONS,
  examples: [
    "kafka-lab lab3 register",
    "kafka-lab lab3 register --subject users-coordinates-values",
  ],
  run: async (ctx, args) => (await import("./register.ts")).register(ctx, args),
});

const produceCommand = defineCommand({
  name: "produce",
  summary: t(
    "Produce faker coordinates, validated against the schema, batched as the course's Python example configures",
    "Отправлять координаты из faker, проверенные по схеме, пакетами, как в учебном примере курса на Python",
  ),
  description: t(
    `
Generates {id 1..100, longitude, latitude} records, validates each against the
registered schema and writes it in the Confluent wire format with key = id.
Producer settings from the course's Python example: acks=all, idempotence, retries,
linger.ms=10000 and batch.size=1000 (kafkajs sends each call at once, so
kafka-lab holds records in a batch per partition the way librdkafka does). A
delivery report follows for every record. --invalid-every N breaks every Nth
record: it is refused before sending, with the validator's reason, and counted.
Runs until Ctrl+C (the open batches are sent before stopping) unless --count.`,
    `
Создаёт записи {id 1..100, longitude, latitude}, проверяет каждую по
зарегистрированной схеме и пишет её в формате Confluent (wire format) с ключом
id. Настройки продюсера из учебного примера курса на Python: acks=all, идемпотентность,
повторы, linger.ms=10000 и batch.size=1000 (kafkajs отправляет каждый вызов
сразу, поэтому kafka-lab сам копит записи в пакет для каждой партиции, как
librdkafka). На каждую запись приходит отчёт о доставке. --invalid-every N
портит каждую N-ю запись: её отклоняет проверка до отправки, с причиной от
валидатора, и она учитывается. Работает до Ctrl+C (открытые пакеты
отправляются перед остановкой), если не задан --count.`,
  ),
  options: PRODUCE_OPTIONS,
  examples: [
    "kafka-lab lab3 produce",
    "kafka-lab lab3 produce --count 20 --rate 5 --invalid-every 4",
    "kafka-lab lab3 produce --count 3 --linger-ms 0 --json",
  ],
  run: async (ctx, args) => (await import("./produce.ts")).produce(ctx, args),
});

const injectCommand = defineCommand({
  name: "inject",
  summary: t(
    "Write bad records as a careless producer would, to see the dead letter topic at work",
    "Записать плохие записи, как небрежный продюсер, чтобы увидеть DLQ в работе",
  ),
  description: t(
    `
Kinds: raw-json (plain JSON, no wire format), missing-field (wire format,
latitude missing: validation skipped), unknown-schema (a schema id the
registry does not know), not-json (wire format, payload not JSON).`,
    `
Виды: raw-json (просто JSON, без wire format), missing-field (wire format, нет
latitude: проверка пропущена), unknown-schema (id схемы, которого реестр не
знает), \`not-json\` (wire format, но внутри не JSON).`,
  ),
  options: INJECT_OPTIONS,
  examples: ["kafka-lab lab3 inject", "kafka-lab lab3 inject --kind raw-json --kind missing-field"],
  run: async (ctx, args) => (await import("./inject.ts")).inject(ctx, args),
});

const consumeCommand = defineCommand({
  name: "consume",
  summary: t(
    "Consume, decode and validate; bad records go to <topic>.dlq with headers, then commit",
    "Читать, декодировать и проверять; плохие записи — в <topic>.dlq с заголовками, затем фиксация",
  ),
  description: t(
    `
Reads with a consumer group (earliest when the group has no offsets), decodes
each record (magic byte, schema id, JSON), validates it against the writer's
schema and UserCoordinates, and commits its offset once it is handled: printed
when valid, or written to the dead letter topic with headers dlq.error.kind,
dlq.error.reason, dlq.original.topic/partition/offset/timestamp and
dlq.consumer.group. A bad record never stops the consumer; an unreachable
registry does (exit 3, nothing committed). --from beginning resets the group's
offsets to the start of every partition first (the group must be idle).`,
    `
Читает в группе консьюмеров (с самого начала, если у группы нет смещений),
декодирует каждую запись (magic byte, id схемы, JSON), проверяет её по схеме
продюсера и по UserCoordinates и фиксирует её смещение, когда запись
обработана: выведена, если корректна, или отправлена в DLQ с заголовками
dlq.error.kind, dlq.error.reason, dlq.original.topic/partition/offset/timestamp
и dlq.consumer.group. Плохая запись консьюмер не останавливает; недоступный
реестр останавливает (код 3, ничего не фиксируется). --from beginning сначала
переносит смещения группы в начало каждой партиции (группа должна быть пуста).`,
  ),
  options: CONSUME_OPTIONS,
  examples: [
    "kafka-lab lab3 consume",
    "kafka-lab lab3 consume --from beginning --idle-timeout 5",
    "kafka-lab lab3 consume --max-messages 10 --json",
  ],
  run: async (ctx, args) => (await import("./consume.ts")).consume(ctx, args),
});

/** The `lab3` command. */
export const lab3 = defineCommand({
  name: "lab3",
  summary: t(
    "Coordinates pipeline: JSON Schema in a Schema Registry, validation, dead letter topic",
    "Конвейер координат: JSON Schema в Schema Registry, проверка, топик DLQ",
  ),
  description: t(
    `
Without a subcommand, runs the lab: creates users_coordinates (6 partitions,
RF 2, min.insync.replicas=1) and its dead letter topic, registers the
UserCoordinates schema, produces faker records with every 4th broken on
purpose (refused before sending), lets another producer write two bad records,
then consumes and validates: good records printed, bad ones to the DLQ.`,
    `
Без подкоманды проводит лабораторную: создаёт users_coordinates (6 партиций,
RF 2, min.insync.replicas=1) и его DLQ, регистрирует схему UserCoordinates,
отправляет записи из faker, каждая 4-я из которых нарочно испорчена (её
отклоняет проверка до отправки), даёт другому продюсеру записать две плохие
записи, затем читает и проверяет: хорошие записи выводятся, плохие идут в DLQ.`,
  ),
  options: GUIDED_OPTIONS,
  subcommands: [
    registerCommand,
    produceCommand,
    injectCommand,
    consumeCommand,
  ],
  examples: [
    "kafka-lab lab3",
    "kafka-lab lab3 --lang ru",
    "kafka-lab lab3 --rate 4 --linger-ms 1000",
  ],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
});
