/**
 * ACLs on the wire (KIP-140, prefixed patterns KIP-290): CreateAcls,
 * DescribeAcls and DeleteAcls v3 (flexible versions). kafkajs 2.2.4 has the
 * three, but its ACL admin retries an authorization failure like a network
 * one and reports a batch's item errors as one; here each answer is read
 * item by item and a refused request throws {@linkcode WireRequestError}
 * at once. `class init` / `remove` / `list` use them with an admin login.
 *
 * @example
 * ```ts
 * await createAcls(["localhost:19092"], [{
 *   resourceType: "topic", resourceName: "anna.", patternType: "prefixed",
 *   principal: "User:anna", host: "*", operation: "all", permission: "allow",
 * }], { sasl });
 * ```
 * @module
 */
import type { Buffer } from "node:buffer";
import { type Reader, type WireSasl, Writer } from "./codec.ts";
import { request, type WireApi } from "./client.ts";
import { WireRequestError } from "./errors.ts";

/** What an ACL is about (Kafka's ResourceType, without the filter-only ANY). */
export const ACL_RESOURCE_TYPES = {
  topic: 2,
  group: 3,
  cluster: 4,
  "transactional-id": 5,
  "delegation-token": 6,
  user: 7,
} as const;
export type AclResourceType = keyof typeof ACL_RESOURCE_TYPES;

/** How an ACL's resource name matches (Kafka's PatternType). */
export const ACL_PATTERN_TYPES = { literal: 3, prefixed: 4 } as const;
export type AclPatternType = keyof typeof ACL_PATTERN_TYPES;

/** What an ACL allows or denies (Kafka's AclOperation, without the filter-only ANY). */
export const ACL_OPERATIONS = {
  all: 2,
  read: 3,
  write: 4,
  create: 5,
  delete: 6,
  alter: 7,
  describe: 8,
  "cluster-action": 9,
  "describe-configs": 10,
  "alter-configs": 11,
  "idempotent-write": 12,
  "create-tokens": 13,
  "describe-tokens": 14,
  "two-phase-commit": 15,
} as const;
export type AclOperation = keyof typeof ACL_OPERATIONS;

export const ACL_PERMISSIONS = { deny: 2, allow: 3 } as const;
export type AclPermission = keyof typeof ACL_PERMISSIONS;

/** One ACL: `principal` may (or may not) do `operation` on the resources the pattern matches. */
export interface AclBinding {
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly patternType: AclPatternType;
  /** `User:anna`. */
  readonly principal: string;
  /** `*` for any host. */
  readonly host: string;
  readonly operation: AclOperation;
  readonly permission: AclPermission;
}

/** Which ACLs to describe or delete; an absent field matches any value. */
export interface AclFilter {
  readonly resourceType?: AclResourceType;
  readonly resourceName?: string;
  /** `match` (filters only): every pattern that matches `resourceName`. */
  readonly patternType?: AclPatternType | "match";
  readonly principal?: string;
  readonly host?: string;
  readonly operation?: AclOperation;
  readonly permission?: AclPermission;
}

/** Where to send a request, and as whom. */
export interface WireAdminOptions {
  readonly sasl?: WireSasl;
  readonly timeoutMs?: number;
}

const ANY = 1;
const MATCH = 2;
const CREATE_ACLS: WireApi = { key: 30, version: 3, flexible: true };
const DESCRIBE_ACLS: WireApi = { key: 29, version: 3, flexible: true };
const DELETE_ACLS: WireApi = { key: 31, version: 3, flexible: true };

const byCode = <K extends string>(table: Record<K, number>) =>
  new Map<number, K>(Object.entries(table).map(([k, v]) => [v as number, k as K]));
const RESOURCE_NAMES = byCode(ACL_RESOURCE_TYPES);
const PATTERN_NAMES = byCode(ACL_PATTERN_TYPES);
const OPERATION_NAMES = byCode(ACL_OPERATIONS);
const PERMISSION_NAMES = byCode(ACL_PERMISSIONS);

function decoded<K>(names: Map<number, K>, code: number, what: string): K {
  const name = names.get(code);
  if (name === undefined) throw new WireRequestError(-1, "DescribeAcls", `unknown ${what} ${code}`);
  return name;
}

/**
 * Sends one admin request to the first address that answers; a refusal
 * ({@linkcode WireRequestError}) or a refused login is not asked again elsewhere.
 */
export async function adminRequest<T>(
  addresses: readonly string[],
  api: WireApi,
  body: Buffer,
  options: WireAdminOptions,
  read: (r: Reader) => T,
): Promise<T> {
  let last: unknown;
  for (const address of addresses) {
    let r: Reader;
    try {
      r = await request(address, api, body, options.timeoutMs ?? 10_000, options.sasl);
    } catch (err) {
      if (err instanceof Error && err.name === "WireAuthError") throw err;
      last = err;
      continue;
    }
    const value = read(r);
    r.skipTags();
    r.end();
    return value;
  }
  throw last ?? new Error("no address to ask");
}

/** The request body of CreateAcls v3 for `bindings` (exported for the golden-byte tests). */
export function createAclsBody(bindings: readonly AclBinding[]): Buffer {
  return new Writer().compactArray(bindings, (w, b) => {
    w.int8(ACL_RESOURCE_TYPES[b.resourceType]).compactString(b.resourceName)
      .int8(ACL_PATTERN_TYPES[b.patternType]).compactString(b.principal).compactString(b.host)
      .int8(ACL_OPERATIONS[b.operation]).int8(ACL_PERMISSIONS[b.permission]).uvarint(0);
  }).uvarint(0).bytes();
}

/** Creates `bindings` (creating an ACL that exists changes nothing); throws on the first refused. */
export async function createAcls(
  addresses: readonly string[],
  bindings: readonly AclBinding[],
  options: WireAdminOptions = {},
): Promise<void> {
  if (bindings.length === 0) return;
  const results = await adminRequest(
    addresses,
    CREATE_ACLS,
    createAclsBody(bindings),
    options,
    (r) => {
      r.int32(); // throttle
      return r.compactArray(() => {
        const result = { errorCode: r.int16(), message: r.compactNullableString() };
        r.skipTags();
        return result;
      });
    },
  );
  const failed = results.find((x) => x.errorCode !== 0);
  if (failed) throw new WireRequestError(failed.errorCode, "CreateAcls", failed.message);
}

function writeFilter(w: Writer, f: AclFilter): void {
  const pattern = f.patternType === undefined
    ? ANY
    : f.patternType === "match"
    ? MATCH
    : ACL_PATTERN_TYPES[f.patternType];
  w.int8(f.resourceType ? ACL_RESOURCE_TYPES[f.resourceType] : ANY)
    .compactNullableString(f.resourceName ?? null).int8(pattern)
    .compactNullableString(f.principal ?? null).compactNullableString(f.host ?? null)
    .int8(f.operation ? ACL_OPERATIONS[f.operation] : ANY)
    .int8(f.permission ? ACL_PERMISSIONS[f.permission] : ANY);
}

/** The request body of DescribeAcls v3 for `filter` (exported for the golden-byte tests). */
export function describeAclsBody(filter: AclFilter): Buffer {
  const w = new Writer();
  writeFilter(w, filter);
  return w.uvarint(0).bytes();
}

/** Every ACL `filter` matches, as the broker answering sees them. */
export async function describeAcls(
  addresses: readonly string[],
  filter: AclFilter = {},
  options: WireAdminOptions = {},
): Promise<AclBinding[]> {
  return await adminRequest(addresses, DESCRIBE_ACLS, describeAclsBody(filter), options, (r) => {
    r.int32(); // throttle
    const errorCode = r.int16();
    const message = r.compactNullableString();
    if (errorCode !== 0) throw new WireRequestError(errorCode, "DescribeAcls", message);
    return r.compactArray(() => {
      const resourceType = decoded(RESOURCE_NAMES, r.int8(), "resource type");
      const resourceName = r.compactString();
      const patternType = decoded(PATTERN_NAMES, r.int8(), "pattern type");
      const acls = r.compactArray(() => {
        const acl: AclBinding = {
          resourceType,
          resourceName,
          patternType,
          principal: r.compactString(),
          host: r.compactString(),
          operation: decoded(OPERATION_NAMES, r.int8(), "operation"),
          permission: decoded(PERMISSION_NAMES, r.int8(), "permission"),
        };
        r.skipTags();
        return acl;
      });
      r.skipTags();
      return acls;
    }).flat();
  });
}

/** The request body of DeleteAcls v3 for `filters` (exported for the golden-byte tests). */
export function deleteAclsBody(filters: readonly AclFilter[]): Buffer {
  return new Writer().compactArray(filters, (w, f) => {
    writeFilter(w, f);
    w.uvarint(0);
  }).uvarint(0).bytes();
}

/** Deletes every ACL the filters match; returns the ACLs deleted. */
export async function deleteAcls(
  addresses: readonly string[],
  filters: readonly AclFilter[],
  options: WireAdminOptions = {},
): Promise<AclBinding[]> {
  if (filters.length === 0) return [];
  return await adminRequest(addresses, DELETE_ACLS, deleteAclsBody(filters), options, (r) => {
    r.int32(); // throttle
    return r.compactArray(() => {
      const errorCode = r.int16();
      const message = r.compactNullableString();
      const matching = r.compactArray(() => {
        const itemError = r.int16();
        r.compactNullableString();
        const acl: AclBinding = {
          resourceType: decoded(RESOURCE_NAMES, r.int8(), "resource type"),
          resourceName: r.compactString(),
          patternType: decoded(PATTERN_NAMES, r.int8(), "pattern type"),
          principal: r.compactString(),
          host: r.compactString(),
          operation: decoded(OPERATION_NAMES, r.int8(), "operation"),
          permission: decoded(PERMISSION_NAMES, r.int8(), "permission"),
        };
        r.skipTags();
        if (itemError !== 0) throw new WireRequestError(itemError, "DeleteAcls", null);
        return acl;
      });
      r.skipTags();
      if (errorCode !== 0) throw new WireRequestError(errorCode, "DeleteAcls", message);
      return matching;
    }).flat();
  });
}
