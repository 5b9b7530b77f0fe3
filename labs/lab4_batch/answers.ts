/**
 * Lab 4's answer key: a short model answer to each control question, for
 * instructors (`deno task answers lab4`, never in the
 * students' program). Behaviour an answer states is
 * proven on a real cluster by the test named in `provenBy` (tests/answers/).
 * @module
 */
import { answerKey } from "../../lib/grading/answers.ts";
import type { Answer } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { LAB4_TEXT } from "./text.ts";

/** Lab 4's control questions with model answers. */
export const LAB4_ANSWERS: readonly Answer[] = answerKey(LAB4_TEXT, [
  {
    answer: t(
      "All 10 records of that batch: the 6 it had processed (again) and the 4 it had not. The offset is committed only after a whole batch, so the group's committed offset is still the first offset of that batch; after the restart the group resumes exactly there — nothing before it (committed), nothing skipped.",
      "Все 10 записей этого пакета: 6 уже обработанных (повторно) и 4 необработанные. Смещение фиксируется только после всего пакета, поэтому зафиксированное смещение группы всё ещё равно первому смещению этого пакета; после перезапуска группа продолжает ровно с него — ничего раньше (оно зафиксировано) и ничего не пропуская.",
    ),
    provenBy:
      "lab4 answer: a batch consumer killed mid-batch re-reads exactly the uncommitted part",
  },
  {
    answer: t(
      "Make the effect safe to repeat: remember the message_ids already processed (a table with a unique key, written in the same transaction as the effect) and skip a message_id seen before, or make the effect an upsert keyed by message_id. message_id is unique per message, so a redelivery is recognisable even though its offset is the same record's.",
      "Сделать результат безопасным для повтора: запоминать уже обработанные message_id (таблица с уникальным ключом, запись в той же транзакции, что и результат) и пропускать уже встречавшийся message_id, либо делать результат upsert'ом по message_id. message_id уникален для каждого сообщения, поэтому повторную доставку можно распознать.",
    ),
  },
  {
    answer: t(
      "Gain: one commit per up to 10 records instead of one per record — fewer round trips to the group coordinator and higher throughput. Price: after a crash up to a whole batch is processed again, an error in one record holds up the batch, and progress becomes visible later. Pick the single consumer when each record's effect is expensive or not idempotent, when volume is low, or when every record must be acknowledged promptly.",
      "Выигрыш: одна фиксация на пакет до 10 записей вместо фиксации на каждую — меньше обращений к координатору группы и выше пропускная способность. Цена: после сбоя повторно обрабатывается до целого пакета, ошибка в одной записи задерживает весь пакет, а прогресс виден позже. Поштучный консьюмер стоит выбрать, когда обработка записи дорогая или не идемпотентна, поток небольшой или каждую запись нужно быстро подтверждать.",
    ),
  },
  {
    answer: t(
      "Within one partition, in offset order (the order the leader appended them); across partitions there is no order, and records of the two unkeyed producers interleave arbitrarily. Add a key — the user id, or whatever ties related records together: records with one key go to one partition and keep their order; produce with idempotence (or max.in.flight=1) so retries cannot reorder them.",
      "Внутри одной партиции — по порядку смещений (в порядке добавления лидером); между партициями порядка нет, и записи двух продюсеров без ключа перемешиваются как угодно. Нужно добавить ключ — id пользователя или то, что связывает записи: записи с одним ключом попадают в одну партицию и сохраняют порядок; отправляйте с идемпотентностью (или max.in.flight=1), чтобы повторы не меняли порядок.",
    ),
    provenBy: "lab2 answer: records with one key land in one partition",
  },
  {
    answer: t(
      "Records committed but not yet processed when the consumer dies are never processed: the group resumes after them. That is at-most-once — no duplicates, but possible loss — instead of at-least-once.",
      "Записи, зафиксированные, но ещё не обработанные к моменту падения консьюмера, не будут обработаны никогда: группа продолжит после них. Это «не более одного раза» (at-most-once) — без дублей, но с возможной потерей — вместо «не менее одного раза» (at-least-once).",
    ),
    provenBy:
      "lab5 semantics: a consumer killed mid-batch loses records when it commits first and repeats them when it commits after",
  },
  {
    answer: t(
      "Auto-commit commits, every auto.commit.interval.ms (5 s by default), the position after the records poll()/consume() has returned to the application — not what the client has prefetched behind them, but not what the application has processed either. The batch consumer gets its 10 records in one call; if the timer fires while it works on record 6, records 7–10 are committed unprocessed, and a crash then loses them. With auto-commit off the consumer commits only after processing, which is what makes the batch consumer at-least-once.",
      "Автоматическая фиксация раз в auto.commit.interval.ms (5 с по умолчанию) фиксирует позицию за записями, которые poll()/consume() уже вернул приложению, — не то, что клиент заранее подкачал за ними, но и не то, что приложение обработало. Пакетный консьюмер получает свои 10 записей одним вызовом; если таймер сработает, пока он обрабатывает 6-ю, записи 7–10 будут зафиксированы необработанными, и при сбое они пропадут. С выключенной автоматической фиксацией консьюмер фиксирует только после обработки — это и делает пакетный консьюмер «не менее одного раза» (at-least-once).",
    ),
    provenBy: "lab4 answer: auto-commit commits the records consume() returned, processed or not",
  },
  {
    answer: t(
      "The group coordinator gathers offset commits for up to group.coordinator.append.linger.ms (5 ms by default in Kafka 4.x) before it appends them to __consumer_offsets, so up to that much of every synchronous commit is waiting, the rest is the append, its replication and the round trip (about 7 ms in all here). Set to 0, each commit is written at once: the single consumer, which commits after every record, gets noticeably faster; the batch consumer, with one commit per 10 records, barely changes.",
      "Координатор группы копит фиксации смещений до group.coordinator.append.linger.ms (5 мс по умолчанию в Kafka 4.x), прежде чем записать их в __consumer_offsets, поэтому до этого времени каждая синхронная фиксация просто ждёт, а остальное — запись, её репликация и сетевой обмен (здесь около 7 мс всего). При значении 0 каждая фиксация пишется сразу: поштучный консьюмер, который фиксирует после каждой записи, заметно ускорится; пакетный, с одной фиксацией на 10 записей, почти не изменится.",
    ),
  },
  {
    answer: t(
      "The batch consumer saves commits only: a synchronous commit costs a few milliseconds (on Kafka 4.x about 7 ms, because the group coordinator batches commit writes). With no processing the commit is most of each record's time, so committing once per 10 records is several times faster. With 5 ms of processing per record both consumers spend most of their time processing, the saved commit time is a small share, and the ratio shrinks towards 1.",
      "Пакетный консьюмер экономит только на фиксациях: синхронная фиксация стоит несколько миллисекунд (в Kafka 4.x около 7 мс, потому что координатор группы объединяет записи фиксаций). Без обработки фиксация — большая часть времени на запись, поэтому фиксация раз в 10 записей в разы быстрее. При обработке 5 мс на запись оба консьюмера почти всё время обрабатывают, сэкономленное время фиксаций — малая доля, и отношение стремится к 1.",
    ),
  },
]);
