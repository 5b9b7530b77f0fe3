/**
 * kafka-lab: Kafka labs for students, checked by instructors with `deno test`.
 *
 * The entry point stays small so every command starts at once: `--version`
 * is answered from data the program embeds, and everything else loads the
 * command table (`cli.ts`), whose commands load their code only when they run.
 * @module
 */
import { earlyLang } from "./lib/config_values.ts";
import { CORE_EVENTS } from "./lib/events.ts";
import { createOutput } from "./lib/output.ts";
import { versionInfo, versionText } from "./lib/version.ts";

/** Runs kafka-lab with `argv` and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "--version" || argv[0] === "-V") {
    const out = createOutput({ json: argv.includes("--json"), quiet: false, verbose: false });
    const info = versionInfo();
    // `--version` answers before any configuration is loaded: the language comes from the flags
    // and the locale alone.
    out.event(
      CORE_EVENTS.version,
      { ...info },
      versionText(info, earlyLang(argv, Deno.env.toObject())),
    );
    return 0;
  }
  const { run } = await import("./cli.ts");
  return await run(argv);
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
