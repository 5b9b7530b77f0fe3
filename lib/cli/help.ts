/**
 * Help text: the program's and each command's, built from the command table
 * and wrapped to the terminal (`COLUMNS`, the console's size, 80 when piped;
 * never wider than 100 columns). Global options come last, in one block.
 *
 * @example
 * ```ts
 * renderHelp(COMMANDS, [labCommand], HEADER, "en", helpWidth());
 * ```
 * @module
 */
import type { Lang } from "../config.ts";
import { type Localizable, localize } from "../i18n.ts";
import { visibleWidth } from "../output.ts";
import { helpWidth, MAX_HELP_WIDTH, reflow, wrap } from "../wrap.ts";

export { helpWidth, MAX_HELP_WIDTH, reflow, wrap };
import type { OptionSpec } from "./args.ts";
import { asInvokedLine, invocation } from "./invocation.ts";
import { type Command, GLOBAL_OPTIONS, usageLine, visible } from "./command.ts";

/** `name  summary` rows, summaries wrapped under their column. */
function twoColumns(rows: ReadonlyArray<[string, string]>, width: number, max = 34): string[] {
  const left = Math.min(max, Math.max(0, ...rows.map(([l]) => visibleWidth(l))) + 2);
  return rows.flatMap(([l, r]) => {
    const head = `  ${l}`;
    if (visibleWidth(l) >= left) {
      return [head, ...wrap(r, width, left + 2, " ".repeat(left + 2))];
    }
    return wrap(r, width, left + 2, head + " ".repeat(left - visibleWidth(l)));
  });
}

function commandList(
  all: readonly Command[],
  lang: Lang,
  width: number,
  said: (text: string) => string,
): string[] {
  return twoColumns(visible(all).map((c) => [c.name, said(localize(c.summary, lang))]), width, 20);
}

/** An example command line, broken with ` \` at spaces when it is wider than the help. */
function exampleLines(example: string, width: number): string[] {
  const lines = wrap(example, width - 2, 4, "  ");
  return lines.map((l, i) => i < lines.length - 1 ? `${l} \\` : l);
}

function valueName(spec: OptionSpec): string {
  if (spec.valueName) return spec.valueName;
  if (spec.choices) return spec.choices.join("|");
  switch (spec.type) {
    case "integer":
      return "N";
    case "number":
      return "X";
    default:
      return "VALUE";
  }
}

const OPTION_WORDS = {
  en: { required: "required", default: "default:", repeatable: "repeatable" },
  ru: { required: "обязательный", default: "по умолчанию:", repeatable: "можно повторять" },
} as const;

/** The left column of one option in help: `-t, --topic <NAME>`. */
export function optionSignature(spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : "    ";
  const value = spec.type === "boolean" ? "" : ` <${valueName(spec)}>`;
  return `${short}--${spec.name}${value}`;
}

/** Help lines for an option table in two columns (hidden options left out), wrapped to `width`. */
export function renderOptions(
  all: readonly OptionSpec[],
  lang: Lang = "en",
  width = MAX_HELP_WIDTH,
  said: (text: string) => string = (text) => text,
): string[] {
  const words = OPTION_WORDS[lang];
  const rows = all.filter((o) => !o.hidden).map((spec): [string, string] => {
    const extras: string[] = [];
    if (spec.required) extras.push(words.required);
    if (spec.default !== undefined && spec.default !== "" && spec.type !== "boolean") {
      extras.push(`${words.default} ${spec.default}`);
    }
    if (spec.type === "list") extras.push(words.repeatable);
    const tail = extras.length > 0 ? ` (${extras.join("; ")})` : "";
    return [optionSignature(spec), `${said(localize(spec.description, lang))}${tail}`];
  });
  return twoColumns(rows, width);
}

/** The headings of help, in both languages. */
export const HELP_HEADINGS = {
  en: {
    usage: "Usage:",
    commands: "Commands:",
    subcommands: "Subcommands:",
    arguments: "Arguments:",
    options: "Options:",
    globalOptions: "Global options (anywhere on the line):",
    examples: "Examples:",
    version: "Print the version",
    more: "Run `kafka-lab help <command>` (or `<command> --help`) for a command's options.",
    start: "Start here: `{cmd} up`, then `{cmd} lab1`.",
  },
  ru: {
    usage: "Использование:",
    commands: "Команды:",
    subcommands: "Подкоманды:",
    arguments: "Аргументы:",
    options: "Параметры:",
    globalOptions: "Общие параметры (в любом месте строки):",
    examples: "Примеры:",
    version: "Показать версию",
    more: "Параметры команды: `kafka-lab help <команда>` (или `<команда> --help`).",
    start: "С чего начать: `{cmd} up`, затем `{cmd} lab1`.",
  },
} as const;

const VERSION_OPTION = { name: "version", short: "V", type: "boolean", description: "" } as const;

/**
 * The full help text of the program (empty path) or of a command, wrapped to
 * `width`. Usage lines, examples and the commands it quotes name `program`,
 * the way the user runs kafka-lab (`deno task lab` from a clone).
 */
export function renderHelp(
  commands: readonly Command[],
  path: readonly Command[],
  header: Localizable,
  lang: Lang = "en",
  width = MAX_HELP_WIDTH,
  program: string = invocation(),
): string {
  const h = HELP_HEADINGS[lang];
  const said = (text: string) => asInvokedLine(text, program);
  const usage = (line: string) => wrap(line, width, 4, `${h.usage} `);
  const globals = (extra: readonly OptionSpec[] = []) => [
    "",
    h.globalOptions,
    ...renderOptions([...GLOBAL_OPTIONS, ...extra], lang, width, said),
  ];
  if (path.length === 0) {
    return [
      ...wrap(localize(header, lang), width),
      "",
      ...usage(usageLine([], lang, program)),
      "",
      h.commands,
      ...commandList(commands, lang, width, said),
      ...globals([{ ...VERSION_OPTION, description: h.version }]),
      "",
      ...wrap(said(h.more), width),
      ...wrap(h.start.replaceAll("{cmd}", program), width),
    ].join("\n");
  }
  const cmd = path[path.length - 1];
  const name = `kafka-lab ${path.map((c) => c.name).join(" ")}: `;
  const lines = [
    ...wrap(said(localize(cmd.summary, lang)), width, 2, name),
    "",
    ...usage(usageLine(path, lang, program)),
  ];
  if (cmd.description) lines.push("", ...reflow(said(localize(cmd.description, lang)), width));
  if (cmd.subcommands && visible(cmd.subcommands).length > 0) {
    lines.push("", h.subcommands, ...commandList(cmd.subcommands, lang, width, said));
  }
  if (cmd.positionals && cmd.positionals.length > 0) {
    const rows = cmd.positionals.map((p): [string, string] => [
      `<${p.name}>`,
      said(localize(p.description, lang)),
    ]);
    lines.push("", h.arguments, ...twoColumns(rows, width));
  }
  if (cmd.options && cmd.options.some((o) => !o.hidden)) {
    lines.push("", h.options, ...renderOptions(cmd.options, lang, width, said));
  }
  if (cmd.examples && cmd.examples.length > 0) {
    const examples = cmd.examples.map((e) =>
      e.startsWith("kafka-lab ") ? `${program}${e.slice("kafka-lab".length)}` : e
    );
    lines.push("", h.examples, ...examples.flatMap((e) => exampleLines(e, width)));
  }
  lines.push(...globals());
  return lines.join("\n");
}
