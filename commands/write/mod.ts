/**
 * `kafka-lab write <topic>`: writes records, one per line from stdin or from
 * `--value` (like `kcat -P`). The work lives in `commands/write/write.ts`,
 * loaded only when the command runs.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, defineCommand } from "../../lib/cli/command.ts";
import { t } from "../../lib/i18n.ts";

/** The options of `write`, declared once. */
export const WRITE_OPTIONS = [
  {
    name: "value",
    type: "list",
    valueName: "TEXT",
    description: t(
      "A record's value (instead of reading lines from stdin)",
      "Значение записи (вместо чтения строк со стандартного ввода)",
    ),
  },
  {
    name: "key",
    short: "k",
    type: "string",
    valueName: "KEY",
    description: t(
      "The key of every record (records with one key share a partition)",
      "Ключ каждой записи (записи с одним ключом попадают в одну партицию)",
    ),
  },
  {
    name: "key-separator",
    short: "K",
    type: "string",
    valueName: "SEP",
    description: t(
      "Split each input line into key and value at the first SEP (kcat -K)",
      "Делить каждую строку на ключ и значение по первому SEP (как kcat -K)",
    ),
  },
  {
    name: "header",
    short: "H",
    type: "list",
    valueName: "KEY=VALUE",
    description: t("A header on every record", "Заголовок каждой записи"),
  },
  {
    name: "partition",
    short: "p",
    type: "integer",
    min: 0,
    description: t(
      "Write to this partition (default: by key, else round robin)",
      "Писать в эту партицию (по умолчанию — по ключу, иначе по кругу)",
    ),
  },
] as const satisfies readonly OptionSpec[];

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
