/**
 * Where a class's exercise folders live for `deno task grade`
 * (`KAFKA_LAB_EXERCISES=DIR`): `DIR/<student>/<labN>/`, where `<student>` is
 * the student's prefix as written in the roster (`anna.`) or without its
 * trailing separators (`anna`).
 *
 * @example
 * ```ts
 * exerciseFolder("/class", "anna.", "lab2"); // "/class/anna/lab2" when it holds exercise.json
 * ```
 * @module
 */
import { join } from "node:path";

/** The student's exercise folder for `lab` (one holding `exercise.json`), or undefined. */
export function exerciseFolder(root: string, prefix: string, lab: string): string | undefined {
  const names = [...new Set([prefix, prefix.replace(/[._\-/]+$/, "")])].filter((n) => n !== "");
  for (const name of names) {
    const dir = join(root, name, lab);
    try {
      if (Deno.statSync(join(dir, "exercise.json")).isFile) return dir;
    } catch {
      // not there: the other spelling, or no exercise
    }
  }
  return undefined;
}
