/**
 * Lab 5's answer key: a short model answer to each control question, for
 * instructors (`deno task answers lab5`, never in the students' program).
 * Behaviour an answer states is proven on a real cluster by the test named in
 * `provenBy`: in tests/answers/ when no broker must stop, else in
 * tests/faults/lab5_test.ts (a cluster of its own).
 * @module
 */
import { answerKey } from "../../lib/grading/answers.ts";
import type { Answer } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { LAB5_TEXT } from "./text.ts";

/** Lab 5's control questions with model answers. */
export const LAB5_ANSWERS: readonly Answer[] = answerKey(LAB5_TEXT, [
  {
    answer: t(
      "acks=0 never hears the broker, so any failure — a leader that dies, a record the broker refuses — still looks like success. acks=1 hears the leader only: if the leader acknowledges and dies before a follower has copied the record, a follower without it becomes leader and the record is gone. acks=all waits for the whole ISR, so an acknowledged record is on every in-sync replica.",
      "acks=0 не слышит брокера, поэтому любой сбой — гибель лидера, отказ брокера принять запись — выглядит как успех. acks=1 слышит только лидера: если лидер подтвердил запись и погиб раньше, чем фолловер её скопировал, лидером становится фолловер без неё, и запись пропадает. acks=all ждёт весь ISR, поэтому подтверждённая запись есть на каждой синхронной реплике.",
    ),
    provenBy: "lab5 answer: acks=0 reports success for a record the broker did not store",
  },
  {
    answer: t(
      "With one broker of three down the ISR has 2 replicas, not fewer than min.insync.replicas=2, so acks=all is accepted: every acknowledged record is on 2 brokers. Once the ISR is smaller than min.insync.replicas the leader refuses acks=all writes with NOT_ENOUGH_REPLICAS before appending them. The producer is told, so it (or the application) can send them again later; a lost record is one that was acknowledged and then is missing.",
      "При одном остановленном брокере из трёх в ISR 2 реплики — не меньше min.insync.replicas=2, поэтому acks=all принимается: каждая подтверждённая запись есть на 2 брокерах. Когда ISR меньше min.insync.replicas, лидер отклоняет запись с acks=all ошибкой NOT_ENOUGH_REPLICAS, не добавляя её в журнал. Продюсер об этом узнаёт и может (или приложение может) отправить её позже; потерянная запись — та, что была подтверждена, а потом пропала.",
    ),
    provenBy:
      "lab5 min-isr: one broker down is tolerated at min.insync.replicas=2; with the ISR short of it, acks=all writes are refused, not lost, and go through once the ISR is full",
  },
  {
    answer: t(
      "Every node of this cluster is also a KRaft controller. The metadata quorum of 3 controllers needs a majority, 2, to elect a leader and commit changes; with two nodes stopped the last one cannot elect leaders, shrink an ISR or apply a config, so the cluster stalls instead of refusing writes. With separate controllers, brokers can be stopped while the quorum stays whole, and the ISR really shrinks below min.insync.replicas.",
      "Каждый узел этого кластера — ещё и контроллер KRaft. Кворуму метаданных из 3 контроллеров нужно большинство, 2, чтобы выбрать лидера и зафиксировать изменения; при двух остановленных узлах оставшийся не может ни выбирать лидеров, ни сжимать ISR, ни применять настройки — кластер замирает, а не отклоняет запись. С отдельными контроллерами брокеры можно останавливать при целом кворуме, и ISR действительно становится меньше min.insync.replicas.",
    ),
  },
  {
    answer: t(
      "The idempotent producer gets a producer id (with an epoch) and numbers the batches it sends to each partition. The broker keeps, per producer id and partition, the sequence numbers of the last 5 batches: a batch whose producer id and sequence number it already has is a repeat, acknowledged again but not appended; a sequence with a gap is refused (OUT_OF_ORDER_SEQUENCE_NUMBER).",
      "Идемпотентный продюсер получает id продюсера (с эпохой) и нумерует пакеты, которые отправляет в каждую партицию. Брокер помнит для каждого id продюсера и партиции порядковые номера последних 5 пакетов: пакет с уже известными id продюсера и номером — повтор, он подтверждается снова, но не добавляется; номер с пропуском отклоняется (OUT_OF_ORDER_SEQUENCE_NUMBER).",
    ),
    provenBy:
      "lab5 idempotence, every one of KAFKA_LAB_LAB5_RUNS runs: the plain producer's retry is a duplicate, the idempotent one's is not; kcat agrees",
  },
  {
    answer: t(
      "The broker can drop a repeat only if the retry is the same batch: same producer id and epoch, same partition, same sequence number, same records. A retry path that picks the partition again (an unkeyed record moves elsewhere), renumbers the records or makes a new producer turns the retry into a new record, so the broker writes it twice or refuses the next one as out of sequence. Keep the partition, the batch and its sequence fixed, and let the library retry.",
      "Брокер отбросит повтор, только если это тот же пакет: тот же id продюсера и эпоха, та же партиция, тот же порядковый номер, те же записи. Механизм повторов, который заново выбирает партицию (запись без ключа уходит в другую), перенумеровывает записи или создаёт новый продюсер, превращает повтор в новую запись: брокер запишет её дважды или отклонит следующую как нарушившую порядок. Партиция, пакет и его номер должны оставаться неизменными; повторять должна библиотека.",
    ),
  },
  {
    answer: t(
      "At-most-once: commit the offsets before processing — a consumer killed mid-batch has committed records it never processed, and they are lost. At-least-once: commit after processing — the killed consumer had processed records it had not committed, and after the restart they are processed again (duplicates, nothing lost).",
      "Не более одного раза (at-most-once): фиксировать смещения до обработки — консьюмер, убитый посреди пакета, уже зафиксировал записи, которые не обработал, и они потеряны. Не менее одного раза (at-least-once): фиксировать после обработки — убитый консьюмер обработал записи, которые не зафиксировал, и после перезапуска они обрабатываются повторно (дубли, но без потерь).",
    ),
    provenBy:
      "lab5 semantics: a consumer killed mid-batch loses records when it commits first and repeats them when it commits after",
  },
  {
    answer: t(
      "The output records and the input offsets the step consumed (sendOffsets for the consumer group), committed or aborted together by one transactional producer. Records of a transaction are in the log as soon as they are written; commit or abort markers come later. read_uncommitted reads every record, those of aborted and open transactions too; read_committed stops at the last stable offset and skips aborted records, so it sees each input's output once.",
      "Выходные записи и прочитанные шагом смещения входа (sendOffsets для группы консьюмеров), которые один транзакционный продюсер фиксирует или отменяет вместе. Записи транзакции попадают в журнал сразу; маркеры фиксации или отмены приходят позже. read_uncommitted читает все записи, в том числе отменённых и открытых транзакций; read_committed останавливается на последнем стабильном смещении и пропускает отменённые записи, поэтому видит результат каждой входной записи один раз.",
    ),
    provenBy:
      "lab5 answer: read_uncommitted also sees an aborted transaction's records, read_committed does not",
  },
  {
    answer: t(
      "Retrying in place blocks the partition: the records behind the failing one wait, and a poison record blocks it for ever. A retry topic lets the consumer commit and go on while the record waits its turn (an attempt counter and a not-before time in headers); after the last attempt it goes to the DLQ. The DLQ record carries the original value and key, where it came from (topic, partition, offset), the number of attempts and the reason of the last failure, so someone can fix it and replay it.",
      "Повтор на месте блокирует партицию: записи за падающей ждут, а «ядовитая» запись блокирует её навсегда. Топик повторов позволяет консьюмеру зафиксировать смещение и идти дальше, пока запись ждёт своей очереди (счётчик попыток и время «не раньше» в заголовках); после последней попытки она уходит в DLQ. Запись в DLQ несёт исходные значение и ключ, откуда она (топик, партиция, смещение), число попыток и причину последнего сбоя, чтобы её можно было исправить и отправить заново.",
    ),
    provenBy:
      "lab5 retry/DLQ: every record ends processed once or in the DLQ with its reason, none lost",
  },
]);
