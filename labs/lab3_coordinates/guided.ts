/**
 * Lab 3's guided run, step by step as in the manual: the topics, the schema,
 * the validating producer, a careless producer's bad records, the validating
 * consumer with its dead letter topic. Each step opens with its heading, runs
 * its experiment and hands the result to a renderer (`render.ts`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, ordinal } from "../../lib/i18n.ts";
import { consumeCoordinates, ensureTopics } from "./consume.ts";
import { injectRogue } from "./inject.ts";
import {
  type ConsumeResult,
  dlqTopicOf,
  type Injected,
  lettered,
  type ProduceResult,
  readBack,
  type Registration,
  type RogueKind,
} from "./model.ts";
import { produceCoordinates } from "./produce.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import { namesOf, registerSchema } from "./register.ts";
import {
  consumeRenderer,
  produceRenderer,
  renderConsumerDone,
  renderInjected,
  renderLettered,
  renderProducerDone,
  renderReadBack,
  renderRegistration,
  renderTopicsReady,
  type View,
  viewOf,
} from "./render.ts";

interface Run {
  readonly ctx: Context;
  /** The results of the steps are indented under their headings. */
  readonly view: View;
  readonly guide: Guide;
  readonly topic: string;
  readonly dlq: string;
  readonly subject: string;
  readonly group: string;
}

/** The batch.size of the guided run, as in the seed. */
const BATCH_BYTES = 1000;

/** Runs lab 3 from the theory to the control questions. */
export async function guided(
  ctx: Context,
  args: ParsedArgs<typeof GUIDED_OPTIONS>,
): Promise<number> {
  const v = args.values;
  const { topic, subject } = namesOf(ctx.config.names, v);
  const view = viewOf(ctx, "  ");
  const { t } = view;
  const run: Run = {
    ctx,
    view,
    guide: Guide.begin(ctx, "lab3", t, 5),
    topic,
    dlq: dlqTopicOf(topic),
    subject,
    group: ctx.config.names.group(v.group),
  };
  await createTopics(run);
  const registration = await registerTheSchema(run);
  const produced = await produceValidated(run, {
    count: v.count,
    rate: v.rate,
    invalidEvery: v["invalid-every"],
    lingerMs: v["linger-ms"],
  });
  if (ctx.signal.aborted) return run.guide.done([]);
  const injected = await injectBadRecords(run);
  const consumed = await consumeAndCheck(run, secondsToMs(v["idle-timeout"])!, {
    produced,
    injected,
  });
  return run.guide.done([
    fill(t.summarySchema, { id: registration.id, subject: run.subject }),
    fill(t.summaryProduced, { delivered: produced.delivered.length, rejected: produced.rejected }),
    fill(t.summaryConsumed, {
      good: consumed.good.length,
      invalid: consumed.dead.length,
      dlq: run.dlq,
    }),
  ]);
}

/** Step 1: the topic and its dead letter topic. */
async function createTopics({ ctx, view, guide, topic, dlq }: Run): Promise<void> {
  guide.step(fill(view.t.stepTopics, { topic, dlq }), fill(view.t.stepTopicsExplain, { topic }));
  const created = await ensureTopics(ctx, topic, dlq);
  renderTopicsReady(view, guide, { names: [topic, dlq], created });
}

/** Step 2: the schema registered under the subject and fetched back. */
async function registerTheSchema({ ctx, view, guide, subject }: Run): Promise<Registration> {
  guide.step(fill(view.t.stepRegister, { subject }), fill(view.t.stepRegisterExplain, { subject }));
  const registration = await registerSchema(ctx, subject);
  renderRegistration(view, { subject, registration });
  return registration;
}

/** Step 3: the producer validates each record before sending; broken ones are refused. */
async function produceValidated(
  { ctx, view, guide, topic, subject }: Run,
  p: { count: number; rate: number; invalidEvery: number; lingerMs: number },
): Promise<ProduceResult> {
  guide.step(
    fill(view.t.stepProduce, { count: p.count, nth: ordinal(p.invalidEvery, view.lang) }),
    fill(view.t.stepProduceExplain, { linger: p.lingerMs, batchBytes: BATCH_BYTES }),
  );
  const settings = { topic, subject, ...p, batchBytes: BATCH_BYTES };
  const produced = await produceCoordinates(ctx, settings, produceRenderer(view));
  renderProducerDone(view, produced);
  return produced;
}

/** Step 4: a careless producer writes records that skip the schema. */
async function injectBadRecords({ ctx, view, guide, topic, subject }: Run): Promise<Injected[]> {
  const kinds: RogueKind[] = ["raw-json", "missing-field"];
  guide.step(fill(view.t.stepInject, { count: kinds.length }), view.t.stepInjectExplain);
  return await injectRogue(
    ctx,
    { topic, subject, kinds },
    (injected) => renderInjected(view, { topic, ...injected }),
  );
}

/**
 * Step 5: the consumer validates each record; bad ones go to the dead letter
 * topic. Every record the producer delivered is read back as valid, and every
 * injected one reaches the dead letter topic.
 */
async function consumeAndCheck(
  run: Run,
  idleTimeoutMs: number,
  sent: { readonly produced: ProduceResult; readonly injected: readonly Injected[] },
): Promise<ConsumeResult> {
  const { ctx, view, guide, topic, dlq, group } = run;
  guide.step(fill(view.t.stepConsume, { group }), fill(view.t.stepConsumeExplain, { dlq }));
  const consumed = await consumeCoordinates(
    ctx,
    { topic, group, dlq, fromBeginning: false, idleTimeoutMs },
    consumeRenderer(view, { dlq, printLimit: 20 }),
  );
  renderConsumerDone(view, consumed);
  renderReadBack(view, guide, readBack(sent.produced, consumed));
  renderLettered(view, guide, { ...lettered(sent.injected, consumed), dlq });
  return consumed;
}
