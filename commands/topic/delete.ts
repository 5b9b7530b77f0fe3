/**
 * `topic delete`: deletes a topic and its records, after asking (`--yes`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { confirmed } from "../../lib/cli/confirm.ts";
import type { Context } from "../../lib/context.ts";
import { fill, t } from "../../lib/i18n.ts";
import { existingTopic } from "../../lib/kafka/topic_changes.ts";
import { checkTopicName, deleteTopic } from "../../lib/kafka/topics.ts";
import { TOPIC_EVENTS } from "./events.ts";
import type { DELETE_OPTIONS } from "./options.ts";
import { textOf } from "./render.ts";
import { TOPIC_TEXT } from "./text.ts";

/** Runs `topic delete <topic>`: exit 1 when the answer is no. */
export async function deleteCommand(
  ctx: Context,
  args: ParsedArgs<typeof DELETE_OPTIONS>,
): Promise<number> {
  const topic = checkTopicName(args.positionals[0]);
  const tx = textOf(ctx);
  const question = t(
    fill(TOPIC_TEXT.en.deleteQuestion, { topic }),
    fill(TOPIC_TEXT.ru.deleteQuestion, { topic }),
  );
  const kafka = await ctx.kafka();
  await kafka.withAdmin((admin) => existingTopic(admin, topic, kafka));
  const what = { en: `topic ${topic}`, ru: `топик ${topic}` }[ctx.config.lang];
  if (!confirmed({ question, what, yes: args.values.yes }, ctx.config.lang)) {
    ctx.out.event(TOPIC_EVENTS.kept, { topic }, fill(tx.kept, { topic }));
    return 1;
  }
  await kafka.withAdmin((admin) => deleteTopic(admin, topic));
  ctx.out.event(
    TOPIC_EVENTS.deleted,
    { topic },
    `${ctx.out.style("green", "✓")} ${fill(tx.deleted, { topic })}`,
  );
  return 0;
}
