/**
 * The few path operations kafka-lab needs at start-up, without `node:path`
 * (loading it costs every start a few milliseconds). Elsewhere, use `node:path`.
 *
 * @example
 * ```ts
 * inDir("/tmp/state", "cluster.json"); // "/tmp/state/cluster.json" ("\\" on Windows)
 * baseName("C:\\deno\\deno.exe"); // "deno.exe"
 * ```
 * @module
 */

const WINDOWS = Deno.build.os === "windows";

/** The separator of the folders in PATH: `;` on Windows, `:` elsewhere. */
export const PATH_DELIMITER: string = WINDOWS ? ";" : ":";

/** The path of the file `name` in the folder `dir`. */
export function inDir(dir: string, name: string): string {
  if (dir === "") return name;
  return /[\\/]$/.test(dir) ? `${dir}${name}` : `${dir}${WINDOWS ? "\\" : "/"}${name}`;
}

/** The last part of a path, after its last `/` or `\`. */
export function baseName(path: string): string {
  return path.replace(/[\\/]+$/, "").split(/[\\/]/).pop() ?? "";
}
