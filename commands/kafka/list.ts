/**
 * Kafka's tools that `kafka-lab kafka` runs: each one's script name, main
 * class, how it is told the brokers, and its help line.
 * @module
 */
import { t, type Text } from "../../lib/i18n.ts";

/** How a tool is told where the cluster is when the user did not say. */
export type BootstrapStyle = "bootstrap-server" | "producer-props" | "none";

/** One of Kafka's tools: its script name, main class and how it takes the brokers. */
export interface KafkaTool {
  /** The script's name without `.sh`, as the manual writes it. */
  readonly name: string;
  readonly mainClass: string;
  readonly bootstrap: BootstrapStyle;
  readonly summary: Text;
  readonly example: string;
}

/**
 * The tools, each main class checked in the 4.1.1 jars (kafka-tools, or
 * kafka_2.13 for ConfigCommand, still in Scala there).
 */
export const KAFKA_TOOLS: readonly KafkaTool[] = [
  {
    name: "kafka-topics",
    mainClass: "org.apache.kafka.tools.TopicCommand",
    bootstrap: "bootstrap-server",
    summary: t(
      "Create, list, describe, alter and delete topics",
      "Создать, перечислить, описать, изменить и удалить топики",
    ),
    example: "kafka-lab kafka kafka-topics --describe --topic hello-kafka",
  },
  {
    name: "kafka-consumer-groups",
    mainClass: "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
    bootstrap: "bootstrap-server",
    summary: t(
      "List and describe consumer groups, reset their offsets",
      "Группы консьюмеров: список, описание, сброс смещений",
    ),
    example: "kafka-lab kafka kafka-consumer-groups --describe --group hello-group",
  },
  {
    name: "kafka-console-consumer",
    mainClass: "org.apache.kafka.tools.consumer.ConsoleConsumer",
    bootstrap: "bootstrap-server",
    summary: t("Print a topic's records", "Показать записи топика"),
    example:
      "kafka-lab kafka kafka-console-consumer --topic hello-kafka --from-beginning --max-messages 10",
  },
  {
    name: "kafka-console-producer",
    mainClass: "org.apache.kafka.tools.ConsoleProducer",
    bootstrap: "bootstrap-server",
    summary: t(
      "Write lines from stdin as records",
      "Записать строки стандартного ввода как записи",
    ),
    example: "kafka-lab kafka kafka-console-producer --topic hello-kafka",
  },
  {
    name: "kafka-configs",
    mainClass: "kafka.admin.ConfigCommand",
    bootstrap: "bootstrap-server",
    summary: t(
      "Show and change topic, broker and client configs",
      "Показать и изменить настройки топиков, брокеров и клиентов",
    ),
    example:
      "kafka-lab kafka kafka-configs --describe --entity-type topics --entity-name hello-kafka",
  },
  {
    name: "kafka-metadata-quorum",
    mainClass: "org.apache.kafka.tools.MetadataQuorumCommand",
    bootstrap: "bootstrap-server",
    summary: t(
      "The KRaft quorum: leader, voters, replication lag",
      "Кворум KRaft: лидер, голосующие узлы, отставание репликации",
    ),
    example: "kafka-lab kafka kafka-metadata-quorum describe --status",
  },
  {
    name: "kafka-producer-perf-test",
    mainClass: "org.apache.kafka.tools.ProducerPerformance",
    bootstrap: "producer-props",
    summary: t(
      "Measure producer throughput and latency",
      "Измерить пропускную способность и задержку продюсера",
    ),
    example:
      "kafka-lab kafka kafka-producer-perf-test --topic perf --num-records 10000 --record-size 100 --throughput -1",
  },
  {
    name: "kafka-get-offsets",
    mainClass: "org.apache.kafka.tools.GetOffsetShell",
    bootstrap: "bootstrap-server",
    summary: t(
      "Print partitions' offsets (earliest, latest, by time)",
      "Показать смещения партиций (начало, конец, по времени)",
    ),
    example: "kafka-lab kafka kafka-get-offsets --topic hello-kafka",
  },
];
