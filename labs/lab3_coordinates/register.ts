/**
 * `lab3 register`: registers the UserCoordinates JSON Schema and fetches it
 * back by id. The guided run and the producers register through here too.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Names } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { USER_COORDINATES_SCHEMA } from "./model.ts";
import type { REGISTER_OPTIONS } from "./options.ts";
import { type Lab3Text, lab3Text } from "./text.ts";
import { LAB3_EVENTS } from "./events.ts";

const SCHEMA_TITLE = String(USER_COORDINATES_SCHEMA.title);

/** The topic and subject a command uses: behind the prefix; the subject is `<topic>-value` unless given. */
export function namesOf(
  names: Names,
  v: { readonly topic: string; readonly subject?: string },
): { topic: string; subject: string } {
  const topic = names.topic(v.topic);
  return { topic, subject: v.subject === undefined ? `${topic}-value` : names.subject(v.subject) };
}

/** What registering the schema gave. */
export interface Registration {
  readonly id: number;
  readonly isNew: boolean;
  readonly schemaText: string;
}

/** Registers the schema under `subject` (a no-op when it is already there). */
export async function registerSchema(ctx: Context, subject: string): Promise<Registration> {
  const registry = await ctx.registry();
  await registry.preflight();
  const before = await registry.versions(subject).catch(() => [] as number[]);
  const { id } = await registry.registerJson(USER_COORDINATES_SCHEMA, subject);
  const after = await registry.versions(subject).catch(() => [] as number[]);
  return { id, isNew: after.length > before.length, schemaText: await registry.schemaText(id) };
}

/** Prints a registration: id, whether it is new, and the schema fetched back. */
export function reportRegistration(
  ctx: Context,
  t: Lab3Text,
  subject: string,
  r: Registration,
  indent = "",
): void {
  ctx.out.event(
    LAB3_EVENTS.schemaRegistered,
    { subject, id: r.id, new: r.isNew, schema: JSON.parse(r.schemaText) },
    `${indent}${ctx.out.style("green", "✓")} ${
      fill(r.isNew ? t.registered : t.alreadyRegistered, { title: SCHEMA_TITLE, subject, id: r.id })
    }`,
  );
  ctx.out.text(`${indent}  ${fill(t.fetched, { id: r.id, schema: r.schemaText })}`);
}

/** Runs `lab3 register`. */
export async function register(
  ctx: Context,
  args: ParsedArgs<typeof REGISTER_OPTIONS>,
): Promise<number> {
  const { subject } = namesOf(ctx.config.names, args.values);
  reportRegistration(ctx, lab3Text(ctx.config.lang), subject, await registerSchema(ctx, subject));
  return 0;
}
