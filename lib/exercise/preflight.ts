/**
 * Before a check runs anything: can the programs the manifest names start
 * here? Python must import `confluent_kafka`, and `deno` must be on PATH; when
 * not, a usage error (exit 2) says what to install, rather than every
 * criterion failing with "could not start".
 *
 * @example
 * ```ts
 * await preflight(manifest, { cwd: dir }); // throws UsageError when python lacks confluent_kafka
 * ```
 * @module
 */
import { UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import type { Manifest } from "./manifest.ts";

async function succeeds(cmd: string, args: string[], cwd: string): Promise<boolean> {
  try {
    const out = await new Deno.Command(cmd, {
      args,
      cwd,
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).output();
    return out.success;
  } catch {
    return false;
  }
}

/** The program names a Python interpreter (`python3`, `python`, `.venv/bin/python3.12`). */
export function isPython(program: string): boolean {
  return /(^|[\\/])python(\d+(\.\d+)?)?(\.exe)?$/.test(program);
}

/** Throws a usage error when an interpreter the manifest names cannot run the exercise. */
export async function preflight(manifest: Manifest, options: { cwd: string }): Promise<void> {
  const interpreters = [...new Set(Object.values(manifest.programs).map((c) => c[0]))];
  for (const program of interpreters) {
    if (isPython(program)) {
      if (!(await succeeds(program, ["-c", "import confluent_kafka"], options.cwd))) {
        throw new UsageError(
          fillText(
            t(
              "`{python}` cannot import confluent_kafka, which the Python exercise needs",
              "`{python}` не может импортировать confluent_kafka, нужный упражнению на Python",
            ),
            { python: program },
          ),
          t(
            "install it for that interpreter (python3 -m venv .venv && . .venv/bin/activate && pip install confluent-kafka), then check again",
            "установите его для этого интерпретатора (python3 -m venv .venv && . .venv/bin/activate && pip install confluent-kafka) и проверьте снова",
          ),
        );
      }
    } else if (program === "deno" && !(await succeeds(program, ["--version"], options.cwd))) {
      throw new UsageError(
        t(
          "`deno` is not on PATH; the TypeScript exercise runs with it",
          "`deno` не найден в PATH; упражнение на TypeScript запускается им",
        ),
        t(
          "install Deno 2 (https://deno.com), or name another command in exercise.json",
          "установите Deno 2 (https://deno.com) или укажите другую команду в exercise.json",
        ),
      );
    }
  }
}
