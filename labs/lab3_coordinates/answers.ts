/**
 * Lab 3's answer key: a short model answer to each control question, for
 * instructors (`deno task answers lab3`, never in the
 * students' program). Behaviour an answer states is
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
    provenBy:
      "lab3 answer: a record on the topic starts with magic byte 0 and the schema id as a big-endian int32",
  },
  {
    answer: t(
      "Because the broker accepts any bytes: the producer's check refuses a record without latitude (\"must have required property 'latitude'\") before it is sent, but another producer — kcat, an old version, a bug — can still write one to the topic. The consumer is the last line of defence: it validates and sends what fails to the dead letter topic instead of crashing or storing garbage.",
      "Потому что брокер принимает любые байты: проверка продюсера отклоняет запись без latitude («должно иметь обязательное поле latitude») ещё до отправки, но другой продюсер — kcat, старая версия, ошибка в коде — всё равно может записать такую запись в топик. Консьюмер — последний рубеж: он проверяет записи и отправляет неподходящие в топик ошибочных записей (DLQ), а не падает и не сохраняет мусор.",
    ),
    provenBy:
      "lab3 answer: a record without latitude is refused by the producer but not by the broker",
  },
  {
    answer: t(
      "Batches are per partition. A partition's batch is sent when the next record would pass batch.size (1000 bytes) or when linger.ms (10 s) has passed since its first record, whichever comes first (or on flush/close). A record is about 60 bytes and one comes per second, spread over 6 partitions by key, so no batch nears 1000 bytes: each partition's batch leaves 10 s after its first record with whatever landed there — e.g. 4, 1, 3 and 1 records — and the delivery reports of one batch arrive together.",
      "Пакеты собираются для каждой партиции отдельно. Пакет партиции уходит, когда следующая запись превысила бы batch.size (1000 байт) или когда с момента его первой записи прошло linger.ms (10 с) — что наступит раньше (или при flush/close). Запись — около 60 байт, одна в секунду, и по ключу они расходятся по 6 партициям, так что ни один пакет не приближается к 1000 байт: пакет каждой партиции уходит через 10 с после своей первой записи со всем, что в неё попало, — например 4, 1, 3 и 1 запись, — и подтверждения доставки одного пакета приходят вместе.",
    ),
    provenBy:
      "lab3 answer: with a long linger.ms each partition's records leave as one batch of their own",
  },
  {
    answer: t(
      "acks=all: the leader acknowledges once every replica in the current ISR has the record. min.insync.replicas=1 (users_coordinates) lets the ISR shrink to the leader alone: acks=all is then acknowledged with one copy, which a crash of that machine (Kafka does not fsync each write), its disk or an unclean election loses; min.insync.replicas=2 would refuse the write. enable.idempotence: producer id and sequence numbers let the broker drop a retried batch it already has: no duplicates. max.in.flight=1: a retry cannot overtake a later batch. With idempotence the broker refuses a batch out of sequence (it tracks 5 per partition) and the Java client resends in order, so 5 in flight keep order too.",
      "acks=all: лидер подтверждает запись, когда она есть у всех реплик текущего ISR. min.insync.replicas=1 (users_coordinates) позволяет ISR сжаться до одного лидера: тогда acks=all подтверждается при одной копии, и её теряет сбой этой машины (Kafka не вызывает fsync на каждую запись), её диска или «нечистые» выборы лидера; min.insync.replicas=2 отклонил бы такую запись. enable.idempotence: id продюсера и порядковые номера позволяют брокеру отбросить повторно присланный пакет: дублей нет. max.in.flight=1: повтор не обгонит следующий пакет. С идемпотентностью брокер отклоняет пакет не по порядку (он помнит 5 на партицию), и Java-клиент отправляет заново по порядку, так что порядок сохраняется и при 5 запросах в полёте.",
    ),
    provenBy:
      "lab3 answer: acks=all is acknowledged by the leader alone when the ISR is just the leader and min.insync.replicas=1",
  },
  {
    answer: t(
      "If the offset were committed first and the consumer died before the DLQ write was acknowledged, the bad record would be lost: not processed and not in the DLQ. Committing after the DLQ acknowledges gives at-least-once: the worst case is the same bad record twice in the DLQ.",
      "Если зафиксировать смещение раньше, а консьюмер упадёт до подтверждения записи в DLQ, плохая запись пропадёт: она не обработана и не попала в DLQ. Фиксация после подтверждения DLQ даёт «не менее одного раза» (at-least-once): в худшем случае та же плохая запись окажется в DLQ дважды.",
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
