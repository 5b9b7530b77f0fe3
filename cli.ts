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
  renderHelp,
  resolveCommand,
  usageLine,
} from "./lib/cli/command.ts";
import { readLocalRegistryUrl } from "./lib/cluster/state.ts";
import { CLUSTER_COMMANDS } from "./commands/mod.ts";
import { type Config, type ConfigInput, loadConfig } from "./lib/config.ts";
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
import { fill, fillText, t } from "./lib/i18n.ts";
import { KAFKA_VERSION, VERSION } from "./lib/version.ts";

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

/** The settings given as flags: the global options, and `--prefix` where the command takes it. */
function configFlags(args: ParsedArgs<readonly OptionSpec[]>): ConfigInput["flags"] {
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

/** Runs kafka-lab with `argv` (but `--version`, see `main.ts`) and returns the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  // Until the options are parsed, print errors as the raw flags ask. The
  // environment is read here, before the configuration exists, only for the
  // language of errors in the arguments themselves.
  const lang = earlyLang(argv, Deno.env.toObject());
  let out: Output = createOutput({
    json: argv.includes("--json"),
    quiet: false,
    verbose: argv.includes("--verbose") || argv.includes("-v"),
    lang,
  });
  let path: readonly Command[] = [];
  let shutdown: Shutdown | undefined;
  let config: Config | undefined;
  try {
    const resolved = resolveCommand(COMMANDS, argv);
    path = resolved.path;
    const cmd = path[path.length - 1];
    // Help wins over everything else on the line, required options included;
    // a passthrough command (Kafka's own tools) hands `--help` to the tool.
    if (!cmd?.passthrough && resolved.rest.some((a) => a === "--help" || a === "-h")) {
      out.line(renderHelp(COMMANDS, path, HEADER, lang));
      return ExitCode.ok;
    }
    const args: ParsedArgs<readonly OptionSpec[]> = cmd?.passthrough
      ? new ParsedArgs({}, new Set(), [...resolved.rest])
      : parseOptions(
        resolved.rest,
        [...(cmd?.options ?? []), ...GLOBAL_OPTIONS],
        cmd?.positionals ?? [],
      );
    const g = args.valuesOf(GLOBAL_OPTIONS);
    out = createOutput({ json: g.json, quiet: g.quiet, verbose: g.verbose, lang });
    if (!cmd || g.help) {
      out.line(renderHelp(COMMANDS, path, HEADER, lang));
      return ExitCode.ok;
    }
    if (!cmd.run) {
      const vars = {
        name: path.map((c) => c.name).join(" "),
        list: cmd.subcommands?.map((c) => c.name).join(", ") ?? "",
      };
      throw new UsageError(
        fillText(t("{name} needs a subcommand", "команде {name} нужна подкоманда"), vars),
        fillText(t("subcommands: {list}", "подкоманды: {list}"), vars),
      );
    }
    const loaded = await loadConfig(configFlags(args), readLocalRegistryUrl);
    config = loaded;
    out = createOutput({ json: g.json, quiet: g.quiet, verbose: g.verbose, lang: loaded.lang });
    const o = out;
    shutdown = new Shutdown({
      onFirst: (sig) => o.warn(fill(STOPPING_NOTICE[loaded.lang], { signal: sig })),
    });
    shutdown.install();
    const ctx = new Context(loaded, out, shutdown, {
      graded: GRADED_LABS_SOURCE,
      commands: COMMANDS,
    });
    const code = (await cmd.run(ctx, args)) ?? ExitCode.ok;
    return shutdown.exitCode() ?? code;
  } catch (err) {
    const interrupted = shutdown?.exitCode();
    if (interrupted !== undefined && !(err instanceof KafkaLabError)) return interrupted;
    let e = translateError(err);
    if (e instanceof UnreachableError && config) {
      // A listener that wants a login drops the connection: say so (exit 4), not "unreachable".
      const { KafkaClients } = await import("./lib/kafka/clients.ts");
      e = (await new KafkaClients(config, out).loginRequired(1000)) ?? e;
    }
    out.error(e, out.verbose);
    if (e instanceof UsageError) {
      const name = path.map((c) => c.name).join(" ");
      const words = USAGE_WORDS[out.lang];
      out.stderr(`${words.usage} ${usageLine(path, out.lang)}`);
      out.stderr(`(${words.see} \`kafka-lab ${name ? `${name} ` : ""}--help\`)`);
    }
    return interrupted ?? e.exitCode;
  } finally {
    shutdown?.dispose();
  }
}
