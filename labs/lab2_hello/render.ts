/**
 * How lab 2 shows what its experiments found: each function takes a typed
 * result and writes its text lines (from the lab's text table) and its
 * `--json` events. The consumers' per-record lines come from
 * {@linkcode consumerRenderer}, which the experiment calls as records arrive.
 * Nothing here talks to Kafka.
 *
 * @example
 * ```ts
 * renderProducerDone(viewOf(ctx), { sent: 5, failed: 0, acks });
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { Guide } from "../../lib/guide.ts";
import { fill, localize } from "../../lib/i18n.ts";
import type { Output } from "../../lib/output.ts";
import {
  type Arrival,
  ARRIVAL_WAIT_SECONDS,
  type ConsumeResult,
  type ConsumerObserver,
  describeRecord,
  type NewGroupRead,
  type ProduceResult,
  type Sent,
} from "./model.ts";
import { type Lab2Text, lab2Text } from "./text.ts";
import { LAB2_EVENTS } from "./events.ts";

/** Where lab 2's renderers write: the output and the texts in the user's language. */
export interface View {
  readonly out: Output;
  readonly t: Lab2Text;
  readonly lang: Lang;
}

/** The view of a command run. */
export function viewOf(ctx: Context): View {
  const lang = ctx.config.lang;
  return { out: ctx.out, t: lab2Text(lang), lang };
}

/** Guided step 1: the topic exists. */
export function renderTopicReady(
  { t }: View,
  guide: Guide,
  ready: { readonly topic: string; readonly created: boolean },
): void {
  const { topic, created } = ready;
  guide.ok(fill(created ? t.topicCreated : t.topicReady, { topic }), ready, LAB2_EVENTS.topicReady);
}

/** One message sent: where it landed, or why it did not (the line put after `indent`). */
export function renderSent({ out, t, lang }: View, sent: Sent, indent = ""): void {
  const { n, value } = sent;
  if ("error" in sent) {
    const reason = localize(sent.error.text, lang);
    out.event(
      LAB2_EVENTS.deliveryFailed,
      { n, value, error: sent.error.message },
      `${indent}${out.style("red", "✗")} ${fill(t.sendFailed, { value, reason })}`,
    );
    return;
  }
  const { partition, offset } = sent.ack;
  out.event(
    LAB2_EVENTS.delivered,
    { n, topic: sent.topic, key: sent.key, value, partition, offset },
    `${indent}${out.style("green", "✓")} ${fill(t.sent, { value, partition, offset })}`,
  );
}

/** `lab2 produce`: how many were sent and how many failed. */
export function renderProducerDone({ out, t }: View, result: ProduceResult): void {
  const { sent, failed } = result;
  out.event(LAB2_EVENTS.producerDone, { sent, failed }, fill(t.producerDone, { sent, failed }));
}

/** How the consumers' lines look. */
export interface ConsumerLook {
  readonly group: string;
  readonly instances: number;
  /** Print at most this many record lines (JSON gets every record). */
  readonly printLimit?: number;
  readonly indent?: string;
}

/** The renderer a hello consumer calls as partitions are assigned and records arrive. */
export function consumerRenderer({ out, t }: View, look: ConsumerLook): ConsumerObserver {
  const decode = (b: Uint8Array | null) => b === null ? null : new TextDecoder().decode(b);
  return {
    assigned(instance, partitions) {
      out.event(
        LAB2_EVENTS.assigned,
        { instance, group: look.group, partitions },
        partitions.length > 0
          ? `  ${fill(t.assigned, { instance, partitions: partitions.join(", ") })}`
          : `  ${out.style("yellow", fill(t.idle, { instance }))}`,
      );
    },
    received({ n, instance, record: r }) {
      const prefix = (look.indent ?? "") +
        (look.instances > 1 ? fill(t.instancePrefix, { instance }) : "");
      const human = look.printLimit === undefined || n <= look.printLimit
        ? `${prefix}${describeRecord(t, n, r)}`
        : undefined;
      out.event(LAB2_EVENTS.received, {
        n,
        instance,
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        key: decode(r.key),
        value: decode(r.value),
        timestamp: r.timestamp,
      }, human);
    },
  };
}

/** `lab2 consume` without a stop condition: it waits until Ctrl+C. */
export function renderWaiting({ out, t }: View): void {
  out.text(t.waiting);
}

/** `lab2 consume`: records read and offsets committed, then each instance's share. */
export function renderConsumerDone({ out, t }: View, result: ConsumeResult): void {
  const { count, commits, perInstance } = result;
  out.event(
    LAB2_EVENTS.consumerDone,
    { records: count, commits, perInstance: [...perInstance] },
    fill(t.consumerDone, { count, commits }),
  );
  if (perInstance.length > 1) {
    perInstance.forEach((n, i) =>
      out.line(`  ${fill(t.perInstance, { instance: i + 1, count: n })}`)
    );
  }
}

/** Guided step 3: whether every acknowledged message reached the consumer. */
export function renderArrival({ t }: View, guide: Guide, a: Arrival): void {
  const data = { sent: a.sent, received: a.arrived };
  if (a.arrived === a.count && a.failed === 0) {
    guide.ok(
      fill(t.allArrived, { count: a.count, group: a.group }),
      data,
      LAB2_EVENTS.checkArrived,
    );
  } else {
    const vars = { got: a.arrived, count: a.count, seconds: ARRIVAL_WAIT_SECONDS };
    guide.fail(fill(t.missing, vars), data, LAB2_EVENTS.checkArrived);
  }
  if (a.older > 0) guide.note(fill(t.olderToo, { count: a.older }));
}

/** Guided step 4: the same group read nothing again (else how many it read). */
export function renderReadAgain({ t }: View, guide: Guide, records: number): void {
  if (records === 0) guide.ok(t.nothingNew, { records }, LAB2_EVENTS.checkAgain);
  else guide.fail(fill(t.readAgain, { count: records }), { records }, LAB2_EVENTS.checkAgain);
}

/** Guided step 5: a new group read the whole topic (else how much of it). */
export function renderNewGroup({ t }: View, guide: Guide, read: NewGroupRead): void {
  const { group, records: count, total } = read;
  if (count === total) {
    guide.ok(fill(t.newGroupRead, { group, count }), read, LAB2_EVENTS.checkNewGroup);
  } else {
    guide.fail(fill(t.newGroupShort, { group, count, total }), read, LAB2_EVENTS.checkNewGroup);
  }
}
