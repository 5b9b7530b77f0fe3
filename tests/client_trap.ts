/**
 * Runs the CLI with the heavy npm libraries (kafkajs, the schema registry
 * client, faker, ajv) replaced by a module that fails to load, so a test can
 * prove a command never loads them: `--help` and `lab1 list` must start
 * without them. The run gets an import map (`--import-map`, which replaces
 * deno.json's "imports") that points those names at `client_trap_module.ts`,
 * and the flags of `deno task lab`. A command that imports one of them fails:
 * at link time ("does not provide an export named ..."), or when the trap runs.
 * @module
 */
import { join } from "node:path";
import {
  type CliOptions,
  type CliResult,
  MAIN,
  PERMISSION_FLAGS,
  ROOT,
  runDeno,
} from "./helpers.ts";

/** The import-map names that the trap replaces. */
export const TRAPPED = ["kafkajs", "@kafkajs/confluent-schema-registry", "@faker-js/faker", "ajv"];

const TRAP = new URL("./client_trap_module.ts", import.meta.url).href;

/** deno.json's import map, with the trapped names pointing at the trap. */
function trapImportMap(dir: string): string {
  const real = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json")));
  const imports: Record<string, string> = { ...real.imports };
  for (const name of TRAPPED) {
    imports[name] = TRAP;
    imports[`${name}/`] = TRAP.replace(/[^/]+$/, "");
  }
  const path = join(dir, "import_map.json");
  Deno.writeTextFileSync(path, JSON.stringify({ imports }));
  return path;
}

/**
 * Runs `main.ts ...args` as `deno task lab` does, but with the trapped
 * libraries unloadable (`options.script` runs another module instead).
 */
export async function runCliTrapped(
  args: readonly string[],
  options: CliOptions & { readonly script?: string } = {},
): Promise<CliResult> {
  const dir = Deno.makeTempDirSync({ prefix: "kafka-lab-trap-" });
  try {
    return await runDeno(
      [
        "run",
        "--unstable-lazy-dynamic-imports",
        "--no-lock",
        `--import-map=${trapImportMap(dir)}`,
        ...PERMISSION_FLAGS,
        options.script ?? MAIN,
        ...args,
      ],
      options,
      60_000,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}
