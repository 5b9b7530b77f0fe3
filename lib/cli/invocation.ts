/**
 * How the user runs kafka-lab, so a hint names a command they can type: the
 * compiled binary or one installed with `deno install -g -n kafka-lab` is
 * `kafka-lab`; from a clone it is `deno task lab`.
 *
 * @example
 * ```ts
 * `Next: \`${invocation()} lab1\``; // "Next: `deno task lab lab1`" from source
 * ```
 * @module
 */
import type { Text } from "../i18n.ts";
import { baseName, inDir, PATH_DELIMITER } from "../paths.ts";

/** What the user types to run kafka-lab: `kafka-lab` or `deno task lab`. */
export function invocation(
  env: Readonly<Record<string, string | undefined>> = Deno.env.toObject(),
  execPath: string = Deno.execPath(),
): string {
  const program = baseName(execPath).replace(/\.exe$/i, "");
  if (program !== "deno") return "kafka-lab"; // the compiled binary
  // `deno task` sets INIT_CWD: the user ran `deno task lab ...` (or `deno task up`).
  if (env.INIT_CWD !== undefined) return "deno task lab";
  return onPath("kafka-lab", env) ? "kafka-lab" : "deno task lab";
}

/** Whether `name` (or `name.cmd`/`.exe` on Windows) is a file in a folder of PATH. */
function onPath(name: string, env: Readonly<Record<string, string | undefined>>): boolean {
  for (const dir of (env.PATH ?? env.Path ?? "").split(PATH_DELIMITER)) {
    for (const file of [name, `${name}.cmd`, `${name}.exe`]) {
      try {
        if (dir && Deno.statSync(inDir(dir, file)).isFile) return true;
      } catch {
        // Not there: try the next one.
      }
    }
  }
  return false;
}

/**
 * `line` with each command it quotes (`` `kafka-lab …` ``) as the user runs
 * kafka-lab (`run`, from {@linkcode invocation}): under `deno task` a hint
 * says `` `deno task lab groups list` ``, a command the student can type.
 */
export function asInvokedLine(line: string, run: string): string {
  return run === "kafka-lab" ? line : line.replaceAll("`kafka-lab ", `\`${run} `);
}

/** {@linkcode asInvokedLine} in both languages. */
export function asInvoked(text: Text, run: string): Text {
  if (run === "kafka-lab") return text;
  return { en: asInvokedLine(text.en, run), ru: asInvokedLine(text.ru, run) };
}
