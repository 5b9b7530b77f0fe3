/**
 * Lab 4's texts in English and Russian.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { type Bilingual, pick, type Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 4: a batch consumer and a single-message consumer",
  theory: [
    'Two producers write MessageModel records to final-1-topic (3 partitions, replication factor 2): JSON such as {"message_id": "<uuid>", "content": "Test message 2886"}. Each producer is idempotent and waits for acks=all with one request in flight: the broker recognises a retried batch by its producer id and sequence number and does not write it twice. That protects the retry of one batch to one partition; it is not a promise about the whole program (a client that picks another partition for the retry, as kafkajs does for records without a key, sends a different batch). The records carry no key, so they are spread over the partitions; Kafka keeps order only inside one partition, never across partitions or between producers.',
    "A consumer group remembers how far it got by committing offsets. Commit after processing, and a crash makes the group read again what was processed but not yet committed: at-least-once, nothing lost, some records handled twice. Commit before processing, and a crash loses what was committed but never processed: at-most-once.",
    "The batch consumer (group batch-group) takes up to 10 records, processes all of them, then commits once. The single consumer (group single-group) commits after every record. Fewer commits mean less waiting for the broker and room for bulk work (one database write per batch). The price: a crash in the middle of a batch brings the whole uncommitted batch back, up to 10 duplicates instead of at most 1. Either way processing has to be idempotent, for example by remembering processed message_ids.",
    "The course's Python example consumers (confluent_kafka, on librdkafka) switch off enable.auto.commit, so nothing is committed behind their back in the middle of a batch, and take at most 10 records per consume(num_messages=10) call; librdkafka has no max.poll.records, which is the Java client's setting. In kafkajs the first is consumer.run({ autoCommit: false }) with commitOffsets() after processing. kafkajs has neither: eachBatch receives whatever one fetch returned, so this lab cuts it into batches of at most --batch-size records of one partition.",
  ],
  stepTopic: "Make sure topic {topic} exists",
  stepTopicExplain: "The course's topic has 3 partitions and replication factor 2.",
  topicCreated: "{topic} created: partitions {partitions}, replication factor {rf}",
  topicReady: "{topic} is ready: partitions {partitions}, replication factor {rf}",
  stepProduce: "Two producers send {count} messages each, one every {interval} s",
  stepProduceExplain:
    "Both run at once, as the two producer replicas of the course's Python example. Each send waits for the acknowledgement and prints the partition and offset the record got.",
  producerPrefix: "[producer {n}] ",
  delivered: 'sent {id} "{content}" → partition {partition}, offset {offset}',
  sendFailed: "could not send {id}: {reason}",
  producedAll: "{count} messages delivered by {producers} producers",
  producedShort: "{sent} of {count} messages delivered, {failed} failed",
  partitionOrder:
    "partition {partition}, offsets {first}..{last}, written by producers: {sequence}",
  producerDone: "{sent} delivered, {failed} failed",
  perProducer: "producer {n}: {sent} delivered",
  waitingBatch:
    "waiting for messages in {topic}, group {group} (Ctrl+C finishes the batch in hand, commits it and stops)",
  waitingSingle:
    "waiting for messages in {topic}, group {group} (Ctrl+C finishes the record in hand, commits it and stops)",
  assigned: "group {group}: this consumer reads partition(s) {partitions}",
  assignedNone: "group {group}: no partition for this consumer, another member holds them",
  processed: '{id} "{content}"  partition {partition}, offset {offset}',
  batchCommitted:
    "batch {batch}: {size} record(s) of partition {partition}, offsets {first}..{last}, one commit → next offset {next}",
  committed: "↳ committed partition {partition} → next offset {next}",
  invalid:
    "partition {partition}, offset {offset}: not a MessageModel ({reason}); counted and skipped, committed with the rest",
  reasonEmpty: "the record has no value",
  reasonNotUtf8: "the bytes are not UTF-8 text",
  reasonNotJson: "the text is not JSON: {found}",
  reasonNotObject: "the JSON is not an object: {found}",
  reasonIdMissing: "message_id is missing",
  reasonIdInvalid: "message_id is not a non-empty string: {found}",
  reasonContentMissing: "content is missing",
  reasonContentInvalid: "content is not a string: {found}",
  modeBatch: "batch",
  modeSingle: "single",
  consumerDone:
    "{mode} consumer, group {group}: {records} record(s) ({invalid} invalid) in {batches} batch(es), {commits} commit(s), {seconds} s",
  consumerDoneSingle:
    "{mode} consumer, group {group}: {records} record(s) ({invalid} invalid), {commits} commit(s), {seconds} s",
  hiddenLines: "{count} more line(s) not shown; every record was processed and counted",
  stepBatch: "The batch consumer (group {group}) reads this run's messages",
  stepBatchExplain:
    "It takes up to {size} records of one partition, processes them all, and commits once after the batch. It stops after {seconds} s without a new record.",
  stepSingle: "The single consumer (group {group}) reads the same messages",
  stepSingleExplain:
    "It processes one record at a time and commits after each one. It stops after {seconds} s without a new record.",
  allProcessed:
    "all {count} new messages processed: {records} record(s), {batches} batch(es), {commits} commit(s)",
  allProcessedSingle:
    "all {count} new messages processed: {records} record(s), {commits} commit(s)",
  missingIds:
    "{missing} of the {count} new messages were not processed before the consumer stopped",
  olderToo: "the group also read {count} older record(s) it had not read before",
  invalidSeen: "{count} record(s) were not MessageModels: counted, skipped and committed",
  stepCompare: "Compare the commits of the two consumers",
  stepCompareExplain:
    "Both read the same records from the same topic; what differs is how often each one commits.",
  compareCommits:
    "batch: {batchRecords} record(s), {batchCommits} commit(s); single: {singleRecords} record(s), {singleCommits} commit(s)",
  perCommit: "records per commit: batch {batch}, single {single}",
  compareHint:
    "to measure the speed of both on this machine, run `kafka-lab lab4 compare` (add --process-ms 5 to simulate work)",
  summaryProduced: "{count} messages from 2 producers in {topic}",
  summaryBatch: "batch consumer ({group}): {records} record(s), {commits} commit(s)",
  summarySingle: "single consumer ({group}): {records} record(s), {commits} commit(s)",
  compareTitle: "Batch vs single consumer on {count} records",
  compareTopic: "temporary topic {topic}: partitions {partitions}, replication factor {rf}",
  compareProduced: "{count} records written in {seconds} s",
  compareRunning: "{mode} consumer, group {group}: reading {count} records",
  compareProgress: "{mode}: {done}/{total} records",
  compareDone: "{mode}: {records} record(s), {commits} commit(s) in {seconds} s",
  compareShort: "the {mode} consumer read only {records} of {count} records",
  colMode: "consumer",
  colRecords: "records",
  colCommits: "commits",
  colTime: "time, s",
  colRate: "records/s",
  colCommitP50: "commit p50, ms",
  colCommitP99: "commit p99, ms",
  compareCommitLatency:
    "A commit is a round trip to the group coordinator, which appends the offsets to __consumer_offsets and waits until its in-sync replicas have them. Kafka 4.x also holds each such append for up to group.coordinator.append.linger.ms (5 ms by default) to gather other commits into one write, so a synchronous commit costs several milliseconds whatever the client. The single consumer pays that once per record, the batch consumer once per batch; with the broker's linger set to 0 both commit faster and the speed ratio shrinks.",
  sameStart:
    "both groups start where this run's messages begin (offsets {offsets}), so both read the same records",
  sameStartBusy:
    "group {group} has active members, so its position could not be moved; it reads from where it stopped",
  ratioCommits: "commits, single / batch: {ratio}",
  ratioSpeed: "speed, batch / single: {ratio}",
  chartSpeed: "records per second",
  chartCommits: "commits",
  lagOverTime: "lag after each commit: {line} ({first} → {last})",
  compareNote:
    "Time runs from the first record to the last commit of each consumer (joining the group is left out). The figures are from this one run on this machine: run again and they will differ.",
  topicDeleted: "temporary topic {topic} deleted",
  topicKept: "temporary topic {topic} kept; delete it with `kafka-lab lab1 delete {topic} --yes`",
  errBatchSizeSingle: "--batch-size applies to --mode batch only",
  errBatchSizeSingleHint: "drop --batch-size, or use --mode batch",
  questions: [
    "The batch consumer dies after processing 6 of the 10 records of a batch. Which records does it process again after the restart, and why exactly those?",
    "How can processing be made idempotent, so that a record processed twice does no harm? What does message_id give you here?",
    "What do you gain with the batch consumer and what do you pay for it? When would you pick the single consumer instead?",
    "Two producers write to final-1-topic at once. In what order does a consumer see their records? MessageModel records have no key: what would you add so that related records keep their order?",
    "What would change if the consumers committed before processing? Which guarantee would you get then?",
    "Why do the consumers switch auto-commit off (enable.auto.commit=false, autoCommit: false in kafkajs)? What could an automatic commit do in the middle of a batch?",
    "`kafka-lab lab4 compare` shows commit latency p50/p99. Which part of it is the broker's group.coordinator.append.linger.ms, and what would setting it to 0 change for each consumer?",
    "Run `kafka-lab lab4 compare` and then `kafka-lab lab4 compare --process-ms 5`. Why does the speed ratio shrink when processing, not committing, takes most of the time?",
  ],
} as const;

const ru: Translation<typeof en> = {
  title: "Лабораторная работа 4: пакетный и поштучный консьюмеры",
  theory: [
    'Два продюсера пишут записи MessageModel в топик final-1-topic (3 партиции, фактор репликации 2) в виде JSON, например {"message_id": "<uuid>", "content": "Test message 2886"}. Оба продюсера идемпотентны и ждут acks=all, держа в полёте один запрос: брокер узнаёт повторно присланный пакет по id продюсера и номеру последовательности и не записывает его дважды. Это защищает повтор одного пакета в одну партицию, но не всю программу: клиент, который для повтора выбирает другую партицию (как kafkajs для записей без ключа), отправляет уже другой пакет. Ключа у записей нет, и они распределяются по партициям; Kafka сохраняет порядок только внутри одной партиции, но не между партициями и не между продюсерами.',
    "Группа консьюмеров запоминает, докуда дочитала, фиксируя смещения (commit). Если фиксировать после обработки, то после сбоя группа заново прочитает то, что уже обработано, но ещё не зафиксировано: это at-least-once — ничего не теряется, но часть записей обрабатывается дважды. Если фиксировать до обработки, то сбой теряет записи, которые зафиксированы, но так и не обработаны: это at-most-once.",
    "Пакетный консьюмер (группа batch-group) берёт до 10 записей, обрабатывает их все и один раз фиксирует смещение. Поштучный консьюмер (группа single-group) фиксирует смещение после каждой записи. Меньше фиксаций — меньше ожидания брокера и больше возможностей для пакетной работы (одна запись в базу на пакет). Цена: при сбое посреди пакета возвращается весь незафиксированный пакет — до 10 повторов вместо одного. В обоих случаях обработка должна быть идемпотентной, например за счёт учёта уже обработанных message_id.",
    "Python-консьюмеры из учебного примера курса на Python (confluent_kafka на librdkafka) отключают enable.auto.commit, чтобы ничего не зафиксировалось само посреди пакета, и берут не больше 10 записей за вызов consume(num_messages=10); параметра max.poll.records в librdkafka нет, это настройка Java-клиента. В kafkajs первому соответствует consumer.run({ autoCommit: false }) и вызов commitOffsets() после обработки. Второго в kafkajs нет: eachBatch получает всё, что вернул один запрос fetch, поэтому лабораторная работа сама режет это на пакеты не больше --batch-size записей одной партиции.",
  ],
  stepTopic: "Проверяем, что топик {topic} существует",
  stepTopicExplain: "У топика курса 3 партиции и фактор репликации 2.",
  topicCreated: "{topic} создан: партиций — {partitions}, фактор репликации — {rf}",
  topicReady: "{topic} готов: партиций — {partitions}, фактор репликации — {rf}",
  stepProduce:
    "Два продюсера отправляют сообщения, каждый по {count}, по одному каждые {interval} с",
  stepProduceExplain:
    "Они работают одновременно, как две реплики продюсера в учебном примере курса на Python. Каждая отправка ждёт подтверждения и показывает партицию и смещение, которые получила запись.",
  producerPrefix: "[продюсер {n}] ",
  delivered: 'отправлено {id} "{content}" → партиция {partition}, смещение {offset}',
  sendFailed: "не удалось отправить {id}: {reason}",
  producedAll: "доставлено сообщений: {count}, продюсеров: {producers}",
  producedShort: "доставлены не все сообщения: {sent}/{count}, ошибок: {failed}",
  partitionOrder:
    "партиция {partition}, смещения {first}..{last}, записи от продюсеров: {sequence}",
  producerDone: "доставлено: {sent}, ошибок: {failed}",
  perProducer: "продюсер {n}: доставлено {sent}",
  waitingBatch:
    "ждём сообщения в {topic}, группа {group} (Ctrl+C — доработать текущий пакет, зафиксировать смещение и остановиться)",
  waitingSingle:
    "ждём сообщения в {topic}, группа {group} (Ctrl+C — доработать текущую запись, зафиксировать смещение и остановиться)",
  assigned: "группа {group}: этот консьюмер читает партиции {partitions}",
  assignedNone: "группа {group}: этому консьюмеру партиций не досталось, их держит другой участник",
  processed: '{id} "{content}"  партиция {partition}, смещение {offset}',
  batchCommitted:
    "пакет {batch}: записей {size} из партиции {partition}, смещения {first}..{last}, одна фиксация → следующее смещение {next}",
  committed: "↳ фиксация в партиции {partition} → следующее смещение {next}",
  invalid:
    "партиция {partition}, смещение {offset}: это не MessageModel ({reason}); запись учтена и пропущена, смещение за ней фиксируется вместе с остальными",
  reasonEmpty: "у записи нет значения",
  reasonNotUtf8: "байты не являются текстом в UTF-8",
  reasonNotJson: "текст не является JSON: {found}",
  reasonNotObject: "JSON не является объектом: {found}",
  reasonIdMissing: "нет поля message_id",
  reasonIdInvalid: "message_id не является непустой строкой: {found}",
  reasonContentMissing: "нет поля content",
  reasonContentInvalid: "content не является строкой: {found}",
  modeBatch: "пакетный",
  modeSingle: "поштучный",
  consumerDone:
    "{mode} консьюмер, группа {group}: записей {records} (некорректных {invalid}), пакетов {batches}, фиксаций {commits}, {seconds} с",
  consumerDoneSingle:
    "{mode} консьюмер, группа {group}: записей {records} (некорректных {invalid}), фиксаций {commits}, {seconds} с",
  hiddenLines: "не показано строк: {count}; все записи обработаны и учтены",
  stepBatch: "Пакетный консьюмер (группа {group}) читает сообщения этого запуска",
  stepBatchExplain:
    "Он берёт до {size} записей одной партиции, обрабатывает их все и после пакета один раз фиксирует смещение. Он останавливается, если {seconds} с не приходит новых записей.",
  stepSingle: "Поштучный консьюмер (группа {group}) читает те же сообщения",
  stepSingleExplain:
    "Он обрабатывает записи по одной и фиксирует смещение после каждой. Он останавливается, если {seconds} с не приходит новых записей.",
  allProcessed:
    "обработаны все новые сообщения ({count}): записей {records}, пакетов {batches}, фиксаций {commits}",
  allProcessedSingle:
    "обработаны все новые сообщения ({count}): записей {records}, фиксаций {commits}",
  missingIds: "до остановки консьюмера не обработаны новые сообщения: {missing}/{count}",
  olderToo: "группа также прочитала более ранние записи, которые ещё не читала: {count}",
  invalidSeen:
    "записей, не являющихся MessageModel: {count}; они учтены и пропущены, смещения за ними зафиксированы",
  stepCompare: "Сравниваем фиксации двух консьюмеров",
  stepCompareExplain:
    "Оба читали одни и те же записи одного топика; разница в том, как часто каждый из них фиксирует смещение.",
  compareCommits:
    "пакетный: записей {batchRecords}, фиксаций {batchCommits}; поштучный: записей {singleRecords}, фиксаций {singleCommits}",
  perCommit: "записей на фиксацию: пакетный {batch}, поштучный {single}",
  compareHint:
    "чтобы измерить скорость обоих на этой машине, запустите `kafka-lab lab4 compare` (с --process-ms 5 — с имитацией работы)",
  summaryProduced: "сообщений от 2 продюсеров в {topic}: {count}",
  summaryBatch: "пакетный консьюмер ({group}): записей {records}, фиксаций {commits}",
  summarySingle: "поштучный консьюмер ({group}): записей {records}, фиксаций {commits}",
  compareTitle: "Сравнение пакетного и поштучного консьюмеров, записей: {count}",
  compareTopic: "временный топик {topic}: партиций — {partitions}, фактор репликации — {rf}",
  compareProduced: "записано записей: {count} (за {seconds} с)",
  compareRunning: "{mode} консьюмер, группа {group}: читаем записи ({count})",
  compareProgress: "{mode}: {done}/{total} записей",
  compareDone: "{mode}: записей {records}, фиксаций {commits} за {seconds} с",
  compareShort: "{mode} консьюмер прочитал не все записи: {records}/{count}",
  colMode: "консьюмер",
  colRecords: "записей",
  colCommits: "фиксаций",
  colTime: "время, с",
  colRate: "записей/с",
  colCommitP50: "фиксация p50, мс",
  colCommitP99: "фиксация p99, мс",
  compareCommitLatency:
    "Фиксация — это запрос к координатору группы: он дописывает смещения в __consumer_offsets и ждёт, пока их получат все синхронные реплики. Kafka 4.x к тому же придерживает каждую такую запись до group.coordinator.append.linger.ms (по умолчанию 5 мс), чтобы собрать в неё фиксации других консьюмеров, поэтому синхронная фиксация стоит несколько миллисекунд при любом клиенте. Поштучный консьюмер платит эту цену за каждую запись, пакетный — один раз за пакет; если на брокере задать этот параметр равным 0, фиксации у обоих ускорятся и отношение скоростей уменьшится.",
  sameStart:
    "обе группы начинают с того места, где начинаются сообщения этого запуска (смещения {offsets}), поэтому обе читают одни и те же записи",
  sameStartBusy:
    "в группе {group} есть активные участники, поэтому её позицию сдвинуть нельзя; она читает с того места, где остановилась",
  ratioCommits: "фиксации, поштучный / пакетный: {ratio}",
  ratioSpeed: "скорость, пакетный / поштучный: {ratio}",
  chartSpeed: "записей в секунду",
  chartCommits: "фиксаций",
  lagOverTime: "отставание после каждой фиксации: {line} ({first} → {last})",
  compareNote:
    "Время отсчитывается от первой записи до последней фиксации каждого консьюмера (вход в группу не учитывается). Цифры получены в одном этом запуске на этой машине: при повторном запуске они будут другими.",
  topicDeleted: "временный топик {topic} удалён",
  topicKept: "временный топик {topic} сохранён; удалить его: `kafka-lab lab1 delete {topic} --yes`",
  errBatchSizeSingle: "--batch-size действует только с --mode batch",
  errBatchSizeSingleHint: "уберите --batch-size или укажите --mode batch",
  questions: [
    "Пакетный консьюмер падает, обработав 6 из 10 записей пакета. Какие записи он обработает повторно после перезапуска и почему именно их?",
    "Как сделать обработку идемпотентной, чтобы повторно обработанная запись не причиняла вреда? Чем здесь помогает message_id?",
    "Что вы выигрываете с пакетным консьюмером и чем за это платите? Когда вы бы выбрали поштучный?",
    "Два продюсера одновременно пишут в final-1-topic. В каком порядке консьюмер увидит их записи? У записей MessageModel нет ключа: что нужно добавить, чтобы связанные записи сохраняли порядок?",
    "Что изменится, если консьюмеры будут фиксировать смещение до обработки? Какую гарантию вы тогда получите?",
    "Зачем консьюмеры отключают автоматическую фиксацию (enable.auto.commit=false, в kafkajs — autoCommit: false)? Что могла бы натворить автоматическая фиксация посреди пакета?",
    "`kafka-lab lab4 compare` показывает длительность фиксации p50/p99. Какую её часть составляет group.coordinator.append.linger.ms брокера и что изменило бы значение 0 для каждого из консьюмеров?",
    "Запустите `kafka-lab lab4 compare`, а затем `kafka-lab lab4 compare --process-ms 5`. Почему отношение скоростей уменьшается, когда больше всего времени занимает обработка, а не фиксации?",
  ],
};

/** Lab 4's texts. */
export const LAB4_TEXT: Bilingual<typeof en> = { en, ru };

/** Lab 4's texts in one language. */
export type Lab4Text = Translation<typeof en>;

/** Lab 4's texts in the language of the run. */
export function lab4Text(lang: Lang): Lab4Text {
  return pick(LAB4_TEXT, lang);
}
