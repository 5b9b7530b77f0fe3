/**
 * What `class init` grants a student, as pure data: prefixed ACLs on their
 * topics, consumer groups and transactional ids, nothing else. Their prefix
 * only: Kafka then hides every other topic from their metadata, refuses the
 * rest with *_AUTHORIZATION_FAILED, and lists only their own groups. No right
 * on the cluster itself (DESCRIBE there would list every group's name).
 *
 * @example
 * ```ts
 * studentAcls({ name: "anna", prefix: "anna." }).map((a) => a.resourceType);
 * // ["topic", "group", "transactional-id"]
 * ```
 * @module
 */
import type { AclBinding, AclResourceType } from "../../lib/kafka/wire/acls.ts";

/** The resources a student owns by prefix. */
export const OWNED: readonly AclResourceType[] = ["topic", "group", "transactional-id"];

/** Kafka's principal of a SCRAM user: `User:anna`. */
export function principalOf(name: string): string {
  return `User:${name}`;
}

/** The ACLs of one student: ALL on every topic, group and transactional id behind their prefix. */
export function studentAcls(student: { name: string; prefix: string }): AclBinding[] {
  return OWNED.map((resourceType) => ({
    resourceType,
    resourceName: student.prefix,
    patternType: "prefixed",
    principal: principalOf(student.name),
    host: "*",
    operation: "all",
    permission: "allow",
  }));
}

/** A stable key of an ACL, to compare what is with what should be. */
export function aclKey(a: AclBinding): string {
  return [
    a.principal,
    a.resourceType,
    a.patternType,
    a.resourceName,
    a.operation,
    a.permission,
    a.host,
  ].join("|");
}

/** What to create so that every wanted ACL exists, and how many already do. */
export function missingAcls(
  wanted: readonly AclBinding[],
  existing: readonly AclBinding[],
): { create: AclBinding[]; present: number } {
  const have = new Set(existing.map(aclKey));
  const create = wanted.filter((a) => !have.has(aclKey(a)));
  return { create, present: wanted.length - create.length };
}

/** One user as `class list` shows it: the prefixes its ACLs fence it in, and the ACLs. */
export interface UserRow {
  readonly user: string;
  readonly scram: readonly string[];
  readonly prefixes: readonly string[];
  readonly acls: readonly AclBinding[];
}

/**
 * Users and ACLs joined by principal, sorted by name: every SCRAM user, and
 * every `User:` principal that has ACLs (users a managed service keeps).
 */
export function userRows(
  users: ReadonlyArray<{ name: string; mechanisms: readonly string[] }>,
  acls: readonly AclBinding[],
): UserRow[] {
  const names = new Set(users.map((u) => u.name));
  for (const a of acls) if (a.principal.startsWith("User:")) names.add(a.principal.slice(5));
  return [...names].sort().map((user) => {
    const own = acls.filter((a) => a.principal === principalOf(user));
    const prefixes = [
      ...new Set(own.filter((a) => a.patternType === "prefixed").map((a) => a.resourceName)),
    ];
    return {
      user,
      scram: users.find((u) => u.name === user)?.mechanisms ?? [],
      prefixes,
      acls: own,
    };
  });
}
