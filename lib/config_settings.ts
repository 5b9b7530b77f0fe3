/**
 * The settings table of `lib/config.ts`: every configurable key with
 * its flag and environment variable, the defaults, the {@linkcode Config} and
 * {@linkcode ConfigInput} types, and the one precedence rule every setting
 * follows ({@linkcode pickSetting}).
 *
 * @module
 */
import type { ClusterPorts } from "./cluster/ports.ts";
import type { Lang } from "./i18n.ts";
import type { Names } from "./names.ts";

/** Where a configuration value came from. */
export type Source = "flag" | "env" | ".env" | "local cluster" | "default";

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

/** What a setting falls back to when no flag, environment variable or `.env` sets it. */
export interface Fallback {
  readonly value: string | undefined;
  readonly source: "local cluster" | "default";
}

/** A default value (undefined: the setting stays unset). */
export function byDefault(value: string | undefined): Fallback {
  return { value, source: "default" };
}

/** A value the running local cluster recorded. */
export function fromLocal(value: string): Fallback {
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
export function where(setting: ResolvedSetting): string {
  if (setting.source === "flag") return `--${setting.flag}`;
  if (setting.source === ".env") return `${setting.env} in .env`;
  return setting.env;
}
