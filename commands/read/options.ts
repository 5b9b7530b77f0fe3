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
