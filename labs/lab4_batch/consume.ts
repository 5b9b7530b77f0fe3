/**
 * `lab4 consume`: the batch consumer (one commit per batch of at most
 * `--batch-size` records of one partition) or the single consumer (one
 * commit per record), as the options choose.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { fill } from "../../lib/i18n.ts";
import { COURSE_TOPICS, prepareTopic } from "../../lib/kafka/topics.ts";
import type { ConsumerSettings } from "./consumer.ts";
import type { CONSUME_OPTIONS } from "./options.ts";
import { DEFAULT_GROUPS } from "./model.ts";
import type { Mode } from "./model.ts";
import { consumerDone, runConsumer } from "./consumer.ts";
import { type Lab4Text, lab4Text } from "./text.ts";

/** A consumer's settings, resolved from the command line. */

/**
 * Resolves `lab4 consume`'s options: the group defaults by mode, and
 * `--batch-size` is refused with `--mode single` (it would mean nothing).
 * Topic and group are the course's names; `consume` puts them behind the prefix.
 *
 * @example
 * ```ts
 * consumerSettings(parseOptions(["--mode", "single"], CONSUME_OPTIONS), t).group; // "single-group"
 * ```
 */
export function consumerSettings(
  args: ParsedArgs<typeof CONSUME_OPTIONS>,
  t: Lab4Text,
): ConsumerSettings {
  const v = args.values;
  const mode: Mode = v.mode;
  if (mode === "single" && args.given("batch-size")) {
    throw new UsageError(t.errBatchSizeSingle, t.errBatchSizeSingleHint);
  }
  return {
    topic: v.topic,
    mode,
    group: v.group ?? DEFAULT_GROUPS[mode],
    batchSize: v["batch-size"],
    processMs: v["process-ms"],
    maxMessages: v["max-messages"],
    idleTimeoutMs: secondsToMs(v["idle-timeout"]),
  };
}

/** Runs `lab4 consume`. */
export async function consume(
  ctx: Context,
  args: ParsedArgs<typeof CONSUME_OPTIONS>,
): Promise<number> {
  const t = lab4Text(ctx.config.lang);
  const course = consumerSettings(args, t);
  const { names } = ctx.config;
  const settings = {
    ...course,
    topic: names.topic(course.topic),
    group: names.group(course.group),
  };
  await (await ctx.kafka()).withAdmin((admin) =>
    prepareTopic(admin, settings.topic, COURSE_TOPICS.final1)
  );
  if (settings.maxMessages === undefined && settings.idleTimeoutMs === undefined) {
    ctx.out.text(
      fill(settings.mode === "batch" ? t.waitingBatch : t.waitingSingle, {
        topic: settings.topic,
        group: settings.group,
      }),
    );
  }
  const stats = await runConsumer(ctx, t, { ...settings, signal: ctx.signal });
  consumerDone(ctx, t, settings.topic, stats);
  return 0;
}
