/**
 * The shape of a command, its global options, command-tree lookup and help.
 *
 * @example
 * ```ts
 * const { path, rest } = resolveCommand(commands, ["lab1", "create", "--topic", "t"]);
 * path.map((c) => c.name); // ["lab1", "create"]
 * ```
 * @module
 */
import type { Lang } from "../config.ts";
import type { Context } from "../context.ts";
import { UsageError } from "../errors.ts";
import { fillText, type Localizable, t, type Text } from "../i18n.ts";
import type { OptionSpec, ParsedArgs, PositionalSpec } from "./args.ts";
import { didYouMean, nearest } from "./suggest.ts";
import { invocation } from "./invocation.ts";

/** A command or subcommand of kafka-lab. */
export interface Command {
  readonly name: string;
  /** One line, shown in lists. */
  readonly summary: Localizable;
  /** Paragraphs shown in the command's own help. */
  readonly description?: Localizable;
  readonly options?: readonly OptionSpec[];
  readonly positionals?: readonly PositionalSpec[];
  readonly examples?: readonly string[];
  readonly subcommands?: readonly Command[];
  /**
   * The arguments after the command's name are not parsed: they reach `run`
   * unchanged as `args.positionals` (for wrappers of other programs, like
   * `kafka-lab kafka <tool>`).
   */
  readonly passthrough?: boolean;
  /** Internal (started by kafka-lab itself): left out of help, completion and suggestions. */
  readonly hidden?: boolean;
  /**
   * Runs the command; returns the exit code (0 when nothing is returned). It
   * reads no option here: a command with options is declared with
   * {@linkcode defineCommand}, whose `run` gets them typed.
   */
  run?(ctx: Context<Command>, args: ParsedArgs): Promise<number | void>;
}

/** A command whose `run` gets values typed from its own option table. */
export interface CommandSpec<O extends readonly OptionSpec[]>
  extends Omit<Command, "options" | "run"> {
  readonly options?: O;
  run?(ctx: Context<Command>, args: ParsedArgs<O>): Promise<number | void>;
}

/**
 * Declares a command with a typed option table: `run` reads `args.values.x`,
 * and a misspelt option name does not compile.
 *
 * @example
 * ```ts
 * const OPTS = [{ name: "yes", type: "boolean", description: "No questions" }] as const;
 * defineCommand({ name: "delete", summary: "Delete", options: OPTS, run: async (_ctx, args) => {
 *   args.values.yes; // boolean
 * } });
 * ```
 */
export function defineCommand<const O extends readonly OptionSpec[]>(
  spec: CommandSpec<O>,
): Command {
  return spec as unknown as Command;
}

/** Options every command takes; `cli.ts` reads them typed (`args.valuesOf(GLOBAL_OPTIONS)`). */
export const GLOBAL_OPTIONS = [
  {
    name: "help",
    short: "h",
    type: "boolean",
    description: t("Show help for this command", "Показать справку по команде"),
  },
  {
    name: "json",
    type: "boolean",
    description: t(
      "Print one JSON event per line instead of text (for scripts)",
      "Выводить по одному событию JSON в строке вместо текста (для скриптов)",
    ),
  },
  {
    name: "quiet",
    short: "q",
    type: "boolean",
    description: t(
      "Print results only, without theory and explanations",
      "Выводить только результаты, без теории и пояснений",
    ),
  },
  {
    name: "verbose",
    short: "v",
    type: "boolean",
    description: t(
      "Print client logs and, on errors, stack traces",
      "Выводить журналы клиента, а при ошибках — трассировку стека",
    ),
  },
  {
    name: "lang",
    type: "string",
    choices: ["en", "ru"],
    description: t(
      "Language of all output (default: KAFKA_LAB_LANG, else from LANG)",
      "Язык вывода (по умолчанию KAFKA_LAB_LANG, иначе по LANG)",
    ),
  },
  {
    name: "env-file",
    type: "string",
    valueName: "FILE",
    description: t(
      "Read settings from this file instead of ./.env (env KAFKA_LAB_ENV_FILE): a student's login from `class init`",
      "Брать настройки из этого файла вместо ./.env (переменная KAFKA_LAB_ENV_FILE): вход студента из `class init`",
    ),
  },
  {
    name: "bootstrap-server",
    short: "b",
    type: "string",
    valueName: "HOST:PORT,...",
    description: t(
      "Kafka brokers (env KAFKA_BROKERS; default: the local cluster's brokers)",
      "Брокеры Kafka (переменная KAFKA_BROKERS; по умолчанию — локального кластера)",
    ),
  },
  {
    name: "registry-url",
    type: "string",
    valueName: "URL",
    description: t(
      "Schema Registry URL (env SCHEMA_REGISTRY_URL; default: the local cluster's)",
      "Адрес Schema Registry (переменная SCHEMA_REGISTRY_URL; по умолчанию — локального кластера)",
    ),
  },
  {
    name: "client-id",
    type: "string",
    valueName: "ID",
    description: t(
      "Kafka client id (env KAFKA_LAB_CLIENT_ID; default kafka-lab)",
      "Идентификатор клиента Kafka (переменная KAFKA_LAB_CLIENT_ID; по умолчанию kafka-lab)",
    ),
  },
  {
    name: "sasl-mechanism",
    type: "string",
    choices: ["plain", "scram-sha-256", "scram-sha-512"],
    description: t(
      "SASL mechanism (password from KAFKA_LAB_SASL_PASSWORD)",
      "Механизм SASL (пароль из KAFKA_LAB_SASL_PASSWORD)",
    ),
  },
  {
    name: "sasl-username",
    type: "string",
    valueName: "USER",
    description: t("SASL user name", "Имя пользователя SASL"),
  },
  {
    name: "ssl",
    type: "boolean",
    description: t("Connect to the brokers with TLS", "Подключаться к брокерам по TLS"),
  },
  {
    name: "ssl-ca",
    type: "string",
    valueName: "FILE",
    description: t(
      "PEM file of the CA that signed the brokers' certificates",
      "PEM-файл центра сертификации, подписавшего сертификаты брокеров",
    ),
  },
] as const satisfies readonly OptionSpec[];

/** The command named by the leading words of argv, and the words left for its options. */
export interface Resolved {
  /** From the top-level command down to the one that runs. */
  readonly path: readonly Command[];
  /** The words after the command's name. */
  readonly rest: readonly string[];
  /** Global options given before or between the command's words (`-b host status`). */
  readonly globals: readonly string[];
}

/**
 * How many words the global option at `argv[i]` takes (the flag, and its value
 * when it has one not joined by `=`); 0 when `argv[i]` is not a global option.
 */
export function globalOptionWords(
  argv: readonly string[],
  i: number,
  globals: readonly OptionSpec[] = GLOBAL_OPTIONS,
): number {
  const word = argv[i];
  if (word === undefined || !word.startsWith("-") || word === "-" || word === "--") return 0;
  const long = word.startsWith("--");
  const name = long ? word.slice(2).split("=")[0] : word.slice(1, 2);
  const spec = globals.find((o) => long ? o.name === name : o.short === name);
  if (!spec) return 0;
  const joined = long ? word.includes("=") : word.length > 2;
  if (spec.type === "boolean" || joined) return 1;
  return argv[i + 1] === undefined ? 1 : 2;
}

/**
 * Walks the command tree along the non-option words of `argv`; global options
 * may come before the command or between its words, as in rpk and kafkactl.
 * Throws {@linkcode UsageError} for an unknown command or subcommand, naming
 * the nearest one when there is one.
 */
export function resolveCommand(commands: readonly Command[], argv: readonly string[]): Resolved {
  const globals: string[] = [];
  const path: Command[] = [];
  let i = 0;
  while (i < argv.length) {
    const taken = globalOptionWords(argv, i);
    if (taken > 0) {
      globals.push(...argv.slice(i, i + taken));
      i += taken;
      continue;
    }
    const word = argv[i];
    if (word.startsWith("-")) break;
    const node = path.at(-1);
    const choices = node ? node.subcommands : commands;
    if (!choices || choices.length === 0) break;
    const next = choices.find((c) => c.name === word);
    if (!next) {
      if (node?.positionals && node.positionals.length > 0) break;
      throw unknownCommand(word, path, choices);
    }
    path.push(next);
    i++;
  }
  return { path, rest: argv.slice(i), globals };
}

/** A word that names no command here; `path` is what was found before it (for the usage line). */
export class UnknownCommandError extends UsageError {
  readonly path: readonly Command[];
  constructor(text: Text, hint: Text, path: readonly Command[]) {
    super(text, hint);
    this.path = path;
  }
}

/** The error for a word that names no command here, with the nearest names when some are close. */
function unknownCommand(
  word: string,
  path: readonly Command[],
  choices: readonly Command[],
): UsageError {
  const name = path.map((c) => c.name).join(" ");
  const near = nearest(word, visible(choices).map((c) => c.name));
  const vars = { word, name, list: visible(choices).map((c) => c.name).join(", ") };
  const text = path.length === 0
    ? t("unknown command '{word}'", "неизвестная команда '{word}'")
    : t("unknown subcommand '{word}' of {name}", "у {name} нет подкоманды '{word}'");
  const prefix = name ? `${name} ` : "";
  // Hints name what the user types: `kafka-lab` or, from a clone, `deno task lab`.
  const run = invocation();
  const hint = didYouMean(near.map((n) => `\`${run} ${prefix}${n}\``)) ?? (path.length === 0
    ? t(
      "commands: {list}; see `{run} --help`",
      "команды: {list}; справка: `{run} --help`",
    )
    : t(
      "subcommands: {list}; see `{run} {name} --help`",
      "подкоманды: {list}; справка: `{run} {name} --help`",
    ));
  return new UnknownCommandError(fillText(text, vars), fillText(hint, { ...vars, run }), path);
}

/** The commands help and completion show: all but the hidden (internal) ones. */
export function visible(commands: readonly Command[]): readonly Command[] {
  return commands.filter((c) => !c.hidden);
}

const USAGE_WORDS = {
  en: { subcommand: "subcommand", options: "options", command: "command" },
  ru: { subcommand: "подкоманда", options: "параметры", command: "команда" },
} as const;

/** The usage line of a command path: `kafka-lab lab1 create [options]`, `program` the way the user runs kafka-lab. */
export function usageLine(
  path: readonly Command[],
  lang: Lang = "en",
  program = "kafka-lab",
): string {
  const w = USAGE_WORDS[lang];
  const cmd = path[path.length - 1];
  const words = [program, ...path.map((c) => c.name)];
  if (path.length === 0) words.push(`<${w.command}>`);
  if (cmd?.subcommands && cmd.subcommands.length > 0) {
    words.push(cmd.run ? `[<${w.subcommand}>]` : `<${w.subcommand}>`);
  }
  for (const p of cmd?.positionals ?? []) words.push(p.required ? `<${p.name}>` : `[<${p.name}>]`);
  for (const o of cmd?.options ?? []) {
    if (o.required) words.push(`--${o.name} <${o.valueName ?? "VALUE"}>`);
  }
  words.push(`[${w.options}]`);
  return words.join(" ");
}
