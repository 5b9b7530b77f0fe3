/**
 * `kafka-lab class remove --roster FILE`: takes back what `class init` gave:
 * every ACL of each student's principal, their SCRAM credentials (both
 * mechanisms), and their `.env` in `--out`. Their topics and groups stay
 * (the instructor may still grade them); a missing user is no error.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { localize } from "../../lib/i18n.ts";
import { fillText } from "../../lib/i18n.ts";
import { deleteAcls } from "../../lib/kafka/wire/acls.ts";
import { deleteScramUsers } from "../../lib/kafka/wire/scram_users.ts";
import { table } from "../../lib/output.ts";
import { adminOf, asAdmin } from "./admin.ts";
import { envPath } from "./env_file.ts";
import { CLASS_EVENTS } from "./events.ts";
import type { REMOVE_OPTIONS } from "./options.ts";
import { principalOf } from "./plan.ts";
import { readClassRoster } from "./roster.ts";
import { CLASS_TEXT as T } from "./text.ts";

async function removeEnv(dir: string | undefined, name: string): Promise<string | null> {
  if (dir === undefined) return null;
  const path = envPath(dir, name);
  try {
    await Deno.remove(path);
    return path;
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return null;
    throw err;
  }
}

/** Runs `class remove`. */
export async function runRemove(
  ctx: Context,
  args: ParsedArgs<typeof REMOVE_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const students = await readClassRoster(v.roster);
  const admin = adminOf(ctx.config);
  const names = students.map((s) => s.name);
  const filters = names.map((n) => ({ principal: principalOf(n) }));
  const deleted = v["skip-acls"]
    ? []
    : await asAdmin(() => deleteAcls(admin.brokers, filters, admin.options));
  if (!v["skip-users"]) {
    for (const mechanism of ["scram-sha-256", "scram-sha-512"] as const) {
      await deleteScramUsers(admin.brokers, names, mechanism, admin.options);
    }
  }
  const lang = ctx.config.lang;
  const rows: string[][] = [];
  for (const s of students) {
    const aclsDeleted = deleted.filter((a) => a.principal === principalOf(s.name)).length;
    const envFile = await removeEnv(v.out, s.name);
    const user = v["skip-users"] ? "skipped" : "deleted";
    ctx.out.event(CLASS_EVENTS.removed, { name: s.name, aclsDeleted, user, envFile });
    const userText = localize(v["skip-users"] ? T.skipped : T.userDeleted, lang);
    rows.push([s.name, String(aclsDeleted), userText, envFile ?? "-"]);
  }
  if (!ctx.out.json) {
    for (const l of table(T.removeHeaders.map((h) => localize(h, lang)), rows)) ctx.out.line(l);
    ctx.out.line();
    ctx.out.line(localize(fillText(T.removeDone, { n: students.length }), lang));
  }
  return 0;
}
