/**
 * Lab 6's answer key: a short model answer to each control question, for
 * instructors (`deno task answers lab6`). Behaviour an answer states is
 * proven on a real cluster by the test named in `provenBy` (tests/answers/).
 * @module
 */
import { answerKey } from "../../lib/grading/answers.ts";
import type { Answer } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { LAB6_TEXT } from "./text.ts";

/** Lab 6's control questions with model answers. */
export const LAB6_ANSWERS: readonly Answer[] = answerKey(LAB6_TEXT, [
  {
    answer: t(
      "session.timeout.ms (6 s here): kafkajs sends heartbeats only between batches, so a member busy with one batch for longer sends none, and the coordinator removes it when the session ends and rebalances. Its commit afterwards is refused (UNKNOWN_MEMBER_ID here; ILLEGAL_GENERATION or REBALANCE_IN_PROGRESS in other timings): it no longer belongs to the group's generation. The member that got the partition starts from the last committed offset, which is before the records A had in hand, so they are processed again.",
      "session.timeout.ms (здесь 6 с): kafkajs шлёт heartbeat только между пакетами, поэтому участник, дольше занятый одним пакетом, не шлёт их вовсе, и координатор исключает его по окончании сессии и запускает перебалансировку. Его фиксация после этого отклоняется (здесь UNKNOWN_MEMBER_ID; при другом стечении времени ILLEGAL_GENERATION или REBALANCE_IN_PROGRESS): он больше не входит в поколение группы. Участник, получивший партицию, начинает с последнего зафиксированного смещения — до записей, которые были у A, поэтому они обрабатываются повторно.",
    ),
    provenBy:
      "lab6 answer: a member silent past session.timeout.ms is removed and its commit refused",
  },
  {
    answer: t(
      "heartbeat.interval.ms (Java default 3 s) is how often the member says it is alive; session.timeout.ms (45 s) is how long the coordinator waits without a heartbeat before it removes the member; max.poll.interval.ms (5 min) is the longest time between two poll() calls, i.e. the processing time of one batch, after which the Java client leaves the group itself. Right: heartbeat.interval.ms ≈ session.timeout.ms / 3 (always below it), and max.poll.interval.ms is a separate clock for processing, usually much longer than the session — not between the two.",
      "heartbeat.interval.ms (в Java по умолчанию 3 с) — как часто участник сообщает, что жив; session.timeout.ms (45 с) — сколько координатор ждёт без heartbeat, прежде чем исключить участника; max.poll.interval.ms (5 мин) — наибольшее время между двумя вызовами poll(), то есть время обработки одного пакета, после которого Java-клиент сам выходит из группы. Правильно: heartbeat.interval.ms ≈ session.timeout.ms / 3 (всегда меньше), а max.poll.interval.ms — отдельные часы для обработки, обычно намного длиннее сессии, а не значение между ними.",
    ),
  },
  {
    answer: t(
      "Java: max.poll.interval.ms above the worst batch time (e.g. 180000) and/or fewer records per poll (max.poll.records); the background thread keeps heartbeating, session.timeout.ms can stay. kafkajs: call heartbeat() from eachBatch while processing (at least once per session.timeout.ms), or raise sessionTimeout above the processing time (the broker allows up to group.max.session.timeout.ms, 30 min by default) — which also makes a crashed member's partitions wait that long.",
      "Java: max.poll.interval.ms больше худшего времени пакета (например, 180000) и/или меньше записей за poll (max.poll.records); фоновый поток продолжает слать heartbeat, session.timeout.ms можно не менять. kafkajs: вызывать heartbeat() из eachBatch во время обработки (не реже раза в session.timeout.ms) или поднять sessionTimeout выше времени обработки (брокер разрешает до group.max.session.timeout.ms, по умолчанию 30 мин) — но тогда и партиции упавшего участника будут ждать столько же.",
    ),
  },
  {
    answer: t(
      "retention.bytes applies to each partition, not to the topic. Retention deletes only whole closed segments, the oldest first, and only while the partition (active segment included) would still hold at least retention.bytes without it: so a partition that has been written enough keeps at least 1 MiB and less than 1 MiB plus one segment, i.e. under 2 MiB. The topic of 2 partitions holds up to about 4 MiB, not 1 MiB.",
      "retention.bytes действует на каждую партицию, а не на топик. Хранение удаляет только целые закрытые сегменты, начиная со старейшего, и только пока без него в партиции (вместе с активным сегментом) остаётся не меньше retention.bytes: поэтому партиция, в которую записано достаточно, хранит не меньше 1 МиБ и меньше 1 МиБ плюс один сегмент, то есть меньше 2 МиБ. Топик из 2 партиций хранит примерно до 4 МиБ, а не 1 МиБ.",
    ),
    provenBy:
      "lab6 answer: retention.bytes is kept per partition and a group below the log start resumes at it",
  },
  {
    answer: t(
      "Its committed offset is out of range, so auto.offset.reset decides: earliest — at the log start offset (the oldest record still stored; the deleted ones are never read); latest — at the end (only new records; everything stored is skipped too); none — the consumer fails with an out-of-range error and the application must choose.",
      "Зафиксированное смещение вне диапазона, поэтому решает auto.offset.reset: earliest — с начального смещения журнала (самой старой ещё хранимой записи; удалённые не будут прочитаны никогда); latest — с конца (только новые записи, всё хранимое тоже пропускается); none — консьюмер падает с ошибкой выхода за диапазон, и решать должно приложение.",
    ),
    provenBy:
      "lab6 answer: retention.bytes is kept per partition and a group below the log start resumes at it",
  },
  {
    answer: t(
      "max.message.bytes limits the record batch as the broker receives it, not one record: the three records went in one request as one batch of about 12 KB. For a 5 MB record: the topic's max.message.bytes (or the broker's message.max.bytes default) ≥ 5 MB; the producer's max.request.size ≥ 5 MB (Java; and batch.size matters for what is batched together); consumers read it anyway, since fetch.max.bytes / max.partition.fetch.bytes are soft limits, but a larger max.partition.fetch.bytes avoids fetching it alone; replica.fetch.max.bytes is soft for followers too.",
      "max.message.bytes ограничивает пакет записей в том виде, в каком его получает брокер, а не одну запись: три записи ушли одним запросом одним пакетом около 12 КБ. Для записи в 5 МБ: max.message.bytes топика (или message.max.bytes брокера по умолчанию) ≥ 5 МБ; max.request.size продюсера ≥ 5 МБ (Java; batch.size влияет на то, что объединяется в пакет); консьюмеры прочитают её и так — fetch.max.bytes / max.partition.fetch.bytes мягкие пределы, но больший max.partition.fetch.bytes избавит от чтения её отдельно; replica.fetch.max.bytes для фолловеров тоже мягкий.",
    ),
    provenBy: "lab6 answer: a batch over max.message.bytes is refused though each record fits",
  },
  {
    answer: t(
      "Kafka 4.1.1 accepts it without a warning and the leader uses min(3, 2) = 2: acks=all writes succeed while both replicas are in sync. When one falls behind (drops out of the ISR), the ISR is 1 < 2 and acks=all writes are refused with NOT_ENOUGH_REPLICAS: the topic has no tolerance for a replica down. Set min.insync.replicas=1 for 2 replicas (RF − 1), or use 3 replicas with min.insync.replicas=2.",
      "Kafka 4.1.1 принимает его без предупреждения, и лидер использует min(3, 2) = 2: запись с acks=all проходит, пока обе реплики синхронны. Когда одна отстаёт (выпадает из ISR), ISR = 1 < 2, и запись с acks=all отклоняется с NOT_ENOUGH_REPLICAS: отказ реплики топик не переносит. Для 2 реплик ставьте min.insync.replicas=1 (RF − 1) или возьмите 3 реплики с min.insync.replicas=2.",
    ),
    provenBy:
      "lab6 answer: min.insync.replicas above the replicas is accepted and acks=all writes succeed",
  },
]);
