/**
 * The web console's JSON API: one handler per page, each answering with the
 * data `lib/inspect/` and `commands/ui/data.ts` return, and errors as both
 * languages' text with a hint.
 * @module
 */
import type { Kafka } from "../../lib/kafka/port.ts";
import { type AdminHolder, wireSnapshot } from "./admin_holder.ts";
import {
  alterConfigChange,
  createTopicChange,
  deleteTopicChange,
  jsonBody,
  produceChange,
  produceRequest,
} from "./changes.ts";
import type { Config } from "../../lib/config.ts";
import { ExitCode, KafkaLabError, translateError } from "../../lib/errors.ts";
import { fillText, t, type Text } from "../../lib/i18n.ts";
import type { Format } from "../../lib/inspect/decode.ts";
import { FORMATS } from "../../lib/inspect/decode.ts";
import {
  applyReset,
  assertInactive,
  describeGroup,
  listGroups,
  planReset,
} from "../../lib/inspect/groups.ts";
import { parsePosition } from "../../lib/inspect/position.ts";
import { type ShownRecord, showRecord } from "../../lib/inspect/show.ts";
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import {
  READER_GROUP_PREFIX,
  readTopic,
  topicNotFound,
  topicPartitions,
} from "../../lib/inspect/reader.ts";
import { clusterView, schemaVersion, subjects, topicDetail, topicList } from "./data.ts";

/** The most records the messages page asks for at once. */
export const MAX_MESSAGES = 200;

/** An API answer: status and JSON body. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** What the handlers need. */
export interface ApiContext {
  readonly config: Config;
  readonly kafka: Kafka;
  readonly admin: AdminHolder;
  readonly signal: AbortSignal;
}

function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

function text(t: Text | undefined): Text | undefined {
  return t ? { en: t.en, ru: t.ru } : undefined;
}

/** An error with the HTTP status it answers with (404 missing, 409 refused, 503 registry down). */
class StatusError extends Error {
  readonly status: number;
  readonly error: KafkaLabError;
  constructor(status: number, error: KafkaLabError) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

/** Rethrows a `KafkaLabError` as a {@linkcode StatusError}; other errors pass. */
function withStatus(status: number): (err: unknown) => never {
  return (err) => {
    if (
      err instanceof KafkaLabError && !(err instanceof LeaderlessError) &&
      err.exitCode !== ExitCode.unreachable
    ) {
      throw new StatusError(status, err);
    }
    throw err;
  };
}

/** Turns an error into an answer: 400 usage, 503 unreachable, the status it carries, else 500. */
export function errorAnswer(err: unknown, kafka?: Kafka): ApiAnswer {
  if (err instanceof LeaderlessError) {
    return { status: 503, body: { error: text(err.text), hint: text(err.hintText) } };
  }
  if (err instanceof StatusError) {
    return {
      status: err.status,
      body: { error: text(err.error.text), hint: text(err.error.hintText) },
    };
  }
  const e = err instanceof KafkaLabError
    ? err
    : kafka
    ? translateError(kafka.translate(err))
    : translateError(err);
  const status = e.exitCode === ExitCode.usage
    ? 400
    : e.exitCode === ExitCode.unreachable
    ? 503
    : 500;
  return { status, body: { error: text(e.text), hint: text(e.hintText) } };
}

/** The registry did not answer as expected. */
function registryDown(url: string): (err: unknown) => never {
  return (err) => {
    throw new StatusError(
      503,
      new KafkaLabError(
        fillText(
          t(
            "the Schema Registry at {url} did not answer: {reason}",
            "Schema Registry по адресу {url} не ответил: {reason}",
          ),
          { url, reason: (err as Error).message },
        ),
        {
          hint: t(
            "start the local cluster with `kafka-lab up`, or set SCHEMA_REGISTRY_URL",
            "запустите локальный кластер (`kafka-lab up`) или задайте SCHEMA_REGISTRY_URL",
          ),
        },
      ),
    );
  };
}

/** The partitions to read: one, or every one (`partition=all`). */
function wantedPartitions(query: URLSearchParams): number[] | "all" | undefined {
  const raw = query.get("partition") ?? "0";
  if (raw === "all") return "all";
  const p = Number(raw);
  return Number.isInteger(p) && p >= 0 ? [p] : undefined;
}

/**
 * The newest records of one partition or of all (`partition=all`: the newest
 * `limit` of each, merged newest first by time, cut to `limit`).
 */
async function messages(
  ctx: ApiContext,
  topic: string,
  query: URLSearchParams,
): Promise<ApiAnswer> {
  const wanted = wantedPartitions(query);
  const limit = Math.min(MAX_MESSAGES, Math.max(1, Number(query.get("limit") ?? "50") || 50));
  const format = (query.get("format") ?? "auto") as Format;
  if (!FORMATS.includes(format) || wanted === undefined) {
    return { status: 400, body: { error: { en: "bad query", ru: "неверный запрос" } } };
  }
  const partitions = await ctx.admin.use(async (a, snap) => {
    const none = snap.leaderless.filter((p) => p.topic === topic);
    // kafkajs' consumer cannot read any partition of a topic while one has no leader.
    if (none.length > 0) throw new LeaderlessError(none);
    return await topicPartitions(a, topic);
  }).catch(withStatus(404));
  const read = wanted === "all" ? partitions : wanted;
  if (!read.every((p) => partitions.includes(p))) {
    withStatus(404)(topicNotFound(`${topic}[${read.join(",")}]`));
  }
  const records: ShownRecord[] = [];
  const summary = await readTopic(ctx.kafka, {
    topic,
    groupPrefix: ctx.config.prefix,
    from: { kind: "offset", offset: BigInt(-limit) },
    partitions: read,
    count: limit * read.length,
    follow: false,
    signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(30_000)]),
    onRecord: (r) => {
      records.push(showRecord(r, format));
    },
  });
  const newest = records.sort((x, y) =>
    Number(BigInt(y.timestamp) - BigInt(x.timestamp)) ||
    x.partition - y.partition || Number(BigInt(y.offset) - BigInt(x.offset))
  ).slice(0, limit);
  return ok({
    topic,
    partition: wanted === "all" ? "all" : wanted[0],
    ranges: summary.ranges,
    range: summary.ranges[0],
    records: newest,
  });
}

/** Every group with its total lag (null when it cannot be read now). */
async function groupList(ctx: ApiContext): Promise<ApiAnswer> {
  return ok(
    await ctx.admin.use(async (admin, snap) => {
      const all = (await listGroups(admin, snap.topics)).filter((g) =>
        !g.group.startsWith(READER_GROUP_PREFIX)
      );
      const lags = await Promise.all(
        all.map((g) =>
          describeGroup(admin, g.group, snap.topics).then((d) => d.totalLag, (err) => {
            if (err instanceof KafkaLabError) return null;
            throw err;
          })
        ),
      );
      return {
        groups: all.map((g, i) => ({ ...g, totalLag: lags[i] })),
        leaderless: snap.leaderless,
      };
    }),
  );
}

async function resetGroup(ctx: ApiContext, group: string, request: Request): Promise<ApiAnswer> {
  const body = await request.json().catch(() => ({})) as {
    topic?: unknown;
    to?: unknown;
    dryRun?: unknown;
  };
  if (typeof body.topic !== "string" || typeof body.to !== "string") {
    return {
      status: 400,
      body: { error: { en: "topic and to are required", ru: "нужны topic и to" } },
    };
  }
  const position = parsePosition(body.to, "to");
  const topic = body.topic;
  return await ctx.admin.use(async (admin) => {
    await topicPartitions(admin, topic).catch(withStatus(404));
    await assertInactive(admin, group, "reset").catch(withStatus(409));
    const plan = await planReset(admin, group, topic, position);
    if (body.dryRun !== true) await applyReset(admin, plan);
    return ok({ ...plan, applied: body.dryRun !== true });
  });
}

/** The changes to topics: create, delete, set a config, produce a record. */
async function topicChange(
  ctx: ApiContext,
  request: Request,
  parts: readonly string[],
): Promise<ApiAnswer | undefined> {
  const method = request.method;
  const body = await jsonBody(request);
  const topic = parts[1];
  if (method === "POST" && parts.length === 1) {
    const done = await ctx.admin.use((a) => createTopicChange(a, body));
    if (!done.created) {
      return withStatus(409)(
        new KafkaLabError(fillText(
          t("topic {name} already exists", "топик {name} уже существует"),
          { name: done.name },
        )),
      );
    }
    return { status: 201, body: done };
  }
  if (method === "DELETE" && parts.length === 2) {
    const deleted = await ctx.admin.use((a) => deleteTopicChange(a, topic));
    return deleted ? ok({ deleted: topic }) : withStatus(404)(topicNotFound(topic));
  }
  if (method === "POST" && parts.length === 3 && parts[2] === "configs") {
    return ok(
      await ctx.admin.use(async (a, snap) => {
        if (!snap.topics.some((x) => x.name === topic)) withStatus(404)(topicNotFound(topic));
        return await alterConfigChange(a, topic, body);
      }),
    );
  }
  if (method === "POST" && parts.length === 3 && parts[2] === "records") {
    const record = produceRequest(body);
    const snap = await wireSnapshot(ctx.kafka);
    if (!snap.topics.some((x) => x.name === topic)) withStatus(404)(topicNotFound(topic));
    return ok(await produceChange(ctx.kafka, snap, topic, record));
  }
  return undefined;
}

/** The consumer group routes: the list, one group, its offset reset. */
async function groupRoute(
  ctx: ApiContext,
  request: Request,
  parts: readonly string[],
): Promise<ApiAnswer | undefined> {
  const method = request.method;
  if (method === "GET" && parts.length === 1) return await groupList(ctx);
  if (method === "GET" && parts.length === 2) {
    return ok(
      await ctx.admin.use(async (a, snap) => ({
        ...(await describeGroup(a, parts[1], snap.topics)),
        leaderless: snap.leaderless,
      })).catch(withStatus(404)),
    );
  }
  if (method === "POST" && parts.length === 3 && parts[2] === "reset") {
    return await resetGroup(ctx, parts[1], request);
  }
  return undefined;
}

/** Routes an API request (`/api/...`); undefined when no route matches. */
export async function handleApi(
  ctx: ApiContext,
  request: Request,
  url: URL,
): Promise<ApiAnswer | undefined> {
  let parts: string[];
  try {
    parts = url.pathname.split("/").slice(2).map(decodeURIComponent);
  } catch {
    return {
      status: 400,
      body: {
        error: {
          en: "the address holds a bad %-encoding (a % must be followed by two hex digits)",
          ru: "в адресе неверная %-кодировка (после % должны идти две шестнадцатеричные цифры)",
        },
      },
    };
  }
  const method = request.method;
  try {
    if (method === "GET" && parts[0] === "brokers" && parts.length === 1) {
      return ok(await clusterView(ctx.kafka, ctx.config));
    }
    if (method === "GET" && parts[0] === "topics") {
      if (parts.length === 1) return ok(await ctx.admin.use(topicList));
      if (parts.length === 2) {
        const detail = await ctx.admin.use((a, snap) => topicDetail(a, snap, parts[1]));
        if (!detail) return withStatus(404)(topicNotFound(parts[1]));
        // The registered brokers, for the grid's "up" and "down".
        const { brokers } = await ctx.kafka.cluster();
        return ok({ ...detail, up: brokers.map((b) => b.nodeId) });
      }
      if (parts.length === 3 && parts[2] === "messages") {
        return await messages(ctx, parts[1], url.searchParams);
      }
    }
    if (parts[0] === "topics" && method !== "GET") return await topicChange(ctx, request, parts);
    if (parts[0] === "groups") return await groupRoute(ctx, request, parts);
    if (method === "GET" && parts[0] === "schemas") {
      const url = ctx.config.registryUrl;
      const auth = ctx.config.registryAuth;
      if (parts.length === 1) return ok(await subjects(url, auth).catch(registryDown(url)));
      if (parts.length === 3) {
        return ok(await schemaVersion(url, parts[1], parts[2], auth).catch(registryDown(url)));
      }
    }
    return undefined;
  } catch (err) {
    return errorAnswer(err, ctx.kafka);
  }
}
