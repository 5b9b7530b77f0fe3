/**
 * Parsers for the values of settings (booleans, broker lists, registry URLs)
 * and the language a locale asks for; `lib/config.ts` re-exports them.
 * @module
 */
import { UsageError } from "./errors.ts";
import { fillText, type Lang, t } from "./i18n.ts";

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

/** Checks an http(s) URL and drops a trailing slash; `example` shows the form in the hint. */
export function parseHttpUrl(raw: string, where: string, example?: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(
      `${where} is not a URL: '${raw}'`,
      example === undefined ? undefined : `write it like ${example}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${where} must start with http:// or https://, not '${raw}'`);
  }
  return url.toString().replace(/\/+$/, "");
}

/** Checks a registry URL and drops a trailing slash. */
export function parseRegistryUrl(raw: string, where: string): string {
  return parseHttpUrl(raw, where, "http://localhost:8081");
}

/** The longest prefix: a course name behind it must still fit Kafka's 249 characters. */
export const MAX_PREFIX_LENGTH = 100;

/**
 * Checks the prefix of topics, groups and subjects: only the characters Kafka
 * allows in a topic name (letters, digits, `.`, `_`, `-`), or none at all.
 */
export function parsePrefix(raw: string, where: string): string {
  if (raw.length <= MAX_PREFIX_LENGTH && /^[a-zA-Z0-9._-]*$/.test(raw)) return raw;
  throw new UsageError(
    fillText(
      t(
        "{where} is '{raw}': a prefix may hold only letters, digits, '.', '_' and '-' (at most {max})",
        "{where} = '{raw}': в приставке допустимы только буквы, цифры, '.', '_' и '-' (не больше {max})",
      ),
      { where, raw, max: MAX_PREFIX_LENGTH },
    ),
    t(
      "e.g. KAFKA_LAB_PREFIX=anna. (topics become anna.hello-kafka)",
      "например, KAFKA_LAB_PREFIX=anna. (топики станут anna.hello-kafka)",
    ),
  );
}

/**
 * Splits Confluent's basic-auth user info `key:secret` (the secret may hold
 * colons); undefined when unset. The value itself never appears in an error.
 */
export function parseUserInfo(
  raw: string | undefined,
  where: string,
): { username: string; password: string } | undefined {
  if (raw === undefined || raw === "") return undefined;
  const at = raw.indexOf(":");
  if (at <= 0 || at === raw.length - 1) {
    throw new UsageError(
      t(
        `${where} must be key:secret (user name, a colon, the password)`,
        `${where} должна иметь вид key:secret (имя пользователя, двоеточие, пароль)`,
      ),
      t(
        "e.g. SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=student:secret in the environment or .env",
        "например, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=student:secret в окружении или .env",
      ),
    );
  }
  return { username: raw.slice(0, at), password: raw.slice(at + 1) };
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

/**
 * The language asked for before the options are parsed (for errors in the
 * arguments themselves): `--lang`, else `KAFKA_LAB_LANG`, else the locale.
 */
export function earlyLang(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const flag = i < 0 ? undefined : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  const raw = flag ?? env.KAFKA_LAB_LANG;
  if (raw === "ru" || raw === "en") return raw;
  return langFromLocale(env);
}
