/**
 * Lab 2's answer key: a short model answer to each control question, for
 * instructors (`deno task answers lab2`, never in the
 * students' program). Behaviour an answer states is
 * proven on a real cluster by the test named in `provenBy` (tests/answers/).
 * @module
 */
import { answerKey } from "../../lib/grading/answers.ts";
import type { Answer } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { LAB2_TEXT } from "./text.ts";

/** Lab 2's control questions with model answers. */
export const LAB2_ANSWERS: readonly Answer[] = answerKey(LAB2_TEXT, [
  {
    answer: t(
      "An offset is the record's position in its partition's log. The partition's leader broker assigns it — the next number after the last record — when it appends the record; the producer only learns it from the acknowledgement.",
      "Смещение (offset) — позиция записи в журнале её партиции. Его назначает брокер-лидер партиции — следующий номер после последней записи — при добавлении записи; продюсер узнаёт его только из подтверждения.",
    ),
  },
  {
    answer: t(
      "group.id names the consumer group: its members share the topic's partitions (each partition read by one member), and the group's committed offsets — one per topic and partition — are its bookmark. Kafka keeps them in the internal topic __consumer_offsets, managed by the group's coordinator broker. Another group id has its own offsets and reads independently.",
      "group.id задаёт группу консьюмеров: её участники делят партиции топика (каждую читает один участник), а зафиксированные смещения группы — по одному на топик и партицию — её закладка. Kafka хранит их во внутреннем топике __consumer_offsets, ими управляет брокер-координатор группы. Группа с другим id имеет свои смещения и читает независимо.",
    ),
  },
  {
    answer: t(
      "It reads nothing it has read before: the group resumes at its committed offsets, which already point past the last record, so only records sent since then arrive (auto.offset.reset is not used, because offsets exist). To read again: use a new group id (it starts from earliest and reads everything) or reset the group's offsets while it is empty (kafka-consumer-groups --reset-offsets --to-earliest).",
      "Консьюмер не прочитает ничего из уже прочитанного: группа продолжает с зафиксированных смещений, которые уже указывают за последнюю запись, поэтому придут только записи, отправленные после этого (auto.offset.reset не применяется — смещения есть). Чтобы прочитать заново, возьмите новый group id (он начнёт с earliest и прочитает всё) или сбросьте смещения группы, пока в ней нет участников (kafka-consumer-groups --reset-offsets --to-earliest).",
    ),
    provenBy:
      "lab2 answer: a second run of the same group reads nothing and a new group reads everything",
  },
  {
    answer: t(
      "Neither group has a committed offset, so latest puts each at the end of the partition as it is when the group joins. latest-1 joined before the messages were sent, so it reads every one of them; latest-2 joined after them, its end is past them, and nothing new arrives within 5 s, so it reads none. auto.offset.reset applies only when the group has no committed offset for a partition (or it is out of range); once the group has committed, it resumes there whatever the setting.",
      "Ни у одной из групп нет зафиксированного смещения, поэтому latest ставит каждую в конец партиции — такой, каким он был в момент входа группы. latest-1 вошла до отправки и читает все новые сообщения; latest-2 вошла после, её конец уже за ними, а за 5 с новых записей не приходит, поэтому она не читает ничего. auto.offset.reset действует, только когда у группы нет зафиксированного смещения для партиции (или оно вне диапазона); после фиксации группа продолжает с него при любой настройке.",
    ),
    provenBy: "lab2 answer: with latest a new group reads only records sent after it joined",
  },
  {
    answer: t(
      "hello-kafka has one partition, and within a group a partition is assigned to exactly one member. The second consumer gets no partition and stays idle; it is a standby that takes the partition over if the first one leaves. More parallelism needs more partitions.",
      "У hello-kafka одна партиция, а внутри группы партиция закрепляется ровно за одним участником. Второй консьюмер не получает партиции и простаивает; он в резерве и заберёт партицию, если первый уйдёт. Для параллельности нужно больше партиций.",
    ),
    provenBy: "lab1 answer: more consumers than partitions leaves one idle",
  },
  {
    answer: t(
      "The key decides the partition: the default partitioner hashes it (murmur2) modulo the number of partitions, so every record with the same key lands in the same partition and keeps its order (hello-kafka has one partition, so here all go to 0). Kafka stores values as bytes and never looks inside; with a JSON value the consumer must parse the bytes to get the fields and must cope with a value that is not JSON.",
      "Ключ определяет партицию: стандартный партиционер хеширует его (murmur2) по модулю числа партиций, поэтому все записи с одним ключом попадают в одну партицию и сохраняют порядок (у hello-kafka одна партиция, так что здесь все попадают в 0). Kafka хранит значения как байты и не заглядывает внутрь; с JSON-значением консьюмер должен разобрать байты, чтобы получить поля, и справиться со значением, которое не является JSON.",
    ),
    provenBy: "lab2 answer: records with one key land in one partition",
  },
]);
