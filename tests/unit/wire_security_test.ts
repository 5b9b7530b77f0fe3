/**
 * Golden-byte tests of the wire client's admin requests for users and ACLs
 * (`lib/kafka/wire/acls.ts`, `scram_users.ts`): each request is compared byte
 * for byte with the frame it wrote to a real Kafka 4.1.1 broker (an
 * `up --auth scram --acl` cluster), and the broker's recorded answer is
 * decoded into what that broker meant (`fixtures/wire/README.md`).
 *
 * A loopback listener plays the broker: it keeps the request frame it reads
 * and answers with the recorded one. The client logs in to nobody here (the
 * fixtures keep the admin request's frames only).
 * @module
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  type AclBinding,
  createAcls,
  deleteAcls,
  describeAcls,
} from "../../lib/kafka/wire/acls.ts";
import { WireRequestError } from "../../lib/kafka/wire/errors.ts";
import {
  deleteScramUsers,
  describeScramUsers,
  scramCredential,
  upsertScramUsers,
} from "../../lib/kafka/wire/scram_users.ts";
import { protocolErrorType } from "../../lib/error_kinds.ts";
import { readFully, recording } from "./wire_fixtures.ts";

/** Runs `fn` against a listener answering one request with `name`'s recorded response. */
async function replay<T>(
  name: string,
  fn: (addresses: string[]) => Promise<T>,
): Promise<{ result?: T; error?: unknown }> {
  const rec = recording(name);
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const address = `127.0.0.1:${(listener.addr as Deno.NetAddr).port}`;
  let seen = "";
  const serving = (async () => {
    const conn = await listener.accept();
    try {
      const size = await readFully(conn, 4);
      const body = size && await readFully(conn, new DataView(size.buffer).getInt32(0));
      if (size && body) {
        seen = Buffer.concat([size, body]).toString("hex");
        await conn.write(rec.response);
      }
    } finally {
      conn.close();
    }
  })();
  let outcome: { result?: T; error?: unknown };
  try {
    outcome = { result: await fn([address]) };
  } catch (error) {
    outcome = { error };
  }
  await serving;
  listener.close();
  assert.equal(seen, rec.request, `${name}: the request frame differs from the recorded one`);
  return outcome;
}

const SALT = new Uint8Array(32).map((_, i) => i);
const acl = (resourceType: "topic" | "group"): AclBinding => ({
  resourceType,
  resourceName: "golden-anna.",
  patternType: "prefixed",
  principal: "User:golden-anna",
  host: "*",
  operation: "all",
  permission: "allow",
});

Deno.test("upsertScramUsers writes the recorded AlterUserScramCredentials v0 and reads its answer", async () => {
  const { error } = await replay("alter_user_scram_credentials_v0_upsert", (b) =>
    upsertScramUsers(
      b,
      [{ name: "golden-anna", password: "AnnaPw1" }, {
        name: "golden-boris",
        password: "BorisPw1",
      }],
      "scram-sha-256",
      { salt: SALT },
    ));
  assert.equal(error, undefined);
});

Deno.test("scramCredential salts the password as RFC 5802 Hi() and never carries it", () => {
  const c = scramCredential({ name: "a", password: "AnnaPw1" }, "scram-sha-256", SALT, 8192);
  assert.equal(c.saltedPassword.length, 32);
  assert.ok(!Buffer.from(c.saltedPassword).toString("latin1").includes("AnnaPw1"));
  const c512 = scramCredential({ name: "a", password: "AnnaPw1" }, "scram-sha-512", SALT);
  assert.equal(c512.saltedPassword.length, 64);
  assert.notEqual(
    Buffer.from(scramCredential({ name: "a", password: "x" }, "scram-sha-256").salt).toString(
      "hex",
    ),
    Buffer.from(scramCredential({ name: "a", password: "x" }, "scram-sha-256").salt).toString(
      "hex",
    ),
  );
});

Deno.test("describeScramUsers decodes the recorded answer and leaves unknown users out", async () => {
  const { result, error } = await replay(
    "describe_user_scram_credentials_v0",
    (b) => describeScramUsers(b, ["golden-anna", "golden-nobody"]),
  );
  assert.equal(error, undefined);
  assert.deepEqual(result, [{ name: "golden-anna", mechanisms: ["scram-sha-256"] }]);
});

Deno.test("deleteScramUsers writes the recorded deletions and takes RESOURCE_NOT_FOUND as done", async () => {
  const { error } = await replay(
    "alter_user_scram_credentials_v0_delete",
    (b) => deleteScramUsers(b, ["golden-anna", "golden-boris", "golden-nobody"], "scram-sha-256"),
  );
  assert.equal(error, undefined);
});

Deno.test("createAcls writes the recorded CreateAcls v3 for prefixed topic and group ACLs", async () => {
  const { error } = await replay(
    "create_acls_v3",
    (b) => createAcls(b, [acl("topic"), acl("group")]),
  );
  assert.equal(error, undefined);
});

Deno.test("createAcls throws the broker's CLUSTER_AUTHORIZATION_FAILED as a typed error", async () => {
  const { error } = await replay("create_acls_v3_refused", (b) => createAcls(b, [acl("topic")]));
  assert.ok(error instanceof WireRequestError);
  assert.equal(error.type, "CLUSTER_AUTHORIZATION_FAILED");
  assert.equal(protocolErrorType(error), "CLUSTER_AUTHORIZATION_FAILED");
});

Deno.test("describeAcls decodes the recorded ACLs of one principal", async () => {
  const { result, error } = await replay(
    "describe_acls_v3_principal",
    (b) => describeAcls(b, { principal: "User:golden-anna" }),
  );
  assert.equal(error, undefined);
  assert.deepEqual(result, [acl("group"), acl("topic")]);
});

Deno.test("describeAcls throws CLUSTER_AUTHORIZATION_FAILED for a user without DESCRIBE on the cluster", async () => {
  const { error } = await replay("describe_acls_v3_refused", (b) => describeAcls(b, {}));
  assert.ok(error instanceof WireRequestError);
  assert.equal(error.errorCode, 31);
});

Deno.test("deleteAcls writes the recorded DeleteAcls v3 and returns the ACLs deleted", async () => {
  const { result, error } = await replay(
    "delete_acls_v3",
    (b) => deleteAcls(b, [{ principal: "User:golden-anna" }]),
  );
  assert.equal(error, undefined);
  assert.deepEqual(result, [acl("group"), acl("topic")]);
});
