/**
 * The `--json` events of `class`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

const ACL = f.object({
  resourceType: f.string.doc("`topic`, `group`, `transactional-id`, `cluster`…"),
  resourceName: f.string,
  patternType: f.string.doc("`prefixed` or `literal`"),
  principal: f.string,
  host: f.string,
  operation: f.string,
  permission: f.string,
});

/** The events of `class`. */
export const CLASS_EVENTS = {
  student: event("class.student", "`class init`: one student's user, ACLs and `.env`.", {
    name: f.string,
    prefix: f.string,
    user: f.string.doc("`set` (created or password set again), `skipped` (--skip-users)"),
    password: f.string.doc("`roster`, `kept` (from the earlier .env), `new`; never the password"),
    aclsCreated: f.integer,
    aclsPresent: f.integer,
    envFile: f.string,
  }),
  initDone: event("class.init.done", "`class init`: the class is ready.", {
    students: f.integer,
    aclsCreated: f.integer,
    out: f.string,
  }),
  removed: event("class.removed", "`class remove`: one student taken back.", {
    name: f.string,
    aclsDeleted: f.integer,
    user: f.string.doc("`deleted`, `skipped` (--skip-users)"),
    envFile: f.nullable(f.string).doc("The `.env` deleted, if --out named its folder"),
  }),
  user: event("class.user", "`class list`: one user with its prefixes and ACLs.", {
    user: f.string,
    scram: f.array(f.string),
    prefixes: f.array(f.string),
    inRoster: f.nullable(f.boolean).doc("null without --roster"),
    acls: f.array(ACL),
  }),
};
