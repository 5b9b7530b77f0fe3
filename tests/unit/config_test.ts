import assert from "node:assert/strict";
import {
  langFromLocale,
  parseBoolean,
  parseBrokers,
  parseRegistryUrl,
  resolveConfig,
  resolveDirs,
} from "../../lib/config.ts";
import { UsageError } from "../../lib/errors.ts";
import { Names } from "../../lib/names.ts";
import { COMMANDS } from "../../cli.ts";
import { parseOptions } from "../../lib/cli/args.ts";
import { type Command, GLOBAL_OPTIONS } from "../../lib/cli/command.ts";
import { CONFIG_OPTIONS } from "../../lib/cli/lab_options.ts";
import { events, runCli } from "../helpers.ts";

const base = { flags: {}, env: {}, dotenv: {}, os: "linux" } as const;

Deno.test("resolveConfig uses the defaults when nothing is set", () => {
  const c = resolveConfig({ ...base, env: { HOME: "/home/s" } });
  assert.deepEqual(c.brokers, ["localhost:19092", "localhost:19093", "localhost:19094"]);
  assert.equal(c.registryUrl, "http://localhost:8081");
  assert.equal(c.clientId, "kafka-lab");
  assert.equal(c.ssl, false);
  assert.equal(c.sasl, undefined);
  assert.equal(c.lang, "en");
  assert.equal(c.stateDir, "/home/s/.local/state/kafka-lab");
  assert.equal(c.cacheDir, "/home/s/.cache/kafka-lab");
  assert.equal(c.sources.brokers.source, "default");
});

Deno.test("resolveConfig ranks flag over env over .env over default", () => {
  const all = resolveConfig({
    ...base,
    flags: { brokers: "flag:1" },
    env: { KAFKA_BROKERS: "env:1" },
    dotenv: { KAFKA_BROKERS: "dotenv:1" },
  });
  assert.deepEqual(all.brokers, ["flag:1"]);
  assert.equal(all.sources.brokers.source, "flag");

  const envWins = resolveConfig({
    ...base,
    env: { KAFKA_BROKERS: "env:1" },
    dotenv: { KAFKA_BROKERS: "dotenv:1" },
  });
  assert.deepEqual(envWins.brokers, ["env:1"]);
  assert.equal(envWins.sources.brokers.source, "env");

  const dotenvWins = resolveConfig({ ...base, dotenv: { KAFKA_BROKERS: "dotenv:1" } });
  assert.deepEqual(dotenvWins.brokers, ["dotenv:1"]);
  assert.equal(dotenvWins.sources.brokers.source, ".env");
});

Deno.test("resolveConfig takes the local cluster's registry only when nothing else sets one", () => {
  const local = "http://localhost:8081/apis/ccompat/v7";
  const c = resolveConfig({ ...base, localRegistryUrl: local });
  assert.equal(c.registryUrl, local);
  assert.equal(c.sources.registryUrl.source, "local cluster");
  const env = resolveConfig({
    ...base,
    localRegistryUrl: local,
    env: { SCHEMA_REGISTRY_URL: "http://sr:8081/" },
  });
  assert.equal(env.registryUrl, "http://sr:8081");
});

Deno.test("resolveConfig returns a frozen object", () => {
  const c = resolveConfig(base);
  assert.ok(Object.isFrozen(c));
  assert.ok(Object.isFrozen(c.brokers));
  assert.throws(() => {
    (c as { clientId: string }).clientId = "x";
  });
});

Deno.test("resolveConfig builds SASL settings and keeps the password secret", () => {
  const c = resolveConfig({
    ...base,
    env: {
      KAFKA_LAB_SASL_MECHANISM: "SCRAM-SHA-256",
      KAFKA_LAB_SASL_USERNAME: "alice",
      KAFKA_LAB_SASL_PASSWORD: "s3cret",
    },
  });
  assert.deepEqual(c.sasl, { mechanism: "scram-sha-256", username: "alice", password: "s3cret" });
  assert.equal(c.sources.saslPassword.secret, true);
});

Deno.test("resolveConfig rejects SASL without a password, naming the variables", () => {
  assert.throws(
    () => resolveConfig({ ...base, env: { KAFKA_LAB_SASL_MECHANISM: "plain" } }),
    (e: unknown) => e instanceof UsageError && /KAFKA_LAB_SASL_PASSWORD/.test(e.hint ?? ""),
  );
});

Deno.test("resolveConfig names the source of a malformed value", () => {
  assert.throws(
    () => resolveConfig({ ...base, dotenv: { KAFKA_BROKERS: "nohost" } }),
    /KAFKA_BROKERS in \.env has 'nohost'/,
  );
  assert.throws(
    () => resolveConfig({ ...base, flags: { registryUrl: "ftp://x" } }),
    /--registry-url must start with http/,
  );
  assert.throws(() => resolveConfig({ ...base, env: { KAFKA_LAB_SSL: "maybe" } }), /KAFKA_LAB_SSL/);
  assert.throws(() => resolveConfig({ ...base, env: { KAFKA_LAB_LANG: "de" } }), /en or ru/);
});

Deno.test("resolveConfig takes the language from the locale unless KAFKA_LAB_LANG is set", () => {
  assert.equal(resolveConfig({ ...base, env: { LANG: "ru_RU.UTF-8" } }).lang, "ru");
  assert.equal(
    resolveConfig({ ...base, env: { LANG: "ru_RU.UTF-8", KAFKA_LAB_LANG: "en" } }).lang,
    "en",
  );
  assert.equal(resolveConfig({ ...base, flags: { lang: "ru" } }).lang, "ru");
});

Deno.test("langFromLocale prefers LC_ALL, then LC_MESSAGES, then LANG", () => {
  assert.equal(langFromLocale({ LC_ALL: "en_US.UTF-8", LANG: "ru_RU.UTF-8" }), "en");
  assert.equal(langFromLocale({ LC_MESSAGES: "ru_RU", LANG: "en_GB" }), "ru");
  assert.equal(langFromLocale({ LANG: "C" }), "en");
  assert.equal(langFromLocale({}), "en");
});

Deno.test("parseBrokers accepts lists, IPv6 and rejects missing ports", () => {
  assert.deepEqual(parseBrokers(" a:1, b:2 ,", "x"), ["a:1", "b:2"]);
  assert.deepEqual(parseBrokers("[::1]:9092", "x"), ["[::1]:9092"]);
  assert.throws(() => parseBrokers("localhost", "x"), UsageError);
  assert.throws(() => parseBrokers("a:0", "x"), UsageError);
  assert.throws(() => parseBrokers("a:70000", "x"), UsageError);
  assert.throws(() => parseBrokers(" , ", "x"), /is empty/);
});

Deno.test("parseRegistryUrl drops trailing slashes", () => {
  assert.equal(
    parseRegistryUrl("http://h:8081/apis/ccompat/v7/", "x"),
    "http://h:8081/apis/ccompat/v7",
  );
  assert.throws(() => parseRegistryUrl("not a url", "x"), /not a URL/);
});

Deno.test("parseBoolean reads the usual spellings", () => {
  for (const t of ["1", "true", "YES", "on"]) assert.equal(parseBoolean(t, "x"), true);
  for (const f of ["0", "false", "No", "off", ""]) assert.equal(parseBoolean(f, "x"), false);
});

Deno.test("resolveDirs follows XDG, macOS and Windows conventions and the overrides", () => {
  assert.deepEqual(
    resolveDirs({
      env: { HOME: "/h", XDG_STATE_HOME: "/s", XDG_CACHE_HOME: "/c" },
      dotenv: {},
      os: "linux",
    }),
    { stateDir: "/s/kafka-lab", cacheDir: "/c/kafka-lab" },
  );
  assert.deepEqual(resolveDirs({ env: { HOME: "/Users/a" }, dotenv: {}, os: "darwin" }), {
    stateDir: "/Users/a/Library/Application Support/kafka-lab",
    cacheDir: "/Users/a/Library/Caches/kafka-lab",
  });
  assert.equal(
    resolveDirs({ env: { LOCALAPPDATA: "C:\\L" }, dotenv: {}, os: "windows" }).cacheDir,
    "C:\\L\\kafka-lab\\cache",
  );
  assert.equal(
    resolveDirs({ env: { HOME: "/h" }, dotenv: { KAFKA_LAB_STATE_DIR: "/x" }, os: "linux" })
      .stateDir,
    "/x",
  );
});

Deno.test("resolveConfig bootstraps from every broker a local cluster recorded", () => {
  const c = resolveConfig({ ...base, localBrokers: ["localhost:19092", "localhost:19093"] });
  assert.deepEqual(c.brokers, ["localhost:19092", "localhost:19093"]);
  assert.equal(c.sources.brokers.source, "local cluster");
  const env = resolveConfig({ ...base, env: { KAFKA_BROKERS: "k:1" }, localBrokers: ["x:2"] });
  assert.deepEqual(env.brokers, ["k:1"]);
});

Deno.test("resolveConfig ranks --prefix over KAFKA_LAB_PREFIX over .env over no prefix", () => {
  const env = { KAFKA_LAB_PREFIX: "env." };
  const dotenv = { KAFKA_LAB_PREFIX: "dotenv." };
  const cases = [
    [{ ...base, flags: { prefix: "flag." }, env, dotenv }, "flag.", "flag"],
    [{ ...base, env, dotenv }, "env.", "env"],
    [{ ...base, dotenv }, "dotenv.", ".env"],
    [base, "", "default"],
  ] as const;
  for (const [input, prefix, source] of cases) {
    const c = resolveConfig(input);
    assert.equal(c.prefix, prefix, source);
    assert.equal(c.sources.prefix.source, source);
    assert.equal(c.sources.prefix.flag, "prefix");
    assert.equal(c.sources.prefix.env, "KAFKA_LAB_PREFIX");
    assert.equal(c.names.prefix, prefix);
    assert.equal(c.names.topic("hello-kafka"), `${prefix}hello-kafka`);
  }
});

Deno.test("resolveConfig takes an empty --prefix as no prefix, over KAFKA_LAB_PREFIX", () => {
  const c = resolveConfig({ ...base, flags: { prefix: "" }, env: { KAFKA_LAB_PREFIX: "anna." } });
  assert.equal(c.prefix, "");
  assert.equal(c.sources.prefix.source, "flag");
});

Deno.test("resolveConfig refuses a prefix Kafka would not take in a topic name, naming where", () => {
  assert.throws(
    () => resolveConfig({ ...base, dotenv: { KAFKA_LAB_PREFIX: "anna/" } }),
    (e: unknown) =>
      e instanceof UsageError && e.exitCode === 2 && /KAFKA_LAB_PREFIX in \.env/.test(e.message),
  );
  assert.throws(() => resolveConfig({ ...base, flags: { prefix: "a b" } }), /--prefix is 'a b'/);
  assert.throws(() => resolveConfig({ ...base, env: { KAFKA_LAB_PREFIX: "x".repeat(101) } }));
  assert.equal(resolveConfig({ ...base, env: { KAFKA_LAB_PREFIX: "A-z_0.9" } }).prefix, "A-z_0.9");
});

Deno.test("resolveConfig takes the Maven repository from KAFKA_LAB_MAVEN_REPO or .env, else Central", () => {
  const central = resolveConfig(base);
  assert.equal(central.mavenRepo, "https://repo1.maven.org/maven2");
  assert.equal(central.sources.mavenRepo.source, "default");
  const mirror = resolveConfig({
    ...base,
    dotenv: { KAFKA_LAB_MAVEN_REPO: "http://m:8080/maven2/" },
  });
  assert.equal(mirror.mavenRepo, "http://m:8080/maven2");
  assert.equal(mirror.sources.mavenRepo.source, ".env");
  assert.throws(
    () => resolveConfig({ ...base, env: { KAFKA_LAB_MAVEN_REPO: "file:///m2" } }),
    /KAFKA_LAB_MAVEN_REPO must start with http/,
  );
});

Deno.test("Names puts the prefix before topics, groups and subjects and owns only its names", () => {
  const names = new Names("anna.");
  assert.equal(names.topic("hello-kafka"), "anna.hello-kafka");
  assert.equal(names.group("hello-group"), "anna.hello-group");
  assert.equal(names.subject("users_coordinates-value"), "anna.users_coordinates-value");
  assert.ok(names.owns("anna.hello-kafka"));
  assert.ok(!names.owns("boris.hello-kafka"));
  assert.ok(new Names("").owns("hello-kafka"));
  assert.ok(Object.isFrozen(names));
});

/** The `prefix` event of `kafka-lab config --json` run in `cwd` with `env` and `args`. */
async function prefixEvent(
  cwd: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<Record<string, unknown>> {
  const r = await runCli(["config", "--json", ...args], { cwd, env, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stderr);
  const found = events(r.stdout).find((e) => e.event === "config.setting" && e.key === "prefix");
  assert.ok(found, `config --json printed no prefix: ${r.stdout}`);
  return found;
}

Deno.test("kafka-lab config --json shows the prefix and its source: flag, env, .env, default", async () => {
  const withDotenv = await Deno.makeTempDir({ prefix: "kafka-lab-config-" });
  const bare = await Deno.makeTempDir({ prefix: "kafka-lab-config-" });
  try {
    await Deno.writeTextFile(`${withDotenv}/.env`, "KAFKA_LAB_PREFIX=dot.\n");
    // An empty variable counts as unset, so the runner's own KAFKA_LAB_PREFIX cannot leak in.
    const unset = { KAFKA_LAB_PREFIX: "" };
    const [flag, env, dotenv, none] = await Promise.all([
      prefixEvent(withDotenv, { KAFKA_LAB_PREFIX: "anna." }, ["--prefix", "flag."]),
      prefixEvent(withDotenv, { KAFKA_LAB_PREFIX: "anna." }),
      prefixEvent(withDotenv, unset),
      prefixEvent(bare, unset),
    ]);
    const shown = (e: Record<string, unknown>) => [e.value, e.source, e.env, e.flag];
    assert.deepEqual(shown(flag), ["flag.", "flag", "KAFKA_LAB_PREFIX", "--prefix"]);
    assert.deepEqual(shown(env), ["anna.", "env", "KAFKA_LAB_PREFIX", "--prefix"]);
    assert.deepEqual(shown(dotenv), ["dot.", ".env", "KAFKA_LAB_PREFIX", "--prefix"]);
    assert.deepEqual(shown(none), [null, "default", "KAFKA_LAB_PREFIX", "--prefix"]);
  } finally {
    await Deno.remove(withDotenv, { recursive: true });
    await Deno.remove(bare, { recursive: true });
  }
});

function* commandPaths(commands: readonly Command[], path = ""): Generator<[string, Command]> {
  for (const c of commands) {
    yield [`${path}${c.name}`, c];
    yield* commandPaths(c.subcommands ?? [], `${path}${c.name} `);
  }
}

Deno.test("every command that takes --prefix hands it to the configuration, every lab's included", () => {
  const taking: string[] = [];
  for (const [name, cmd] of commandPaths(COMMANDS)) {
    if (!cmd.options?.some((o) => o.name === "prefix")) continue;
    taking.push(name);
    const optional = cmd.options.filter((o) => !o.required);
    const args = parseOptions(["--prefix", "anna."], [...optional, ...GLOBAL_OPTIONS]);
    assert.equal(args.valuesOf(CONFIG_OPTIONS).prefix, "anna.", name);
  }
  for (const lab of ["lab1", "lab2", "lab3", "lab4", "lab5"]) {
    assert.ok(taking.includes(lab), `${lab} takes --prefix`);
  }
  for (const name of ["lab5 acks", "lab5 retry", "check", "report", "config"]) {
    assert.ok(taking.includes(name), `${name} takes --prefix`);
  }
});

Deno.test("KAFKA_LAB_PORT_BASE moves the local cluster's ports and the default brokers", () => {
  const plain = resolveConfig(base);
  assert.deepEqual(plain.ports, { broker: 19092, controller: 19192, registry: 8081 });
  assert.equal(plain.sources.portBase.value, "19092");
  assert.equal(plain.sources.portBase.source, "default");

  const moved = resolveConfig({ ...base, env: { KAFKA_LAB_PORT_BASE: "29092" } });
  assert.deepEqual(moved.ports, { broker: 29092, controller: 29192, registry: 29292 });
  assert.deepEqual(moved.brokers, ["localhost:29092", "localhost:29093", "localhost:29094"]);
  assert.equal(moved.sources.portBase.source, "env");
  const dotenv = resolveConfig({ ...base, dotenv: { KAFKA_LAB_PORT_BASE: "39092" } });
  assert.equal(dotenv.ports.registry, 39292);
  assert.equal(dotenv.sources.portBase.source, ".env");

  // An explicit broker list or a recorded local cluster still wins over the derived default.
  const explicit = resolveConfig({
    ...base,
    env: { KAFKA_LAB_PORT_BASE: "29092", KAFKA_BROKERS: "k:1" },
  });
  assert.deepEqual(explicit.brokers, ["k:1"]);
  const local = resolveConfig({
    ...base,
    env: { KAFKA_LAB_PORT_BASE: "29092" },
    localBrokers: ["localhost:29092"],
  });
  assert.deepEqual(local.brokers, ["localhost:29092"]);
});

Deno.test("a malformed KAFKA_LAB_PORT_BASE is refused in both languages, naming its source", () => {
  for (const bad of ["80", "65336", "2x", "-1"]) {
    assert.throws(
      () => resolveConfig({ ...base, env: { KAFKA_LAB_PORT_BASE: bad } }),
      (e: unknown) =>
        e instanceof UsageError && e.text.en.startsWith("KAFKA_LAB_PORT_BASE must be a port") &&
        /портом от 1024/.test(e.text.ru),
      bad,
    );
  }
  assert.throws(
    () => resolveConfig({ ...base, dotenv: { KAFKA_LAB_PORT_BASE: "1" } }),
    /KAFKA_LAB_PORT_BASE in \.env must be a port/,
  );
});
