/**
 * The command table and the run of one command line, loaded by `main.ts`
 * for every command but `--version`: parses the command line, resolves the
 * configuration, builds one context, runs the command, and turns every error
 * into a message with a hint and an exit code (0 ok, 1 failed step, 2 usage,
 * 3 unreachable, 130/143 interrupted). Command modules only declare their
 * commands; each one's code is loaded when it runs, so `--help` loads no
 * client library.
 * @module
 */
import { GRADED_LABS_SOURCE, LABS } from "./labs/mod.ts";
import { type OptionSpec, ParsedArgs, parseOptions } from "./lib/cli/args.ts";
import { CONFIG_OPTIONS } from "./lib/cli/lab_options.ts";
import {
  type Command,
  GLOBAL_OPTIONS,
  globalOptionWords,
  resolveCommand,
  type Resolved,
  UnknownCommandError,
  usageLine,
} from "./lib/cli/command.ts";
import { helpWidth, renderHelp } from "./lib/cli/help.ts";
import { asInvoked, invocation } from "./lib/cli/invocation.ts";
import { CLUSTER_COMMANDS } from "./commands/mod.ts";
import type { Config, ConfigInput } from "./lib/config.ts";
import { earlyLang } from "./lib/config_values.ts";
import { Context } from "./lib/context.ts";
import {
  ExitCode,
  KafkaLabError,
  translateError,
  UnreachableError,
  UsageError,
} from "./lib/errors.ts";
import { createOutput, type Output } from "./lib/output.ts";
import { Shutdown, STOPPING_NOTICE } from "./lib/shutdown.ts";
import { fill, fillText, type Lang, t } from "./lib/i18n.ts";
import { CORE_EVENTS } from "./lib/events.ts";
import { KAFKA_VERSION, VERSION, versionInfo, versionText } from "./lib/version.ts";

/** Every top-level command: cluster management, then the labs in course order. */
export const COMMANDS: readonly Command[] = [...CLUSTER_COMMANDS, ...LABS];

const HEADER = t(
  `kafka-lab ${VERSION}: hands-on Apache Kafka ${KAFKA_VERSION} labs (topics, producers, consumers, Schema Registry)`,
  `kafka-lab ${VERSION}: лабораторные работы по Apache Kafka ${KAFKA_VERSION} (топики, продюсеры, консьюмеры, Schema Registry)`,
);

const USAGE_WORDS = {
  en: { usage: "usage:", see: "see" },
  ru: { usage: "использование:", see: "справка:" },
} as const;

type Args = ParsedArgs<readonly OptionSpec[]>;

/** The settings given as flags: the global options, and `--prefix` where the command takes it. */
function configFlags(args: Args): ConfigInput["flags"] {
  const g = args.valuesOf(GLOBAL_OPTIONS);
  return {
    brokers: g["bootstrap-server"],
    registryUrl: g["registry-url"],
    clientId: g["client-id"],
    saslMechanism: g["sasl-mechanism"],
    saslUsername: g["sasl-username"],
    ssl: g.ssl ? "true" : undefined,
    sslCaFile: g["ssl-ca"],
    lang: g.lang,
    prefix: args.valuesOf(CONFIG_OPTIONS).prefix,
  };
}

/** How far a run got: what an error report needs (the output, the command path, the config). */
interface RunState {
  /** Replaced as the flags, then the configuration, decide how to print. */
  out: Output;
  path: readonly Command[];
  config?: Config;
  shutdown?: Shutdown;
}

/** Runs kafka-lab with `argv` (but `--version`, see `main.ts`) and returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  // Until the options are parsed, print errors as the raw flags ask. The
  // environment is read here, before the configuration exists, only for the
  // language of errors in the arguments themselves.
  const lang = earlyLang(argv, Deno.env.toObject());
  const state: RunState = {
    out: createOutput({
      json: argv.includes("--json"),
      quiet: false,
      verbose: argv.includes("--verbose") || argv.includes("-v"),
      lang,
    }),
    path: [],
  };
  try {
    return await runLine(argv, lang, state);
  } catch (err) {
    return await failed(err, state);
  } finally {
    state.shutdown?.dispose();
  }
}

/** The steps of one command line, top to bottom; each notes in `state` what an error needs. */
async function runLine(argv: readonly string[], lang: Lang, state: RunState): Promise<number> {
  const { path, rest, globals } = resolveLine(argv, state);
  state.path = path;
  const cmd = path.at(-1);
  if (!cmd && rest.some((a) => a === "--version" || a === "-V")) return version(argv, lang);
  if (helpOnLine(cmd, [...globals, ...rest])) return help(state.out, path, lang);
  const args = parseLine(cmd, rest, globals);
  const g = args.valuesOf(GLOBAL_OPTIONS);
  state.out = createOutput({ json: g.json, quiet: g.quiet, verbose: g.verbose, lang });
  if (!cmd || g.help) return help(state.out, path, lang);
  assertRunnable(cmd, path);
  // Loaded only for a command that runs: `--help` needs no configuration.
  const [{ loadConfig }, { readLocalRegistryUrl }] = await Promise.all([
    import("./lib/config.ts"),
    import("./lib/cluster/state.ts"),
  ]);
  const config = await loadConfig(configFlags(args), readLocalRegistryUrl, g["env-file"]);
  state.config = config;
  const out = createOutput({ json: g.json, quiet: g.quiet, verbose: g.verbose, lang: config.lang });
  state.out = out;
  const shutdown = installShutdown(out, config.lang);
  state.shutdown = shutdown;
  const ctx = new Context(config, out, shutdown, {
    graded: GRADED_LABS_SOURCE,
    commands: COMMANDS,
  });
  const code = (await cmd.run(ctx, args)) ?? ExitCode.ok;
  return shutdown.exitCode() ?? code;
}

/**
 * The command the line names; `kafka-lab help <command>` is `<command> --help`.
 * An unknown word still leaves the path found before it, for the usage line.
 */
function resolveLine(argv: readonly string[], state: RunState): Resolved {
  const helpAt = argv.findIndex((a, i) => !a.startsWith("-") && globalsBefore(argv, i));
  const line = argv[helpAt] === "help" ? [...argv.toSpliced(helpAt, 1), "--help"] : argv;
  try {
    return resolveCommand(COMMANDS, line);
  } catch (err) {
    if (err instanceof UnknownCommandError) state.path = err.path;
    throw err;
  }
}

/** Whether every word before `argv[i]` is a global option (so `argv[i]` is the command's name). */
function globalsBefore(argv: readonly string[], i: number): boolean {
  let j = 0;
  while (j < i) {
    const n = globalOptionWords(argv, j);
    if (n === 0) return false;
    j += n;
  }
  return j === i;
}

/**
 * Help wins over everything else on the line, required options included; a
 * passthrough command (Kafka's own tools) hands `--help` to the tool.
 */
function helpOnLine(cmd: Command | undefined, rest: readonly string[]): boolean {
  return !cmd?.passthrough && rest.some((a) => a === "--help" || a === "-h");
}

/** `--version` after global options (`--json --version`); `main.ts` answers it when it comes first. */
function version(argv: readonly string[], lang: Lang): number {
  const out = createOutput({ json: argv.includes("--json"), quiet: false, verbose: false, lang });
  const info = versionInfo();
  out.event(CORE_EVENTS.version, { ...info }, versionText(info, lang));
  return ExitCode.ok;
}

/** Prints the help of the command `path` names (the whole table for none). */
function help(out: Output, path: readonly Command[], lang: Lang): number {
  out.line(renderHelp(COMMANDS, path, HEADER, lang, helpWidth()));
  return ExitCode.ok;
}

/**
 * The command's options and the global ones, typed, wherever they stand on the
 * line; a passthrough command (Kafka's own tools) gets its words unparsed, and
 * only the global options before its name are kafka-lab's.
 */
function parseLine(
  cmd: Command | undefined,
  rest: readonly string[],
  globals: readonly string[],
): Args {
  if (cmd?.passthrough) {
    const g = parseOptions(globals, GLOBAL_OPTIONS);
    return new ParsedArgs(g.valuesOf(GLOBAL_OPTIONS), new Set(), [...rest], GLOBAL_OPTIONS);
  }
  return parseOptions(
    [...globals, ...rest],
    [...(cmd?.options ?? []), ...GLOBAL_OPTIONS],
    cmd?.positionals ?? [],
  );
}

/** A command that only groups others (`groups`, `topic`) needs one of them named. */
function assertRunnable(
  cmd: Command,
  path: readonly Command[],
): asserts cmd is Command & Required<Pick<Command, "run">> {
  if (cmd.run) return;
  const vars = {
    name: path.map((c) => c.name).join(" "),
    list: cmd.subcommands?.map((c) => c.name).join(", ") ?? "",
  };
  throw new UsageError(
    fillText(t("{name} needs a subcommand", "команде {name} нужна подкоманда"), vars),
    fillText(t("subcommands: {list}", "подкоманды: {list}"), vars),
  );
}

/** Ctrl-C and SIGTERM: the first one warns and lets the command drain. */
function installShutdown(out: Output, lang: Lang): Shutdown {
  const shutdown = new Shutdown({
    onFirst: (sig) => out.warn(fill(STOPPING_NOTICE[lang], { signal: sig })),
  });
  shutdown.install();
  return shutdown;
}

/**
 * Prints the error with its hint (and the usage line after a usage error)
 * and returns its exit code; a run stopped by a signal keeps 130/143.
 */
async function failed(err: unknown, state: RunState): Promise<number> {
  const { out, path } = state;
  const interrupted = state.shutdown?.exitCode();
  if (interrupted !== undefined && !(err instanceof KafkaLabError)) return interrupted;
  const e = await explained(err, state.config, out);
  const run = invocation();
  out.error(spokenAs(e, run), out.verbose);
  if (e instanceof UsageError) {
    const name = path.map((c) => c.name).join(" ");
    const words = USAGE_WORDS[out.lang];
    out.stderr(`${words.usage} ${usageLine(path, out.lang, run)}`);
    out.stderr(`(${words.see} \`${run} ${name ? `${name} ` : ""}--help\`)`);
  }
  return interrupted ?? e.exitCode;
}

/** `e` with the commands it quotes as the user runs kafka-lab (`asInvoked`). */
function spokenAs(e: KafkaLabError, run: string): KafkaLabError {
  if (run === "kafka-lab") return e;
  const said = new KafkaLabError(asInvoked(e.text, run), {
    exitCode: e.exitCode,
    hint: e.hintText && asInvoked(e.hintText, run),
    cause: e.cause,
    missing: e.missing,
  });
  said.stack = e.stack;
  return said;
}

/**
 * The error in kafka-lab's words. A listener that wants a login drops the
 * connection: say so (exit 4), not "unreachable"; otherwise each bootstrap
 * address is probed, so only the brokers that really do not answer are named.
 */
async function explained(
  err: unknown,
  config: Config | undefined,
  out: Output,
): Promise<KafkaLabError> {
  const e = translateError(err);
  if (config?.sasl && !(e instanceof UnreachableError)) {
    // On a cluster with ACLs, "does not exist" may be "not yours": ask the broker.
    const { refusalBehind } = await import("./lib/kafka/access.ts");
    return (await refusalBehind(err, e, config)) ?? e;
  }
  if (!(e instanceof UnreachableError) || !config) return e;
  const { KafkaClients } = await import("./lib/kafka/clients.ts");
  const kafka = new KafkaClients(config, out);
  // Only the brokers that really do not answer are named (exit 1 when others do).
  return (await kafka.loginRequired(1000)) ?? (await kafka.whoIsDown(err)) ?? e;
}
