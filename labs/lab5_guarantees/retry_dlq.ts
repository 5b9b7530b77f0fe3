/**
 * Part 6's experiment: a retry topic and a dead letter queue. A handler that
 * fails now and then is not retried in place (that would block its
 * partition): the record goes to `<topic>.retry` with an attempt counter and
 * a not-before time, a retry consumer handles it again after the delay, and
 * after `maxAttempts` failures it goes to `<topic>.dlq` with the reason.
 * Records sent twice are dropped by their message-id header. Every input id
 * must end processed once or in the DLQ. `retry_render.ts` shows it.
 * @module
 */
import type { Consumer, Kafka, Producer } from "../../lib/kafka/port.ts";
import type { Context } from "../../lib/context.ts";
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
import {
  createTopic,
  idRecord,
  readAll,
  type ReadRecord,
  recordId,
  runName,
  shortHex,
} from "./records.ts";
import type { Emit } from "./steps.ts";

/** Settings of part 6. */
export interface RetrySettings {
  readonly prefix: string;
  readonly count: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly keepTopics: boolean;
}

/** What part 6 reports while it runs: the input is written. */
export interface RetryStep {
  readonly kind: "produced";
  readonly topic: string;
  /** Records written, the copies included. */
  readonly records: number;
  /** Distinct ids among them. */
  readonly ids: number;
}

/** Where the records ended, and what the retry path did on the way. */
export interface RetryFigures extends RetryOutcome {
  readonly retried: number;
  readonly duplicatesDropped: number;
  /** DLQ records that carry their reason. */
  readonly dlqReasons: number;
}

/** A record of the DLQ, as a sample of what it carries. */
export interface DlqSample {
  readonly id: string;
  readonly attempt?: string;
  readonly reason?: string;
}

/** What part 6 measured. */
export interface RetryResult {
  readonly figures: RetryFigures;
  /** Every id was processed or dead-lettered before the deadline. */
  readonly finished: boolean;
  /** Ids processed or dead-lettered by the deadline, of `count`. */
  readonly settled: number;
  readonly count: number;
  /** The first record of the DLQ, if any. */
  readonly sample?: DlqSample;
}

const RULE = { failEvery: 4, failTimes: 2, poisonEvery: 15 };
/** The reason the demo handler's failures carry to the retry topic and the DLQ. */
const DEMO_ERROR = "DemoHandlerError";

function numberOf(id: string): number {
  return Number(id.slice(id.lastIndexOf("-") + 1));
}

/** The topics of one run. */
interface Topics {
  readonly topic: string;
  readonly retry: string;
  readonly dlq: string;
}

/**
 * The demo application: a handler that fails by {@linkcode RULE}, the routing
 * of a failed record to the retry topic or the DLQ, and what it counted.
 */
class RetryDemo {
  readonly processed: string[] = [];
  readonly done = new Set<string>();
  readonly #seen = new Set<string>();
  readonly #producer: Producer;
  readonly #topics: Topics;
  readonly #maxAttempts: number;
  readonly #baseDelayMs: number;
  retried = 0;
  duplicates = 0;

  constructor(producer: Producer, topics: Topics, s: RetrySettings) {
    this.#producer = producer;
    this.#topics = topics;
    this.#maxAttempts = s.maxAttempts;
    this.#baseDelayMs = s.baseDelayMs;
  }

  /** A record of the main topic: a copy of an id seen before is dropped. */
  async onMain(id: string): Promise<void> {
    if (this.#seen.has(id)) {
      this.duplicates++;
      return;
    }
    this.#seen.add(id);
    await this.#handle(id, 0);
  }

  /** A record of the retry topic: handled again once its not-before time has come. */
  async onRetry(id: string, headers: Record<string, unknown> | undefined): Promise<void> {
    const { attempt, notBefore } = retryState(headers);
    if (notBefore > Date.now()) await sleep(Math.min(notBefore - Date.now(), 10_000));
    await this.#handle(id, attempt);
  }

  async #handle(id: string, attempt: number): Promise<void> {
    if (demoHandlerFails(numberOf(id), attempt, RULE)) {
      // the reason header holds the error's class name, as an application would store it
      await this.#route(id, attempt, DEMO_ERROR);
      return;
    }
    this.processed.push(id);
    this.done.add(id);
  }

  async #route(id: string, attempt: number, reason: string): Promise<void> {
    const { topic, retry, dlq } = this.#topics;
    const failures = attempt + 1;
    const to = routeAfterFailure(failures, this.#maxAttempts) === "dlq" ? dlq : retry;
    const notBefore = Date.now() + retryDelayMs(failures, this.#baseDelayMs);
    const headers = failureHeaders({ id, attempt: failures, notBefore, reason, origin: topic });
    await this.#producer.send({ topic: to, acks: -1, messages: [{ value: id, headers }] });
    if (to === dlq) this.done.add(id);
    else this.retried++;
  }
}

/** Runs part 6's experiment. */
export async function runRetry(
  ctx: Context,
  s: RetrySettings,
  emit: Emit<RetryStep>,
): Promise<RetryResult> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "orders", hex);
  const topics: Topics = { topic, retry: `${topic}.retry`, dlq: `${topic}.dlq` };
  const groups = [`${topic}.main`, `${topic}.retrier`];
  await kafka.withAdmin(async (admin) => {
    for (const name of Object.values(topics)) await createTopic(admin, { topic: name });
  });
  const producer = await kafka.connect(
    kafka.producer({ idempotent: true, maxInFlightRequests: 1 }),
  );
  const ids = Array.from({ length: s.count }, (_, i) => recordId(hex, i + 1));
  const demo = new RetryDemo(producer, topics, s);
  const consumers: Consumer[] = [];
  try {
    emit(await writeInput(producer, topic, ids));
    consumers.push(await runConsumer(ctx, topic, groups[0], (id) => demo.onMain(id)));
    consumers.push(await runConsumer(ctx, topics.retry, groups[1], (id, h) => demo.onRetry(id, h)));
    const finished = await waitFor(() => ids.every((id) => demo.done.has(id)), {
      timeoutMs: 60_000,
      intervalMs: 100,
      signal: ctx.signal,
    });
    const settled = { finished: finished === true, settled: demo.done.size, count: ids.length };
    return { ...settled, ...outcome(demo, ids, await readAll(kafka, topics.dlq)) };
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => {})));
    await producer.disconnect().catch(() => {});
    if (!s.keepTopics) await deleteRun(kafka, topics, groups);
  }
}

/** The input: every id once, every 10th twice, as an at-least-once producer upstream might. */
async function writeInput(producer: Producer, topic: string, ids: string[]): Promise<RetryStep> {
  const input = ids.flatMap((id, i) => (i + 1) % 10 === 0 ? [id, id] : [id]);
  await producer.send({ topic, acks: -1, messages: input.map((id) => idRecord(id)) });
  return { kind: "produced", topic, records: input.length, ids: ids.length };
}

/** Where each id ended, from the demo's counts and the DLQ read back. */
function outcome(
  demo: RetryDemo,
  ids: readonly string[],
  dead: readonly ReadRecord[],
): Pick<RetryResult, "figures" | "sample"> {
  const dlqIds = dead.map((d) => d.headers[ID_HEADER] ?? d.id);
  const figures: RetryFigures = {
    ...retryOutcome(ids, demo.processed, dlqIds),
    retried: demo.retried,
    duplicatesDropped: demo.duplicates,
    dlqReasons: dead.filter((d) => d.headers[RETRY_HEADERS.reason]).length,
  };
  const first = dead[0];
  const sample = first && {
    id: first.id,
    attempt: first.headers[RETRY_HEADERS.attempt],
    reason: first.headers[RETRY_HEADERS.reason],
  };
  return { figures, sample };
}

async function deleteRun(kafka: Kafka, topics: Topics, groups: string[]): Promise<void> {
  await kafka.withAdmin(async (admin) => {
    await admin.deleteGroups(groups).catch(() => {});
    await admin.deleteTopics({ topics: Object.values(topics) });
  }).catch(() => {});
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
