/**
 * `lab1 delete`: delete a topic and its records, after asking.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill } from "../../lib/i18n.ts";
import { checkTopicName, deleteTopic } from "../../lib/kafka/topics.ts";
import { requireLayout } from "./report.ts";
import type { DELETE_OPTIONS } from "./options.ts";
import { lab1Text } from "./text.ts";
import { LAB1_EVENTS } from "./events.ts";

/** Runs `lab1 delete`. */
export async function deleteCommand(
  ctx: Context,
  args: ParsedArgs<typeof DELETE_OPTIONS>,
): Promise<number> {
  const t = lab1Text(ctx.config.lang);
  const topic = checkTopicName(ctx.config.names.topic(args.positionals[0]));
  if (!args.values.yes) {
    if (!Deno.stdin.isTerminal()) {
      throw new UsageError(fill(t.deleteNoTerminal, { topic }), t.deleteNoTerminalHint);
    }
    if (!confirm(fill(t.deleteQuestion, { topic }))) {
      ctx.out.event(LAB1_EVENTS.topicKept, { topic }, fill(t.deleteKept, { topic }));
      return 1;
    }
  }
  return await (await ctx.kafka()).withAdmin(async (admin) => {
    await requireLayout(t, admin, topic);
    await deleteTopic(admin, topic);
    ctx.out.event(
      LAB1_EVENTS.topicDeleted,
      { topic },
      `${ctx.out.style("green", "✓")} ${fill(t.deleted, { topic })}`,
    );
    return 0;
  });
}
