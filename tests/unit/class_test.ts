/**
 * `kafka-lab class`'s pure parts: roster parsing (and the fences it checks),
 * the ACL plan of a student, the join of users and ACLs `class list` shows,
 * the student's `.env` (its text, its owner-only mode, the password kept on
 * a second run), and the mapping of Kafka's authorization errors, as
 * kafkajs throws them, to exit 4 with what to ask the instructor.
 * @module
 */
import assert from "node:assert/strict";
import { parseClassRoster } from "../../commands/class/roster.ts";
import { missingAcls, studentAcls, userRows } from "../../commands/class/plan.ts";
import {
  envPath,
  previousPassword,
  studentEnv,
  writeStudentEnv,
} from "../../commands/class/env_file.ts";
import { parse } from "dotenv";
import { AuthError, ExitCode, translateError, UsageError } from "../../lib/errors.ts";
import { protocolError } from "../../lib/kafka/fake/errors.ts";
import { WireRequestError } from "../../lib/kafka/wire/errors.ts";

Deno.test("parseClassRoster reads name, prefix and an optional password, skipping comments", () => {
  const roster = parseClassRoster(
    "# class 1\nanna anna.\n\n  boris,boris.,S3cret  # his own\ncarl\tcarl_\n",
    "r.txt",
  );
  assert.deepEqual(roster, [
    { name: "anna", prefix: "anna.", line: 2 },
    { name: "boris", prefix: "boris.", password: "S3cret", line: 4 },
    { name: "carl", prefix: "carl_", line: 5 },
  ]);
});

Deno.test("parseClassRoster refuses a prefix that begins another student's", () => {
  assert.throws(
    () => parseClassRoster("ann ann\nanna anna.\n", "r.txt"),
    (e) => e instanceof UsageError && /'ann' begins 'anna\.'/.test(e.message),
  );
});

Deno.test("parseClassRoster refuses duplicates, bad names, empty prefixes and an empty roster", () => {
  const bad = [
    "anna anna.\nanna other.\n",
    "an/na anna.\n",
    "anna\n",
    "anna anna. pw extra\n",
    "# nobody\n",
    "anna 'anna'\n",
  ];
  for (const text of bad) assert.throws(() => parseClassRoster(text, "r.txt"), UsageError, text);
});

Deno.test("parseClassRoster never echoes a password in its errors", () => {
  assert.throws(
    () => parseClassRoster("anna anna. Secret-Pw extra\n", "r.txt"),
    (e) => e instanceof UsageError && !e.message.includes("Secret-Pw") && /\*\*\*/.test(e.message),
  );
});

Deno.test("studentAcls grants ALL on the student's prefixed topics, groups and transactional ids only", () => {
  const acls = studentAcls({ name: "anna", prefix: "anna." });
  assert.deepEqual(acls.map((a) => [a.resourceType, a.resourceName, a.patternType]), [
    ["topic", "anna.", "prefixed"],
    ["group", "anna.", "prefixed"],
    ["transactional-id", "anna.", "prefixed"],
  ]);
  for (const a of acls) {
    assert.equal(a.principal, "User:anna");
    assert.equal(a.operation, "all");
    assert.equal(a.permission, "allow");
    assert.equal(a.host, "*");
  }
  assert.ok(!acls.some((a) => a.resourceType === "cluster"), "no right on the whole cluster");
});

Deno.test("missingAcls plans only what is not there yet", () => {
  const wanted = studentAcls({ name: "anna", prefix: "anna." });
  assert.deepEqual(missingAcls(wanted, []), { create: wanted, present: 0 });
  assert.deepEqual(missingAcls(wanted, wanted.slice(1)), {
    create: wanted.slice(0, 1),
    present: 2,
  });
  const other = studentAcls({ name: "anna", prefix: "annabel." });
  assert.equal(missingAcls(wanted, other).create.length, 3);
});

Deno.test("userRows joins SCRAM users and ACL principals, with each user's prefixes", () => {
  const acls = [
    ...studentAcls({ name: "boris", prefix: "boris." }),
    ...studentAcls({ name: "key-123", prefix: "carl." }),
  ];
  const rows = userRows([{ name: "boris", mechanisms: ["scram-sha-256"] }, {
    name: "kafka-lab",
    mechanisms: ["scram-sha-256"],
  }], acls);
  assert.deepEqual(rows.map((r) => [r.user, r.scram, r.prefixes, r.acls.length]), [
    ["boris", ["scram-sha-256"], ["boris."], 3],
    ["kafka-lab", ["scram-sha-256"], [], 0],
    ["key-123", [], ["carl."], 3],
  ]);
});

const LOGIN = {
  brokers: ["k1:9092", "k2:9092"],
  mechanism: "scram-sha-256" as const,
  registryUrl: "http://reg:8081",
  ssl: false,
};

Deno.test("studentEnv holds what kafka-lab needs to run as the student, and parses back", () => {
  const text = studentEnv({ name: "anna", prefix: "anna." }, "p#w 'x", LOGIN);
  assert.deepEqual(parse(text), {
    KAFKA_BROKERS: "k1:9092,k2:9092",
    KAFKA_LAB_SASL_MECHANISM: "scram-sha-256",
    KAFKA_LAB_SASL_USERNAME: "anna",
    KAFKA_LAB_SASL_PASSWORD: "p#w 'x",
    KAFKA_LAB_PREFIX: "anna.",
    SCHEMA_REGISTRY_URL: "http://reg:8081",
  });
  const tls = parse(studentEnv({ name: "a", prefix: "a." }, "pw", { ...LOGIN, ssl: true }));
  assert.equal(tls.KAFKA_LAB_SSL, "true");
});

Deno.test("writeStudentEnv writes an owner-only file and previousPassword reads it back", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = `${dir}/envs`;
    const path = envPath(out, "anna");
    assert.equal(await previousPassword(path), undefined);
    await writeStudentEnv(path, studentEnv({ name: "anna", prefix: "anna." }, "Pw1", LOGIN), out);
    if (Deno.build.os !== "windows") {
      assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
      assert.equal((await Deno.stat(out)).mode! & 0o777, 0o700);
    }
    assert.equal(await previousPassword(path), "Pw1");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("translateError: kafkajs' four authorization errors exit 4 and say what to ask the instructor", () => {
  const cases = [
    ["TOPIC_AUTHORIZATION_FAILED", /topic/],
    ["GROUP_AUTHORIZATION_FAILED", /consumer group/],
    ["TRANSACTIONAL_ID_AUTHORIZATION_FAILED", /transactional id/],
    ["CLUSTER_AUTHORIZATION_FAILED", /cluster-wide/],
  ] as const;
  for (const [type, what] of cases) {
    const e = translateError(protocolError(type));
    assert.ok(e instanceof AuthError, type);
    assert.equal(e.exitCode, ExitCode.auth);
    assert.match(e.message, what);
    assert.match(e.message, new RegExp(type));
    assert.match(e.hint ?? "", /instructor/);
    assert.match(e.hintText?.ru ?? "", /преподавател/);
  }
  const cluster = translateError(new WireRequestError(31, "DescribeAcls"));
  assert.equal(cluster.exitCode, ExitCode.auth);
  assert.match(cluster.message, /cluster-wide/);
  assert.match(cluster.hint ?? "", /instructor/);
});

Deno.test("translateError names the refused topic when the error keeps it", () => {
  const err = Object.assign(protocolError("TOPIC_AUTHORIZATION_FAILED"), { topic: "boris.t" });
  assert.match(translateError(err).message, /topic boris\.t /);
});

Deno.test("loadConfig reads the --env-file (else KAFKA_LAB_ENV_FILE) in place of ./.env; a missing one is a usage error", async () => {
  const { loadConfig } = await import("../../lib/config.ts");
  const dir = await Deno.makeTempDir();
  const saved = Deno.env.get("KAFKA_LAB_ENV_FILE");
  try {
    const path = `${dir}/anna.env`;
    await Deno.writeTextFile(path, studentEnv({ name: "anna", prefix: "anna." }, "Pw1", LOGIN));
    const none = () => undefined;
    const byFlag = await loadConfig({}, none, path);
    assert.equal(byFlag.prefix, "anna.");
    assert.deepEqual(byFlag.sasl, {
      mechanism: "scram-sha-256",
      username: "anna",
      password: "Pw1",
    });
    assert.equal(byFlag.sources.saslPassword.source, ".env");
    Deno.env.set("KAFKA_LAB_ENV_FILE", path);
    assert.equal((await loadConfig({}, none)).prefix, "anna.");
    await assert.rejects(() => loadConfig({}, none, `${dir}/missing.env`), UsageError);
  } finally {
    if (saved === undefined) Deno.env.delete("KAFKA_LAB_ENV_FILE");
    else Deno.env.set("KAFKA_LAB_ENV_FILE", saved);
    await Deno.remove(dir, { recursive: true });
  }
});
