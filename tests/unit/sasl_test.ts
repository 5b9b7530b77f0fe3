import assert from "node:assert/strict";
import { nodeLayout, serverProperties } from "../../lib/cluster/kraft.ts";
import {
  addScramArgs,
  authForData,
  checkRunningAuth,
  newScramAuth,
  scramMechanism,
  withSaslListener,
} from "../../lib/cluster/sasl.ts";
import { parseUserInfo, resolveConfig } from "../../lib/config.ts";
import { UsageError } from "../../lib/errors.ts";

const AUTH = { mechanism: "scram-sha-256", username: "kafka-lab", password: "Pw123" } as const;

Deno.test("withSaslListener makes the client listener SASL_PLAINTEXT and keeps the controller's", () => {
  const nodes = nodeLayout(3);
  const props = withSaslListener(serverProperties(nodes[0], nodes, "/d"), AUTH);
  assert.match(
    props,
    /^listener\.security\.protocol\.map=EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT$/m,
  );
  assert.match(props, /^sasl\.enabled\.mechanisms=SCRAM-SHA-256$/m);
  assert.match(props, /^sasl\.mechanism\.inter\.broker\.protocol=SCRAM-SHA-256$/m);
  assert.match(
    props,
    /^listener\.name\.external\.scram-sha-256\.sasl\.jaas\.config=.*ScramLoginModule required username="kafka-lab" password="Pw123";$/m,
  );
  assert.match(props, /^controller\.listener\.names=CONTROLLER$/m);
});

Deno.test("withSaslListener turns on the StandardAuthorizer with the admin and controller principals as super users only with acl", () => {
  const nodes = nodeLayout(3);
  const plain = withSaslListener(serverProperties(nodes[0], nodes, "/d"), AUTH);
  assert.doesNotMatch(plain, /authorizer/);
  const props = withSaslListener(serverProperties(nodes[0], nodes, "/d"), { ...AUTH, acl: true });
  assert.match(
    props,
    /^authorizer\.class\.name=org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer$/m,
  );
  assert.match(props, /^super\.users=User:kafka-lab;User:ANONYMOUS$/m);
  assert.match(props, /^allow\.everyone\.if\.no\.acl\.found=false$/m);
});

Deno.test("checkRunningAuth refuses --acl on a cluster running without ACLs", () => {
  assert.throws(() => checkRunningAuth({ auth: AUTH }, "scram-sha-256", true), UsageError);
  checkRunningAuth({ auth: { ...AUTH, acl: true } }, "scram-sha-256", true);
});

Deno.test("addScramArgs and scramMechanism follow the storage tool's and up's syntax", () => {
  assert.deepEqual(addScramArgs(AUTH), [
    "--add-scram",
    "SCRAM-SHA-256=[name=kafka-lab,password=Pw123]",
  ]);
  assert.equal(scramMechanism("scram"), "scram-sha-256");
  assert.equal(scramMechanism("scram-sha-512"), "scram-sha-512");
  assert.equal(scramMechanism("none"), undefined);
});

Deno.test("newScramAuth makes a 24-character password of letters and digits", () => {
  const a = newScramAuth("scram-sha-512");
  assert.match(a.password, /^[A-Za-z0-9]{24}$/);
  assert.notEqual(a.password, newScramAuth("scram-sha-512").password);
});

Deno.test("authForData keeps the formatted user and refuses data made without one", () => {
  assert.equal(authForData(AUTH, "scram-sha-256"), AUTH);
  assert.equal(authForData(AUTH, undefined), undefined);
  assert.throws(() => authForData(undefined, "scram-sha-256"), UsageError);
  assert.throws(() => authForData(AUTH, "scram-sha-512"), UsageError);
  assert.throws(() => checkRunningAuth({}, "scram-sha-256"), UsageError);
  checkRunningAuth({ auth: AUTH }, "scram-sha-256");
});

Deno.test("the local cluster's SCRAM user applies only while the brokers are the local cluster's", () => {
  const local = {
    flags: {},
    dotenv: {},
    localBrokers: ["localhost:29092"],
    localSasl: AUTH,
  };
  const own = resolveConfig({ ...local, env: {} });
  assert.deepEqual(own.sasl, AUTH);
  assert.equal(own.sources.saslPassword.source, "local cluster");
  assert.equal(own.sources.saslPassword.secret, true);
  const remote = resolveConfig({ ...local, env: { KAFKA_BROKERS: "kafka.example:9092" } });
  assert.equal(remote.sasl, undefined);
});

Deno.test("parseUserInfo splits key:secret at the first colon and never echoes the value", () => {
  assert.deepEqual(parseUserInfo("key:se:cret", "X"), { username: "key", password: "se:cret" });
  assert.equal(parseUserInfo(undefined, "X"), undefined);
  for (const bad of ["nocolon", ":secret", "key:"]) {
    assert.throws(() => parseUserInfo(bad, "X"), UsageError);
  }
  let err: unknown;
  try {
    parseUserInfo("topsecretvalue", "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof UsageError);
  assert.ok(!JSON.stringify(err.text).includes("topsecretvalue"));
});
