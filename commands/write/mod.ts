/**
 * `kafka-lab write <topic>`: writes records, one per line from stdin or from
 * `--value` (like `kcat -P`). The work lives in `commands/write/write.ts`,
 * loaded only when the command runs.
 * @module
 */
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";
import { WRITE_OPTIONS } from "./options.ts";

/** The `write` command. */
export const writeCommand: Command = defineCommand({
  name: "write",
  summary: t(
    "Write records to a topic: one per line from stdin, or --value",
    "Записать в топик: по записи на строку со стандартного ввода или --value",
  ),
  description: t(
    `Each record waits for the acknowledgement of all in-sync replicas
(acks=all) and its partition and offset are printed. The topic must exist.`,
    `Каждая запись ждёт подтверждения от всех синхронных реплик (acks=all);
печатаются её партиция и смещение. Топик должен существовать.`,
  ),
  positionals: [{
    name: "topic",
    required: true,
    description: t("The topic to write to", "Топик, в который писать"),
  }],
  options: WRITE_OPTIONS,
  examples: [
    'kafka-lab write hello-kafka --value "Hello Kafka 6"',
    "printf 'a\\nb\\n' | kafka-lab write hello-kafka",
    "printf 'user-1:{\"x\":1}\\n' | kafka-lab write users --key-separator :",
    "kafka-lab write hello-kafka --header trace-id=42 --partition 0 --value hi",
  ],
  run: async (ctx, args) => (await import("./write.ts")).runWrite(ctx, args),
});
