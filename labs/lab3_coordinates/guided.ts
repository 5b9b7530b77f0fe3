/**
 * Lab 3's guided run, step by step as in the manual: the topics, the schema,
 * the validating producer, a careless producer's bad records, the validating
 * consumer with its dead letter topic.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { secondsToMs } from "../../lib/cli/lab_options.ts";
import type { Context } from "../../lib/context.ts";
import { Guide } from "../../lib/guide.ts";
import { fill, ordinal } from "../../lib/i18n.ts";
import { consumeCoordinates, type ConsumeResult, ensureTopics } from "./consume.ts";
import { type Injected, injectRogue } from "./inject.ts";
import { dlqTopicOf, type RogueKind } from "./model.ts";
import { produceCoordinates, type ProduceResult } from "./produce.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import { namesOf, registerSchema, type Registration, reportRegistration } from "./register.ts";
import { type Lab3Text, lab3Text } from "./text.ts";
import { LAB3_EVENTS } from "./events.ts";

interface Run {
  readonly ctx: Context;
  readonly t: Lab3Text;
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
  const t = lab3Text(ctx.config.lang);
  const run: Run = {
    ctx,
    t,
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
  const consumed = await consumeAndCheck(run, secondsToMs(v["idle-timeout"])!);
  checkValidReadBack(run, produced, consumed);
  checkDeadLetters(run, injected, consumed);
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
async function createTopics({ ctx, t, guide, topic, dlq }: Run): Promise<void> {
  guide.step(fill(t.stepTopics, { topic, dlq }), fill(t.stepTopicsExplain, { topic }));
  const created = await ensureTopics(ctx, topic, dlq);
  for (const name of [topic, dlq]) {
    guide.ok(fill(created.includes(name) ? t.topicCreated : t.topicReady, { topic: name }), {
      topic: name,
    }, LAB3_EVENTS.topicReady);
  }
}

/** Step 2: the schema registered under the subject and fetched back. */
async function registerTheSchema({ ctx, t, guide, subject }: Run): Promise<Registration> {
  guide.step(fill(t.stepRegister, { subject }), fill(t.stepRegisterExplain, { subject }));
  const registration = await registerSchema(ctx, subject);
  reportRegistration(ctx, t, subject, registration, "  ");
  return registration;
}

/** Step 3: the producer validates each record before sending; broken ones are refused. */
async function produceValidated(
  { ctx, t, guide, topic, subject }: Run,
  p: { count: number; rate: number; invalidEvery: number; lingerMs: number },
): Promise<ProduceResult> {
  guide.step(
    fill(t.stepProduce, { count: p.count, nth: ordinal(p.invalidEvery, ctx.config.lang) }),
    fill(t.stepProduceExplain, { linger: p.lingerMs, batchBytes: BATCH_BYTES }),
  );
  return await produceCoordinates(ctx, t, {
    topic,
    subject,
    ...p,
    batchBytes: BATCH_BYTES,
    indent: "  ",
  });
}

/** Step 4: a careless producer writes records that skip the schema. */
async function injectBadRecords({ ctx, t, guide, topic, subject }: Run): Promise<Injected[]> {
  const kinds: RogueKind[] = ["raw-json", "missing-field"];
  guide.step(fill(t.stepInject, { count: kinds.length }), t.stepInjectExplain);
  return await injectRogue(ctx, t, { topic, subject, kinds, indent: "  " });
}

/** Step 5: the consumer validates each record; bad ones go to the dead letter topic. */
async function consumeAndCheck(run: Run, idleTimeoutMs: number): Promise<ConsumeResult> {
  const { ctx, t, guide, topic, dlq, group } = run;
  guide.step(fill(t.stepConsume, { group }), fill(t.stepConsumeExplain, { dlq }));
  return await consumeCoordinates(ctx, t, {
    topic,
    group,
    dlq,
    fromBeginning: false,
    idleTimeoutMs,
    indent: "  ",
    printLimit: 20,
  });
}

const same =
  (a: { partition: number; offset: string }) => (b: { partition: number; offset: string }) =>
    a.partition === b.partition && a.offset === b.offset;

/** Every delivered record was read back as valid. */
function checkValidReadBack(run: Run, produced: ProduceResult, consumed: ConsumeResult): void {
  const { t, guide } = run;
  const readBack = produced.delivered.filter((d) => consumed.good.some(same(d))).length;
  const data = { delivered: produced.delivered.length, readBack };
  if (readBack === produced.delivered.length && produced.failed === 0) {
    guide.ok(fill(t.checkDelivered, { count: readBack }), data, LAB3_EVENTS.checkValid);
  } else {
    guide.fail(
      fill(t.checkDeliveredMissing, { got: readBack, count: produced.delivered.length }),
      data,
      LAB3_EVENTS.checkValid,
    );
  }
}

/** Every injected record reached the dead letter topic. */
function checkDeadLetters(run: Run, injected: Injected[], consumed: ConsumeResult): void {
  const { t, guide, dlq } = run;
  const lettered = injected.filter((i) => consumed.dead.some(same(i))).length;
  const data = { injected: injected.length, deadLetters: lettered };
  if (lettered === injected.length) {
    guide.ok(fill(t.checkDlq, { dlq }), data, LAB3_EVENTS.checkDlq);
  } else {
    guide.fail(
      fill(t.checkDlqMissing, { got: lettered, count: injected.length, dlq }),
      data,
      LAB3_EVENTS.checkDlq,
    );
  }
}
