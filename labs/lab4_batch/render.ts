/**
 * How lab 4 shows what its experiments found: each function takes a typed
 * result and writes its text lines (from the lab's text table) and its
 * `--json` events. The producers' and consumers' per-record lines come from
 * {@linkcode producerRenderer}, {@linkcode consumerRenderer} and
 * {@linkcode progressRenderer}, which the experiments call as records go and
 * come; the guided run's checks are in `guided_render.ts`, `lab4 compare`'s
 * own lines in `compare_render.ts`. Nothing here talks to Kafka.
 *
 * @example
 * ```ts
 * const view = viewOf(ctx);
 * renderConsumerDone(view, { topic: "final-1-topic", stats });
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import { fill, localize } from "../../lib/i18n.ts";
import type { Output } from "../../lib/output.ts";
import { formatSeconds } from "./figures.ts";
import { type Mode, modeName, reasonText } from "./model.ts";
import type { ConsumerObserver, ProduceResult, RunStats, Sent } from "./results.ts";
import { type Lab4Text, lab4Text } from "./text.ts";
import { LAB4_EVENTS } from "./events.ts";

/** Where lab 4's renderers write: the output and the texts in the user's language. */
export interface View {
  readonly out: Output;
  readonly t: Lab4Text;
  readonly lang: Lang;
}

/** The view of a command run. */
export function viewOf(ctx: Context): View {
  const lang = ctx.config.lang;
  return { out: ctx.out, t: lab4Text(lang), lang };
}

/**
 * The renderer the producers call with each message sent: where it landed or
 * why it did not, after `indent` and, with several producers, which one sent it.
 */
export function producerRenderer(
  { out, t, lang }: View,
  look: { readonly instances: number; readonly indent?: string },
): (sent: Sent) => void {
  return (sent) => {
    const p = "delivery" in sent ? sent.delivery.producer : sent.producer;
    const prefix = (look.indent ?? "") +
      (look.instances > 1 ? fill(t.producerPrefix, { n: p }) : "");
    if ("delivery" in sent) {
      const d = sent.delivery;
      const { partition, offset } = d;
      const vars = { id: d.message_id, content: d.content, partition, offset };
      out.event(
        LAB4_EVENTS.delivered,
        { ...d, topic: sent.topic },
        `${prefix}${out.style("green", "✓")} ${fill(t.delivered, vars)}`,
      );
      return;
    }
    const { n, model, topic, error } = sent;
    const reason = localize(error.text, lang);
    out.event(
      LAB4_EVENTS.deliveryFailed,
      { producer: p, n, ...model, topic, error: error.message },
      `${prefix}${out.style("red", "✗")} ${fill(t.sendFailed, { id: model.message_id, reason })}`,
    );
  };
}

/** `lab4 produce`: delivered and failed, then each producer's share. */
export function renderProducerDone(
  { out, t }: View,
  done: { readonly topic: string; readonly result: ProduceResult },
): void {
  const { topic, result: { failed, perProducer } } = done;
  const sent = done.result.deliveries.length;
  out.event(
    LAB4_EVENTS.producerDone,
    { topic, sent, failed, perProducer },
    fill(t.producerDone, { sent, failed }),
  );
  if (perProducer.length > 1) {
    perProducer.forEach((n, i) => out.line(`  ${fill(t.perProducer, { n: i + 1, sent: n })}`));
  }
}
/** `lab4 consume` without a stop condition: it waits until Ctrl+C. */
export function renderWaiting(
  { out, t }: View,
  s: { readonly mode: Mode; readonly topic: string; readonly group: string },
): void {
  const template = s.mode === "batch" ? t.waitingBatch : t.waitingSingle;
  out.text(fill(template, { topic: s.topic, group: s.group }));
}

/** A consumer renderer that also counts the lines it left out. */
export interface CountingObserver extends ConsumerObserver {
  /** Record and commit lines not shown (over `printLimit`; JSON gets every event). */
  readonly hidden: number;
}

/**
 * The renderer a consumer calls as it runs: assignments, records, invalid
 * records and commits, each after `indent`; at most `printLimit` record and
 * commit lines (the rest are counted in `hidden`).
 */
export function consumerRenderer(
  view: View,
  look: { mode: Mode; group: string; printLimit?: number; indent?: string },
): CountingObserver {
  const { out, t } = view;
  const { mode, group } = look;
  const indent = look.indent ?? "";
  let shown = 0;
  let hidden = 0;
  const visible = () => {
    if (look.printLimit === undefined || shown < look.printLimit) return ++shown, true;
    return hidden++, false;
  };
  return {
    get hidden() {
      return hidden;
    },
    assigned(partitions) {
      const line = partitions.length > 0
        ? fill(t.assigned, { group, partitions: partitions.join(", ") })
        : out.style("yellow", fill(t.assignedNone, { group }));
      out.event(LAB4_EVENTS.assigned, { mode, group, partitions }, `${indent}${line}`);
    },
    processed({ where, model, batch }) {
      const vars = { id: model.message_id, content: model.content, ...where };
      out.event(
        LAB4_EVENTS.processed,
        { mode, group, ...model, ...where, ...(batch === undefined ? {} : { batch }) },
        visible() ? `${indent}  ${fill(t.processed, vars)}` : undefined,
      );
    },
    invalid(i) {
      invalidEvent(view, mode, i, `${indent}${out.style("yellow", "!")} `);
    },
    batchCommitted({ partition, next, span }) {
      const vars = { ...span, partition, next };
      out.event(
        LAB4_EVENTS.batchCommitted,
        { mode, group, partition, ...span, next },
        visible()
          ? `${indent}${out.style("green", "✓")} ${fill(t.batchCommitted, vars)}`
          : undefined,
      );
    },
    recordCommitted({ partition, next }) {
      out.event(
        LAB4_EVENTS.offsetCommitted,
        { mode, group, partition, next },
        visible()
          ? `${indent}    ${out.style("green", fill(t.committed, { partition, next }))}`
          : undefined,
      );
    },
  };
}

/** The event of an invalid record; its line after `prefix`, or none without one. */
function invalidEvent(
  { out, t }: View,
  mode: Mode,
  i: Parameters<ConsumerObserver["invalid"]>[0],
  prefix?: string,
): void {
  const { where, error, batch } = i;
  out.event(
    LAB4_EVENTS.invalid,
    {
      mode,
      ...where,
      reason: error.reason,
      error: error.message,
      ...(batch === undefined ? {} : { batch }),
    },
    prefix === undefined
      ? undefined
      : `${prefix}${fill(t.invalid, { ...where, reason: reasonText(t, error) })}`,
  );
}

/**
 * The renderer of a consumer `lab4 compare` runs: no per-record lines, a
 * progress line (`done`/`total`) instead; invalid records are still events.
 */
export function progressRenderer(
  view: View,
  look: { readonly mode: Mode; readonly total: number },
): ConsumerObserver & { readonly lag: readonly number[] } {
  const { out, t } = view;
  const { mode, total } = look;
  let done = 0;
  /** Records not yet committed, after each commit: the group's lag over the run. */
  const lag: number[] = [total];
  const progress = () => {
    done++;
    out.progress(
      `lab4.${mode}`,
      fill(t.compareProgress, { mode: modeName(t, mode), done, total }),
      { mode, done, total },
      1000,
    );
  };
  return {
    assigned: () => {},
    processed: progress,
    invalid(i) {
      invalidEvent(view, mode, i);
      progress();
    },
    batchCommitted: () => lag.push(total - done),
    recordCommitted: () => lag.push(total - done),
    lag,
  };
}

/** What a consumer run did (after `indent`). */
export function renderConsumerDone(
  { out, t, lang }: View,
  done: { readonly topic: string; readonly stats: RunStats; readonly indent?: string },
): void {
  const { topic, stats } = done;
  const { mode, group, records, processed, invalid, batches, commits, elapsedMs, stoppedBy } =
    stats;
  out.event(
    LAB4_EVENTS.consumerDone,
    { mode, group, topic, records, processed, invalid, batches, commits, elapsedMs, stoppedBy },
    (done.indent ?? "") + fill(mode === "batch" ? t.consumerDone : t.consumerDoneSingle, {
      mode: modeName(t, mode),
      group,
      records,
      invalid,
      batches,
      commits,
      seconds: formatSeconds(elapsedMs, lang),
    }),
  );
}
