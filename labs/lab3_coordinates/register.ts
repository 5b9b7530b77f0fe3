/**
 * `lab3 register`: registers the UserCoordinates JSON Schema and fetches it
 * back by id. The guided run registers through here too.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Names } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import { type Registration, USER_COORDINATES_SCHEMA } from "./model.ts";
import type { REGISTER_OPTIONS } from "./options.ts";
import { renderRegistration, viewOf } from "./render.ts";

/** The topic and subject a command uses: behind the prefix; the subject is `<topic>-value` unless given. */
export function namesOf(
  names: Names,
  v: { readonly topic: string; readonly subject?: string },
): { topic: string; subject: string } {
  const topic = names.topic(v.topic);
  return { topic, subject: v.subject === undefined ? `${topic}-value` : names.subject(v.subject) };
}

/** Registers the schema under `subject` (a no-op when it is already there) and fetches it back. */
export async function registerSchema(
  cluster: Pick<Context, "registry">,
  subject: string,
): Promise<Registration> {
  const registry = await cluster.registry();
  await registry.preflight();
  const before = await registry.versions(subject).catch(() => [] as number[]);
  const { id } = await registry.registerJson(USER_COORDINATES_SCHEMA, subject);
  const after = await registry.versions(subject).catch(() => [] as number[]);
  return { id, isNew: after.length > before.length, schemaText: await registry.schemaText(id) };
}

/** Runs `lab3 register`. */
export async function register(
  ctx: Context,
  args: ParsedArgs<typeof REGISTER_OPTIONS>,
): Promise<number> {
  const { subject } = namesOf(ctx.config.names, args.values);
  renderRegistration(viewOf(ctx), { subject, registration: await registerSchema(ctx, subject) });
  return 0;
}
