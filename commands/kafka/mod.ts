/**
 * `kafka-lab kafka <tool> [args]`: Kafka's own command-line tools
 * (`kafka-topics`, `kafka-consumer-groups`, ...) from the same pinned 4.1.1
 * jars the java runtime runs, so every command of the course manual works
 * without Docker. The arguments after the tool's name go to the tool as they
 * are; `--bootstrap-server` is added when missing. The runner lives in
 * `commands/kafka/tools.ts`, loaded only when a tool runs.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
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

const toolSubcommands: Command[] = KAFKA_TOOLS.map((tool) => ({
  name: tool.name,
  summary: tool.summary,
  passthrough: true,
  examples: [tool.example, `kafka-lab kafka ${tool.name} --help`],
  run: async (ctx, args) => (await import("./tools.ts")).runTool(ctx, tool, args.positionals),
}));

/** The `kafka` command. */
export const kafkaCommand: Command = {
  name: "kafka",
  summary: t(
    "Kafka's own command-line tools (kafka-topics, kafka-consumer-groups, ...) without Docker",
    "Собственные утилиты Kafka (kafka-topics, kafka-consumer-groups, ...) без Docker",
  ),
  description: t(
    `Runs the tool from Kafka 4.1.1's jars on this machine's Java (17 or newer;
the jars are downloaded and checked once, like the local cluster's). The
arguments after the tool's name go to the tool unchanged and its output is
Kafka's own; --bootstrap-server is added when missing (the configured cluster,
KAFKA_BROKERS or localhost:19092). \`kafka-lab kafka <tool> --help\` prints the
tool's own help.`,
    `Запускает утилиту из jar-файлов Kafka 4.1.1 на Java этой машины (17 или
новее; jar-файлы скачиваются и проверяются один раз, как для локального
кластера). Аргументы после имени утилиты передаются ей без изменений, вывод —
собственный вывод Kafka; если --bootstrap-server не указан, он добавляется
(настроенный кластер, KAFKA_BROKERS или localhost:19092).
\`kafka-lab kafka <утилита> --help\` печатает справку самой утилиты.`,
  ),
  examples: KAFKA_TOOLS.slice(0, 3).map((tool) => tool.example),
  subcommands: toolSubcommands,
};
