/**
 * The options of `kafka-lab report` (`mod.ts` declares the command,
 * `report_run.ts` runs it).
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { CHECK_OPTIONS } from "../../lib/grading/check_options.ts";
import { t } from "../../lib/i18n.ts";

/** Every option of `report`. */
export const REPORT_OPTIONS = [
  CHECK_OPTIONS[0],
  {
    name: "out",
    type: "string",
    valueName: "FILE",
    description: t(
      "Write the report to FILE (default: print it)",
      "Записать отчёт в FILE (по умолчанию — вывести)",
    ),
  },
  {
    name: "exercise",
    type: "string",
    valueName: "DIR",
    description: t(
      "Add the exercise in DIR: its .ts/.py code and check-results.json from `check --exercise`",
      "Добавить упражнение из DIR: код .ts/.py и check-results.json от `check --exercise`",
    ),
  },
] as const satisfies readonly OptionSpec[];
