/**
 * `exercise.json`, the small manifest `kafka-lab exercise` writes into a
 * starter folder: which lab, which language, and the command line of each
 * program the checker runs. A student whose programs start another way edits
 * the commands; the checker runs them as they stand.
 *
 * @example
 * ```json
 * { "lab": "lab2", "language": "python",
 *   "programs": { "producer": ["python3", "producer.py"], "consumer": ["python3", "consumer.py"] } }
 * ```
 * @module
 */
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";

/** The manifest's file name. */
export const MANIFEST = "exercise.json";

/** The languages of the starters. */
export const LANGUAGES = ["ts", "python"] as const;
/** One of {@linkcode LANGUAGES}. */
export type Language = typeof LANGUAGES[number];

/** What `exercise.json` holds. */
export interface Manifest {
  readonly lab: string;
  readonly language: Language;
  /** Program name (`producer`, `consumer`, …) to its command line. */
  readonly programs: Readonly<Record<string, readonly string[]>>;
}

/** The command line that runs `file` in `language`. */
export function commandFor(language: Language, file: string): string[] {
  return language === "ts" ? ["deno", "run", "-A", file] : ["python3", file];
}

/** A manifest for `programs` (name to file) in `language`. */
export function makeManifest(
  lab: string,
  language: Language,
  programs: Readonly<Record<string, string>>,
): Manifest {
  const cmds = Object.fromEntries(
    Object.entries(programs).map(([name, file]) => [name, commandFor(language, file)]),
  );
  return { lab, language, programs: cmds };
}

function invalid(dir: string, detail: string): UsageError {
  const vars = { file: join(dir, MANIFEST), detail };
  return new UsageError(
    fillText(
      t(
        "{file} is not a valid exercise manifest: {detail}",
        "{file} — неверный манифест упражнения: {detail}",
      ),
      vars,
    ),
    t(
      "write a fresh starter with `kafka-lab exercise labN --dir OTHER` and compare",
      "создайте свежую заготовку `kafka-lab exercise labN --dir ДРУГОЙ` и сравните",
    ),
  );
}

/** Checks parsed JSON against the manifest's shape. */
export function parseManifest(dir: string, raw: unknown): Manifest {
  const m = raw as Partial<Manifest> | null;
  if (typeof m !== "object" || m === null) throw invalid(dir, "not an object");
  if (typeof m.lab !== "string") throw invalid(dir, 'no "lab"');
  if (!LANGUAGES.includes(m.language as Language)) {
    throw invalid(dir, '"language" is not ts or python');
  }
  const programs = m.programs;
  if (typeof programs !== "object" || programs === null) throw invalid(dir, 'no "programs"');
  for (const [name, cmd] of Object.entries(programs)) {
    const ok = Array.isArray(cmd) && cmd.length > 0 && cmd.every((s) => typeof s === "string");
    if (!ok) throw invalid(dir, `"programs.${name}" is not a list of strings`);
  }
  return m as Manifest;
}

/** Reads `DIR/exercise.json`; a usage error (exit 2, with a hint) when absent or malformed. */
export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(dir, MANIFEST));
  } catch {
    const vars = { file: join(dir, MANIFEST) };
    throw new UsageError(
      fillText(t("no exercise in {file}", "нет упражнения: {file}"), vars),
      t(
        "point --exercise at the folder `kafka-lab exercise labN` wrote",
        "укажите в --exercise папку, которую создала `kafka-lab exercise labN`",
      ),
    );
  }
  try {
    return parseManifest(dir, JSON.parse(text));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw invalid(dir, "not JSON");
  }
}
