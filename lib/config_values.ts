/**
 * Parsers for the values of settings (booleans, broker lists, registry URLs)
 * and the language a locale asks for; `lib/config.ts` re-exports them.
 * @module
 */
import { UsageError } from "./errors.ts";
import type { Lang } from "./i18n.ts";

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off", ""]);

/** Parses a boolean written in a flag, environment variable or `.env`. */
export function parseBoolean(raw: string, where: string): boolean {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new UsageError(`${where} must be true or false, not '${raw}'`);
}

/**
 * Splits and checks a bootstrap list: `host:port[,host:port...]`, with IPv6
 * hosts in brackets (`[::1]:9092`).
 */
export function parseBrokers(raw: string, where: string): string[] {
  const list = raw.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  if (list.length === 0) {
    throw new UsageError(`${where} is empty`, "give at least one host:port, e.g. localhost:19092");
  }
  for (const entry of list) {
    const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s\[\]/]+):(\d{1,5})$/.exec(entry);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) {
      throw new UsageError(
        `${where} has '${entry}', which is not host:port`,
        "write it like localhost:19092 (several separated by commas)",
      );
    }
  }
  return list;
}

/** Checks a registry URL and drops a trailing slash. */
export function parseRegistryUrl(raw: string, where: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(
      `${where} is not a URL: '${raw}'`,
      "write it like http://localhost:8081",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${where} must start with http:// or https://, not '${raw}'`);
  }
  return url.toString().replace(/\/+$/, "");
}

/** The language a locale string such as `ru_RU.UTF-8` asks for. */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[name];
    if (v && v.length > 0 && v !== "C" && v !== "POSIX") {
      return v.toLowerCase().startsWith("ru") ? "ru" : "en";
    }
  }
  return "en";
}
