/**
 * How lab 3 shows what its experiments found: each function takes a typed
 * result and writes its text lines (from the lab's text table) and its
 * `--json` events. The producer's and the consumer's per-record lines come
 * from {@linkcode produceRenderer} and {@linkcode consumeRenderer}, which the
 * experiments call as records go and come. Reasons are said in the user's
 * language here; the experiments keep them in English (as the dead letter
 * headers carry them). Nothing here talks to Kafka or the registry.
 *
 * @example
 * ```ts
 * const view = viewOf(ctx);
 * renderRegistration(view, { subject: "users_coordinates-value", registration });
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { Guide } from "../../lib/guide.ts";
import { fill, localize } from "../../lib/i18n.ts";
import type { Output } from "../../lib/output.ts";
import { describeIssues } from "../../lib/registry.ts";
import {
  type ConsumeObserver,
  type ConsumeResult,
  type DeadLetter,
  type Injected,
  type Lettered,
  type ProduceObserver,
  type ProduceResult,
  type ReadBack,
  type Registration,
  USER_COORDINATES_SCHEMA,
} from "./model.ts";
import { readerIssues } from "./reader.ts";
import { type Lab3Text, lab3Text } from "./text.ts";
import { LAB3_EVENTS } from "./events.ts";

/** Where lab 3's renderers write: the output, the texts in the user's language, an indent. */
export interface View {
  readonly out: Output;
  readonly t: Lab3Text;
  readonly lang: Lang;
  /** Put before each result line (the guided run indents under its steps). */
  readonly indent: string;
}

/** The view of a command run (`indent` for the guided run's steps). */
export function viewOf(ctx: Context, indent = ""): View {
  const lang = ctx.config.lang;
  return { out: ctx.out, t: lab3Text(lang), lang, indent };
}

/** Guided step 1: each of the topic and its dead letter topic exists. */
export function renderTopicsReady(
  { t }: View,
  guide: Guide,
  topics: { readonly names: readonly string[]; readonly created: readonly string[] },
): void {
  for (const topic of topics.names) {
    const line = fill(topics.created.includes(topic) ? t.topicCreated : t.topicReady, { topic });
    guide.ok(line, { topic }, LAB3_EVENTS.topicReady);
  }
}

const SCHEMA_TITLE = String(USER_COORDINATES_SCHEMA.title);

/** A registration: id, whether it is new, and the schema fetched back. */
export function renderRegistration(
  { out, t, indent }: View,
  r: { readonly subject: string; readonly registration: Registration },
): void {
  const { subject, registration: { id, isNew, schemaText } } = r;
  const line = fill(isNew ? t.registered : t.alreadyRegistered, {
    title: SCHEMA_TITLE,
    subject,
    id,
  });
  out.event(
    LAB3_EVENTS.schemaRegistered,
    { subject, id, new: isNew, schema: JSON.parse(schemaText) },
    `${indent}${out.style("green", "✓")} ${line}`,
  );
  out.text(`${indent}  ${fill(t.fetched, { id, schema: schemaText })}`);
}

/** The renderer the coordinates producer calls as records are made, batched and delivered. */
export function produceRenderer(view: View): ProduceObserver {
  const { out, t, lang, indent } = view;
  const why = { linger: t.whyLinger, size: t.whySize, close: t.whyClose };
  return {
    generated(n, record) {
      out.event(LAB3_EVENTS.generated, { n, record });
      out.text(`${indent}  ${fill(t.generated, { n, record: JSON.stringify(record) })}`);
    },
    rejected({ n, record, issues }) {
      const reason = describeIssues(issues);
      // The registry's validator speaks English; the same schema checked here speaks the user's language.
      const shown = lang === "en" ? reason : describeIssues(readerIssues(record, lang));
      out.event(
        LAB3_EVENTS.rejected,
        { n, record, reason, issues: [...issues] },
        `${indent}${out.style("red", "✗")} ${fill(t.rejected, { n, reason: shown })}`,
      );
    },
    batchSent({ records, bytes, reason }) {
      out.event(
        LAB3_EVENTS.batchSent,
        { records, bytes, reason },
        `${indent}${fill(t.batchSent, { count: records, bytes, why: why[reason] })}`,
      );
    },
    delivered(d) {
      const { n, key, record, topic, partition, offset } = d;
      out.event(
        LAB3_EVENTS.delivered,
        { n, key, record, topic, partition, offset },
        `${indent}${out.style("green", "✓")} ${
          fill(t.delivered, { id: key, topic, partition, offset })
        }`,
      );
    },
    failed({ n, key, error }) {
      out.event(
        LAB3_EVENTS.deliveryFailed,
        { n, key, error: error.message },
        `${indent}${out.style("red", "✗")} ${
          fill(t.deliveryFailed, { n, reason: localize(error.text, lang) })
        }`,
      );
    },
  };
}

/** The producer's totals. */
export function renderProducerDone({ out, t, indent }: View, result: ProduceResult): void {
  const { generated, rejected, failed, schemaId } = result;
  const delivered = result.delivered.length;
  out.event(
    LAB3_EVENTS.producerDone,
    { generated, delivered, rejected, failed, schemaId },
    `${indent}${fill(t.producerDone, { generated, delivered, rejected, failed })}`,
  );
}

/** A bad record written past the registry. */
export function renderInjected(
  { out, t, indent }: View,
  injected: Injected & { readonly topic: string },
): void {
  const { topic, kind, partition, offset } = injected;
  out.event(
    LAB3_EVENTS.injected,
    { topic, kind, partition, offset },
    `${indent}${out.style("green", "✓")} ${fill(t.injected, { ...injected })}`,
  );
}

/** `lab3 consume` without a stop condition: it waits until Ctrl+C. */
export function renderWaiting({ out, t }: View): void {
  out.text(t.waiting);
}

/** Why a record went to the dead letter topic, in the user's language. */
export function deadLetterReason({ t, lang }: View, letter: DeadLetter): string {
  if (lang === "en") return letter.reason;
  switch (letter.kind) {
    case "not-wire-format":
      return t.reasonNotWire;
    case "unknown-schema":
      return t.reasonUnknownSchema;
    case "invalid-json":
      return t.reasonInvalidJson;
    case "schema-violation":
      return fill(t.reasonSchema, {
        issues: describeIssues(readerIssues(letter.payload, lang)),
      });
  }
}

/**
 * The renderer the coordinates consumer calls as it resets offsets, reads a
 * valid record (at most `printLimit` lines; JSON gets all) or writes a dead
 * letter (always shown).
 */
export function consumeRenderer(
  view: View,
  look: { readonly dlq: string; readonly printLimit?: number },
): ConsumeObserver {
  const { out, t, indent } = view;
  let valid = 0;
  return {
    offsetsReset(group, topic) {
      out.event(
        LAB3_EVENTS.offsetsReset,
        { group, topic, to: "earliest" },
        `${indent}${fill(t.resetOffsets, { group, topic })}`,
      );
    },
    valid(where, value) {
      valid++;
      const vars = {
        id: String(value.id),
        longitude: String(value.longitude),
        latitude: String(value.latitude),
        ...where,
      };
      const human = look.printLimit === undefined || valid <= look.printLimit
        ? `${indent}${out.style("green", "✓")} ${fill(t.good, vars)}`
        : undefined;
      out.event(LAB3_EVENTS.valid, { ...where, value }, human);
    },
    deadLettered(where, letter) {
      const { kind, reason, dlqPartition, dlqOffset } = letter;
      const shown = deadLetterReason(view, letter);
      out.event(
        LAB3_EVENTS.deadLettered,
        { ...where, kind, reason, dlqPartition, dlqOffset, dlq: look.dlq },
        `${indent}${out.style("red", "✗")} ${
          fill(t.bad, { ...where, dlqPartition, dlqOffset, reason: shown, dlq: look.dlq })
        }`,
      );
    },
  };
}

/** The consumer's totals. */
export function renderConsumerDone({ out, t, indent }: View, result: ConsumeResult): void {
  const good = result.good.length;
  const invalid = result.dead.length;
  out.event(
    LAB3_EVENTS.consumerDone,
    { valid: good, invalid, deadLetters: invalid, commits: result.commits },
    `${indent}${fill(t.consumerDone, { good, invalid, dlq: invalid })}`,
  );
}

/** Guided: whether every delivered record was read back as valid. */
export function renderReadBack({ t }: View, guide: Guide, r: ReadBack): void {
  const data = { delivered: r.delivered, readBack: r.readBack };
  if (r.readBack === r.delivered && r.failed === 0) {
    guide.ok(fill(t.checkDelivered, { count: r.readBack }), data, LAB3_EVENTS.checkValid);
  } else {
    const vars = { got: r.readBack, count: r.delivered };
    guide.fail(fill(t.checkDeliveredMissing, vars), data, LAB3_EVENTS.checkValid);
  }
}

/** Guided: whether every injected record reached the dead letter topic. */
export function renderLettered({ t }: View, guide: Guide, l: Lettered & { dlq: string }): void {
  const data = { injected: l.injected, deadLetters: l.deadLetters };
  if (l.deadLetters === l.injected) {
    guide.ok(fill(t.checkDlq, { dlq: l.dlq }), data, LAB3_EVENTS.checkDlq);
  } else {
    const vars = { got: l.deadLetters, count: l.injected, dlq: l.dlq };
    guide.fail(fill(t.checkDlqMissing, vars), data, LAB3_EVENTS.checkDlq);
  }
}
