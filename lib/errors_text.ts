/**
 * The words of lib/errors.ts in English and Russian: network failures, Kafka
 * protocol error types and kafkajs error classes, each keyed by its code or
 * class name so nothing is recognised by its message text.
 * @module
 */
import { t, type Text } from "./i18n.ts";

/** Kinds of network failure. */
export type NetworkFailure = "refused" | "dns" | "timeout" | "unreachable" | "reset" | "failed";

/** A translated error: what happened and what to do. */
export interface Translated {
  readonly message: Text;
  readonly hint?: Text;
}

/** Network failures in plain words. */
export const NETWORK_TEXTS: Readonly<Record<NetworkFailure, Text>> = {
  refused: t("connection refused", "соединение отклонено"),
  dns: t("host name does not resolve", "имя хоста не найдено"),
  timeout: t("connection timed out", "соединение не установлено за отведённое время"),
  unreachable: t("host unreachable", "хост недоступен"),
  reset: t("connection closed by the peer", "другая сторона закрыла соединение"),
  failed: t("connection failed", "не удалось установить соединение"),
};

const STATUS_HINT = t(
  "`kafka-lab status` shows which brokers run",
  "какие брокеры работают, покажет `kafka-lab status`",
);

/**
 * Kafka's name for it changed over protocol versions; the advice did not. A
 * coordinator is missing for a moment when its broker stops or restarts, or
 * while the group moves to another broker (a preferred-leader election every
 * 300 s after a restart): nothing about the cluster's configuration.
 */
const COORDINATOR_UNAVAILABLE: Translated = {
  message: t(
    "the group coordinator is not available",
    "координатор группы недоступен",
  ),
  hint: t(
    "its broker may be stopped or restarting, or the group is moving to another broker: `kafka-lab status` shows which brokers run; try again in a few seconds",
    "возможно, его брокер остановлен или перезапускается, или группа переезжает на другой брокер: какие брокеры работают, покажет `kafka-lab status`; повторите через несколько секунд",
  ),
};

/** The broker asked is no longer the group's coordinator: the group moved, nothing is broken. */
const COORDINATOR_MOVED: Translated = {
  message: t(
    "the group's coordinator moved to another broker",
    "координатор группы переехал на другой брокер",
  ),
  hint: t(
    "it moves when a broker stops or leaders are rebalanced; run the command again: it finds the new coordinator",
    "он переезжает, когда брокер останавливается или лидеры перераспределяются; запустите команду ещё раз: она найдёт нового координатора",
  ),
};

/** A coordinator that just took the group over reads its offsets first. */
const COORDINATOR_LOADING: Translated = {
  message: t(
    "the group coordinator is still loading the group's offsets",
    "координатор группы ещё загружает смещения группы",
  ),
  hint: t(
    "this happens just after a broker starts or the group moves; try again in a few seconds",
    "так бывает сразу после запуска брокера или переезда группы; повторите через несколько секунд",
  ),
};

const NO_LEADER: Translated = {
  message: t(
    "the partition has no leader right now",
    "у партиции сейчас нет лидера",
  ),
  hint: t(
    "a broker may be down or a new leader is being elected; try again in a few seconds",
    "возможно, брокер остановлен или идут выборы нового лидера; повторите через несколько секунд",
  ),
};

const NOT_ENOUGH_REPLICAS: Translated = {
  message: t(
    "fewer in-sync replicas than min.insync.replicas, so the broker refuses acks=all writes",
    "синхронных реплик меньше, чем min.insync.replicas, поэтому брокер отклоняет запись с acks=all",
  ),
  hint: t(
    "start the stopped brokers or lower the topic's min.insync.replicas",
    "запустите остановленные брокеры или уменьшите min.insync.replicas топика",
  ),
};

const REBALANCING: Translated = {
  message: t("the consumer group is rebalancing", "в группе консьюмеров идёт перебалансировка"),
  hint: t("try again in a few seconds", "повторите через несколько секунд"),
};

const TOO_LARGE: Translated = {
  message: t("the record is larger than the broker accepts", "запись больше, чем принимает брокер"),
  hint: t(
    "raise the topic's max.message.bytes or send smaller records",
    "увеличьте max.message.bytes топика или отправляйте записи поменьше",
  ),
};

/** Plain words for the Kafka protocol error types a student is likely to meet. */
export const PROTOCOL_TEXTS: Readonly<Record<string, Translated>> = {
  TOPIC_ALREADY_EXISTS: { message: t("the topic already exists", "топик уже существует") },
  INVALID_REPLICATION_FACTOR: {
    message: t(
      "the replication factor is larger than the number of brokers",
      "фактор репликации больше числа брокеров",
    ),
    hint: t(
      "use a replication factor at most the broker count (`kafka-lab status` shows it); a managed cluster (Confluent Cloud, Aiven) may accept only its own factor, usually 3: pass --replication-factor 3",
      "фактор репликации не должен превышать число брокеров (его показывает `kafka-lab status`); управляемый кластер (например, `Confluent Cloud`, `Aiven`) может принимать только свой фактор, обычно 3: укажите `--replication-factor 3`",
    ),
  },
  INVALID_PARTITIONS: {
    message: t("the number of partitions is invalid", "недопустимое число партиций"),
  },
  INVALID_CONFIG: {
    message: t(
      "a topic config key or value is invalid",
      "недопустимый ключ или значение в настройках топика",
    ),
  },
  INVALID_TOPIC_EXCEPTION: {
    message: t("the topic name is invalid", "недопустимое имя топика"),
    hint: t(
      "use letters, digits, '.', '_' and '-' (at most 249 characters)",
      "используйте латинские буквы, цифры, '.', '_' и '-' (не больше 249 символов)",
    ),
  },
  UNKNOWN_TOPIC_OR_PARTITION: {
    message: t("the topic does not exist", "топик не существует"),
    hint: t(
      "create it first (`kafka-lab lab1 create --topic <name>`)",
      "сначала создайте его (`kafka-lab lab1 create --topic <name>`)",
    ),
  },
  TOPIC_AUTHORIZATION_FAILED: {
    message: t("not authorised for this topic", "нет прав на этот топик"),
    hint: t(
      "on a shared cluster your user may only use topics with your prefix: try --prefix <your-name>. and ask the operator for ACLs",
      "на общем кластере пользователю обычно доступны только топики с его префиксом: попробуйте `--prefix <ваше-имя>.` и попросите администратора выдать права (`ACL`)",
    ),
  },
  GROUP_AUTHORIZATION_FAILED: {
    message: t("not authorised for this consumer group", "нет прав на эту группу консьюмеров"),
  },
  CLUSTER_AUTHORIZATION_FAILED: {
    message: t("not authorised for this cluster operation", "нет прав на эту операцию в кластере"),
  },
  SASL_AUTHENTICATION_FAILED: {
    message: t("SASL authentication failed", "аутентификация SASL не пройдена"),
    hint: t(
      "check KAFKA_LAB_SASL_USERNAME / KAFKA_LAB_SASL_PASSWORD",
      "проверьте KAFKA_LAB_SASL_USERNAME / KAFKA_LAB_SASL_PASSWORD",
    ),
  },
  UNSUPPORTED_SASL_MECHANISM: {
    message: t(
      "the broker does not offer this SASL mechanism",
      "брокер не поддерживает этот механизм SASL",
    ),
  },
  GROUP_COORDINATOR_NOT_AVAILABLE: COORDINATOR_UNAVAILABLE,
  COORDINATOR_NOT_AVAILABLE: COORDINATOR_UNAVAILABLE,
  NOT_COORDINATOR_FOR_GROUP: COORDINATOR_MOVED,
  NOT_COORDINATOR: COORDINATOR_MOVED,
  GROUP_LOAD_IN_PROGRESS: COORDINATOR_LOADING,
  COORDINATOR_LOAD_IN_PROGRESS: COORDINATOR_LOADING,
  LEADER_NOT_AVAILABLE: NO_LEADER,
  NOT_LEADER_FOR_PARTITION: NO_LEADER,
  NOT_LEADER_OR_FOLLOWER: NO_LEADER,
  NOT_ENOUGH_REPLICAS: NOT_ENOUGH_REPLICAS,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: NOT_ENOUGH_REPLICAS,
  REQUEST_TIMED_OUT: {
    message: t("the broker did not answer in time", "брокер не ответил вовремя"),
    hint: STATUS_HINT,
  },
  POLICY_VIOLATION: {
    message: t("the broker's policy refused the request", "политика брокера отклонила запрос"),
    hint: t(
      'managed clusters limit topic layouts (e.g. replication factor 3 only, some configs fixed): create the topic with --replication-factor 3 and without the refused config, or ask the cluster\'s operator; README: "Labs on a remote cluster"',
      "управляемые кластеры ограничивают устройство топиков (например, только фактор репликации 3, часть настроек запрещена): создайте топик с `--replication-factor 3` и без отклонённой настройки или обратитесь к администратору кластера (раздел `Labs on a remote cluster` в `README`)",
    ),
  },
  REBALANCE_IN_PROGRESS: REBALANCING,
  ILLEGAL_GENERATION: REBALANCING,
  UNKNOWN_MEMBER_ID: REBALANCING,
  MESSAGE_TOO_LARGE: TOO_LARGE,
  RECORD_LIST_TOO_LARGE: TOO_LARGE,
  INVALID_REQUIRED_ACKS: {
    message: t("the broker refused this `acks` setting", "брокер отклонил это значение `acks`"),
    hint: t("use `acks` 0, 1 or `all` (-1)", "используйте `acks` 0, 1 или `all` (-1)"),
  },
  OUT_OF_ORDER_SEQUENCE_NUMBER: {
    message: t(
      "the broker saw a gap in the idempotent producer's sequence numbers",
      "брокер обнаружил пропуск в порядковых номерах идемпотентного продюсера",
    ),
    hint: t(
      "send again: a new producer starts fresh",
      "отправьте снова: новый продюсер начнёт заново",
    ),
  },
  UNKNOWN_PRODUCER_ID: {
    message: t(
      "the broker no longer knows this producer id",
      "брокер больше не знает идентификатор этого продюсера",
    ),
  },
  GROUP_ID_NOT_FOUND: {
    message: t("the consumer group does not exist", "группа консьюмеров не существует"),
  },
  NON_EMPTY_GROUP: {
    message: t(
      "the consumer group still has members",
      "в группе консьюмеров ещё есть участники",
    ),
    hint: t(
      "stop its consumers first",
      "сначала остановите её консьюмеров",
    ),
  },
  INVALID_GROUP_ID: {
    message: t("the consumer group id is invalid", "недопустимый идентификатор группы"),
  },
  OFFSET_OUT_OF_RANGE: {
    message: t(
      "the requested offset is outside the partition's records",
      "запрошенное смещение лежит за пределами записей партиции",
    ),
  },
  TOPIC_DELETION_DISABLED: {
    message: t("the brokers do not allow deleting topics", "брокеры запрещают удалять топики"),
  },
  UNSUPPORTED_VERSION: {
    message: t(
      "the broker does not support this request version",
      "брокер не поддерживает эту версию запроса",
    ),
  },
  KAFKA_STORAGE_ERROR: {
    message: t("a broker's disk failed", "на брокере отказал диск"),
    hint: STATUS_HINT,
  },
  UNKNOWN: {
    message: t(
      "the broker failed with an unknown server error",
      "брокер завершил запрос неизвестной серверной ошибкой",
    ),
    hint: t("look at the broker's log", "посмотрите журнал брокера"),
  },
};

/** kafkajs error classes (by class name) that carry no Kafka error type. */
export const CLASS_TEXTS: Readonly<Record<string, Translated>> = {
  KafkaJSRequestTimeoutError: {
    message: t(
      "broker {broker} did not answer the request in time",
      "брокер {broker} не ответил на запрос вовремя",
    ),
    hint: t(
      "the broker may be overloaded or stopping; `kafka-lab status` shows which brokers run",
      "брокер, возможно, перегружен или останавливается; какие брокеры работают, покажет `kafka-lab status`",
    ),
  },
  KafkaJSTimeout: {
    message: t("a Kafka operation timed out", "операция Kafka не завершилась вовремя"),
    hint: STATUS_HINT,
  },
  KafkaJSLockTimeout: {
    message: t(
      "the client waited too long for its own previous request",
      "клиент слишком долго ждал завершения своего предыдущего запроса",
    ),
  },
  KafkaJSSASLAuthenticationError: {
    message: t("SASL authentication failed", "аутентификация SASL не пройдена"),
    hint: t(
      "check KAFKA_LAB_SASL_USERNAME / KAFKA_LAB_SASL_PASSWORD",
      "проверьте KAFKA_LAB_SASL_USERNAME / KAFKA_LAB_SASL_PASSWORD",
    ),
  },
  KafkaJSTopicMetadataNotLoaded: {
    message: t(
      "the topic's metadata could not be loaded",
      "не удалось загрузить метаданные топика",
    ),
    hint: t(
      "check that the topic exists (`kafka-lab lab1 list`)",
      "проверьте, что топик существует (`kafka-lab lab1 list`)",
    ),
  },
  KafkaJSMetadataNotLoaded: {
    message: t(
      "the cluster's metadata could not be loaded",
      "не удалось загрузить метаданные кластера",
    ),
    hint: STATUS_HINT,
  },
  KafkaJSGroupCoordinatorNotFound: COORDINATOR_UNAVAILABLE,
  KafkaJSBrokerNotFound: {
    message: t(
      "a broker named in the cluster's metadata is not known",
      "брокер из метаданных кластера не найден",
    ),
    hint: STATUS_HINT,
  },
  KafkaJSServerDoesNotSupportApiKey: {
    message: t(
      "the broker does not support a request this client needs",
      "брокер не поддерживает запрос, нужный клиенту",
    ),
    hint: t("use Kafka 2.x or newer", "используйте Kafka 2.x или новее"),
  },
  KafkaJSNumberOfRetriesExceeded: {
    message: t(
      "Kafka did not complete the request, even after retries",
      "Kafka не выполнила запрос даже после повторных попыток",
    ),
    hint: t(
      "the cluster may be overloaded or a broker is down; `kafka-lab status` shows which",
      "кластер, возможно, перегружен или брокер остановлен; какой именно, покажет `kafka-lab status`",
    ),
  },
};

/** What an ACL refusal is about. */
export type RefusedKind = "topic" | "group" | "cluster" | "transactional-id";

/** The message of a refusal by the cluster's ACLs, with the resource's name or without. */
export const REFUSED_TEXTS: Readonly<Record<RefusedKind, { named: Text; unnamed: Text }>> = {
  topic: {
    named: t(
      "the cluster refused your user access to topic {name} ({type})",
      "кластер не дал вашему пользователю доступа к топику {name} ({type})",
    ),
    unnamed: t(
      "the cluster refused your user access to this topic ({type})",
      "кластер не дал вашему пользователю доступа к этому топику ({type})",
    ),
  },
  group: {
    named: t(
      "the cluster refused your user access to consumer group {name} ({type})",
      "кластер не дал вашему пользователю доступа к группе консьюмеров {name} ({type})",
    ),
    unnamed: t(
      "the cluster refused your user access to this consumer group ({type})",
      "кластер не дал вашему пользователю доступа к этой группе консьюмеров ({type})",
    ),
  },
  "transactional-id": {
    named: t(
      "the cluster refused your user the transactional id {name} ({type})",
      "кластер не дал вашему пользователю транзакционный id {name} ({type})",
    ),
    unnamed: t(
      "the cluster refused your user this transactional id ({type})",
      "кластер не дал вашему пользователю этот транзакционный id ({type})",
    ),
  },
  cluster: {
    named: t(
      "the cluster refused your user this cluster-wide operation ({type})",
      "кластер не разрешил вашему пользователю эту операцию над всем кластером ({type})",
    ),
    unnamed: t(
      "the cluster refused your user this cluster-wide operation ({type})",
      "кластер не разрешил вашему пользователю эту операцию над всем кластером ({type})",
    ),
  },
};

/** What to do about a refusal: stay behind your prefix, or ask the instructor. */
export const REFUSED_HINTS = {
  own: t(
    "on a class cluster your user may use only topics, consumer groups and transactional ids that begin with your prefix (KAFKA_LAB_PREFIX in your .env; do not pass another --prefix). If this one should be yours, ask your instructor to give your user the ACL for it (`kafka-lab class init` again; `kafka-lab class list` shows every user's ACLs)",
    "на общем кластере группы вашему пользователю доступны только топики, группы консьюмеров и транзакционные id, начинающиеся с вашего префикса (KAFKA_LAB_PREFIX в вашем .env; не указывайте другой --prefix). Если этот ресурс должен быть вашим, попросите преподавателя выдать вашему пользователю ACL на него (снова `kafka-lab class init`; ACL всех пользователей показывает `kafka-lab class list`)",
  ),
  cluster: t(
    "this needs rights on the whole cluster, which a student's user does not have: ask your instructor to run it (with the admin login), or to grant your user the ACL if the course needs it",
    "для этого нужны права на весь кластер, которых у пользователя студента нет: попросите преподавателя выполнить это (под администратором) или выдать вашему пользователю ACL, если это нужно по курсу",
  ),
};
