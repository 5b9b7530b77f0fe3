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
import { MAVEN_CENTRAL } from "./cluster/artifacts.ts";
import { readLocalAuth, readLocalBrokers } from "./cluster/state.ts";
import { type ClusterPorts, FIRST_BROKER_PORT, portsFromBase } from "./cluster/kraft.ts";
import { UsageError } from "./errors.ts";
import { Names } from "./names.ts";

/** Where a configuration value came from. */
export type Source = "flag" | "env" | ".env" | "local cluster" | "default";

import {
  langFromLocale,
  parseBoolean,
  parseBrokers,
  parseHttpUrl,
  parsePrefix,
  parseRegistryUrl,
  parseUserInfo,
} from "./config_values.ts";

export * from "./config_values.ts";
import { type Lang, t } from "./i18n.ts";
export type { Lang };
export { Names };

/** SASL mechanisms kafkajs supports out of the box. */
export type SaslMechanism = "plain" | "scram-sha-256" | "scram-sha-512";

/** The values a user can set, by their config key. */
export type ConfigKey =
  | "brokers"
  | "registryUrl"
  | "clientId"
  | "saslMechanism"
  | "saslUsername"
  | "saslPassword"
  | "registryAuth"
  | "ssl"
  | "sslCaFile"
  | "lang"
  | "prefix"
  | "stateDir"
  | "cacheDir"
  | "mavenRepo"
  | "portBase";

/** How one key is named on the command line and in the environment. */
export interface KeyInfo {
  readonly key: ConfigKey;
  /** Long flag, if the key has one (secrets have none). */
  readonly flag?: string;
  readonly env: string;
  readonly description: string;
  readonly secret?: boolean;
}

/** Every configurable key, in the order `kafka-lab config` prints them. */
export const CONFIG_KEYS: readonly KeyInfo[] = [
  {
    key: "brokers",
    flag: "bootstrap-server",
    env: "KAFKA_BROKERS",
    description: "Kafka bootstrap brokers, host:port[,host:port...]",
  },
  {
    key: "registryUrl",
    flag: "registry-url",
    env: "SCHEMA_REGISTRY_URL",
    description: "Schema Registry base URL (Confluent API)",
  },
  {
    key: "clientId",
    flag: "client-id",
    env: "KAFKA_LAB_CLIENT_ID",
    description: "Kafka client id",
  },
  {
    key: "saslMechanism",
    flag: "sasl-mechanism",
    env: "KAFKA_LAB_SASL_MECHANISM",
    description: "SASL mechanism: plain, scram-sha-256 or scram-sha-512",
  },
  {
    key: "saslUsername",
    flag: "sasl-username",
    env: "KAFKA_LAB_SASL_USERNAME",
    description: "SASL user name",
  },
  {
    key: "saslPassword",
    env: "KAFKA_LAB_SASL_PASSWORD",
    description: "SASL password (environment or .env only)",
    secret: true,
  },
  {
    key: "registryAuth",
    env: "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO",
    description: "Schema Registry basic auth as key:secret (environment or .env only)",
    secret: true,
  },
  { key: "ssl", flag: "ssl", env: "KAFKA_LAB_SSL", description: "Connect with TLS" },
  {
    key: "sslCaFile",
    flag: "ssl-ca",
    env: "KAFKA_LAB_SSL_CA",
    description: "PEM file of the CA that signed the brokers' certificates",
  },
  { key: "lang", flag: "lang", env: "KAFKA_LAB_LANG", description: "Language of lab texts" },
  {
    key: "prefix",
    flag: "prefix",
    env: "KAFKA_LAB_PREFIX",
    description: "Put before the labs' topics, groups and subjects (a shared cluster: anna.)",
  },
  {
    key: "stateDir",
    env: "KAFKA_LAB_STATE_DIR",
    description: "Where the local cluster keeps data, logs and pid files",
  },
  {
    key: "cacheDir",
    env: "KAFKA_LAB_CACHE_DIR",
    description: "Where downloaded Kafka and registry artifacts are cached",
  },
  {
    key: "mavenRepo",
    env: "KAFKA_LAB_MAVEN_REPO",
    description: "Maven repository the Kafka and registry jars are downloaded from (a mirror)",
  },
  {
    key: "portBase",
    env: "KAFKA_LAB_PORT_BASE",
    description:
      "First broker port of the cluster `up` starts (java runtime); controllers +100, registry +200",
  },
];

/**
 * The default bootstrap list: every broker of the default local cluster, so a
 * client still finds the cluster while any one broker is down. A running local
 * cluster's recorded brokers come first (source "local cluster").
 */
export const DEFAULT_BROKERS = "localhost:19092,localhost:19093,localhost:19094";
/** Confluent Schema Registry's address as `compose.yaml` publishes it. */
export const DEFAULT_REGISTRY_URL = "http://localhost:8081";
export const DEFAULT_CLIENT_ID = "kafka-lab";

/** A resolved value with its source, as shown by `kafka-lab config`. */
export interface ResolvedSetting {
  readonly key: ConfigKey;
  readonly value: string | undefined;
  readonly source: Source;
  /** The environment variable that sets it. */
  readonly env: string;
  readonly flag?: string;
  readonly secret: boolean;
}

/** The resolved, frozen configuration every command receives. */
export interface Config {
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly clientId: string;
  readonly sasl?: {
    readonly mechanism: SaslMechanism;
    readonly username: string;
    readonly password: string;
  };
  /** Basic auth for the Schema Registry (Confluent's `key:secret` user info). */
  readonly registryAuth?: { readonly username: string; readonly password: string };
  readonly ssl: boolean;
  readonly sslCaFile?: string;
  readonly lang: Lang;
  /** Put before the labs' topics, groups and subjects ("" for none). */
  readonly prefix: string;
  /** The names behind {@linkcode Config.prefix}: `names.topic("hello-kafka")`. */
  readonly names: Names;
  readonly stateDir: string;
  readonly cacheDir: string;
  /** Base URL of the Maven repository artifacts are downloaded from. */
  readonly mavenRepo: string;
  /** The ports of the local cluster `up` starts (`KAFKA_LAB_PORT_BASE`). */
  readonly ports: ClusterPorts;
  /** Every key with its value and where it came from. */
  readonly sources: Readonly<Record<ConfigKey, ResolvedSetting>>;
}

/** What {@linkcode resolveConfig} reads; all of it plain data. */
export interface ConfigInput {
  /** Values given as flags, by config key. */
  readonly flags: Partial<Record<ConfigKey, string | boolean>>;
  /** The process environment. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The parsed `.env` file (empty when there is none). */
  readonly dotenv: Readonly<Record<string, string>>;
  /** The registry URL recorded by a local cluster started with `kafka-lab up`. */
  readonly localRegistryUrl?: string;
  /** The broker addresses recorded by a local cluster started with `kafka-lab up`. */
  readonly localBrokers?: readonly string[];
  /** The SCRAM user recorded by a local cluster started with `kafka-lab up --auth scram`. */
  readonly localSasl?: { mechanism: SaslMechanism; username: string; password: string };
  /** `Deno.build.os`; decides the default state and cache folders. */
  readonly os?: string;
}

function defaultDir(
  kind: "state" | "cache",
  env: Readonly<Record<string, string | undefined>>,
  os: string | undefined,
): string {
  const home = env.HOME ?? env.USERPROFILE ?? ".";
  if (os === "windows") {
    const base = env.LOCALAPPDATA ?? `${home}\\AppData\\Local`;
    return `${base}\\kafka-lab\\${kind}`;
  }
  if (os === "darwin") {
    return kind === "cache"
      ? `${home}/Library/Caches/kafka-lab`
      : `${home}/Library/Application Support/kafka-lab`;
  }
  if (kind === "cache") return `${env.XDG_CACHE_HOME ?? `${home}/.cache`}/kafka-lab`;
  return `${env.XDG_STATE_HOME ?? `${home}/.local/state`}/kafka-lab`;
}

/**
 * The state and cache folders alone; the local cluster's state file lives in
 * the state folder, so these are needed before the rest can be resolved.
 */
export function resolveDirs(
  input: Omit<ConfigInput, "flags" | "localRegistryUrl" | "localBrokers">,
): {
  stateDir: string;
  cacheDir: string;
} {
  const pick = (name: string) => input.env[name] ?? input.dotenv[name];
  return {
    stateDir: pick("KAFKA_LAB_STATE_DIR") ?? defaultDir("state", input.env, input.os),
    cacheDir: pick("KAFKA_LAB_CACHE_DIR") ?? defaultDir("cache", input.env, input.os),
  };
}

/**
 * The local cluster's ports from `KAFKA_LAB_PORT_BASE` (environment, then
 * `.env`): brokers from the base, controllers 100 above, the registry 200 above.
 */
function resolvePorts(input: ConfigInput): ClusterPorts {
  const name = "KAFKA_LAB_PORT_BASE";
  const fromEnv = input.env[name] !== undefined && input.env[name] !== "";
  const raw = fromEnv ? input.env[name]! : input.dotenv[name];
  if (raw === undefined || raw === "") return portsFromBase(FIRST_BROKER_PORT);
  const base = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || base < 1024 || base > 65_335) {
    const where = fromEnv ? name : `${name} in .env`;
    throw new UsageError(
      t(
        `${where} must be a port from 1024 to 65335, not '${raw}'`,
        `${where} должен быть портом от 1024 до 65335, а не '${raw}'`,
      ),
      t(
        "e.g. KAFKA_LAB_PORT_BASE=29092: brokers 29092.., controllers 29192.., registry 29292",
        "например, KAFKA_LAB_PORT_BASE=29092: брокеры 29092.., контроллеры 29192.., реестр 29292",
      ),
    );
  }
  return portsFromBase(base);
}

/** What a setting falls back to when no flag, environment variable or `.env` sets it. */
export interface Fallback {
  readonly value: string | undefined;
  readonly source: "local cluster" | "default";
}

/** A default value (undefined: the setting stays unset). */
function byDefault(value: string | undefined): Fallback {
  return { value, source: "default" };
}

/** A value the running local cluster recorded. */
function fromLocal(value: string): Fallback {
  return { value, source: "local cluster" };
}

const KEY_INFO: ReadonlyMap<ConfigKey, KeyInfo> = new Map(CONFIG_KEYS.map((i) => [i.key, i]));

/**
 * The one precedence rule every setting follows: flag > environment > `.env` >
 * `fallback` (what a running local cluster recorded, else the default). An
 * empty environment or `.env` value counts as unset; so does a `false` flag.
 *
 * @example
 * ```ts
 * const input = { flags: {}, env: { KAFKA_LAB_CLIENT_ID: "me" }, dotenv: {} };
 * pickSetting("clientId", input, { value: "kafka-lab", source: "default" }).source; // "env"
 * ```
 */
export function pickSetting(
  key: ConfigKey,
  input: Pick<ConfigInput, "flags" | "env" | "dotenv">,
  fallback: Fallback,
): ResolvedSetting {
  const info = KEY_INFO.get(key)!;
  const flag = input.flags[key];
  const env = input.env[info.env];
  const dotenv = input.dotenv[info.env];
  let picked: { value: string | undefined; source: Source } = fallback;
  if (flag !== undefined && flag !== false) picked = { value: String(flag), source: "flag" };
  else if (env !== undefined && env !== "") picked = { value: env, source: "env" };
  else if (dotenv !== undefined && dotenv !== "") picked = { value: dotenv, source: ".env" };
  return {
    key,
    value: picked.value,
    source: picked.source,
    env: info.env,
    flag: info.flag,
    secret: info.secret === true,
  };
}

/** How a message names where a setting came from: `--flag`, `VAR in .env` or `VAR`. */
function where(setting: ResolvedSetting): string {
  if (setting.source === "flag") return `--${setting.flag}`;
  if (setting.source === ".env") return `${setting.env} in .env`;
  return setting.env;
}

/** What a family resolver returns: its part of the {@linkcode Config} and its settings. */
interface Resolved<T, K extends ConfigKey> {
  readonly part: T;
  readonly sources: { readonly [P in K]: ResolvedSetting };
}

type LocalKey = "stateDir" | "cacheDir" | "mavenRepo" | "portBase";
type ConnectionKey = "brokers" | "registryUrl" | "clientId";
type SecurityKey =
  | "saslMechanism"
  | "saslUsername"
  | "saslPassword"
  | "registryAuth"
  | "ssl"
  | "sslCaFile";
type NameKey = "lang" | "prefix";

/** Local paths and ports: the state and cache folders, the Maven repository, the port base. */
function resolveLocal(
  input: ConfigInput,
): Resolved<Pick<Config, "stateDir" | "cacheDir" | "mavenRepo" | "ports">, LocalKey> {
  const dirs = resolveDirs(input);
  const ports = resolvePorts(input);
  const sources = {
    stateDir: pickSetting("stateDir", input, byDefault(dirs.stateDir)),
    cacheDir: pickSetting("cacheDir", input, byDefault(dirs.cacheDir)),
    mavenRepo: pickSetting("mavenRepo", input, byDefault(MAVEN_CENTRAL)),
    portBase: pickSetting("portBase", input, byDefault(String(FIRST_BROKER_PORT))),
  };
  const mavenRepo = sources.mavenRepo.value ?? MAVEN_CENTRAL;
  return {
    part: {
      stateDir: sources.stateDir.value!,
      cacheDir: sources.cacheDir.value!,
      mavenRepo: parseHttpUrl(mavenRepo, where(sources.mavenRepo)),
      ports: Object.freeze({ ...ports }),
    },
    sources,
  };
}

/**
 * The brokers to bootstrap from when nothing sets them: a running local
 * cluster's, else the default cluster's on `KAFKA_LAB_PORT_BASE`.
 */
function defaultBrokers(input: ConfigInput, ports: ClusterPorts): Fallback {
  if (input.localBrokers && input.localBrokers.length > 0) {
    return fromLocal(input.localBrokers.join(","));
  }
  if (ports.broker === FIRST_BROKER_PORT) return byDefault(DEFAULT_BROKERS);
  return byDefault([0, 1, 2].map((i) => `localhost:${ports.broker + i}`).join(","));
}

/** The connection: bootstrap brokers, registry URL and client id. */
function resolveConnection(
  input: ConfigInput,
  ports: ClusterPorts,
): Resolved<Pick<Config, "brokers" | "registryUrl" | "clientId">, ConnectionKey> {
  const registry = input.localRegistryUrl
    ? fromLocal(input.localRegistryUrl)
    : byDefault(DEFAULT_REGISTRY_URL);
  const sources = {
    brokers: pickSetting("brokers", input, defaultBrokers(input, ports)),
    registryUrl: pickSetting("registryUrl", input, registry),
    clientId: pickSetting("clientId", input, byDefault(DEFAULT_CLIENT_ID)),
  };
  return {
    part: {
      brokers: Object.freeze(parseBrokers(sources.brokers.value!, where(sources.brokers))),
      registryUrl: parseRegistryUrl(sources.registryUrl.value!, where(sources.registryUrl)),
      clientId: sources.clientId.value ?? DEFAULT_CLIENT_ID,
    },
    sources,
  };
}

/** Checks the SASL settings: a known mechanism with a user name and a password, or none. */
function parseSasl(
  sources: { readonly [P in SecurityKey]: ResolvedSetting },
): Config["sasl"] {
  const mechanism = sources.saslMechanism.value?.toLowerCase();
  if (mechanism === undefined) return undefined;
  if (mechanism !== "plain" && mechanism !== "scram-sha-256" && mechanism !== "scram-sha-512") {
    throw new UsageError(
      `${
        where(sources.saslMechanism)
      } must be plain, scram-sha-256 or scram-sha-512, not '${mechanism}'`,
    );
  }
  const username = sources.saslUsername.value;
  const password = sources.saslPassword.value;
  if (!username || !password) {
    throw new UsageError(
      `SASL ${mechanism} needs a user name and a password`,
      "set KAFKA_LAB_SASL_USERNAME and KAFKA_LAB_SASL_PASSWORD (environment or .env)",
    );
  }
  return Object.freeze({ mechanism, username, password });
}

/**
 * SASL and TLS, and the registry's basic auth. A running local cluster's own
 * SCRAM user counts only while the brokers are the local cluster's.
 */
function resolveSecurity(
  input: ConfigInput,
  brokers: ResolvedSetting,
): Resolved<Pick<Config, "sasl" | "registryAuth" | "ssl" | "sslCaFile">, SecurityKey> {
  const local = brokers.source === "local cluster" ? input.localSasl : undefined;
  const fromCluster = (value: string | undefined) =>
    local ? fromLocal(value!) : byDefault(undefined);
  const sources = {
    saslMechanism: pickSetting("saslMechanism", input, fromCluster(local?.mechanism)),
    saslUsername: pickSetting("saslUsername", input, fromCluster(local?.username)),
    saslPassword: pickSetting("saslPassword", input, fromCluster(local?.password)),
    registryAuth: pickSetting("registryAuth", input, byDefault(undefined)),
    ssl: pickSetting("ssl", input, byDefault("false")),
    sslCaFile: pickSetting("sslCaFile", input, byDefault(undefined)),
  };
  return {
    part: {
      ssl: parseBoolean(sources.ssl.value ?? "false", where(sources.ssl)),
      sasl: parseSasl(sources),
      registryAuth: parseUserInfo(sources.registryAuth.value, where(sources.registryAuth)),
      sslCaFile: sources.sslCaFile.value,
    },
    sources,
  };
}

/** The language of lab texts and the prefix of the labs' names. */
function resolveNames(
  input: ConfigInput,
): Resolved<Pick<Config, "lang" | "prefix" | "names">, NameKey> {
  const sources = {
    lang: pickSetting("lang", input, byDefault(langFromLocale(input.env))),
    prefix: pickSetting("prefix", input, byDefault("")),
  };
  const prefix = parsePrefix(sources.prefix.value ?? "", where(sources.prefix));
  const lang = sources.lang.value ?? "en";
  if (lang !== "en" && lang !== "ru") {
    throw new UsageError(`${where(sources.lang)} must be en or ru, not '${lang}'`);
  }
  return { part: { lang, prefix, names: new Names(prefix) }, sources };
}

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
 * Resolves the configuration of this process: its flags, `Deno.env`, `./.env`,
 * and the registry URL and brokers a running local cluster recorded.
 */
export async function loadConfig(
  flags: ConfigInput["flags"],
  readLocalRegistryUrl: (stateDir: string) => string | undefined,
): Promise<Config> {
  const env = Deno.env.toObject();
  const dotenv = await readDotenv();
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
