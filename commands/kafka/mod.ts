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
import { t } from "../../lib/i18n.ts";
import { KAFKA_TOOLS } from "./list.ts";

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
