/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
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
