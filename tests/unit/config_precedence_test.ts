import assert from "node:assert/strict";
import { CONFIG_KEYS, type ConfigInput, pickSetting, resolveConfig } from "../../lib/config.ts";

const none = { flags: {}, env: {}, dotenv: {} } as const;
const fallback = { value: "kafka-lab", source: "default" } as const;

Deno.test("pickSetting ranks flag over env over .env over the fallback", () => {
  const all: Pick<ConfigInput, "flags" | "env" | "dotenv"> = {
    flags: { clientId: "flag" },
    env: { KAFKA_LAB_CLIENT_ID: "env" },
    dotenv: { KAFKA_LAB_CLIENT_ID: "dotenv" },
  };
  const pick = (input: typeof all) => {
    const s = pickSetting("clientId", input, fallback);
    return [s.value, s.source];
  };
  assert.deepEqual(pick(all), ["flag", "flag"]);
  assert.deepEqual(pick({ ...all, flags: {} }), ["env", "env"]);
  assert.deepEqual(pick({ ...all, flags: {}, env: {} }), ["dotenv", ".env"]);
  assert.deepEqual(pick({ ...none }), ["kafka-lab", "default"]);
});

Deno.test("pickSetting skips empty environment and .env values and a false flag", () => {
  const input = {
    flags: { ssl: false },
    env: { KAFKA_LAB_SSL: "" },
    dotenv: { KAFKA_LAB_SSL: "" },
  };
  const s = pickSetting("ssl", input, { value: "false", source: "default" });
  assert.deepEqual([s.value, s.source], ["false", "default"]);
  // An empty flag is a value: `--prefix ""` means no prefix, whatever the environment says.
  const prefix = pickSetting(
    "prefix",
    { flags: { prefix: "" }, env: { KAFKA_LAB_PREFIX: "anna." }, dotenv: {} },
    { value: "", source: "default" },
  );
  assert.deepEqual([prefix.value, prefix.source], ["", "flag"]);
});

Deno.test("pickSetting keeps a local cluster's fallback and the key's names", () => {
  const s = pickSetting("saslPassword", none, { value: "pw", source: "local cluster" });
  assert.deepEqual(s, {
    key: "saslPassword",
    value: "pw",
    source: "local cluster",
    env: "KAFKA_LAB_SASL_PASSWORD",
    flag: undefined,
    secret: true,
  });
});

Deno.test("resolveConfig lists its sources in the order of CONFIG_KEYS", () => {
  const config = resolveConfig({ ...none, os: "linux", env: { HOME: "/h" } });
  assert.deepEqual(Object.keys(config.sources), CONFIG_KEYS.map((k) => k.key));
});

Deno.test("resolveConfig takes the local cluster's SASL user only with its brokers", () => {
  const localSasl = { mechanism: "scram-sha-256" as const, username: "u", password: "p" };
  const local = resolveConfig({ ...none, localBrokers: ["localhost:19092"], localSasl });
  assert.equal(local.sasl?.username, "u");
  assert.equal(local.sources.saslPassword.source, "local cluster");
  const other = resolveConfig({
    ...none,
    env: { KAFKA_BROKERS: "k1:9092" },
    localBrokers: ["localhost:19092"],
    localSasl,
  });
  assert.equal(other.sasl, undefined);
  assert.equal(other.sources.saslMechanism.source, "default");
});
