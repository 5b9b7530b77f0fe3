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
import { COURSE_TOPICS, prepareTopic } from "../../lib/topics.ts";
import { DEFAULT_BATCH_SIZE, DEFAULT_GROUPS } from "./mod.ts";
import type { Mode } from "./model.ts";
import { consumerDone, runConsumer } from "./consumer.ts";
import { type Lab4Text, lab4Text } from "./text.ts";

/** A consumer's settings, resolved from the command line. */
export interface ConsumerSettings {
  readonly topic: string;
  readonly mode: Mode;
  readonly group: string;
  readonly batchSize: number;
  /** Simulated processing time per record. */
  readonly processMs: number;
  readonly maxMessages?: number;
  readonly idleTimeoutMs?: number;
}

/**
 * Resolves `lab4 consume`'s options: the group defaults by mode, and
 * `--batch-size` is refused with `--mode single` (it would mean nothing).
 *
 * @example
 * ```ts
 * consumerSettings(parseOptions(["--mode", "single"], CONSUME_OPTIONS), t).group; // "single-group"
 * ```
 */
export function consumerSettings(args: ParsedArgs, t: Lab4Text): ConsumerSettings {
  const mode = (args.string("mode") ?? "batch") as Mode;
  if (mode === "single" && args.given("batch-size")) {
    throw new UsageError(t.errBatchSizeSingle, t.errBatchSizeSingleHint);
  }
  return {
    topic: args.string("topic") ?? COURSE_TOPICS.final1.name,
    mode,
    group: args.string("group") ?? DEFAULT_GROUPS[mode],
    batchSize: args.int("batch-size") ?? DEFAULT_BATCH_SIZE,
    processMs: args.int("process-ms") ?? 0,
    maxMessages: args.int("max-messages"),
    idleTimeoutMs: secondsToMs(args.number("idle-timeout")),
  };
}

/** Runs `lab4 consume`. */
export async function consume(ctx: Context, args: ParsedArgs): Promise<number> {
  const t = lab4Text(ctx.config.lang);
  const settings = consumerSettings(args, t);
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
