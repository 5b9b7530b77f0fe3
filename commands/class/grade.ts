/**
 * `kafka-lab class grade --roster FILE [labN]`: the class's gradebook, with
 * the admin login. It is `check --roster` over the roster's prefixes, run
 * through the check command itself, so the class is graded exactly as
 * `check --roster` grades (one snapshot of the cluster for all students, the
 * same table, CSV and events) and any option `check` gains comes with it.
 * @module
 */
import { ParsedArgs } from "../../lib/cli/args.ts";
import type { Command } from "../../lib/cli/command.ts";
import type { Context } from "../../lib/context.ts";
import { CHECK_OPTIONS } from "../../lib/grading/select.ts";
import { checkCommand } from "../check/mod.ts";
import type { GRADE_OPTIONS } from "./options.ts";
import { readClassRoster } from "./roster.ts";

/** Runs `class grade`: the roster's prefixes, one a line, handed to `check --roster`. */
export async function runGrade(
  ctx: Context<Command>,
  args: ParsedArgs<typeof GRADE_OPTIONS>,
): Promise<number> {
  const students = await readClassRoster(args.values.roster);
  const file = await Deno.makeTempFile({ prefix: "kafka-lab-class-", suffix: ".txt" });
  try {
    await Deno.writeTextFile(file, students.map((s) => s.prefix).join("\n") + "\n");
    const values = { ...args.valuesOf(CHECK_OPTIONS), roster: file, prefix: undefined };
    const given = new Set(CHECK_OPTIONS.map((o) => o.name).filter((n) => n !== "prefix"));
    const check = new ParsedArgs(values, given, [...args.positionals], CHECK_OPTIONS);
    return (await checkCommand.run!(ctx, check as ParsedArgs)) ?? 0;
  } finally {
    await Deno.remove(file).catch(() => {});
  }
}
