/**
 * The options of lab 6's guided run, declared once: `mod.ts` builds the
 * command from them and `guided.ts` types its arguments with them.
 * @module
 */
import { PREFIX_OPTION } from "../../lib/cli/lab_options.ts";
import { t } from "../../lib/i18n.ts";

/** The four parts, in the order the guided run takes them. */
export const PARTS = ["liveness", "retention", "size", "min-isr"] as const;

/** The options of the guided run. */
export const GUIDED_OPTIONS = [
  {
    name: "part",
    type: "string",
    choices: PARTS,
    valueName: "PART",
    description: t(
      "Run one part only: liveness, retention, size or min-isr (default: all four)",
      "Выполнить только одну часть: liveness, retention, size или min-isr (по умолчанию все четыре)",
    ),
  },
  PREFIX_OPTION,
] as const;
