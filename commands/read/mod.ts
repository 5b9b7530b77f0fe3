/**
 * `kafka-lab read <topic>`: prints a topic's records from a chosen position
 * without any consumer group's offsets (like `kcat -C`). The work lives in
 * `commands/read/read.ts`, loaded only when the command runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { READ_OPTIONS } from "./options.ts";

/** The `read` command. */
export const readCommand: Command = defineCommand({
  name: "read",
  summary: t(
    "Print a topic's records: key, value, headers, partition, offset, time (no group)",
    "Показать записи топика: ключ, значение, заголовки, партиция, смещение, время (без группы)",
  ),
  description: t(
    `Reads without committing anything, so no consumer group's position moves
(like kcat -C or kafka-console-consumer). Values in the Schema Registry wire
format show their schema id and JSON; JSON and text are recognised by
themselves. Without --follow it stops at the end offsets it found at start.`,
    `Читает, ничего не фиксируя, поэтому позиции групп консьюмеров не меняются
(как kcat -C или kafka-console-consumer). Значения в формате Schema Registry
показываются с идентификатором схемы и JSON; JSON и текст распознаются сами.
Без --follow чтение заканчивается на концах партиций, найденных при старте.`,
  ),
  positionals: [{
    name: "topic",
    required: true,
    description: t("The topic to read", "Топик, который читать"),
  }],
  options: READ_OPTIONS,
  examples: [
    "kafka-lab read hello-kafka",
    "kafka-lab read hello-kafka --from offset:-3",
    "kafka-lab read users_coordinates --partition 0 --count 5 --json",
    "kafka-lab read hello-kafka --from end --follow",
  ],
  run: async (ctx, args) => (await import("./read.ts")).runRead(ctx, args),
});
