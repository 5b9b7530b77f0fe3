/**
 * The options of this command's verbs, declared once: `mod.ts` builds the
 * commands from them and each verb file types its arguments with them.
 * @module
 */
import type { OptionSpec } from "../../lib/cli/args.ts";
import { YES_OPTION } from "../../lib/cli/confirm.ts";
import { t } from "../../lib/i18n.ts";

/** The options of `groups reset`. */
export const RESET_OPTIONS = [
  {
    name: "topic",
    short: "t",
    type: "string",
    required: true,
    valueName: "TOPIC",
    description: t("The topic whose offsets to move", "Топик, смещения которого переносятся"),
  },
  {
    name: "to",
    type: "string",
    required: true,
    valueName: "beginning|end|offset:N|time:ISO",
    description: t(
      "Where the group reads next: the oldest record, the end, an offset (offset:-N: N before the end), or the first record at a time",
      "Откуда группа будет читать: с самой старой записи, с конца, со смещения (offset:-N — за N до конца) или с первой записи начиная с момента времени",
    ),
  },
  {
    name: "dry-run",
    type: "boolean",
    description: t(
      "Show the new offsets without changing them",
      "Показать новые смещения, ничего не меняя",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The options of `groups delete`. */
export const DELETE_OPTIONS = [YES_OPTION] as const satisfies readonly OptionSpec[];
