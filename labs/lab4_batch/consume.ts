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
import { watched } from "../../lib/kafka/liveness.ts";
import { LAB4_EVENTS } from "./events.ts";
import { type ConsumerSettings, runConsumer } from "./consumer.ts";
import type { CONSUME_OPTIONS } from "./options.ts";
import { DEFAULT_GROUPS, type Mode } from "./model.ts";
import { ensureFinalTopic } from "./produce.ts";
import { consumerRenderer, renderConsumerDone, renderWaiting, viewOf } from "./render.ts";
import type { Lab4Text } from "./text.ts";

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
  const view = viewOf(ctx);
  const course = consumerSettings(args, view.t);
  const { names } = ctx.config;
  const settings = {
    ...course,
    topic: names.topic(course.topic),
    group: names.group(course.group),
  };
  await ensureFinalTopic(ctx, settings.topic);
  if (settings.maxMessages === undefined && settings.idleTimeoutMs === undefined) {
    renderWaiting(view, settings);
  }
  const stats = await watched(
    ctx,
    LAB4_EVENTS,
    settings.idleTimeoutMs,
    (signal) => runConsumer(ctx, { ...settings, signal }, consumerRenderer(view, settings)),
  );
  renderConsumerDone(view, { topic: settings.topic, stats });
  return 0;
}
