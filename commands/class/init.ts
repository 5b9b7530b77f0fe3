/**
 * `kafka-lab class init --roster FILE`: a SCRAM user per student (or the
 * roster's passwords where the cluster keeps the users), prefixed ACLs on
 * their topics, groups and transactional ids, and one owner-only `.env` per
 * student. Running it again changes nothing but what is missing; a student's
 * password is kept from the earlier `.env` unless the roster gives one.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { newScramAuth } from "../../lib/cluster/sasl.ts";
import type { SaslMechanism } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fillText, localize } from "../../lib/i18n.ts";
import { type AclBinding, createAcls, describeAcls } from "../../lib/kafka/wire/acls.ts";
import { upsertScramUsers } from "../../lib/kafka/wire/scram_users.ts";
import { table } from "../../lib/output.ts";
import { adminOf, asAdmin, awaitPropagation } from "./admin.ts";
import { envPath, previousPassword, studentEnv, writeStudentEnv } from "./env_file.ts";
import { CLASS_EVENTS } from "./events.ts";
import type { INIT_OPTIONS } from "./options.ts";
import { missingAcls, studentAcls } from "./plan.ts";
import { readClassRoster, type Student } from "./roster.ts";
import { CLASS_TEXT as T } from "./text.ts";

type PasswordSource = "roster" | "kept" | "new";
type InitValues = ParsedArgs<typeof INIT_OPTIONS>["values"];

/** Each student's password and where it came from (never printed). */
async function passwords(
  students: readonly Student[],
  out: string,
  skipUsers: boolean,
): Promise<Array<{ password: string; source: PasswordSource }>> {
  return await Promise.all(students.map(async (s) => {
    if (s.password !== undefined) return { password: s.password, source: "roster" as const };
    if (skipUsers) {
      throw new UsageError(fillText(T.needPassword, { name: s.name, line: s.line }), T.needHint);
    }
    const kept = await previousPassword(envPath(out, s.name));
    if (kept) return { password: kept, source: "kept" as const };
    return { password: newScramAuth("scram-sha-256").password, source: "new" as const };
  }));
}

function mechanismOf(ctx: Context, v: InitValues): SaslMechanism {
  if (v.mechanism === "plain" && !v["skip-users"]) throw new UsageError(T.plainUsers, T.needHint);
  const admin = ctx.config.sasl?.mechanism;
  return v.mechanism ?? (admin === "scram-sha-512" ? "scram-sha-512" : "scram-sha-256");
}

/** Sets the users' passwords and creates the missing ACLs; returns the ACLs that were there. */
async function applyToCluster(
  ctx: Context,
  students: readonly Student[],
  secrets: ReadonlyArray<{ password: string }>,
  mechanism: SaslMechanism,
  v: InitValues,
): Promise<{ existing: AclBinding[]; created: number }> {
  if (v["skip-users"] && v["skip-acls"]) return { existing: [], created: 0 };
  const admin = adminOf(ctx.config);
  const wanted = v["skip-acls"] ? [] : students.flatMap(studentAcls);
  // ACLs are read first: a cluster without an authorizer is refused before any user is made.
  const existing = wanted.length > 0
    ? await asAdmin(() => describeAcls(admin.brokers, {}, admin.options))
    : [];
  if (!v["skip-users"] && mechanism !== "plain") {
    const users = students.map((s, i) => ({ name: s.name, password: secrets[i].password }));
    await upsertScramUsers(admin.brokers, users, mechanism, admin.options);
  }
  const { create } = missingAcls(wanted, existing);
  await createAcls(admin.brokers, create, admin.options);
  const users = v["skip-users"] ? [] : students.map((s) => s.name);
  if (!(await awaitPropagation(admin, users, wanted))) ctx.out.warn(T.notPropagated);
  return { existing, created: create.length };
}

/** Writes every student's `.env` and reports each student; returns the table rows. */
async function writeEnvs(
  ctx: Context,
  students: readonly Student[],
  secrets: ReadonlyArray<{ password: string; source: PasswordSource }>,
  existing: readonly AclBinding[],
  options: { mechanism: SaslMechanism; v: InitValues },
): Promise<string[][]> {
  const { mechanism, v } = options;
  const c = ctx.config;
  const login = { brokers: c.brokers, mechanism, registryUrl: c.registryUrl, ssl: c.ssl };
  const rows: string[][] = [];
  for (const [i, s] of students.entries()) {
    const path = envPath(v.out, s.name);
    const text = studentEnv(s, secrets[i].password, { ...login, sslCaFile: c.sslCaFile });
    await writeStudentEnv(path, text, v.out);
    const own = v["skip-acls"] ? { create: [], present: 0 } : missingAcls(studentAcls(s), existing);
    ctx.out.event(CLASS_EVENTS.student, {
      name: s.name,
      prefix: s.prefix,
      user: v["skip-users"] ? "skipped" : "set",
      password: secrets[i].source,
      aclsCreated: own.create.length,
      aclsPresent: own.present,
      envFile: path,
    });
    const source = localize(T.source[secrets[i].source], c.lang);
    rows.push([s.name, s.prefix, source, `+${own.create.length} =${own.present}`, path]);
  }
  return rows;
}

/** Runs `class init`. */
export async function runInit(
  ctx: Context,
  args: ParsedArgs<typeof INIT_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const students = await readClassRoster(v.roster);
  const mechanism = mechanismOf(ctx, v);
  const secrets = await passwords(students, v.out, v["skip-users"]);
  const { existing, created } = await applyToCluster(ctx, students, secrets, mechanism, v);
  const rows = await writeEnvs(ctx, students, secrets, existing, { mechanism, v });
  const lang = ctx.config.lang;
  if (!ctx.out.json) {
    for (const l of table(T.initHeaders.map((h) => localize(h, lang)), rows)) ctx.out.line(l);
    ctx.out.line();
  }
  ctx.out.event(
    CLASS_EVENTS.initDone,
    { students: students.length, aclsCreated: created, out: v.out },
    localize(fillText(T.initDone, { n: students.length, acls: created, out: v.out }), lang),
  );
  return 0;
}
