/**
 * Lab 1's answer key: a short model answer to each control question, for
 * instructors (`deno task answers lab1`, never in the
 * students' program). Behaviour an answer states is
 * proven on a real cluster by the test named in `provenBy` (tests/answers/).
 * @module
 */
import { answerKey } from "../../lib/grading/answers.ts";
import type { Answer } from "../../lib/grading/types.ts";
import { t } from "../../lib/i18n.ts";
import { LAB1_TEXT } from "./text.ts";

/** Lab 1's control questions with model answers. */
export const LAB1_ANSWERS: readonly Answer[] = answerKey(LAB1_TEXT, [
  {
    answer: t(
      "KRaft (Kafka Raft) keeps the cluster's metadata — topics, partitions, leaders, configs — in Kafka itself: an internal log (__cluster_metadata) replicated by a quorum of controllers with the Raft protocol; brokers follow that log. With ZooKeeper the metadata lived in a separate system that had to be run, secured and scaled on its own, and a new controller had to reload everything from it. KRaft means one system, faster controller failover and more partitions per cluster. Kafka 4.0 removed ZooKeeper mode entirely.",
      "KRaft (Kafka Raft) хранит метаданные кластера — топики, партиции, лидеров, настройки — в самой Kafka: во внутреннем журнале (__cluster_metadata), который кворум контроллеров реплицирует по протоколу Raft; брокеры следуют этому журналу. С ZooKeeper метаданные жили в отдельной системе, которую нужно было отдельно запускать, защищать и масштабировать, а новый контроллер загружал из неё всё заново. KRaft — это одна система, более быстрая смена контроллера и больше партиций на кластер. В Kafka 4.0 режим ZooKeeper удалён полностью.",
    ),
  },
  {
    answer: t(
      "process.roles sets them: broker (stores partitions, serves producers and consumers), controller (member of the metadata quorum; one of them, the Raft leader, is the active controller that decides leaders, ISR changes and topic creation), or both (combined mode). Every node of this cluster is broker,controller: fine for labs; production clusters usually run dedicated controllers.",
      "Их задаёт process.roles: broker (хранит партиции, обслуживает продюсеров и консьюмеров), controller (участник кворума метаданных; один из них, лидер Raft, — активный контроллер, который назначает лидеров, меняет ISR и создаёт топики) или оба сразу (комбинированный режим). Каждый узел этого кластера — broker,controller: для лабораторных это удобно, в рабочих кластерах обычно держат отдельные контроллеры.",
    ),
  },
  {
    answer: t(
      "An offset is a record's position in one partition's log: 0, 1, 2, … assigned by the partition's leader when it appends the record, and never changed. Every partition counts on its own, so offset 5 of partition 0 and offset 5 of partition 1 are different records, and offsets say nothing about order across partitions.",
      "Смещение (offset) — позиция записи в журнале одной партиции: 0, 1, 2, …; его назначает лидер партиции при добавлении записи, и оно никогда не меняется. Каждая партиция считает сама по себе, поэтому смещение 5 в партиции 0 и смещение 5 в партиции 1 — разные записи, и по смещениям нельзя судить о порядке между партициями.",
    ),
  },
  {
    answer: t(
      'Each replica of a partition must live on a different broker — two copies on one broker would be lost together. So with 3 brokers the controller refuses replication factor 4 with INVALID_REPLICATION_FACTOR ("larger than available brokers") and creates nothing.',
      "Каждая реплика партиции должна жить на отдельном брокере: две копии на одном брокере пропали бы вместе. Поэтому при 3 брокерах контроллер отклоняет фактор репликации 4 с ошибкой INVALID_REPLICATION_FACTOR («больше, чем доступно брокеров») и ничего не создаёт.",
    ),
    provenBy: "lab1 answer: a replication factor above the broker count is refused",
  },
  {
    answer: t(
      "The stopped broker's replica leaves the ISR (and if it led the partition, the other replica becomes leader). One in-sync copy still meets min.insync.replicas=1, so acks=all writes go on succeeding — but live in one copy until the broker returns and catches up. With min.insync.replicas=2 those writes are refused with NOT_ENOUGH_REPLICAS (the producer retries, then fails); reads and acks=0/1 writes still work.",
      "Реплика остановленного брокера выходит из ISR (а если он был лидером, лидером становится другая реплика). Одной синхронной копии достаточно при min.insync.replicas=1, поэтому запись с acks=all продолжает проходить — но хранится в одной копии, пока брокер не вернётся и не догонит лидера. При min.insync.replicas=2 такая запись отклоняется с NOT_ENOUGH_REPLICAS (продюсер повторяет попытки, потом получает ошибку); чтение и запись с acks=0/1 продолжают работать.",
    ),
    provenBy:
      "lab3 answer: acks=all is acknowledged by the leader alone when the ISR is just the leader and min.insync.replicas=1",
  },
  {
    answer: t(
      "The ISR (in-sync replicas) is the leader plus the followers that have caught up with its log. A follower leaves it when it has not caught up for replica.lag.time.max.ms (30 s by default) or its broker stops or is fenced; it rejoins once caught up. Only ISR members can become leader (unless unclean leader election is enabled), and acks=all waits for all of them.",
      "ISR (in-sync replicas) — лидер и фолловеры, догнавшие его журнал. Фолловер выходит из ISR, если не догонял лидера дольше replica.lag.time.max.ms (30 с по умолчанию) или его брокер остановлен либо отстранён (fenced); он возвращается, когда догонит. Лидером может стать только участник ISR (если не включены «нечистые» выборы лидера), и acks=all ждёт их всех.",
    ),
  },
  {
    answer: t(
      "One. A partition is given to exactly one member of a group at a time, so any further consumer of that group gets no partition and stays idle (it takes over if the first one leaves). Another group can read the same partition at the same time.",
      "Один. Партиция в каждый момент закреплена ровно за одним участником группы, поэтому каждый следующий консьюмер этой группы не получает партиции и простаивает (он подхватит её, если первый уйдёт). Другая группа может читать ту же партицию одновременно.",
    ),
    provenBy: "lab1 answer: more consumers than partitions leaves one idle",
  },
]);
