/**
 * Lab 5's texts in English and Russian.
 * @module
 */
import type { Bilingual, Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 5: delivery guarantees under failure",
  theory: [
    "A guarantee is only as good as what happens when something breaks. This lab breaks things on purpose: it kills the broker that leads a partition in the middle of a stream, stops two of three brokers, and kills consumers and processors in the middle of their work. Every part then reads the topics back and counts by message id: sent, acknowledged by Kafka, really found in the topic, lost (acknowledged yet missing) and duplicated. The numbers are measured in this run, so they can differ from run to run.",
    "Producer side. acks=0 does not wait for any answer; acks=1 waits for the partition leader only; acks=all waits until every in-sync replica (ISR) has the record. min.insync.replicas sets how many replicas the ISR must have for acks=all to be accepted at all: with replication factor 3 and min.insync.replicas=2 one broker may fail without losing or refusing anything. Retries re-send a request whose answer was lost; without idempotence the broker may then write the record twice. An idempotent producer numbers its records (producer id + sequence), and the broker drops a repeat.",
    "Consumer side. Commit the offset before processing and a crash loses the records of the group being processed (at-most-once); commit after and a crash processes them again (at-least-once). Exactly-once inside Kafka needs a transactional producer that writes the output and the consumed offsets in one transaction, and readers with isolation.level=read_committed. A handler that fails now and then should not block its partition: a retry topic with an attempt counter and a delay, then a dead letter queue (DLQ), and de-duplication by a message id header.",
  ],
  questions: [
    "Which acks setting can report success for a record that is not in the topic afterwards, and why?",
    "Why did acks=all with min.insync.replicas=2 refuse writes when two of three brokers were down, and why is a refused write not a lost one?",
    "How does the broker recognise a record re-sent by an idempotent producer? Which two numbers does it compare?",
    "Why can a client's own retry path break idempotence? What must stay fixed between the attempts of a record?",
    "Where must the offset commit go for at-most-once and for at-least-once processing? What did the killed consumer lose or repeat in each case?",
    "What does a transaction of a consume-transform-produce step contain? Why does a read_uncommitted reader see more records than a read_committed one?",
    "Why send a failing record to a retry topic instead of retrying it in place? What must the DLQ record carry?",
  ],
  part1: "acks=0 / 1 / all while the partition leader is killed",
  part1Explain:
    "Three topics (replication factor 3, one partition each) are led by the same broker. The same stream goes to each, one per acks setting; a third of the way through the leader is killed with SIGKILL, then started again. acks=all uses min.insync.replicas=2, the others 1.",
  part2: "min.insync.replicas=2 on a topic with replication factor 3",
  part2Explain:
    "Two of the three brokers are stopped. acks=all writes must now be refused with NOT_ENOUGH_REPLICAS (refused, not lost: the producer is told). Then the brokers start again, the ISR grows back to 3 and the refused records are sent again.",
  part3: "Idempotence while brokers are killed",
  part3Explain:
    "The same stream goes to separate topics (3 partitions, replication factor 3, min.insync.replicas=2) from several producers at once, while brokers are killed and started again. Duplicates are counted by message id.",
  part4: "Consumer semantics: commit before or after processing",
  part4Explain:
    "A consumer in a child process handles groups of {batch} records and commits either before processing a group (at-most-once) or after it (at-least-once). It is killed with SIGKILL in the middle of a group, then a new consumer of the same group runs to the end.",
  part5: "Exactly-once: a transactional consume-transform-produce step",
  part5Explain:
    "A child process copies an input topic to an output topic; each group of 10 records is one transaction holding the output records and the input offsets (sendOffsets). It is killed in the middle of a transaction {kills} time(s) and started again; the restarted processor fences the dead one and its open transaction is aborted.",
  part6: "Retry topic and dead letter queue",
  part6Explain:
    "A handler fails for every 4th record twice (transient) and for every 15th always (poison). A failed record goes to <topic>.retry with attempt and not-before headers, after {max} failures to <topic>.dlq with the reason. Every 10th record is sent twice; the copy is dropped by its message-id header.",
  colRun: "run",
  colSent: "sent",
  colAcked: "acknowledged",
  colFailed: "failed",
  colFound: "in topic",
  colLost: "lost",
  colDuplicated: "duplicated",
  brokerKilled: "broker {broker} killed (SIGKILL)",
  brokerStopped: "broker {broker} stopped (SIGTERM: controlled shutdown)",
  brokerBack: "broker {broker} started again; the ISR is full again after {seconds} s",
  brokerBackShort: "broker {broker} started again; the ISR is full again",
  brokerNotBack:
    "broker {broker} was started again, but the ISR is not full yet; see `kafka-lab status`",
  workerFailed: "the worker process ended with {code}; run with --verbose to see its errors",
  acksTopics: "{count} topics created, all led by broker {leader}",
  acksLost:
    "{label}: {lost} acknowledged record(s) are not in the topic: the producer was told yes, and the records are gone.",
  acksDuplicated:
    "{label}: nothing acknowledged was lost, but {dup} record(s) are in the topic twice: a retry re-sent requests whose answer was lost.",
  acksClean:
    "{label}: nothing lost, nothing duplicated in this run; {failed} record(s) were reported as failed to the producer.",
  minIsrTopic: "topic {topic}: replication factor 3, min.insync.replicas=2, ISR {isr}",
  minIsrIsrNow: "the ISR reported now: {isr}",
  minIsrRefused:
    "{refused} of {count} acks=all writes refused ({codes}): the producer knows they were not written",
  minIsrInTopic: "records in the topic after the refused writes: {count}",
  minIsrAcks1Ok:
    "an acks=1 write went through all the same: min.insync.replicas only guards acks=all, and that record now has one copy",
  minIsrAcks1Failed: "an acks=1 write failed too ({code})",
  minIsrBack: "brokers started again: ISR {isr} after {seconds} s",
  minIsrNotBack: "brokers started again, but the ISR is only {isr} after {seconds} s",
  minIsrResent:
    "the refused records sent again: {acked} of {count} acknowledged, {found} in the topic",
  minIsrRowDown: "2 brokers down",
  minIsrRowUp: "all brokers up",
  idemPlain: "no idempotence",
  idemKafkajs: "kafkajs idempotent, unsafe",
  idemSafe: "idempotent, fixed partition",
  idemTopics: "{count} topics created; {kills} broker kill(s) planned",
  idemKillsDone: "broker kills done: {kills} of {planned}",
  idemPlainDup:
    "{label}: {dup} duplicate(s). A request was written, its answer was lost with the broker, and the retry wrote it again.",
  idemPlainNoDup:
    "{label}: no duplicate in this run. A duplicate needs a request written and replicated whose answer was lost in the instant of the kill; on a fast local cluster that window is short, so it is a matter of luck, not a guarantee.",
  idemKafkajsBroken:
    "{label}: {lost} lost, {dup} duplicated. kafkajs re-runs its partitioner when it retries a send, so an unkeyed record moves to another partition while its sequence numbers are rolled back: the broker then drops a later record as a duplicate or accepts one twice.",
  idemKafkajsLucky:
    "{label}: nothing lost or doubled in this run; the re-partitioning on retry only bites when a retried send moves records between partitions, so run again or with more --kills.",
  idemSafeOk:
    "{label}: 0 lost, 0 duplicated: the partition of each record was fixed before its first attempt and a failed producer was replaced",
  idemSafeBad: "{label}: {lost} lost, {dup} duplicated, although the safe path should prevent it",
  semProduced: "{count} records written to {topic}",
  semBefore: "commit before processing",
  semAfter: "commit after processing",
  semKilled: "{mode}: consumer killed after processing {n} record(s)",
  semResultBefore:
    "at-most-once: of {input} records, {lost} never processed (lost), {reprocessed} processed twice",
  semResultAfter: "at-least-once: of {input} records, {lost} lost, {reprocessed} processed twice",
  semExplain:
    "Committing first moved the group past records that were never processed; committing afterwards made the new consumer repeat the part of the group the killed one had done. At-least-once plus idempotent processing (remember processed ids) is the usual choice.",
  eosProduced: "{count} records written to {input}; the processor copies them to {output}",
  eosKilled:
    "processor killed in the middle of a transaction ({k}); {committed} transaction(s) committed before it",
  eosCommittedOk:
    "read_committed: {distinct} distinct ids of {input}, {dup} duplicated, {missing} missing: each input record exactly once",
  eosCommittedBad:
    "read_committed: {distinct} distinct ids of {input}, {dup} duplicated, {missing} missing",
  eosUncommitted:
    "read_uncommitted: {records} records, {dup} of them copies from aborted transactions",
  retryProduced: "{records} records ({ids} ids) written to {topic}",
  retryTimeout: "only {done} of {count} records were processed or dead-lettered in time",
  retryResult:
    "{input} ids: {processedOnce} processed once, {processedTwice} twice, {inDlq} in the DLQ ({dlqReasons} with a reason), {lost} lost; {retried} retries, {duplicatesDropped} duplicate(s) dropped",
  retryDlqSample: "DLQ record {id}: attempt {attempt}, reason: {reason}",
  summaryAcks: "{label}: {acked} acknowledged, {lost} lost, {dup} duplicated",
  summaryMinIsr: "min.insync.replicas=2: {refused} refused with 2 brokers down, {lost} lost",
  summaryIdem: "{label}: {lost} lost, {dup} duplicated",
  summarySem: "{mode}: {lost} lost, {reprocessed} processed twice",
  summaryEos: "exactly-once, {kills} kill(s): {dup} duplicated, {missing} missing (read_committed)",
  summaryRetry: "retry/DLQ: {processedOnce} processed once, {inDlq} in the DLQ, {lost} lost",
  summaryTime: "the lab took {seconds} s",
};

const ru: Translation<typeof en> = {
  title: "Лабораторная 5: гарантии доставки при сбоях",
  theory: [
    "Гарантия стоит ровно столько, сколько она выдерживает при сбое. В этой лабораторной сбои устраиваются намеренно: посреди потока записей убивается брокер-лидер партиции, останавливаются два брокера из трёх, убиваются потребители и обработчики в середине работы. Затем каждая часть перечитывает топики и считает по идентификатору сообщения: отправлено, подтверждено Kafka, действительно найдено в топике, потеряно (подтверждено, но отсутствует) и продублировано. Числа измерены в этом запуске и от запуска к запуску могут отличаться.",
    "Сторона производителя. acks=0 не ждёт никакого ответа; acks=1 ждёт только лидера партиции; acks=all ждёт, пока запись получат все синхронные реплики (ISR). min.insync.replicas задаёт, сколько реплик должно быть в ISR, чтобы запись с acks=all вообще приняли: при факторе репликации 3 и min.insync.replicas=2 один брокер может отказать, и ничего не потеряется и не будет отклонено. Повторные попытки (retries) заново отправляют запрос, ответ на который потерян; без идемпотентности брокер может записать запись дважды. Идемпотентный производитель нумерует свои записи (идентификатор производителя и порядковый номер), и брокер отбрасывает повтор.",
    "Сторона потребителя. Если фиксировать (commit) смещение до обработки, сбой теряет записи обрабатываемой группы (не более одного раза, at-most-once); если после — сбой обрабатывает их повторно (не менее одного раза, at-least-once). Ровно один раз (exactly-once) внутри Kafka требует транзакционного производителя, который пишет результат и прочитанные смещения в одной транзакции, и читателей с isolation.level=read_committed. Обработчик, который иногда падает, не должен блокировать партицию: нужен топик повторов со счётчиком попыток и задержкой, затем топик ошибочных записей (DLQ) и отбрасывание дублей по заголовку с идентификатором сообщения.",
  ],
  questions: [
    "Какая настройка acks может сообщить об успехе для записи, которой потом нет в топике, и почему?",
    "Почему acks=all с min.insync.replicas=2 отклонял запись, когда два брокера из трёх были остановлены, и почему отклонённая запись — не потерянная?",
    "Как брокер узнаёт запись, повторно отправленную идемпотентным производителем? Какие два числа он сравнивает?",
    "Почему собственный механизм повторов клиента может сломать идемпотентность? Что должно оставаться неизменным между попытками отправки записи?",
    "Где должна стоять фиксация смещения для обработки at-most-once и at-least-once? Что убитый потребитель потерял или повторил в каждом случае?",
    "Что входит в транзакцию шага «прочитать — преобразовать — записать»? Почему читатель read_uncommitted видит больше записей, чем read_committed?",
    "Зачем отправлять падающую запись в топик повторов, а не повторять её на месте? Что должна нести запись в DLQ?",
  ],
  part1: "acks=0 / 1 / all, когда лидер партиции убит",
  part1Explain:
    "Три топика (фактор репликации 3, по одной партиции) ведёт один и тот же брокер. В каждый идёт одинаковый поток, по одному на настройку acks; на трети пути лидер убивается сигналом SIGKILL, потом запускается снова. Для acks=all задано min.insync.replicas=2, для остальных 1.",
  part2: "min.insync.replicas=2 в топике с фактором репликации 3",
  part2Explain:
    "Два брокера из трёх останавливаются. Теперь запись с acks=all должна отклоняться с NOT_ENOUGH_REPLICAS (отклонена, а не потеряна: производитель об этом знает). Затем брокеры запускаются снова, ISR вырастает обратно до 3, и отклонённые записи отправляются ещё раз.",
  part3: "Идемпотентность, когда брокеры убиваются",
  part3Explain:
    "Одинаковый поток одновременно идёт от нескольких производителей в отдельные топики (3 партиции, фактор репликации 3, min.insync.replicas=2), пока брокеры убиваются и запускаются снова. Дубли считаются по идентификатору сообщения.",
  part4: "Семантика потребителя: фиксация до или после обработки",
  part4Explain:
    "Потребитель в дочернем процессе обрабатывает группы по {batch} записей и фиксирует смещение либо до обработки группы (at-most-once), либо после неё (at-least-once). Его убивают сигналом SIGKILL посреди группы, затем новый потребитель той же группы дочитывает до конца.",
  part5: "Ровно один раз: транзакционный шаг «прочитать — преобразовать — записать»",
  part5Explain:
    "Дочерний процесс копирует входной топик в выходной; каждая группа из 10 записей — одна транзакция, в которой и выходные записи, и смещения входа (sendOffsets). Его убивают посреди транзакции и каждый раз запускают снова (всего убийств: {kills}); новый обработчик отстраняет (fencing) убитого, и его открытая транзакция прерывается.",
  part6: "Топик повторов и топик ошибочных записей (DLQ)",
  part6Explain:
    "Обработчик падает на каждой 4-й записи дважды (временный сбой) и на каждой 15-й всегда («ядовитая» запись). Упавшая запись уходит в <topic>.retry с заголовками номера попытки и времени «не раньше», после {max} неудач — в <topic>.dlq с причиной. Каждая 10-я запись отправлена дважды; копия отбрасывается по заголовку message-id.",
  colRun: "запуск",
  colSent: "отправлено",
  colAcked: "подтверждено",
  colFailed: "ошибка",
  colFound: "в топике",
  colLost: "потеряно",
  colDuplicated: "дублей",
  brokerKilled: "брокер {broker} убит (SIGKILL)",
  brokerStopped: "брокер {broker} остановлен (SIGTERM: управляемое завершение)",
  brokerBack: "брокер {broker} запущен снова; ISR снова полный через {seconds} с",
  brokerBackShort: "брокер {broker} запущен снова; ISR снова полный",
  brokerNotBack: "брокер {broker} запущен снова, но ISR ещё не полный; см. `kafka-lab status`",
  workerFailed:
    "дочерний процесс завершился с кодом {code}; запустите с --verbose, чтобы увидеть его ошибки",
  acksTopics: "создано топиков: {count}, все ведёт брокер {leader}",
  acksLost:
    "{label}: подтверждённых записей нет в топике: {lost}. Производителю ответили «да», а записей больше нет.",
  acksDuplicated:
    "{label}: из подтверждённого ничего не потеряно, но записей в топике дважды: {dup}. Повторная попытка заново отправила запросы, ответ на которые потерялся.",
  acksClean:
    "{label}: в этом запуске ничего не потеряно и не продублировано; производителю сообщено об ошибке для записей: {failed}.",
  minIsrTopic: "топик {topic}: фактор репликации 3, min.insync.replicas=2, ISR {isr}",
  minIsrIsrNow: "ISR сейчас: {isr}",
  minIsrRefused:
    "отклонено записей с acks=all: {refused} из {count} ({codes}); производитель знает, что они не записаны",
  minIsrInTopic: "записей в топике после отклонённых попыток: {count}",
  minIsrAcks1Ok:
    "запись с acks=1 при этом прошла: min.insync.replicas защищает только acks=all, и у этой записи сейчас одна копия",
  minIsrAcks1Failed: "запись с acks=1 тоже не прошла ({code})",
  minIsrBack: "брокеры запущены снова: ISR {isr} через {seconds} с",
  minIsrNotBack: "брокеры запущены снова, но через {seconds} с ISR только {isr}",
  minIsrResent:
    "отклонённые записи отправлены ещё раз: подтверждено {acked} из {count}, в топике {found}",
  minIsrRowDown: "2 брокера остановлены",
  minIsrRowUp: "все брокеры работают",
  idemPlain: "без идемпотентности",
  idemKafkajs: "идемпотентный kafkajs, небезопасно",
  idemSafe: "идемпотентный, партиция зафиксирована",
  idemTopics: "создано топиков: {count}; запланировано убийств брокера: {kills}",
  idemKillsDone: "убийств брокера выполнено: {kills} из {planned}",
  idemPlainDup:
    "{label}: дублей: {dup}. Запрос был записан, ответ на него пропал вместе с брокером, и повторная попытка записала его ещё раз.",
  idemPlainNoDup:
    "{label}: в этом запуске дублей нет. Для дубля нужен запрос, который записан и реплицирован, но ответ на который потерян ровно в момент убийства брокера; на быстром локальном кластере это окно короткое, так что это везение, а не гарантия.",
  idemKafkajsBroken:
    "{label}: потеряно {lost}, дублей {dup}. При повторе отправки kafkajs заново вызывает распределитель по партициям, и запись без ключа уходит в другую партицию, а её порядковые номера откатываются: брокер затем отбрасывает следующую запись как дубль или принимает какую-то дважды.",
  idemKafkajsLucky:
    "{label}: в этом запуске ничего не потеряно и не удвоено; перераспределение при повторе срабатывает, только когда повторная отправка переносит записи между партициями, поэтому запустите ещё раз или с большим --kills.",
  idemSafeOk:
    "{label}: потеряно 0, дублей 0: партиция каждой записи выбрана до первой попытки, а производитель после неудачной отправки заменён",
  idemSafeBad: "{label}: потеряно {lost}, дублей {dup}, хотя безопасный путь должен это исключать",
  semProduced: "в {topic} записано записей: {count}",
  semBefore: "фиксация до обработки",
  semAfter: "фиксация после обработки",
  semKilled: "{mode}: потребитель убит после обработки записей: {n}",
  semResultBefore:
    "at-most-once: из {input} записей ни разу не обработано (потеряно) {lost}, обработано дважды {reprocessed}",
  semResultAfter:
    "at-least-once: из {input} записей потеряно {lost}, обработано дважды {reprocessed}",
  semExplain:
    "Фиксация до обработки передвинула группу дальше записей, которые так и не были обработаны; фиксация после обработки заставила нового потребителя повторить ту часть группы, которую успел сделать убитый. Обычный выбор — at-least-once плюс идемпотентная обработка (запоминать обработанные идентификаторы).",
  eosProduced: "в {input} записано записей: {count}; обработчик копирует их в {output}",
  eosKilled:
    "обработчик убит посреди транзакции ({k}); до этого зафиксировано транзакций: {committed}",
  eosCommittedOk:
    "read_committed: различных идентификаторов {distinct} из {input}, дублей {dup}, пропущено {missing}: каждая входная запись ровно один раз",
  eosCommittedBad:
    "read_committed: различных идентификаторов {distinct} из {input}, дублей {dup}, пропущено {missing}",
  eosUncommitted:
    "read_uncommitted: записей {records}, из них копий из прерванных транзакций: {dup}",
  retryProduced: "в {topic} записано записей: {records} (идентификаторов: {ids})",
  retryTimeout: "вовремя обработано или отправлено в DLQ только {done} из {count} записей",
  retryResult:
    "идентификаторов {input}: обработано один раз {processedOnce}, дважды {processedTwice}, в DLQ {inDlq} (с причиной {dlqReasons}), потеряно {lost}; повторов {retried}, отброшено дублей {duplicatesDropped}",
  retryDlqSample: "запись {id} в DLQ: попытка {attempt}, причина: {reason}",
  summaryAcks: "{label}: подтверждено {acked}, потеряно {lost}, дублей {dup}",
  summaryMinIsr:
    "min.insync.replicas=2: при двух остановленных брокерах отклонено {refused}, потеряно {lost}",
  summaryIdem: "{label}: потеряно {lost}, дублей {dup}",
  summarySem: "{mode}: потеряно {lost}, обработано дважды {reprocessed}",
  summaryEos:
    "ровно один раз, убийств обработчика {kills}: дублей {dup}, пропущено {missing} (read_committed)",
  summaryRetry: "повторы/DLQ: обработано один раз {processedOnce}, в DLQ {inDlq}, потеряно {lost}",
  summaryTime: "лабораторная заняла {seconds} с",
};

/** Lab 5's texts. */
export const LAB5_TEXT: Bilingual<typeof en> = { en, ru };
