/**
 * The per-family resolvers behind {@linkcode resolveConfig}: local paths and
 * ports, the connection, SASL/TLS and the registry's auth, the language and
 * the prefix. Each returns its part of the {@linkcode Config} and its settings.
 *
 * @module
 */
import { MAVEN_CENTRAL } from "./cluster/artifacts.ts";
import { type ClusterPorts, FIRST_BROKER_PORT, portsFromBase } from "./cluster/ports.ts";
import {
  langFromLocale,
  parseBoolean,
  parseBrokers,
  parseHttpUrl,
  parsePrefix,
  parseRegistryUrl,
  parseUserInfo,
} from "./config_values.ts";
import {
  byDefault,
  type Config,
  type ConfigInput,
  type ConfigKey,
  DEFAULT_BROKERS,
  DEFAULT_CLIENT_ID,
  DEFAULT_REGISTRY_URL,
  type Fallback,
  fromLocal,
  pickSetting,
  type ResolvedSetting,
  where,
} from "./config_settings.ts";
import { UsageError } from "./errors.ts";
import { t } from "./i18n.ts";
import { Names } from "./names.ts";

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
export function resolveLocal(
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
export function resolveConnection(
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
export function resolveSecurity(
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
export function resolveNames(
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
