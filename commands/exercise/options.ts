/**
 * The options of `exercise`, declared once: `mod.ts` builds the command from
 * them and `write.ts` types its arguments with them.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { PREFIX_OPTION } from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";

/** The options of `exercise`. */
export const EXERCISE_OPTIONS = [
  {
    name: "language",
    type: "string",
    default: "ts",
    choices: ["ts", "python"],
    description: t(
      "The starter's language: ts (Deno + kafkajs) or python (confluent-kafka)",
      "Язык заготовки: ts (Deno + kafkajs) или python (confluent-kafka)",
    ),
  },
  {
    name: "dir",
    type: "string",
    valueName: "DIR",
    description: t(
      "Where to write the starter (default: ./labN-exercise)",
      "Куда записать заготовку (по умолчанию ./labN-exercise)",
    ),
  },
  {
    name: "force",
    type: "boolean",
    description: t(
      "Write into a folder that is not empty (files of the same name are replaced)",
      "Писать в непустую папку (файлы с теми же именами заменяются)",
    ),
  },
  PREFIX_OPTION,
] as const satisfies readonly OptionSpec[];
