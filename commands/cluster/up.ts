/**
 * `kafka-lab up`: starts the local cluster (3 brokers and a schema registry).
 * This module only declares the command; its code (`up_run.ts`) is loaded
 * when it runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { KAFKA_VERSION } from "../../lib/version.ts";
import { UP_OPTIONS } from "./up_options.ts";

/** The `up` command. */
export const upCommand: Command = defineCommand({
  name: "up",
  summary: t(
    `Start a local Kafka ${KAFKA_VERSION} cluster (KRaft) and a schema registry`,
    `Запустить локальный кластер Kafka ${KAFKA_VERSION} (KRaft) и реестр схем`,
  ),
  description: t(
    `
Starts the brokers and the schema registry on this machine and waits until
they serve clients. Labs then need no configuration: brokers at
localhost:19092.., the registry at http://localhost:8081.

Runtimes:
  docker  compose.yaml: 3 apache/kafka:${KAFKA_VERSION} nodes, Confluent Schema Registry, Kafka UI
  java    the official Kafka jars and Apicurio Registry on this machine's Java 17+,
          downloaded once from Maven Central and checked against pinned SHA-256 sums
  auto    docker when a Docker engine answers, else java

Running it again while the cluster runs changes nothing. Data is kept
between \`down\` and \`up\` (\`down --purge\` deletes it).`,
    `
Запускает брокеры и реестр схем на этом компьютере и ждёт, пока они начнут
обслуживать клиентов. После этого лабораторным не нужна настройка: брокеры на
localhost:19092.., реестр на http://localhost:8081.

Среды запуска:
  docker  compose.yaml: 3 узла apache/kafka:${KAFKA_VERSION}, Confluent Schema Registry, Kafka UI
  java    официальные jar-файлы Kafka и Apicurio Registry на Java 17+ этого компьютера;
          скачиваются один раз из Maven Central и сверяются с закреплёнными суммами SHA-256
  auto    docker, если отвечает движок Docker, иначе java

Повторный запуск работающего кластера ничего не меняет. Данные сохраняются
между \`down\` и \`up\` (\`down --purge\` их удаляет).`,
  ),
  options: UP_OPTIONS,
  examples: [
    "kafka-lab up",
    "kafka-lab up --runtime java --brokers 1",
    "kafka-lab up --runtime java --auth scram",
    "kafka-lab up --runtime java --auth scram --acl",
    "kafka-lab up --json",
  ],
  run: async (ctx, args) => (await import("./up_run.ts")).up(ctx, args),
});
