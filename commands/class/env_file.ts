/**
 * A student's `.env`: everything kafka-lab (and the student's own programs)
 * need to run as that student on the class cluster. Written owner-only
 * (0600): it holds a password. `kafka-lab --env-file anna.env lab2` (or
 * `KAFKA_LAB_ENV_FILE`, or the file copied to `.env` in the working folder)
 * then runs as anna.
 *
 * @example
 * ```ts
 * studentEnv({ name: "anna", prefix: "anna." }, "pw", login).includes("KAFKA_LAB_PREFIX=anna.");
 * ```
 * @module
 */
import { join } from "node:path";
import { writePrivateFile } from "../../lib/cluster/sasl.ts";
import type { SaslMechanism } from "../../lib/config.ts";

/** The class cluster's connection, the same for every student. */
export interface ClassLogin {
  readonly brokers: readonly string[];
  readonly mechanism: SaslMechanism;
  readonly registryUrl: string;
  readonly ssl: boolean;
  readonly sslCaFile?: string;
}

/** A value as `.env` holds it: bare when safe, else in single quotes (dotenv takes them literally). */
function envValue(v: string): string {
  if (/^[A-Za-z0-9._\-+/=:@,]*$/.test(v)) return v;
  if (!v.includes("'") && !/[\r\n]/.test(v)) return `'${v}'`;
  if (!v.includes('"') && !v.includes("\\") && !/[\r\n$]/.test(v)) return `"${v}"`;
  throw new RangeError("a password with both quote characters cannot be written to a .env file");
}

/** The text of one student's `.env`. */
export function studentEnv(
  student: { readonly name: string; readonly prefix: string },
  password: string,
  login: ClassLogin,
): string {
  const lines = [
    `# kafka-lab: ${student.name}'s login to the class cluster (made by \`kafka-lab class init\`).`,
    "# Keep it private. Use it with `kafka-lab --env-file <this file> ...` or save it as .env.",
    `KAFKA_BROKERS=${envValue(login.brokers.join(","))}`,
    `KAFKA_LAB_SASL_MECHANISM=${login.mechanism}`,
    `KAFKA_LAB_SASL_USERNAME=${envValue(student.name)}`,
    `KAFKA_LAB_SASL_PASSWORD=${envValue(password)}`,
    `KAFKA_LAB_PREFIX=${envValue(student.prefix)}`,
    `SCHEMA_REGISTRY_URL=${envValue(login.registryUrl)}`,
  ];
  if (login.ssl) lines.push("KAFKA_LAB_SSL=true");
  if (login.sslCaFile) lines.push(`KAFKA_LAB_SSL_CA=${envValue(login.sslCaFile)}`);
  return lines.join("\n") + "\n";
}

/** Where a student's `.env` goes in `dir`: `anna.env`. */
export function envPath(dir: string, name: string): string {
  return join(dir, `${name}.env`);
}

/** The password an earlier `class init` wrote to the student's `.env`, if any. */
export async function previousPassword(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return undefined;
    throw err;
  }
  const { parse } = await import("dotenv");
  return parse(text).KAFKA_LAB_SASL_PASSWORD || undefined;
}

/** Writes the `.env` owner-only (the folder too, when this makes it). */
export async function writeStudentEnv(path: string, text: string, dir: string): Promise<void> {
  await Deno.mkdir(dir, { recursive: true, mode: 0o700 });
  await writePrivateFile(path, text);
}
