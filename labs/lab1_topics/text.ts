/**
 * Lab 1's texts in English and Russian.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { type Bilingual, pick, type Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 1: topics, partitions and replicas (Kafka 4.1.1, KRaft)",
  theory: [
    "Kafka keeps records in topics. A topic is split into partitions: ordered logs that only grow at the end. Every record in a partition gets an offset, its position in that log, which never changes. Partitions are how a topic scales: consumers of one group share them, one consumer per partition at a time.",
    "Each partition is copied to several brokers; the replication factor says how many copies. One copy is the leader: producers write to it, and consumers read from it unless they are set up to fetch from a follower in their own rack (possible since Kafka 2.4). The other copies are followers that fetch from the leader. The in-sync replicas (ISR) are the leader itself and the followers that keep up with it: a follower that has not caught up with the leader for replica.lag.time.max.ms (30 s by default) leaves the ISR, and rejoins once it catches up.",
    "A write sent with acks=all is acknowledged once every replica in the current ISR has it. min.insync.replicas is the smallest ISR (leader included) at which the leader still accepts such writes; below it they are refused with NOT_ENOUGH_REPLICAS. With replication factor 2 and min.insync.replicas=1 a topic stays writable while one of its brokers is down; with 2, acks=all writes are refused instead of being kept in a single copy.",
    "The cluster's metadata (topics, partitions, leaders, configs) lives in Kafka itself, in KRaft mode: a quorum of controllers replicates a metadata log with the Raft protocol, and its leader is the active controller. KRaft has been production-ready since Kafka 3.3, and Kafka 4.0 removed ZooKeeper mode. A node's process.roles makes it a broker, a controller or both: in the local cluster's default 3 nodes each is both; `kafka-lab up --brokers 4` or `5` adds broker-only nodes, and with 1 or 2 nodes only the first one is a controller.",
  ],
  stepCluster: "Look at the cluster",
  stepClusterExplain:
    "Ask any broker for the cluster metadata: which brokers exist. The Metadata response also names a controller, but on KRaft that is any live broker, not the quorum leader: the leader is known from the DescribeQuorum API (`kafka-metadata-quorum --bootstrap-server localhost:19092 describe --status`).",
  stepCreate: "Create the course topics",
  stepCreateExplain:
    "Create each topic with its partitions, replication factor and configs. A topic that already exists is not an error: it is described as it is and compared with what the course expects.",
  stepList: "List the topics",
  stepListExplain:
    "Topics whose names start with '__' are Kafka's own (committed offsets, transactions).",
  stepDescribe: "Describe each topic",
  stepDescribeExplain:
    "For every partition: the leader broker, the brokers holding replicas, and the in-sync replicas (ISR). Then the configs set on the topic itself.",
  clusterLine: "brokers in the cluster: {count} ({brokers})",
  metadataController:
    "the Metadata response names broker {controller} as controller; on KRaft that is not the quorum leader",
  clusterId: "cluster id {clusterId}",
  created: "{topic} created: partitions {partitions}, replication factor {rf}",
  exists: "{topic} already exists: partitions {partitions}, replication factor {rf}",
  differs: "{topic} differs from the course's spec: {diffs}",
  createFailed: "{topic} could not be created: {reason}",
  topicHeader: "{topic}: partitions {partitions}, replication factor {rf}",
  configsLine: "configs set on the topic: {configs}",
  noConfigs: "configs set on the topic: none (broker defaults apply)",
  configsUnknown:
    "configs set on the topic: not read while a partition has no leader (the Kafka client asks only when every partition has one)",
  colPartition: "partition",
  colLeader: "leader",
  noLeader: "none",
  colReplicas: "replicas",
  colIsr: "in-sync",
  listLine: "{topic}  (partitions {partitions}, RF {rf})",
  listEmpty: "no topics yet",
  listCount: "topics: {count}",
  notFound: "topic {topic} does not exist",
  notFoundHint:
    "create it with `kafka-lab lab1 create --topic {topic}`, or see `kafka-lab lab1 list`",
  deleteQuestion: "Delete topic {topic} and all its records?",
  deleted: "{topic} deleted",
  deleteKept: "{topic} kept",
  deleteNoTerminal: "refusing to delete {topic} without confirmation",
  deleteNoTerminalHint: "add --yes when running without a terminal",
  summaryTopics: "{ok} of {total} course topics are ready as the course expects",
  summaryBrokers: "brokers in the cluster: {count}; no topic can have more replicas than that",
  questions: [
    "What is KRaft, and how does it differ from running Kafka with ZooKeeper?",
    "Which roles can a Kafka 4.1.1 node play, and which do the nodes of this cluster play?",
    "What is an offset, and why is it only meaningful within one partition?",
    "Why can't a topic's replication factor exceed the number of brokers?",
    "users_coordinates has replication factor 2 and min.insync.replicas=1. What happens to acks=all writes when one of a partition's brokers stops? What if min.insync.replicas were 2?",
    "What is the ISR, and when does a replica leave it?",
    "hello-kafka has one partition. How many consumers of one group can read it at the same time?",
  ],
} as const;

const ru: Translation<typeof en> = {
  title: "Лабораторная работа 1: топики, партиции и реплики (Kafka 4.1.1, KRaft)",
  theory: [
    "Kafka хранит записи в топиках. Топик разбит на партиции: упорядоченные журналы, которые растут только с конца. Каждая запись в партиции получает смещение (offset) — свою позицию в журнале, которая никогда не меняется. Партиции позволяют топику масштабироваться: консьюмеры одной группы делят их между собой, и каждую партицию в каждый момент читает один консьюмер.",
    "Каждая партиция копируется на несколько брокеров; фактор репликации задаёт число копий. Одна копия — лидер: в неё пишут продюсеры, и из неё читают консьюмеры, если их не настроили читать с фолловера в своей стойке (это возможно с Kafka 2.4). Остальные копии — фолловеры, они забирают данные у лидера. Синхронные реплики (ISR) — это сам лидер и фолловеры, которые от него не отстают: фолловер, не догнавший лидера за replica.lag.time.max.ms (по умолчанию 30 с), выходит из ISR и возвращается, когда догонит.",
    "Запись с acks=all подтверждается, когда её получили все реплики текущего ISR. min.insync.replicas — наименьший размер ISR (считая лидера), при котором лидер ещё принимает такие записи; если ISR меньше, они отклоняются с ошибкой NOT_ENOUGH_REPLICAS. При факторе репликации 2 и min.insync.replicas=1 топик остаётся доступным для записи, пока один из его брокеров выключен; при значении 2 записи с acks=all отклоняются, а не сохраняются в единственной копии.",
    "Метаданные кластера (топики, партиции, лидеры, настройки) хранит сама Kafka в режиме KRaft: кворум контроллеров реплицирует журнал метаданных по протоколу Raft, и лидер кворума — это активный контроллер. KRaft готов к промышленному использованию с Kafka 3.3, а в Kafka 4.0 режим с ZooKeeper удалён. Параметр process.roles делает узел брокером, контроллером или и тем и другим: в локальном кластере из 3 узлов (по умолчанию) каждый узел — и брокер, и контроллер; `kafka-lab up --brokers 4` или `5` добавляет узлы-брокеры без роли контроллера, а при 1 или 2 узлах контроллер только первый.",
  ],
  stepCluster: "Смотрим на кластер",
  stepClusterExplain:
    "Запрашиваем у любого брокера метаданные кластера: какие брокеры в нём есть. Ответ Metadata называет и контроллер, но в KRaft это любой работающий брокер, а не лидер кворума: лидера сообщает API DescribeQuorum (`kafka-metadata-quorum --bootstrap-server localhost:19092 describe --status`).",
  stepCreate: "Создаём топики курса",
  stepCreateExplain:
    "Создаём каждый топик с нужным числом партиций, фактором репликации и настройками. Уже существующий топик — не ошибка: показываем его как есть и сравниваем с тем, что ожидает курс.",
  stepList: "Список топиков",
  stepListExplain:
    "Топики, имена которых начинаются с '__', служебные (зафиксированные смещения, транзакции).",
  stepDescribe: "Описание каждого топика",
  stepDescribeExplain:
    "Для каждой партиции: брокер-лидер, брокеры с репликами и синхронные реплики (ISR). Затем настройки, заданные на самом топике.",
  clusterLine: "брокеров в кластере: {count} ({brokers})",
  metadataController:
    "ответ Metadata называет контроллером брокер {controller}; в KRaft это не лидер кворума",
  clusterId: "id кластера {clusterId}",
  created: "{topic} создан: партиций — {partitions}, фактор репликации — {rf}",
  exists: "{topic} уже существует: партиций — {partitions}, фактор репликации — {rf}",
  differs: "{topic} отличается от ожидаемого курсом: {diffs}",
  createFailed: "{topic} не удалось создать: {reason}",
  topicHeader: "{topic}: партиций — {partitions}, фактор репликации — {rf}",
  configsLine: "настройки топика: {configs}",
  noConfigs: "настройки топика: нет (действуют настройки брокера по умолчанию)",
  configsUnknown:
    "настройки топика: не прочитаны, пока у партиции нет лидера (клиент Kafka запрашивает их, только когда лидер есть у каждой партиции)",
  colPartition: "партиция",
  colLeader: "лидер",
  noLeader: "нет",
  colReplicas: "реплики",
  colIsr: "синхронные",
  listLine: "{topic}  (партиций: {partitions}, RF {rf})",
  listEmpty: "топиков пока нет",
  listCount: "топиков: {count}",
  notFound: "топика {topic} не существует",
  notFoundHint:
    "создайте его: `kafka-lab lab1 create --topic {topic}`, или посмотрите `kafka-lab lab1 list`",
  deleteQuestion: "Удалить топик {topic} со всеми записями?",
  deleted: "{topic} удалён",
  deleteKept: "{topic} оставлен",
  deleteNoTerminal: "топик {topic} не удалён: некому подтвердить удаление",
  deleteNoTerminalHint: "без терминала добавьте --yes",
  summaryTopics: "топиков курса в ожидаемом виде: {ok} из {total}",
  summaryBrokers: "в кластере брокеров: {count}; ни у одного топика не может быть больше реплик",
  questions: [
    "Что такое KRaft и чем он отличается от работы Kafka с ZooKeeper?",
    "Какие роли может выполнять узел Kafka 4.1.1 и какие роли у узлов этого кластера?",
    "Что такое смещение (offset) и почему оно имеет смысл только внутри одной партиции?",
    "Почему фактор репликации топика не может быть больше числа брокеров?",
    "У users_coordinates фактор репликации 2 и min.insync.replicas=1. Что произойдёт с записью acks=all, если один из брокеров партиции остановится? А если min.insync.replicas=2?",
    "Что такое ISR и когда реплика из него выходит?",
    "У hello-kafka одна партиция. Сколько консьюмеров одной группы могут читать её одновременно?",
  ],
};

/** Lab 1's texts. */
export const LAB1_TEXT: Bilingual<typeof en> = { en, ru };

/** Lab 1's texts in one language. */
export type Lab1Text = Translation<typeof en>;

/** Lab 1's texts in the language of the run. */
export function lab1Text(lang: Lang): Lab1Text {
  return pick(LAB1_TEXT, lang);
}
