/**
 * Lab 3's answer key: a short model answer to each control question, for
 * instructors (`kafka-lab lab3 answers`). Behaviour an answer states is
 * proven on a real cluster by the test named in `provenBy` (tests/answers/).
 * @module
 */
import { answerKey } from "../../lib/grading/answers.ts";
import type { Answer } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { LAB3_TEXT } from "./text.ts";

/** Lab 3's control questions with model answers. */
export const LAB3_ANSWERS: readonly Answer[] = answerKey(LAB3_TEXT, [
  {
    answer: t(
      "It stores schemas: versions under a subject (here users_coordinates-value), each schema with a registry-wide id, and it checks a new version's compatibility. A record carries only that schema id (in its first bytes), not the schema; readers fetch the schema by id once and cache it.",
      "Он хранит схемы: версии под субъектом (здесь users_coordinates-value), у каждой схемы — id, единый для реестра, и проверяет совместимость новой версии. Запись несёт только этот id схемы (в первых байтах), а не саму схему; читатели один раз получают схему по id и кешируют её.",
    ),
  },
  {
    answer: t(
      "Byte 0 is the magic byte 0 (the Confluent wire format); bytes 1–4 are the schema id as a big-endian 32-bit integer. The JSON payload follows.",
      "Байт 0 — «магический» байт 0 (формат Confluent); байты 1–4 — id схемы, 32-битное целое со старшим байтом вперёд. Далее идёт JSON.",
    ),
  },
  {
    answer: t(
      "Because the broker accepts any bytes: the producer's check refuses a record without latitude («должно иметь обязательное поле latitude») before it is sent, but another producer — kcat, an old version, a bug — can still write one to the topic. The consumer is the last line of defence: it validates and sends what fails to the dead letter topic instead of crashing or storing garbage.",
      "Потому что брокер принимает любые байты: проверка продюсера отклоняет запись без latitude («должно иметь обязательное поле latitude») ещё до отправки, но другой продюсер — kcat, старая версия, ошибка в коде — всё равно может записать такую запись в топик. Консьюмер — последний рубеж: он проверяет записи и отправляет неподходящие в топик ошибочных записей (DLQ), а не падает и не сохраняет мусор.",
    ),
    provenBy:
      "lab3 answer: a record without latitude is refused by the producer but not by the broker",
  },
  {
    answer: t(
      "A batch is sent when it reaches batch.size (1000 bytes) or when linger.ms (10 s) has passed since its first record, whichever comes first (or on flush/close). At one small record per second 1000 bytes take longer than 10 s to fill, so every 10 s the ~10 records gathered go out together and their delivery reports arrive as a group.",
      "Пакет уходит, когда наберёт batch.size (1000 байт) или когда с момента его первой записи пройдёт linger.ms (10 с) — что наступит раньше (или при flush/close). При одной маленькой записи в секунду 1000 байт набираются дольше 10 с, поэтому каждые 10 с накопленные ~10 записей уходят вместе, и подтверждения доставки приходят группой.",
    ),
  },
  {
    answer: t(
      "acks=all: the leader acknowledges only when every in-sync replica has the record, so an acknowledged record survives the leader's crash. enable.idempotence: the producer id and sequence numbers let the broker drop a retried batch it already has, so retries add no duplicates. max.in.flight.requests.per.connection=1: one unacknowledged request at a time, so a retry cannot overtake a later batch and reorder records. With idempotence the broker checks each producer's sequence numbers per partition and keeps the last 5 batches, so it refuses a batch that arrives out of sequence and the Java client resends in order: up to 5 requests in flight keep order too.",
      "acks=all: лидер подтверждает запись, только когда она есть у всех синхронных реплик, поэтому подтверждённая запись переживёт падение лидера. enable.idempotence: id продюсера и порядковые номера позволяют брокеру отбросить повторно отправленный пакет, который у него уже есть, поэтому повторы не создают дублей. max.in.flight.requests.per.connection=1: в каждый момент один неподтверждённый запрос, поэтому повтор не обгонит следующий пакет и не нарушит порядок. С идемпотентностью брокер проверяет порядковые номера каждого продюсера по партиции и помнит последние 5 пакетов, поэтому отклоняет пакет, пришедший не по порядку, и Java-клиент отправляет заново по порядку: порядок сохраняется и при 5 запросах в полёте.",
    ),
  },
  {
    answer: t(
      "If the offset were committed first and the consumer died before the DLQ write was acknowledged, the bad record would be lost: not processed and not in the DLQ. Committing after the DLQ acknowledges gives at-least-once: the worst case is the same bad record twice in the DLQ.",
      "Если зафиксировать смещение раньше, а консьюмер упадёт до подтверждения записи в DLQ, плохая запись пропадёт: она не обработана и не попала в DLQ. Фиксация после подтверждения DLQ даёт «хотя бы один раз»: в худшем случае та же плохая запись окажется в DLQ дважды.",
    ),
  },
  {
    answer: t(
      "It resets the group's committed offsets to the start of every partition (the group must have no live members), so the group reads the whole topic again and commits anew. Other ways: a new group id with earliest, `kafka-consumer-groups --reset-offsets` (`--to-earliest`, `--to-offset`, `--to-datetime`), or a consumer that assigns partitions itself and seeks to offset 0 without a group.",
      "Он сбрасывает зафиксированные смещения группы на начало каждой партиции (в группе не должно быть работающих участников), и группа перечитывает весь топик и фиксирует заново. Другие способы: новый group id с earliest, `kafka-consumer-groups --reset-offsets` (`--to-earliest`, `--to-offset`, `--to-datetime`) или консьюмер без группы, который сам назначает себе партиции и переходит (seek) к смещению 0.",
    ),
    provenBy:
      "lab2 answer: a second run of the same group reads nothing and a new group reads everything",
  },
]);
