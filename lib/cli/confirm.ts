/**
 * Asking before something cannot be undone (deleting a topic or a group):
 * `--yes` agrees without asking; without a terminal to ask on, the command is
 * refused (exit 2) rather than done silently.
 *
 * @example
 * ```ts
 * if (!confirmed({ question: t("Delete x?", "Удалить x?"), what: "x", yes: args.values.yes }, lang)) {
 *   return 1;
 * }
 * ```
 * @module
 */
import type { Lang } from "../config.ts";
import { UsageError } from "../errors.ts";
import { fillText, localize, t, type Text } from "../i18n.ts";
import type { OptionSpec } from "./args.ts";

/** `--yes`, declared once for every command that asks first. */
export const YES_OPTION = {
  name: "yes",
  short: "y",
  type: "boolean",
  description: t("Do not ask for confirmation", "Не спрашивать подтверждения"),
} as const satisfies OptionSpec;

/** What to ask about. */
export interface Confirmation {
  /** The question, in both languages. */
  readonly question: Text;
  /** What would be lost, as the refusal names it (`topic orders`). */
  readonly what: string;
  /** `--yes`. */
  readonly yes: boolean;
}

/** Reads a yes/no answer on the terminal; replaced in tests. */
export type Ask = (question: string) => boolean;

/**
 * Whether the user agrees: true with `--yes`, the answer on a terminal;
 * without a terminal it throws {@linkcode UsageError} naming `--yes`.
 */
export function confirmed(
  c: Confirmation,
  lang: Lang,
  ask: Ask = (q) => Deno.stdin.isTerminal() ? confirm(q) : noTerminal(c),
): boolean {
  if (c.yes) return true;
  return ask(localize(c.question, lang));
}

function noTerminal(c: Confirmation): never {
  throw new UsageError(
    fillText(
      t(
        "refusing to delete {what} without confirmation",
        "{what}: не удалено — некому подтвердить удаление",
      ),
      { what: c.what },
    ),
    t("add --yes when running without a terminal", "без терминала добавьте --yes"),
  );
}
