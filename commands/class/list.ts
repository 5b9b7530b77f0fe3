/**
 * `kafka-lab class list [--roster FILE]`: the cluster's SCRAM users and ACLs,
 * one row per user with the prefixes its ACLs fence it in. With a roster:
 * its students only, and the ones `class init` has not made yet.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { localize } from "../../lib/i18n.ts";
import { describeAcls } from "../../lib/kafka/wire/acls.ts";
import { describeScramUsers } from "../../lib/kafka/wire/scram_users.ts";
import { table } from "../../lib/output.ts";
import { adminOf, asAdmin } from "./admin.ts";
import { CLASS_EVENTS } from "./events.ts";
import type { LIST_OPTIONS } from "./options.ts";
import { type UserRow, userRows } from "./plan.ts";
import { readClassRoster } from "./roster.ts";
import { CLASS_TEXT as T } from "./text.ts";

/** `topic,group: all` for a user's ACLs, grouped by operation and permission. */
function aclSummary(row: UserRow): string {
  const by = new Map<string, string[]>();
  for (const a of row.acls) {
    const key = `${a.permission === "deny" ? "deny " : ""}${a.operation}`;
    by.set(key, [...(by.get(key) ?? []), a.resourceType]);
  }
  return [...by].map(([op, types]) => `${[...new Set(types)].sort().join(",")}: ${op}`)
    .join("; ");
}

/** Runs `class list`. */
export async function runList(
  ctx: Context,
  args: ParsedArgs<typeof LIST_OPTIONS>,
): Promise<number> {
  const admin = adminOf(ctx.config);
  const roster = args.values.roster === undefined
    ? undefined
    : await readClassRoster(args.values.roster);
  const [users, acls] = await asAdmin(() =>
    Promise.all([
      describeScramUsers(admin.brokers, undefined, admin.options),
      describeAcls(admin.brokers, {}, admin.options),
    ])
  );
  let rows = userRows(users, acls);
  const names = roster && new Set(roster.map((s) => s.name));
  if (names) {
    rows = rows.filter((r) => names.has(r.user));
    for (const s of roster!) {
      if (!rows.some((r) => r.user === s.name)) {
        rows.push({ user: s.name, scram: [], prefixes: [], acls: [] });
      }
    }
  }
  const lang = ctx.config.lang;
  for (const r of rows) {
    ctx.out.event(CLASS_EVENTS.user, {
      user: r.user,
      scram: [...r.scram],
      prefixes: [...r.prefixes],
      inRoster: names ? names.has(r.user) : null,
      acls: r.acls.map((a) => ({ ...a })),
    });
  }
  if (ctx.out.json) return 0;
  if (rows.length === 0) {
    ctx.out.line(localize(T.noUsers, lang));
    return 0;
  }
  const cells = rows.map((r) => [
    r.user,
    r.scram.join(",") || "-",
    r.prefixes.join(",") || "-",
    r.acls.length > 0 ? aclSummary(r) : names ? localize(T.missing, lang) : "-",
  ]);
  for (const l of table(T.listHeaders.map((h) => localize(h, lang)), cells)) ctx.out.line(l);
  return 0;
}
