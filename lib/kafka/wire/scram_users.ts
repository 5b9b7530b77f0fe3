/**
 * SCRAM users on the wire (KIP-554): DescribeUserScramCredentials and
 * AlterUserScramCredentials v0. kafkajs 2.2.4 has neither. The password never
 * leaves this machine: the request carries a random salt and the salted
 * password (RFC 5802 `Hi()`: PBKDF2 with the mechanism's HMAC), which is what
 * the broker stores.
 *
 * @example
 * ```ts
 * await upsertScramUsers(brokers, [{ name: "anna", password: "s3cret" }], "scram-sha-256", { sasl });
 * (await describeScramUsers(brokers, ["anna"], { sasl }))[0].mechanisms; // ["scram-sha-256"]
 * ```
 * @module
 */
import type { Buffer } from "node:buffer";
import { pbkdf2Sync } from "node:crypto";
import { Writer } from "./codec.ts";
import type { WireApi } from "./client.ts";
import { adminRequest, type WireAdminOptions } from "./acls.ts";
import { WireRequestError } from "./errors.ts";

/** A SCRAM mechanism as Kafka numbers it. */
export type ScramUserMechanism = "scram-sha-256" | "scram-sha-512";
const MECHANISMS: Record<ScramUserMechanism, number> = { "scram-sha-256": 1, "scram-sha-512": 2 };
const DESCRIBE: WireApi = { key: 50, version: 0, flexible: true };
const ALTER: WireApi = { key: 51, version: 0, flexible: true };
const RESOURCE_NOT_FOUND = 91;
/** Kafka's own tools' default (`kafka-configs --add-config SCRAM-SHA-256=[password=...]`). */
export const SCRAM_ITERATIONS = 8192;

/** A user and the mechanisms it has credentials for. */
export interface ScramUserInfo {
  readonly name: string;
  readonly mechanisms: readonly ScramUserMechanism[];
}

/** A user to create or give a new password. */
export interface ScramUpsert {
  readonly name: string;
  readonly password: string;
}

/** What an upsertion carries: the salt and the salted password, never the password. */
export interface ScramCredential {
  readonly name: string;
  readonly mechanism: ScramUserMechanism;
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly saltedPassword: Uint8Array;
}

/** RFC 5802 `Hi(password, salt, iterations)` with the mechanism's hash. */
export function scramCredential(
  user: ScramUpsert,
  mechanism: ScramUserMechanism,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(32)),
  iterations = SCRAM_ITERATIONS,
): ScramCredential {
  const hash = mechanism === "scram-sha-256" ? "sha256" : "sha512";
  const length = mechanism === "scram-sha-256" ? 32 : 64;
  const saltedPassword = new Uint8Array(
    pbkdf2Sync(user.password, salt, iterations, length, hash),
  );
  return { name: user.name, mechanism, iterations, salt, saltedPassword };
}

/** The request body of AlterUserScramCredentials v0 (exported for the golden-byte tests). */
export function alterScramBody(
  deletions: ReadonlyArray<{ name: string; mechanism: ScramUserMechanism }>,
  upsertions: readonly ScramCredential[],
): Buffer {
  return new Writer()
    .compactArray(deletions, (w, d) => {
      w.compactString(d.name).int8(MECHANISMS[d.mechanism]).uvarint(0);
    })
    .compactArray(upsertions, (w, u) => {
      w.compactString(u.name).int8(MECHANISMS[u.mechanism]).int32(u.iterations)
        .compactBytes(u.salt).compactBytes(u.saltedPassword).uvarint(0);
    })
    .uvarint(0).bytes();
}

async function alter(
  addresses: readonly string[],
  body: Buffer,
  options: WireAdminOptions,
  ignore: number[] = [],
): Promise<void> {
  const results = await adminRequest(addresses, ALTER, body, options, (r) => {
    r.int32(); // throttle
    return r.compactArray(() => {
      const result = {
        user: r.compactString(),
        errorCode: r.int16(),
        message: r.compactNullableString(),
      };
      r.skipTags();
      return result;
    });
  });
  const failed = results.find((x) => x.errorCode !== 0 && !ignore.includes(x.errorCode));
  if (failed) {
    throw new WireRequestError(
      failed.errorCode,
      `AlterUserScramCredentials (user ${failed.user})`,
      failed.message,
    );
  }
}

/** Creates the users, or sets their password when they exist, in one request. */
export async function upsertScramUsers(
  addresses: readonly string[],
  users: readonly ScramUpsert[],
  mechanism: ScramUserMechanism,
  options: WireAdminOptions & { salt?: Uint8Array } = {},
): Promise<void> {
  if (users.length === 0) return;
  const creds = users.map((u) => scramCredential(u, mechanism, options.salt));
  await alter(addresses, alterScramBody([], creds), options);
}

/** Deletes the users' credentials of `mechanism`; a user without them is no error. */
export async function deleteScramUsers(
  addresses: readonly string[],
  names: readonly string[],
  mechanism: ScramUserMechanism,
  options: WireAdminOptions = {},
): Promise<void> {
  if (names.length === 0) return;
  const body = alterScramBody(names.map((name) => ({ name, mechanism })), []);
  await alter(addresses, body, options, [RESOURCE_NOT_FOUND]);
}

/** The request body of DescribeUserScramCredentials v0; undefined names every user. */
export function describeScramBody(names?: readonly string[]): Buffer {
  const w = new Writer();
  if (names === undefined) w.uvarint(0);
  else w.compactArray(names, (w2, name) => w2.compactString(name).uvarint(0));
  return w.uvarint(0).bytes();
}

/** The users (all when `names` is undefined) with their mechanisms; unknown names are left out. */
export async function describeScramUsers(
  addresses: readonly string[],
  names?: readonly string[],
  options: WireAdminOptions = {},
): Promise<ScramUserInfo[]> {
  const byNumber = new Map(Object.entries(MECHANISMS).map(([k, v]) => [v, k]));
  const users = await adminRequest(addresses, DESCRIBE, describeScramBody(names), options, (r) => {
    r.int32(); // throttle
    const errorCode = r.int16();
    const message = r.compactNullableString();
    if (errorCode !== 0) {
      throw new WireRequestError(errorCode, "DescribeUserScramCredentials", message);
    }
    return r.compactArray(() => {
      const name = r.compactString();
      const itemError = r.int16();
      r.compactNullableString();
      const mechanisms = r.compactArray(() => {
        const m = byNumber.get(r.int8()) as ScramUserMechanism | undefined;
        r.int32(); // iterations
        r.skipTags();
        return m;
      });
      r.skipTags();
      return { name, itemError, mechanisms };
    });
  });
  const bad = users.find((u) => u.itemError !== 0 && u.itemError !== RESOURCE_NOT_FOUND);
  if (bad) throw new WireRequestError(bad.itemError, `DescribeUserScramCredentials (${bad.name})`);
  return users.filter((u) => u.itemError === 0).map((u) => ({
    name: u.name,
    mechanisms: u.mechanisms.filter((m): m is ScramUserMechanism => m !== undefined),
  }));
}
