/**
 * Part 6: a retry topic and a dead letter queue. A handler that fails now and
 * then is not retried in place (that would block its partition): the record
 * goes to `<topic>.retry` with an attempt counter and a not-before time, a
 * retry consumer handles it again after the delay, and after `maxAttempts`
 * failures it goes to `<topic>.dlq` with the reason. Records sent twice are
 * dropped by their message-id header. Every input id must end processed once
 * or in the DLQ.
 * @module
 */
import type { Consumer } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { sleep, waitFor } from "../../lib/time.ts";
import {
  demoHandlerFails,
  failureHeaders,
  headerText,
  ID_HEADER,
  RETRY_HEADERS,
  retryDelayMs,
  type RetryOutcome,
  retryOutcome,
  retryState,
  routeAfterFailure,
} from "./model.ts";
import { createTopic, idRecord, readAll, recordId, runName, shortHex } from "./records.ts";
import type { Reporter, Text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 6. */
export interface RetrySettings {
  readonly prefix: string;
  readonly count: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly keepTopics: boolean;
}

/** What part 6 measured. */
export interface RetryResult extends RetryOutcome {
  readonly retried: number;
  readonly duplicatesDropped: number;
  readonly dlqReasons: number;
}

const RULE = { failEvery: 4, failTimes: 2, poisonEvery: 15 };
/** The reason the demo handler's failures carry to the retry topic and the DLQ. */
const DEMO_ERROR = "DemoHandlerError";

function numberOf(id: string): number {
  return Number(id.slice(id.lastIndexOf("-") + 1));
}

interface State {
  readonly processed: string[];
  readonly seen: Set<string>;
  readonly done: Set<string>;
  retried: number;
  duplicates: number;
}

/** Runs part 6. */
export async function runRetry(
  ctx: Context,
  t: Text,
  r: Reporter,
  s: RetrySettings,
): Promise<RetryResult> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "orders", hex);
  const retry = `${topic}.retry`;
  const dlq = `${topic}.dlq`;
  await kafka.withAdmin(async (admin) => {
    for (const name of [topic, retry, dlq]) await createTopic(admin, { topic: name });
  });
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const ids = Array.from({ length: s.count }, (_, i) => recordId(hex, i + 1));
  const st: State = { processed: [], seen: new Set(), done: new Set(), retried: 0, duplicates: 0 };
  const consumers: Consumer[] = [];
  try {
    // every 10th record twice, as an at-least-once producer upstream might
    const input = ids.flatMap((id, i) => (i + 1) % 10 === 0 ? [id, id] : [id]);
    await producer.send({ topic, acks: -1, messages: input.map((id) => idRecord(id)) });
    r.ok(fill(t.retryProduced, { records: input.length, ids: ids.length, topic }), {
      topic,
      records: input.length,
    }, LAB5_EVENTS.retryProduced);
    const route = async (id: string, attempt: number, reason: string) => {
      const failures = attempt + 1;
      const to = routeAfterFailure(failures, s.maxAttempts) === "dlq" ? dlq : retry;
      const notBefore = Date.now() + retryDelayMs(failures, s.baseDelayMs);
      const headers = failureHeaders({ id, attempt: failures, notBefore, reason, origin: topic });
      await producer.send({ topic: to, acks: -1, messages: [{ value: id, headers }] });
      if (to === dlq) st.done.add(id);
      else st.retried++;
    };
    const handle = async (id: string, attempt: number) => {
      if (demoHandlerFails(numberOf(id), attempt, RULE)) {
        // the reason header holds the error's class name, as an application would store it
        await route(id, attempt, DEMO_ERROR);
        return;
      }
      st.processed.push(id);
      st.done.add(id);
    };
    consumers.push(
      await runConsumer(ctx, topic, `${topic}.main`, async (id) => {
        if (st.seen.has(id)) {
          st.duplicates++;
          return;
        }
        st.seen.add(id);
        await handle(id, 0);
      }),
    );
    consumers.push(
      await runConsumer(ctx, retry, `${topic}.retrier`, async (id, headers) => {
        const { attempt, notBefore } = retryState(headers);
        if (notBefore > Date.now()) await sleep(Math.min(notBefore - Date.now(), 10_000));
        await handle(id, attempt);
      }),
    );
    const finished = await waitFor(() => ids.every((id) => st.done.has(id)), {
      timeoutMs: 60_000,
      intervalMs: 100,
      signal: ctx.signal,
    });
    if (!finished) {
      r.fail(
        fill(t.retryTimeout, { done: st.done.size, count: ids.length }),
        {},
        LAB5_EVENTS.retryTimeout,
      );
    }
    const dead = await readAll(kafka, dlq);
    const withReason = dead.filter((d) => d.headers[RETRY_HEADERS.reason]).length;
    const outcome = retryOutcome(ids, st.processed, dead.map((d) => d.headers[ID_HEADER] ?? d.id));
    const result: RetryResult = {
      ...outcome,
      retried: st.retried,
      duplicatesDropped: st.duplicates,
      dlqReasons: withReason,
    };
    const ok = outcome.lost === 0 && outcome.processedTwice === 0 &&
      withReason === outcome.inDlq;
    r[ok ? "ok" : "fail"](
      fill(t.retryResult, { ...result }),
      { ...result },
      LAB5_EVENTS.retryResult,
    );
    if (dead[0]) {
      r.note(fill(t.retryDlqSample, {
        id: dead[0].id,
        attempt: dead[0].headers[RETRY_HEADERS.attempt] ?? "?",
        reason: dead[0].headers[RETRY_HEADERS.reason] ?? "?",
      }));
    }
    return result;
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => {})));
    await producer.disconnect().catch(() => {});
    if (!s.keepTopics) {
      await kafka.withAdmin(async (admin) => {
        await admin.deleteGroups([`${topic}.main`, `${topic}.retrier`]).catch(() => {});
        await admin.deleteTopics({ topics: [topic, retry, dlq] });
      }).catch(() => {});
    }
  }
}

/** A consumer that hands each record's id and headers to `fn`, committing after it. */
async function runConsumer(
  ctx: Context,
  topic: string,
  groupId: string,
  fn: (id: string, headers: Record<string, unknown> | undefined) => Promise<void>,
): Promise<Consumer> {
  const kafka = await ctx.kafka();
  const consumer = await kafka.connect(kafka.consumer({ groupId, maxWaitTimeInMs: 100 }));
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = headerText(message.headers, ID_HEADER) ?? message.value?.toString() ?? "";
      await fn(id, message.headers);
    },
  });
  return consumer;
}
