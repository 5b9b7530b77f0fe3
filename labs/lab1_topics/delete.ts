/**
 * `lab1 delete`: delete a topic and its records, after asking.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill } from "../../lib/i18n.ts";
import { checkTopicName, deleteTopic } from "../../lib/kafka/topics.ts";
import { requireLayout } from "./describe.ts";
import type { DELETE_OPTIONS } from "./options.ts";
import { renderDeleted, renderKept, viewOf } from "./render.ts";
import type { Lab1Text } from "./text.ts";

/** Whether the user agrees to delete `topic` (`--yes` agrees without asking). */
function confirmed(t: Lab1Text, topic: string, yes: boolean): boolean {
  if (yes) return true;
  if (!Deno.stdin.isTerminal()) {
    throw new UsageError(fill(t.deleteNoTerminal, { topic }), t.deleteNoTerminalHint);
  }
  return confirm(fill(t.deleteQuestion, { topic }));
}

/** Runs `lab1 delete`. */
export async function deleteCommand(
  ctx: Context,
  args: ParsedArgs<typeof DELETE_OPTIONS>,
): Promise<number> {
  const view = viewOf(ctx);
  const topic = checkTopicName(ctx.config.names.topic(args.positionals[0]));
  if (!confirmed(view.t, topic, args.values.yes)) {
    renderKept(view, topic);
    return 1;
  }
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    await requireLayout(view.t, admin, topic);
    await deleteTopic(admin, topic);
    renderDeleted(view, topic);
    return 0;
  });
}
