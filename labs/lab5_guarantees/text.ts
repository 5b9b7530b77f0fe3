/**
 * Lab 5's texts in English and Russian.
 * @module
 */
import { type Bilingual, fillText, type Text, type Translation } from "../../lib/i18n.ts";
import { FAULT_TEXT } from "./text_faults.ts";

const en = {
  title: "Lab 5: delivery guarantees under failure",
  theory: [
    "A guarantee is only as good as what happens when something breaks. This lab breaks things on purpose and sets each failure up so that its outcome is certain: it pauses brokers (SIGSTOP: a hung broker, as in a long GC pause or a network stall), kills the partition leader, stops a broker until the in-sync replicas are too few for acks=all, and kills consumers and processors in the middle of their work. Each part prints a timeline of what it did and what the cluster said (leader, leader epoch, ISR, high watermark), then reads the topics back and counts by message id: sent, acknowledged by Kafka, really found in the topic, lost (acknowledged yet missing) and duplicated.",
    "Producer side. acks=0 does not wait for any answer; acks=1 waits for the partition leader only; acks=all waits until every in-sync replica (ISR) has the record. min.insync.replicas sets how many replicas the ISR must have for acks=all to be accepted at all: with replication factor 3 and min.insync.replicas=2 one broker may fail without losing or refusing anything. Retries re-send a request whose answer was lost; without idempotence the broker may then write the record twice. An idempotent producer numbers its records (producer id + sequence), and the broker drops a repeat.",
    "Consumer side. Commit the offset before processing and a crash loses the records of the group being processed (at-most-once); commit after and a crash processes them again (at-least-once). Exactly-once inside Kafka needs a transactional producer that writes the output and the consumed offsets in one transaction, and readers with isolation.level=read_committed. A handler that fails now and then should not block its partition: a retry topic with an attempt counter and a delay, then a dead letter queue (DLQ), and de-duplication by a message id header.",
  ],
  questions: [
    "Which acks setting can report success for a record that is not in the topic afterwards, and why?",
    "Why were acks=all writes accepted with one broker of three down and min.insync.replicas=2, and refused once the ISR was smaller than min.insync.replicas? Why is a refused write not a lost one?",
    "Why does this lab not stop two of the three brokers to shrink the ISR below min.insync.replicas=2? What would a cluster with separate controllers change?",
    "How does the broker recognise a record re-sent by an idempotent producer? Which two numbers does it compare?",
    "Why can a client's own retry path break idempotence (see `kafka-lab lab5 idempotence --unsafe-partitioning`)? What must stay fixed between the attempts of a record?",
    "Where must the offset commit go for at-most-once and for at-least-once processing? What did the killed consumer lose or repeat in each case?",
    "What does a transaction of a consume-transform-produce step contain? Why does a read_uncommitted reader see more records than a read_committed one?",
    "Why send a failing record to a retry topic instead of retrying it in place? What must the DLQ record carry?",
  ],
  part1: "acks=0 / 1 / all: a hung follower, a dead leader",
  part1Explain:
    "Three topics (replication factor 3, one partition each) are led by the same broker. Each outcome is set up on purpose: both followers are paused (SIGSTOP: a hung broker, as in a long GC pause), so only the leader can take a record; acks=1 and acks=all (min.insync.replicas=2) records are sent; then the leader is paused too and acks=0 records are sent; the leader is killed (SIGKILL), the followers resume and one of them is elected; the old leader starts again. A few records per setting, counted by id.",
  part2: "min.insync.replicas on a topic with replication factor 3",
  part2Explain:
    "The topic has replication factor 3 and min.insync.replicas=2. Broker 3 is stopped: acks=all writes still go through, because the ISR (2 replicas) is not smaller than min.insync.replicas. Then min.insync.replicas is raised to 3, so the ISR is one replica short, as it would be with two of three brokers down: acks=all writes must now be refused with NOT_ENOUGH_REPLICAS (refused, not lost: the producer is told). Broker 3 starts again, the ISR grows back to 3 and the refused records are sent again.\nWhy not stop a second broker? Each of the 3 nodes of this cluster is also a KRaft controller. With two stopped, the one left is not a majority of the metadata quorum: no leader could be elected and no ISR change recorded until they come back (`kafka-lab broker stop` refuses it). On a cluster with separate controllers, stopping two brokers gives the same refusal.",
  part3: "Idempotence: a retry after a timeout",
  part3Explain:
    "Two producers with acks=all and retries, one not idempotent, one idempotent, send the same few records to their own topic (one partition, replication factor 3, min.insync.replicas=2). Both followers are paused first, so the leader appends the records but cannot get them confirmed: the request times out and the producers retry. No broker is killed. Duplicates are counted by message id. (`--unsafe-partitioning` adds an aside on a kafkajs bug.)",
  part4: "Consumer semantics: commit before or after processing",
  part4Explain:
    "A consumer in a child process handles groups of {batch} records and commits either before processing a group (at-most-once) or after it (at-least-once). It is killed with SIGKILL in the middle of a group, then a new consumer of the same group runs to the end.",
  part5: "Exactly-once: a transactional consume-transform-produce step",
  part5Explain:
    "A child process copies an input topic to an output topic, partition n to partition n; each group of 10 records is one transaction holding the output records and the input offsets (sendOffsets). It is killed in the middle of a transaction {kills} time(s) and started again; the restarted processor fences the dead one and its open transaction is aborted.",
  part6: "Retry topic and dead letter queue",
  part6Explain:
    "A handler fails for every 4th record twice (transient) and for every 15th always (poison). A failed record goes to <topic>.retry with attempt and not-before headers, after {max} failures to <topic>.dlq with the reason. Every 10th record is sent twice; the copy is dropped by its message-id header.",
  colRun: "run",
  colSent: "sent",
  colAcked: "acknowledged",
  reportedSentCell: "{n} reported sent",
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
  minIsrTopic: "topic {topic}: replication factor 3, min.insync.replicas=2, ISR {isr}",
  minIsrTolerated:
    "one broker down, ISR {isr}: {acked} of {count} acks=all writes acknowledged (min.insync.replicas=2 tolerates one failure)",
  minIsrRaised:
    "min.insync.replicas raised to 3: the ISR (2) is now smaller than min.insync.replicas, as with two of three brokers down at min.insync.replicas=2",
  minIsrRefused:
    "{refused} of {count} acks=all writes refused ({codes}): the producer knows they were not written",
  minIsrInTopic:
    "records in the topic after the refused writes: {count}, of which {before} were accepted before them",
  minIsrAcks1Ok:
    "an acks=1 write went through all the same: min.insync.replicas only guards acks=all, and acks=1 does not wait for any follower, so the leader may hold the only copy when it answers",
  minIsrAcks1Failed: "an acks=1 write failed too ({code})",
  minIsrBack: "broker 3 started again: ISR {isr} after {seconds} s",
  minIsrNotBack: "broker 3 started again, but the ISR is only {isr} after {seconds} s",
  minIsrResent:
    "the refused records sent again: {acked} of {count} acknowledged, {found} in the topic",
  minIsrRowOneDown: "1 down, min.isr=2",
  minIsrRowDown: "1 down, min.isr=3",
  minIsrRowUp: "all up, sent again",
  idemPlain: "no idempotence",
  idemKafkajs: "kafkajs idempotent, unsafe",
  idemSafe: "idempotent, fixed partition",
  idemTopics: "{count} topics created; {kills} broker kill(s) planned",
  idemKillsDone: "broker kills done: {kills} of {planned}",
  idemFailed:
    "{label}: {failed} record(s) reported as failed to the producer ({codes}): not lost, the application was told and can send them again.",
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
  summaryMinIsr:
    "min.insync.replicas: {tolerated} accepted with one broker down, {refused} refused with the ISR short, {lost} lost",
  summaryIdem: "{label}: {lost} lost, {dup} duplicated",
  summarySem: "{mode}: {lost} lost, {reprocessed} processed twice",
  summaryEos: "exactly-once, {kills} kill(s): {dup} duplicated, {missing} missing (read_committed)",
  summaryRetry: "retry/DLQ: {processedOnce} processed once, {inDlq} in the DLQ, {lost} lost",
  summaryTime: "the lab took {seconds} s",
  partsBad: "--parts takes numbers 1 to 6, not '{item}'",
  partsHint: "for example --parts 1,3,5",
  needBrokers: "lab 5 needs the 3 brokers of the local cluster running; running now: {now}",
  needBrokersHint: "start them with `kafka-lab up` (it starts the stopped ones)",
  coordinatorNotReady:
    "the coordinator of group {group} took no commit within 60 s; see `kafka-lab status`",
  readTimeout: "reading {topic} back did not reach its end within {seconds} s",
  readTimeoutHint: "see `kafka-lab status`: a broker may be down or a transaction still open",
  workerStderr: "worker stderr: {errors}",
};

const ru: Translation<typeof en> = {
  title: "Лабораторная 5: гарантии доставки при сбоях",
  theory: [
    "Гарантия стоит ровно столько, сколько она выдерживает при сбое. В этой лабораторной сбои устраиваются намеренно и так, чтобы исход был предсказуем: брокеры приостанавливаются (SIGSTOP — зависший брокер, как при долгой сборке мусора или сбое сети), лидер партиции убивается, брокер останавливается, пока синхронных реплик не станет слишком мало для acks=all, консьюмеры и обработчики убиваются в середине работы. Каждая часть показывает хронологию: что она сделала и что сообщил кластер (лидер, эпоха лидера, ISR, high watermark), затем перечитывает топики и считает по идентификатору сообщения: отправлено, подтверждено Kafka, действительно найдено в топике, потеряно (подтверждено, но отсутствует) и продублировано.",
    "Сторона продюсера. acks=0 не ждёт никакого ответа; acks=1 ждёт только лидера партиции; acks=all ждёт, пока запись получат все синхронные реплики (ISR). min.insync.replicas задаёт, сколько реплик должно быть в ISR, чтобы запись с acks=all вообще приняли: при факторе репликации 3 и min.insync.replicas=2 один брокер может отказать, и ничего не потеряется и не будет отклонено. Повторные попытки (retries) заново отправляют запрос, ответ на который потерян; без идемпотентности брокер может записать запись дважды. Идемпотентный продюсер нумерует свои записи (идентификатор продюсера и порядковый номер), и брокер отбрасывает повтор.",
    "Сторона консьюмера. Если фиксировать (commit) смещение до обработки, сбой теряет записи обрабатываемой группы (не более одного раза, at-most-once); если после — сбой обрабатывает их повторно (не менее одного раза, at-least-once). Ровно один раз (exactly-once) внутри Kafka требует транзакционного продюсера, который пишет результат и прочитанные смещения в одной транзакции, и читателей с isolation.level=read_committed. Обработчик, который иногда падает, не должен блокировать партицию: нужен топик повторов со счётчиком попыток и задержкой, затем топик ошибочных записей (DLQ) и отбрасывание дублей по заголовку с идентификатором сообщения.",
  ],
  questions: [
    "Какая настройка acks может сообщить об успехе для записи, которой потом нет в топике, и почему?",
    "Почему при одном остановленном брокере из трёх и min.insync.replicas=2 запись с acks=all принималась, а когда ISR стал меньше min.insync.replicas — отклонялась? Почему отклонённая запись — не потерянная?",
    "Почему эта лабораторная не останавливает два брокера из трёх, чтобы ISR стал меньше min.insync.replicas=2? Что изменилось бы в кластере с отдельными контроллерами?",
    "Как брокер узнаёт запись, повторно отправленную идемпотентным продюсером? Какие два числа он сравнивает?",
    "Почему собственный механизм повторов клиента может сломать идемпотентность (см. `kafka-lab lab5 idempotence --unsafe-partitioning`)? Что должно оставаться неизменным между попытками отправки записи?",
    "Где должна стоять фиксация смещения для обработки at-most-once и at-least-once? Что убитый консьюмер потерял или повторил в каждом случае?",
    "Что входит в транзакцию шага «прочитать — преобразовать — записать»? Почему читатель read_uncommitted видит больше записей, чем read_committed?",
    "Зачем отправлять падающую запись в топик повторов, а не повторять её на месте? Что должна нести запись в DLQ?",
  ],
  part1: "acks=0 / 1 / all: зависший фолловер, погибший лидер",
  part1Explain:
    "Три топика (фактор репликации 3, по одной партиции) ведёт один и тот же брокер. Каждый исход подстраивается намеренно: оба фолловера приостанавливаются (SIGSTOP — зависший брокер, как при долгой сборке мусора), так что запись может принять только лидер; отправляются записи с acks=1 и acks=all (min.insync.replicas=2); затем приостанавливается и лидер, и отправляются записи с acks=0; лидер убивается (SIGKILL), фолловеры продолжают работу, и один из них избирается лидером; старый лидер запускается снова. По несколько записей на настройку, подсчёт по идентификатору.",
  part2: "min.insync.replicas в топике с фактором репликации 3",
  part2Explain:
    "У топика фактор репликации 3 и min.insync.replicas=2. Брокер 3 останавливается: запись с acks=all по-прежнему проходит, потому что ISR (2 реплики) не меньше min.insync.replicas. Затем min.insync.replicas поднимается до 3, и в ISR не хватает одной реплики — как если бы были остановлены два брокера из трёх: теперь запись с acks=all должна отклоняться с NOT_ENOUGH_REPLICAS (отклонена, а не потеряна: продюсер об этом знает). Брокер 3 запускается снова, ISR вырастает обратно до 3, и отклонённые записи отправляются ещё раз.\nПочему не остановить второй брокер? Каждый из 3 узлов этого кластера — ещё и контроллер KRaft. Если остановить два, оставшийся не составляет большинства кворума метаданных: пока они не вернутся, нельзя ни выбрать лидера, ни записать изменение ISR (`kafka-lab broker stop` этого не позволяет). В кластере с отдельными контроллерами остановка двух брокеров дала бы такой же отказ.",
  part3: "Идемпотентность: повтор после таймаута",
  part3Explain:
    "Два продюсера с acks=all и повторами, один не идемпотентный, другой идемпотентный, отправляют одни и те же несколько записей каждый в свой топик (одна партиция, фактор репликации 3, min.insync.replicas=2). Сначала оба фолловера приостанавливаются, поэтому лидер записывает записи, но не может получить подтверждение: время запроса истекает, и продюсеры повторяют отправку. Ни один брокер не убивается. Дубли считаются по идентификатору сообщения. (`--unsafe-partitioning` добавляет отступление об ошибке kafkajs.)",
  part4: "Семантика консьюмера: фиксация до или после обработки",
  part4Explain:
    "Консьюмер в дочернем процессе обрабатывает группы по {batch} записей и фиксирует смещение либо до обработки группы (at-most-once), либо после неё (at-least-once). Его убивают сигналом SIGKILL посреди группы, затем новый консьюмер той же группы дочитывает до конца.",
  part5: "Ровно один раз: транзакционный шаг «прочитать — преобразовать — записать»",
  part5Explain:
    "Дочерний процесс копирует входной топик в выходной, партицию n в партицию n; каждая группа из 10 записей — одна транзакция, в которой и выходные записи, и смещения входа (sendOffsets). Его убивают посреди транзакции и каждый раз запускают снова (всего убийств: {kills}); новый обработчик отстраняет (fencing) убитого, и его открытая транзакция прерывается.",
  part6: "Топик повторов и топик ошибочных записей (DLQ)",
  part6Explain:
    "Обработчик падает на каждой 4-й записи дважды (временный сбой) и на каждой 15-й всегда («ядовитая» запись). Упавшая запись уходит в <topic>.retry с заголовками номера попытки и времени «не раньше», после {max} неудач — в <topic>.dlq с причиной. Каждая 10-я запись отправлена дважды; копия отбрасывается по заголовку message-id.",
  colRun: "запуск",
  colSent: "отправлено",
  colAcked: "подтверждено",
  reportedSentCell: "{n} «отправлено»",
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
  minIsrTopic: "топик {topic}: фактор репликации 3, min.insync.replicas=2, ISR {isr}",
  minIsrTolerated:
    "один брокер остановлен, ISR {isr}: подтверждено записей с acks=all: {acked} из {count} (min.insync.replicas=2 выдерживает один отказ)",
  minIsrRaised:
    "min.insync.replicas поднят до 3: ISR (2) теперь меньше min.insync.replicas — как при двух остановленных брокерах из трёх и min.insync.replicas=2",
  minIsrRefused:
    "отклонено записей с acks=all: {refused} из {count} ({codes}); продюсер знает, что они не записаны",
  minIsrInTopic:
    "записей в топике после отклонённых попыток: {count}, из них принятых ранее: {before}",
  minIsrAcks1Ok:
    "запись с acks=1 при этом прошла: min.insync.replicas защищает только acks=all, а acks=1 не ждёт ни одного фолловера, так что в момент ответа единственная копия может быть только у лидера",
  minIsrAcks1Failed: "запись с acks=1 тоже не прошла ({code})",
  minIsrBack: "брокер 3 запущен снова: ISR {isr} через {seconds} с",
  minIsrNotBack: "брокер 3 запущен снова, но через {seconds} с ISR только {isr}",
  minIsrResent:
    "отклонённые записи отправлены ещё раз: подтверждено {acked} из {count}, в топике {found}",
  minIsrRowOneDown: "1 остановлен, min.isr=2",
  minIsrRowDown: "1 остановлен, min.isr=3",
  minIsrRowUp: "все работают, повтор",
  idemPlain: "без идемпотентности",
  idemKafkajs: "идемпотентный kafkajs, небезопасно",
  idemSafe: "идемпотентный, партиция зафиксирована",
  idemTopics: "создано топиков: {count}; запланировано убийств брокера: {kills}",
  idemKillsDone: "убийств брокера выполнено: {kills} из {planned}",
  idemFailed:
    "{label}: продюсеру сообщено об ошибке для записей: {failed} ({codes}); это не потеря: приложение знает о них и может отправить их ещё раз.",
  idemPlainDup:
    "{label}: дублей: {dup}. Запрос был записан, ответ на него пропал вместе с брокером, и повторная попытка записала его ещё раз.",
  idemPlainNoDup:
    "{label}: в этом запуске дублей нет. Для дубля нужен запрос, который записан и реплицирован, но ответ на который потерян ровно в момент убийства брокера; на быстром локальном кластере это окно короткое, так что это везение, а не гарантия.",
  idemKafkajsBroken:
    "{label}: потеряно {lost}, дублей {dup}. При повторе отправки kafkajs заново вызывает партиционер, и запись без ключа уходит в другую партицию, а её порядковые номера откатываются: брокер затем отбрасывает следующую запись как дубль или принимает какую-то дважды.",
  idemKafkajsLucky:
    "{label}: в этом запуске ничего не потеряно и не удвоено; перераспределение при повторе срабатывает, только когда повторная отправка переносит записи между партициями, поэтому запустите ещё раз или с большим --kills.",
  idemSafeOk:
    "{label}: потеряно 0, дублей 0: партиция каждой записи выбрана до первой попытки, а продюсер после неудачной отправки заменён",
  idemSafeBad: "{label}: потеряно {lost}, дублей {dup}, хотя безопасный путь должен это исключать",
  semProduced: "в {topic} записано записей: {count}",
  semBefore: "фиксация до обработки",
  semAfter: "фиксация после обработки",
  semKilled: "{mode}: консьюмер убит после обработки записей: {n}",
  semResultBefore:
    "at-most-once: из {input} записей ни разу не обработано (потеряно) {lost}, обработано дважды {reprocessed}",
  semResultAfter:
    "at-least-once: из {input} записей потеряно {lost}, обработано дважды {reprocessed}",
  semExplain:
    "Фиксация до обработки передвинула группу дальше записей, которые так и не были обработаны; фиксация после обработки заставила нового консьюмера повторить ту часть группы, которую успел сделать убитый. Обычный выбор — at-least-once плюс идемпотентная обработка (запоминать обработанные идентификаторы).",
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
    "min.insync.replicas: при одном остановленном брокере принято {tolerated}, при неполном ISR отклонено {refused}, потеряно {lost}",
  summaryIdem: "{label}: потеряно {lost}, дублей {dup}",
  summarySem: "{mode}: потеряно {lost}, обработано дважды {reprocessed}",
  summaryEos:
    "ровно один раз, убийств обработчика {kills}: дублей {dup}, пропущено {missing} (read_committed)",
  summaryRetry: "повторы/DLQ: обработано один раз {processedOnce}, в DLQ {inDlq}, потеряно {lost}",
  summaryTime: "лабораторная заняла {seconds} с",
  partsBad: "--parts принимает числа от 1 до 6, а не '{item}'",
  partsHint: "например --parts 1,3,5",
  needBrokers:
    "лабораторной 5 нужны 3 работающих брокера локального кластера; сейчас работают: {now}",
  needBrokersHint: "запустите их: `kafka-lab up` (он запускает остановленные)",
  coordinatorNotReady:
    "координатор группы {group} не принял фиксацию смещений за 60 с; см. `kafka-lab status`",
  readTimeout: "чтение {topic} не дошло до конца топика за {seconds} с",
  readTimeoutHint:
    "посмотрите `kafka-lab status`: возможно, брокер остановлен или транзакция ещё открыта",
  workerStderr: "вывод дочернего процесса в stderr: {errors}",
};

/** Lab 5's texts. */
export const LAB5_TEXT: Bilingual<typeof en & typeof FAULT_TEXT.en> = {
  en: { ...en, ...FAULT_TEXT.en },
  ru: { ...ru, ...FAULT_TEXT.ru },
};

/** The keys of the table's single lines (not of its lists). */
type AllText = typeof en & typeof FAULT_TEXT.en;
export type LineKey = {
  [K in keyof AllText]: AllText[K] extends string ? K : never;
}[keyof AllText];

/**
 * One line of the table in both languages, placeholders filled: for errors,
 * whose language is picked when they are printed.
 */
export function bothLanguages(
  key: LineKey,
  vars: Readonly<Record<string, string | number>> = {},
): Text {
  return fillText({ en: LAB5_TEXT.en[key], ru: LAB5_TEXT.ru[key] }, vars);
}
