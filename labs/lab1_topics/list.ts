/**
 * `lab1 list`: the topics with their partition count and replication factor.
 *
 * `Kafka.topics()` answers from one Metadata request on the wire where it
 * can, so the command does not load kafkajs at all (about 80 ms of start-up,
 * most of what a student waits for); `lib/kafka/clients.ts` says when kafkajs
 * answers instead.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { topicRows } from "./model.ts";
import type { LIST_OPTIONS } from "./options.ts";
import { renderTopicRows, viewOf } from "./render.ts";

/** Runs `lab1 list`. */
export async function list(
  ctx: Context,
  args: ParsedArgs<typeof LIST_OPTIONS>,
): Promise<number> {
  const { names } = ctx.config;
  const topics = await (await ctx.kafka()).topics();
  const rows = topicRows(topics, { all: args.values.all, owns: (name) => names.owns(name) });
  renderTopicRows(viewOf(ctx), rows);
  return 0;
}
