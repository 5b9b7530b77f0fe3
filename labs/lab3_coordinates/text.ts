/**
 * Lab 3's texts in English and Russian.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { type Bilingual, pick, type Text, type Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 3: the coordinates pipeline with a Schema Registry",
  theory: [
    "A Schema Registry keeps the schemas of a topic's records: each under a subject (by default <topic>-value), with versions and an id. A producer registers its schema once and puts only the id in front of every record; a consumer fetches the schema by that id.",
    "The Confluent wire format: byte 0 is the magic byte 0, bytes 1-4 the schema id (big-endian), the rest the JSON document. Any client that speaks it, Java's, Python's or this one, can read these records.",
    "The producer validates each record against the JSON Schema (draft-07) before sending: a record without latitude is refused and never reaches Kafka. The consumer validates again when reading, because any producer can write to a topic.",
    "The producer's settings come from the course's Python example. acks=all: the leader answers once every replica in the current ISR has the batch. Idempotence: the broker drops a retried batch it already has (producer id and sequence numbers per partition). Retries resend after transient errors. The course's Python example allows one request in flight; with idempotence the Java client and librdkafka keep each partition in order with up to 5 in flight, while kafkajs' idempotent producer allows only 1. batch.size=1000 bytes and linger.ms=10000 work per partition: each partition's records wait up to 10 s, or until that partition's batch would pass 1000 bytes, so delivery reports arrive in bursts.",
    "A record that cannot be read, or breaks the schema, must neither stop the consumer nor vanish: it goes to a dead letter topic (<topic>.dlq) with headers saying why and where it came from, and only then is its offset committed.",
  ],
  stepTopics: "Make sure {topic} and {dlq} exist",
  stepTopicsExplain:
    "{topic}: 6 partitions, replication factor 2, min.insync.replicas=1. The dead letter topic gets 1 partition.",
  topicCreated: "{topic} created",
  topicReady: "{topic} is ready",
  stepRegister: "Register the JSON Schema under {subject}",
  stepRegisterExplain:
    "POST /subjects/{subject}/versions with schemaType JSON. Registering the same schema again returns the same id.",
  registered: "schema {title} registered under {subject}: id {id}",
  alreadyRegistered: "schema {title} was already registered under {subject}: id {id}",
  fetched: "fetched back by id {id}: {schema}",
  stepProduce: "Produce {count} records, every {nth} one broken on purpose",
  stepProduceExplain:
    "Each record is validated against the schema, then waits in its partition's batch (linger.ms={linger}, batch.size={batchBytes}). Broken records are refused before sending.",
  generated: "record #{n}: {record}",
  rejected: "record #{n} refused, not sent: {reason}",
  batchSent: "batch of {count} record(s), {bytes} bytes, sent ({why})",
  whyLinger: "linger.ms passed",
  whySize: "batch.size reached",
  whyClose: "flushed before stopping",
  delivered: "delivered id={id} → {topic} [{partition}] offset {offset}",
  deliveryFailed: "record #{n} was not delivered: {reason}",
  producerDone:
    "{generated} generated, {delivered} delivered, {rejected} refused by the schema, {failed} failed",
  stepInject: "Another producer writes {count} bad record(s)",
  stepInjectExplain:
    "One writes plain JSON without the registry's wire format; one skipped validation and writes a record without latitude.",
  injected: "wrote a bad record ({kind}) → {topic} [{partition}] offset {offset}",
  stepConsume: "Consume and validate with group {group}",
  stepConsumeExplain:
    "Each record is decoded (magic byte, schema id, JSON) and validated against the writer's schema and UserCoordinates. Good records are printed; bad ones go to {dlq}. Once a record is handled, the offset after it is committed.",
  good:
    "id={id} longitude={longitude} latitude={latitude}  ({topic} [{partition}] offset {offset})",
  bad:
    "{topic} [{partition}] offset {offset}: {reason} → {dlq} [{dlqPartition}] offset {dlqOffset}",
  consumerDone: "{good} valid, {invalid} invalid, {dlq} written to the dead letter topic",
  reasonNotWire: "not in the Schema Registry wire format",
  reasonUnknownSchema: "the registry does not know the record's schema id",
  reasonInvalidJson: "the payload is not JSON",
  reasonSchema: "the record breaks the schema: {issues}",
  resetOffsets: "offsets of group {group} on {topic} reset to the start of every partition",
  resetBusy: "group {group} has running consumers; stop them before --from beginning",
  checkDelivered: "all {count} valid records were read back and passed validation",
  checkDeliveredMissing: "{got} of the {count} valid records were read back",
  checkDlq: "both bad records went to {dlq} with their reason and origin",
  checkDlqMissing: "{got} of the {count} bad records went to {dlq}",
  summaryProduced: "producer: {delivered} delivered, {rejected} refused before sending",
  summaryConsumed: "consumer: {good} valid, {invalid} sent to {dlq}",
  summarySchema: "schema id {id} under {subject}",
  waiting: "waiting for records (Ctrl+C to stop)",
  questions: [
    "What does the Schema Registry store, and what does each record carry instead of its schema?",
    "What are the first five bytes of a record on users_coordinates, and what do they mean?",
    "Why validate on the consumer side when the producer already validates?",
    "With linger.ms=10000 and batch.size=1000, when is a batch sent? Why did the delivery reports come in groups?",
    "What do acks=all, enable.idempotence and max.in.flight.requests.per.connection=1 each protect against? Why would the Java client keep order with idempotence and up to 5 requests in flight?",
    "Why is the offset after a bad record committed only once the record was written to the dead letter topic?",
    "What does --from beginning do to the consumer group? How else could you read a topic again?",
  ],
} as const;

const ru: Translation<typeof en> = {
  title: "Лабораторная работа 3: конвейер координат со Schema Registry",
  theory: [
    "Schema Registry хранит схемы записей топика: каждую под своим субъектом (по умолчанию <топик>-value), с версиями и идентификатором. Продюсер один раз регистрирует схему и ставит перед каждой записью только её id; консьюмер получает схему по этому id.",
    "Формат Confluent (wire format): байт 0 — «магический» байт 0, байты 1–4 — id схемы (big-endian), дальше — JSON-документ. Такие записи прочитает любой клиент, понимающий этот формат: на Java, на Python или этот.",
    "Продюсер проверяет каждую запись по JSON Schema (draft-07) до отправки: запись без latitude отклоняется и в Kafka не попадает. Консьюмер проверяет ещё раз при чтении, потому что писать в топик может любой продюсер.",
    "Настройки продюсера взяты из учебного примера курса на Python. acks=all: лидер отвечает, когда пакет есть у всех реплик текущего ISR. Идемпотентность: брокер отбрасывает повторно присланный пакет, который у него уже есть (id продюсера и номера последовательности в каждой партиции). Повторы (retries) переотправляют после временных ошибок. В учебном примере курса на Python в полёте один запрос; с идемпотентностью Java-клиент и librdkafka сохраняют порядок в каждой партиции и при 5 запросах в полёте, а идемпотентный продюсер kafkajs допускает только 1. batch.size=1000 байт и linger.ms=10000 действуют для каждой партиции отдельно: записи партиции ждут до 10 с или пока её пакет не превысил бы 1000 байт, поэтому подтверждения доставки приходят пачками.",
    "Запись, которую нельзя прочитать или которая нарушает схему, не должна ни останавливать консьюмер, ни пропадать: она уходит в топик необработанных записей (dead letter queue, DLQ; <топик>.dlq) с заголовками о причине и происхождении, и только после этого фиксируется смещение за ней.",
  ],
  stepTopics: "Проверяем, что {topic} и {dlq} существуют",
  stepTopicsExplain:
    "{topic}: 6 партиций, фактор репликации 2, min.insync.replicas=1. У топика DLQ 1 партиция.",
  topicCreated: "{topic} создан",
  topicReady: "{topic} готов",
  stepRegister: "Регистрируем JSON Schema под субъектом {subject}",
  stepRegisterExplain:
    "POST /subjects/{subject}/versions со schemaType JSON. Повторная регистрация той же схемы возвращает тот же id.",
  registered: "схема {title} зарегистрирована под {subject}: id {id}",
  alreadyRegistered: "схема {title} уже была зарегистрирована под {subject}: id {id}",
  fetched: "получена обратно по id {id}: {schema}",
  stepProduce: "Отправляем записи ({count}), каждая {nth} специально испорчена",
  stepProduceExplain:
    "Каждая запись проверяется по схеме и ждёт в пакете своей партиции (linger.ms={linger}, batch.size={batchBytes}). Испорченные записи отклоняются до отправки.",
  generated: "запись №{n}: {record}",
  rejected: "запись №{n} отклонена и не отправлена: {reason}",
  batchSent: "пакет отправлен ({why}): записей {count}, байт {bytes}",
  whyLinger: "истёк linger.ms",
  whySize: "достигнут batch.size",
  whyClose: "досылка перед остановкой",
  delivered: "доставлено id={id} → {topic} [{partition}] смещение {offset}",
  deliveryFailed: "запись №{n} не доставлена: {reason}",
  producerDone:
    "создано: {generated}, доставлено: {delivered}, отклонено схемой: {rejected}, ошибок: {failed}",
  stepInject: "Другой продюсер пишет испорченные записи: {count}",
  stepInjectExplain:
    "Один пишет обычный JSON без формата Schema Registry; другой пропустил проверку и пишет запись без latitude.",
  injected: "записана плохая запись ({kind}) → {topic} [{partition}] смещение {offset}",
  stepConsume: "Читаем и проверяем группой {group}",
  stepConsumeExplain:
    "Каждая запись разбирается (магический байт, id схемы, JSON) и проверяется по схеме продюсера и по UserCoordinates. Хорошие записи выводятся, плохие уходят в {dlq}. Когда запись обработана, фиксируется смещение за ней.",
  good:
    "id={id} longitude={longitude} latitude={latitude}  ({topic} [{partition}] смещение {offset})",
  bad:
    "{topic} [{partition}] смещение {offset}: {reason} → {dlq} [{dlqPartition}] смещение {dlqOffset}",
  consumerDone: "корректных: {good}, некорректных: {invalid}, записано в DLQ: {dlq}",
  reasonNotWire: "запись не в формате Schema Registry (wire format)",
  reasonUnknownSchema: "реестр не знает id схемы этой записи",
  reasonInvalidJson: "содержимое записи не является JSON",
  reasonSchema: "запись нарушает схему: {issues}",
  resetOffsets: "смещения группы {group} на {topic} перенесены в начало каждой партиции",
  resetBusy: "в группе {group} работают консьюмеры; остановите их перед --from beginning",
  checkDelivered: "все корректные записи ({count}) прочитаны и прошли проверку",
  checkDeliveredMissing: "прочитаны не все корректные записи: {got}/{count}",
  checkDlq: "обе плохие записи ушли в {dlq} с причиной и происхождением",
  checkDlqMissing: "в {dlq} ушли не все плохие записи: {got}/{count}",
  summaryProduced: "продюсер: доставлено {delivered}, отклонено до отправки {rejected}",
  summaryConsumed: "консьюмер: корректных {good}, отправлено в {dlq}: {invalid}",
  summarySchema: "id схемы {id} под субъектом {subject}",
  waiting: "ждём записи (Ctrl+C — остановить)",
  questions: [
    "Что хранит Schema Registry и что каждая запись несёт вместо своей схемы?",
    "Что содержат первые пять байт записи в users_coordinates?",
    "Зачем проверять записи на стороне консьюмера, если продюсер уже проверяет?",
    "Когда отправляется пакет при linger.ms=10000 и batch.size=1000? Почему подтверждения доставки приходили группами?",
    "От чего защищает каждая из настроек acks=all, enable.idempotence и max.in.flight.requests.per.connection=1? Почему Java-клиент с идемпотентностью сохраняет порядок и при 5 запросах в полёте?",
    "Почему смещение за плохой записью фиксируется только после того, как она записана в DLQ?",
    "Что --from beginning делает с группой консьюмеров? Как ещё можно перечитать топик?",
  ],
};

/** Lab 3's texts. */
export const LAB3_TEXT: Bilingual<typeof en> = { en, ru };

/** Lab 3's texts in one language. */
export type Lab3Text = Translation<typeof en>;

/** Lab 3's texts in the language of the run. */
export function lab3Text(lang: Lang): Lab3Text {
  return pick(LAB3_TEXT, lang);
}

/** The keys of lab 3's table that hold one line (not a list). */
type LineKey = { [K in keyof typeof en]: typeof en[K] extends string ? K : never }[keyof typeof en];

/** One line of lab 3's table in both languages: for errors, which carry both. */
export function lab3Line(key: LineKey): Text {
  return { en: en[key], ru: ru[key] };
}
