/**
 * One typed, frozen configuration, resolved flags > environment > `.env` >
 * local cluster > defaults, with the source of every value kept for
 * `kafka-lab config`.
 *
 * {@linkcode resolveConfig} is pure; {@linkcode loadConfig} reads the process
 * environment, `./.env` and the local cluster's state file, then calls it.
 *
 * @example
 * ```ts
 * const config = resolveConfig({ flags: {}, env: { KAFKA_BROKERS: "k1:9092" }, dotenv: {} });
 * config.brokers; // ["k1:9092"]
 * config.sources.brokers.source; // "env"
 * ```
 * @module
 */
import { readLocalAuth, readLocalBrokers } from "./cluster/state.ts";
import {
  type Config,
  CONFIG_KEYS,
  type ConfigInput,
  type ConfigKey,
  type ResolvedSetting,
} from "./config_settings.ts";
import {
  resolveConnection,
  resolveDirs,
  resolveLocal,
  resolveNames,
  resolveSecurity,
} from "./config_resolve.ts";
import { UsageError } from "./errors.ts";
import { fillText, type Lang, t } from "./i18n.ts";
import { Names } from "./names.ts";

export * from "./config_values.ts";
export {
  type Config,
  CONFIG_KEYS,
  type ConfigInput,
  type ConfigKey,
  DEFAULT_BROKERS,
  DEFAULT_CLIENT_ID,
  DEFAULT_REGISTRY_URL,
  type Fallback,
  type KeyInfo,
  pickSetting,
  type ResolvedSetting,
  type SaslMechanism,
  type Source,
} from "./config_settings.ts";
export { resolveDirs } from "./config_resolve.ts";
export type { Lang };
export { Names };

/** Resolves the whole configuration. Throws {@linkcode UsageError} on a malformed value. */
export function resolveConfig(input: ConfigInput): Config {
  const local = resolveLocal(input);
  const connection = resolveConnection(input, local.part.ports);
  const security = resolveSecurity(input, connection.sources.brokers);
  const names = resolveNames(input);
  const all = { ...local.sources, ...connection.sources, ...security.sources, ...names.sources };
  // In the order of CONFIG_KEYS: the order `kafka-lab config` prints them.
  const sources = Object.fromEntries(CONFIG_KEYS.map(({ key }) => [key, all[key]]));
  return Object.freeze({
    brokers: connection.part.brokers,
    registryUrl: connection.part.registryUrl,
    registryAuth: security.part.registryAuth,
    clientId: connection.part.clientId,
    sasl: security.part.sasl,
    ssl: security.part.ssl,
    sslCaFile: security.part.sslCaFile,
    ...names.part,
    ...local.part,
    sources: Object.freeze(sources as Record<ConfigKey, ResolvedSetting>),
  });
}

/**
 * Reads `.env` from the current folder; an absent file is an empty one. The
 * parser is loaded only when the file exists (start-up time of every command).
 */
export async function readDotenv(path = ".env"): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return {};
    throw err;
  }
  const { parse } = await import("dotenv");
  return parse(text);
}

/**
 * The settings file named by `--env-file` (else `KAFKA_LAB_ENV_FILE`); one
 * named that does not exist is an error, not an empty file.
 */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  try {
    await Deno.stat(path);
  } catch (err) {
    throw new UsageError(
      fillText(
        t(
          "cannot read the settings file {path}: {reason}",
          "не удаётся прочитать файл настроек {path}: {reason}",
        ),
        {
          path,
          reason: err instanceof Deno.errors.NotFound
            ? t("no such file", "нет такого файла")
            : (err as Error).message,
        },
      ),
      t(
        "give the path of the .env file your instructor gave you (`--env-file anna.env`)",
        "укажите путь к файлу .env, который выдал преподаватель (`--env-file anna.env`)",
      ),
    );
  }
  return await readDotenv(path);
}

/**
 * Resolves the configuration of this process: its flags, `Deno.env`, `./.env`
 * (or the file `envFile` / `KAFKA_LAB_ENV_FILE` names), and the registry URL
 * and brokers a running local cluster recorded.
 */
export async function loadConfig(
  flags: ConfigInput["flags"],
  readLocalRegistryUrl: (stateDir: string) => string | undefined,
  envFile?: string,
): Promise<Config> {
  const env = Deno.env.toObject();
  const named = envFile ?? (env.KAFKA_LAB_ENV_FILE || undefined);
  const dotenv = named === undefined ? await readDotenv() : await readEnvFile(named);
  const { stateDir } = resolveDirs({ env, dotenv, os: Deno.build.os });
  return resolveConfig({
    flags,
    env,
    dotenv,
    os: Deno.build.os,
    localRegistryUrl: readLocalRegistryUrl(stateDir),
    localBrokers: readLocalBrokers(stateDir),
    localSasl: readLocalAuth(stateDir),
  });
}
