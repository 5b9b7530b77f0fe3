/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { t } from "../../lib/i18n.ts";

/** The options of `read`, declared once. */
export const READ_OPTIONS = [
  {
    name: "from",
    short: "o",
    type: "string",
    default: "beginning",
    valueName: "beginning|end|offset:N|time:ISO",
    description: t(
      "Where to start in each partition (offset:-N: the last N records)",
      "С какого места читать каждую партицию (offset:-N — последние N записей)",
    ),
  },
  {
    name: "partition",
    short: "p",
    type: "list",
    valueName: "N",
    description: t("Read only this partition", "Читать только эту партицию"),
  },
  {
    name: "count",
    short: "n",
    type: "integer",
    min: 0,
    description: t("Stop after this many records", "Остановиться после стольких записей"),
  },
  {
    name: "follow",
    type: "boolean",
    description: t(
      "Keep waiting for new records after the end (Ctrl+C stops)",
      "После конца ждать новых записей (Ctrl+C — остановить)",
    ),
  },
  {
    name: "template",
    short: "f",
    type: "string",
    valueName: "FMT",
    description: t(
      "Print each record by a kcat-style template: %k key, %v value, %p partition, %o offset, %T timestamp, %t topic, %h headers, \\n (one record a line without it)",
      "Печатать каждую запись по шаблону, как kcat: %k ключ, %v значение, %p партиция, %o смещение, %T время, %t топик, %h заголовки, \\n (без него — запись в строке)",
    ),
  },
  {
    name: "value-only",
    type: "boolean",
    description: t(
      "Print only each record's value, one a line (as kcat does by default)",
      "Печатать только значение каждой записи, по одной в строке (как kcat по умолчанию)",
    ),
  },
  {
    name: "format",
    type: "string",
    default: "auto",
    choices: ["auto", "registry", "json", "text", "hex"],
    description: t(
      "How to decode keys and values (auto: Schema Registry wire format, JSON, text, else hex)",
      "Как декодировать ключи и значения (auto: формат Schema Registry, JSON, текст, иначе hex)",
    ),
  },
] as const satisfies readonly OptionSpec[];
