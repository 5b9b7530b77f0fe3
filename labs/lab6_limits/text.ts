/**
 * Lab 6's texts in English and Russian.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { type Bilingual, pick, type Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 6: consumer liveness, retention, message size, min.insync.replicas",
  theory: [
    "A group member proves it is alive by heartbeats to the group coordinator. heartbeat.interval.ms is how often it sends one, usually a third of session.timeout.ms, which is how long the coordinator waits without one before it removes the member and gives its partitions to the others. The Java client sends heartbeats from a background thread, so a slow processing loop does not stop them: for that it has a separate clock, max.poll.interval.ms, the longest time between two poll() calls (5 minutes by default, longer than the 45 s session). The order 'heartbeat < max.poll.interval < session.timeout' is wrong: heartbeat is well under the session, and max.poll.interval.ms measures processing, not liveness. kafkajs has no background heartbeat and no max.poll.interval.ms: it heartbeats between batches, so processing longer than the session removes the member.",
    "A removed member is no longer part of the group's generation: its commits are refused (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION or REBALANCE_IN_PROGRESS), and the member that gets the partition starts from the last committed offset, so records are processed twice. Commit after processing and make processing idempotent.",
    "A partition is stored as segments of up to segment.bytes. Retention deletes whole closed segments, never single records, and never the active segment: by age (retention.ms, compared with the newest record of a segment) or by size (retention.bytes, per partition, not per topic). The brokers look for such segments every log.retention.check.interval.ms. The first offset still stored is the log start offset; a group whose committed offset fell below it resumes by auto.offset.reset: earliest (the log start), latest (the end) or none (an error).",
    "The broker refuses a record batch bigger than the topic's max.message.bytes (the broker's message.max.bytes is the default for topics) with MESSAGE_TOO_LARGE: the limit applies to the batch as sent, so several small records in one request can exceed it. The producer must be allowed to send it (Java: max.request.size, and batch.size for batching); consumers fetch a batch larger than their fetch.max.bytes / max.partition.fetch.bytes anyway (those limits are soft since Kafka 0.10.1).",
    "min.insync.replicas is how many replicas, the leader included, must be in sync for an acks=all write to be accepted. Kafka accepts a value above the replication factor without a word and uses min(min.insync.replicas, replicas): every replica must then be in sync, so one replica falling behind stops acks=all writes. Set it to the replication factor minus one.",
  ],
  stepLiveness: "Consumer liveness: a member stuck in processing is removed (group {group})",
  stepLivenessExplain:
    "Member A takes this run's {count} records of {topic} and processes them for longer than session.timeout.ms ({session} ms, heartbeat.interval.ms {heartbeat} ms) without returning, so kafkajs sends no heartbeat. Member B joins the same group.",
  stepRetention: "Retention: the log start offset moves past a group (topic {topic})",
  stepRetentionExplain:
    "Segments of 1 MiB, retention.bytes 1 MiB per partition. Group {group} stops at the end; {mib} MiB are written to every partition; the run waits for the brokers' retention check, then the group resumes.",
  stepSize: "Message size: a batch over max.message.bytes is refused (topic {topic})",
  stepSizeExplain:
    "The topic's max.message.bytes is {limit} bytes. Three sends: one record that fits, one that does not, and three records that each fit, in one request.",
  stepMinIsr: "min.insync.replicas above the replication factor (topic {topic})",
  stepMinIsrExplain:
    "The topic has {replicas} replicas and min.insync.replicas={minIsr}. Kafka accepts that; an acks=all write shows what it enforces.",
  topicReady: "{topic}: partitions {partitions}, replication factor {rf}",
  livenessStuck: "member A took offsets {offsets} and keeps processing them: no heartbeat goes out",
  livenessRemoved:
    "after {seconds} s without a heartbeat the coordinator removed member A (session.timeout.ms {session} ms); member B got the partition",
  livenessNotRemoved: "member A was not removed from group {group}",
  livenessTwice:
    "member B processed offsets {offsets} from the last commit: {count} record(s) processed by both members",
  livenessNoTwice: "member B did not process the records member A had in hand",
  livenessRefused: "member A finished and committed: refused with {code}",
  livenessAccepted: "member A's late commit was not refused",
  livenessJava:
    "In the Java client a heartbeat thread would have kept A in the group; max.poll.interval.ms would have removed it when poll() was not called again in time.",
  retentionCheck:
    "the brokers look for segments to delete every {seconds} s (log.retention.check.interval.ms)",
  retentionSlowCheck:
    "this cluster checks only every {seconds} s, so the wait may be that long; a cluster started by `kafka-lab up` since lab 6 checks every 5 s (`kafka-lab down` then `kafka-lab up`)",
  retentionWritten:
    "{mib} MiB written: {records} records of 100 KiB to each of {partitions} partition(s); the group had committed {committed}",
  retentionMoved:
    "partition {partition}: log start offset {before} → {after} after {seconds} s; {skipped} record(s) deleted before group {group} read them",
  retentionNotMoved:
    "partition {partition}: the log start offset stayed at {after} (the group's committed offset is {committed})",
  retentionReset:
    "partition {partition}: the group's committed offset {committed} is below the log start, so it resumed at {offset} (auto.offset.reset=earliest)",
  retentionResetWrong:
    "partition {partition}: the group resumed at {offset}, not at the log start {expected}",
  retentionPerPartition:
    "Each partition keeps its own retention.bytes (and less than one segment more): the limit is per partition, so this topic of {partitions} partitions keeps more than 1 MiB.",
  sizeLimits:
    "topic max.message.bytes {limit} bytes; broker message.max.bytes {broker} bytes (the default of every topic)",
  sizeFits: "one record of {size} bytes",
  sizeTooLarge: "one record of {size} bytes",
  sizeBatch: "{count} records of {size} bytes in one request",
  sizeWritten: "{what}: a batch of about {bytes} bytes → written at offset {offset}",
  sizeRefused: "{what}: a batch of about {bytes} bytes → refused: {code}",
  sizeUnexpected: "{what}: a batch of about {bytes} bytes → {outcome}, expected {expected}",
  outcomeWritten: "written",
  outcomeRefused: "refused",
  sizeMatch:
    "To send a bigger record, raise max.message.bytes on the topic (and message.max.bytes for the broker's default); a Java producer also needs max.request.size at least as large.",
  minIsrAccepted:
    "{topic}: min.insync.replicas={minIsr} accepted with {replicas} replica(s), ISR {isr}",
  minIsrWritten:
    "an acks=all write succeeded at offset {offset}: the effective min ISR is min({minIsr}, {replicas}) = {effective}",
  minIsrRefused: "the acks=all write was refused: {code}",
  minIsrSpare:
    "With an effective min ISR of {effective} on {replicas} replicas, {spare} replica(s) may fall behind before acks=all writes stop. min.insync.replicas={advice} lets one fall behind.",
  summaryLiveness:
    "liveness: member removed after {seconds} s, late commit {code}, {count} record(s) processed twice",
  summaryRetention: "retention: log start offsets {moves}",
  summarySize: "size: {refused} of 3 sends refused over {limit} bytes",
  summaryMinIsr: "min ISR: configured {minIsr}, effective {effective} on {replicas} replica(s)",
  questions: [
    "Member A was removed from the group while it was still processing. Which setting decided when, what did its commit get back afterwards, and why were some records processed twice?",
    "The seed says heartbeat.interval.ms < max.poll.interval.ms < session.timeout.ms. What does each of the three measure, what are the Java client's defaults, and what is the right relation?",
    "Processing one batch may take 2 minutes. What do you set in the Java client, and what in kafkajs, so that the member is not removed?",
    "retention.bytes is 1 MiB on a topic of 2 partitions with 1 MiB segments. About how much can the topic hold, and why can a partition keep more than 1 MiB?",
    "A group's committed offset points to records retention has deleted. Where does the group resume with auto.offset.reset=earliest, latest and none?",
    "Three records of 4000 bytes were refused on a topic with max.message.bytes=10240, though each fits. Why? Which settings must agree for a 5 MB record to be written and read?",
    "min.insync.replicas=3 on a topic with 2 replicas: what does Kafka 4.1.1 do with it, what happens to acks=all writes when one replica falls behind, and what would you set instead?",
  ],
} as const;

const ru: Translation<typeof en> = {
  title:
    "Лабораторная работа 6: живость консьюмера, хранение, размер сообщения, min.insync.replicas",
  theory: [
    "Участник группы подтверждает, что жив, heartbeat-запросами координатору группы. heartbeat.interval.ms — как часто он их шлёт, обычно треть session.timeout.ms, а session.timeout.ms — сколько координатор ждёт без них, прежде чем исключить участника и отдать его партиции другим. Java-клиент шлёт heartbeat из фонового потока, поэтому медленная обработка их не останавливает: для неё есть отдельные часы — max.poll.interval.ms, наибольшее время между двумя вызовами poll() (по умолчанию 5 минут, дольше сессии в 45 с). Порядок «heartbeat < max.poll.interval < session.timeout» неверен: heartbeat намного меньше сессии, а max.poll.interval.ms измеряет обработку, а не живость. В kafkajs нет ни фонового heartbeat, ни max.poll.interval.ms: heartbeat отправляется между пакетами, поэтому обработка дольше сессии исключает участника.",
    "Исключённый участник больше не входит в поколение группы: его фиксации отклоняются (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION или REBALANCE_IN_PROGRESS), а участник, получивший партицию, начинает с последнего зафиксированного смещения, и записи обрабатываются дважды. Фиксируйте после обработки и делайте обработку идемпотентной.",
    "Партиция хранится сегментами до segment.bytes. Хранение (retention) удаляет только целые закрытые сегменты, не отдельные записи и никогда не активный сегмент: по возрасту (retention.ms сравнивается с самой новой записью сегмента) или по размеру (retention.bytes — на партицию, а не на топик). Брокеры ищут такие сегменты раз в log.retention.check.interval.ms. Первое ещё хранимое смещение — начальное смещение журнала (log start offset); группа, чьё зафиксированное смещение оказалось ниже него, продолжает по auto.offset.reset: earliest (с начала журнала), latest (с конца) или none (ошибка).",
    "Брокер отклоняет пакет записей больше max.message.bytes топика (message.max.bytes брокера — значение по умолчанию для топиков) с MESSAGE_TOO_LARGE: предел относится к пакету, как он отправлен, поэтому несколько маленьких записей в одном запросе могут его превысить. Продюсеру нужно разрешить такую отправку (в Java — max.request.size, а для пакетов batch.size); консьюмеры получают пакет больше своих fetch.max.bytes / max.partition.fetch.bytes всё равно (с Kafka 0.10.1 эти пределы мягкие).",
    "min.insync.replicas — сколько реплик, включая лидера, должны быть синхронны, чтобы запись с acks=all была принята. Kafka молча принимает значение больше фактора репликации и использует min(min.insync.replicas, число реплик): тогда синхронны должны быть все реплики, и отставание одной останавливает запись с acks=all. Ставьте фактор репликации минус один.",
  ],
  stepLiveness:
    "Живость консьюмера: участника, застрявшего в обработке, исключают (группа {group})",
  stepLivenessExplain:
    "Участник A берёт {count} записей этого запуска из {topic} и обрабатывает их дольше session.timeout.ms ({session} мс, heartbeat.interval.ms {heartbeat} мс), не возвращая управление, поэтому kafkajs не шлёт heartbeat. Участник B входит в ту же группу.",
  stepRetention: "Хранение: начальное смещение журнала уходит дальше группы (топик {topic})",
  stepRetentionExplain:
    "Сегменты по 1 МиБ, retention.bytes — 1 МиБ на партицию. Группа {group} останавливается в конце; в каждую партицию пишется {mib} МиБ; запуск ждёт проверки хранения на брокерах, затем группа продолжает чтение.",
  stepSize: "Размер сообщения: пакет больше max.message.bytes отклоняется (топик {topic})",
  stepSizeExplain:
    "max.message.bytes топика — {limit} байт. Три отправки: запись, которая помещается, запись, которая не помещается, и три записи, каждая из которых помещается, в одном запросе.",
  stepMinIsr: "min.insync.replicas больше фактора репликации (топик {topic})",
  stepMinIsrExplain:
    "У топика {replicas} реплики и min.insync.replicas={minIsr}. Kafka это принимает; запись с acks=all показывает, что на самом деле проверяется.",
  topicReady: "{topic}: партиций — {partitions}, фактор репликации — {rf}",
  livenessStuck:
    "участник A взял смещения {offsets} и продолжает их обрабатывать: heartbeat не уходит",
  livenessRemoved:
    "через {seconds} с без heartbeat координатор исключил участника A (session.timeout.ms {session} мс); партицию получил участник B",
  livenessNotRemoved: "участник A не был исключён из группы {group}",
  livenessTwice:
    "участник B обработал смещения {offsets} с последней фиксации: обоими участниками обработано записей — {count}",
  livenessNoTwice: "участник B не обработал записи, которые были у участника A",
  livenessRefused: "участник A закончил и зафиксировал смещение: отказ {code}",
  livenessAccepted: "запоздалая фиксация участника A не была отклонена",
  livenessJava:
    "В Java-клиенте поток heartbeat удержал бы A в группе; исключил бы его max.poll.interval.ms, если бы poll() не был вызван вовремя снова.",
  retentionCheck:
    "брокеры ищут сегменты для удаления раз в {seconds} с (log.retention.check.interval.ms)",
  retentionSlowCheck:
    "этот кластер проверяет только раз в {seconds} с, и ожидание может быть таким же; кластер, запущенный `kafka-lab up` начиная с лабораторной 6, проверяет раз в 5 с (`kafka-lab down`, затем `kafka-lab up`)",
  retentionWritten:
    "записано {mib} МиБ: записи по 100 КиБ, в каждую из {partitions} партиций — {records} шт.; группа зафиксировала {committed}",
  retentionMoved:
    "партиция {partition}: начальное смещение журнала {before} → {after} через {seconds} с; записей удалено до того, как группа {group} их прочитала: {skipped}",
  retentionNotMoved:
    "партиция {partition}: начальное смещение журнала осталось {after} (зафиксированное смещение группы — {committed})",
  retentionReset:
    "партиция {partition}: зафиксированное смещение группы {committed} ниже начала журнала, поэтому она продолжила с {offset} (auto.offset.reset=earliest)",
  retentionResetWrong:
    "партиция {partition}: группа продолжила с {offset}, а не с начала журнала {expected}",
  retentionPerPartition:
    "Каждая партиция хранит свой retention.bytes (и меньше одного сегмента сверх него): предел действует на партицию, поэтому топик из {partitions} партиций хранит больше 1 МиБ.",
  sizeLimits:
    "max.message.bytes топика — {limit} байт; message.max.bytes брокера — {broker} байт (значение по умолчанию для всех топиков)",
  sizeFits: "одна запись в {size} байт",
  sizeTooLarge: "одна запись в {size} байт",
  sizeBatch: "{count} записи по {size} байт в одном запросе",
  sizeWritten: "{what}: пакет около {bytes} байт → записан со смещения {offset}",
  sizeRefused: "{what}: пакет около {bytes} байт → отклонён: {code}",
  sizeUnexpected: "{what}: пакет около {bytes} байт → {outcome}, ожидалось: {expected}",
  outcomeWritten: "записан",
  outcomeRefused: "отклонён",
  sizeMatch:
    "Чтобы отправить запись больше, поднимите max.message.bytes топика (и message.max.bytes — значение брокера по умолчанию); Java-продюсеру нужен ещё max.request.size не меньше.",
  minIsrAccepted: "{topic}: min.insync.replicas={minIsr} принят при {replicas} репликах, ISR {isr}",
  minIsrWritten:
    "запись с acks=all прошла, смещение {offset}: действующий min ISR — min({minIsr}, {replicas}) = {effective}",
  minIsrRefused: "запись с acks=all отклонена: {code}",
  minIsrSpare:
    "При действующем min ISR {effective} на {replicas} репликах отстать могут реплик: {spare}, прежде чем запись с acks=all остановится. min.insync.replicas={advice} позволяет отстать одной.",
  summaryLiveness:
    "живость: участник исключён через {seconds} с, запоздалая фиксация — {code}, записей обработано дважды: {count}",
  summaryRetention: "хранение: начальные смещения журнала {moves}",
  summarySize: "размер: отклонено отправок больше {limit} байт — {refused} из 3",
  summaryMinIsr: "min ISR: задан {minIsr}, действует {effective} при {replicas} репликах",
  questions: [
    "Участника A исключили из группы, пока он ещё обрабатывал записи. Какая настройка определила момент, что получила его фиксация после этого и почему часть записей обработана дважды?",
    "В исходной статье сказано: heartbeat.interval.ms < max.poll.interval.ms < session.timeout.ms. Что измеряет каждая из трёх настроек, каковы их значения по умолчанию в Java-клиенте и каково правильное соотношение?",
    "Обработка одного пакета может занять 2 минуты. Что задать в Java-клиенте, а что в kafkajs, чтобы участника не исключили?",
    "retention.bytes — 1 МиБ в топике из 2 партиций с сегментами по 1 МиБ. Сколько примерно может хранить топик и почему партиция может хранить больше 1 МиБ?",
    "Зафиксированное смещение группы указывает на записи, удалённые хранением. С какого места продолжит группа при auto.offset.reset=earliest, latest и none?",
    "Три записи по 4000 байт отклонены в топике с max.message.bytes=10240, хотя каждая помещается. Почему? Какие настройки должны быть согласованы, чтобы записать и прочитать запись в 5 МБ?",
    "min.insync.replicas=3 в топике с 2 репликами: что Kafka 4.1.1 делает с этим значением, что будет с записью acks=all при отставании одной реплики и что поставить вместо этого?",
  ],
};

/** Lab 6's texts. */
export const LAB6_TEXT: Bilingual<typeof en> = { en, ru };

/** Lab 6's texts in one language. */
export type Lab6Text = Translation<typeof en>;

/** Lab 6's texts in the language of the run. */
export function lab6Text(lang: Lang): Lab6Text {
  return pick(LAB6_TEXT, lang);
}
