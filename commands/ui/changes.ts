/**
 * What the console changes, each behind the token (`security.ts`): create and
 * delete a topic, set or remove a topic config, produce one record. Each
 * answer is JSON; bad input is a 400 with both languages' text.
 * @module
 */
import { KafkaLabError, protocolErrorType, UsageError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";
import { LeaderlessError } from "../../lib/kafka/leaderless.ts";
import type { Admin, Kafka } from "../../lib/kafka/port.ts";
import { deleteTopic, ensureTopic } from "../../lib/kafka/topics.ts";
import { topicNotFound } from "../../lib/inspect/reader.ts";
import type { WireSnapshot } from "./admin_holder.ts";
import { topicConfigs } from "./data.ts";

/** A JSON body as an object (anything else: empty). */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const body = await request.json().catch(() => ({}));
  return body !== null && typeof body === "object" && !Array.isArray(body)
    ? body as Record<string, unknown>
    : {};
}

function badField(field: string): UsageError {
  return new UsageError(
    fillText(t("bad or missing field '{field}'", "неверное или пустое поле '{field}'"), { field }),
  );
}

function positiveInt(value: unknown, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw badField(field);
  return n;
}

function stringMap(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw badField(field);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string" || k === "") throw badField(field);
    out[k] = v;
  }
  return out;
}

/** Creates a topic; an existing one is refused (409 by the caller). */
export async function createTopicChange(
  admin: Admin,
  body: Record<string, unknown>,
): Promise<{ created: boolean; name: string; partitions: number; replicationFactor: number }> {
  if (typeof body.name !== "string" || body.name === "") throw badField("name");
  const spec = {
    name: body.name,
    partitions: positiveInt(body.partitions ?? 1, "partitions"),
    replicationFactor: positiveInt(body.replicationFactor ?? 1, "replicationFactor"),
    configs: stringMap(body.configs, "configs"),
  };
  const result = await ensureTopic(admin, spec);
  return {
    created: result.status === "created",
    name: spec.name,
    partitions: result.layout.partitions.length,
    replicationFactor: result.layout.replicationFactor,
  };
}

/** Deletes a topic; false when it did not exist. */
export async function deleteTopicChange(admin: Admin, name: string): Promise<boolean> {
  return await deleteTopic(admin, name);
}

/**
 * Sets (`value` a string) or removes (`value` null: back to the inherited
 * value) one config of a topic. AlterConfigs replaces every config set on the
 * topic, so the others set there are sent along unchanged.
 */
export async function alterConfigChange(
  admin: Admin,
  topic: string,
  body: Record<string, unknown>,
): Promise<{ topic: string; name: string; value: string | null }> {
  if (typeof body.name !== "string" || body.name === "") throw badField("name");
  if (body.value !== null && typeof body.value !== "string") throw badField("value");
  const name = body.name;
  const current = await topicConfigs(admin, topic);
  const kept = current.filter((c) => c.source === "topic" && c.name !== name && c.value !== null)
    .map((c) => ({ name: c.name, value: c.value! }));
  const entries = body.value === null ? kept : [...kept, { name, value: body.value }];
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: 2, name: topic, configEntries: entries }],
    });
  } catch (err) {
    if (
      protocolErrorType(err) !== "INVALID_CONFIG" && protocolErrorType(err) !== "INVALID_REQUEST"
    ) {
      throw err;
    }
    throw new UsageError(
      fillText(
        t(
          "the broker refused {name}={value}: {detail}",
          "брокер отклонил {name}={value}: {detail}",
        ),
        { name, value: String(body.value), detail: (err as Error).message },
      ),
      t(
        "check the name and the value (e.g. retention.ms=3600000, min.insync.replicas=2)",
        "проверьте имя и значение (например, retention.ms=3600000, min.insync.replicas=2)",
      ),
    );
  }
  return { topic, name, value: body.value };
}

/** One record to produce from the console. */
export interface ProduceRequest {
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly partition?: number;
}

/** Reads a produce request's body. */
export function produceRequest(body: Record<string, unknown>): ProduceRequest {
  const text = (v: unknown, field: string) => {
    if (v === undefined || v === null || v === "") return null;
    if (typeof v !== "string") throw badField(field);
    return v;
  };
  const raw = body.partition;
  const partition = raw === undefined || raw === null || raw === "" ? undefined : Number(raw);
  if (partition !== undefined && (!Number.isInteger(partition) || partition < 0)) {
    throw badField("partition");
  }
  return {
    key: text(body.key, "key"),
    value: text(body.value, "value"),
    headers: stringMap(body.headers, "headers"),
    ...(partition !== undefined ? { partition } : {}),
  };
}

/**
 * Produces one record (acks from all in-sync replicas, idempotent) and says
 * where it was stored. A leaderless partition of the topic refuses at once.
 */
export async function produceChange(
  kafka: Kafka,
  snap: WireSnapshot,
  topic: string,
  record: ProduceRequest,
): Promise<{ topic: string; partition: number; offset: string }> {
  const layout = snap.topics.find((x) => x.name === topic);
  if (!layout) throw topicNotFound(topic);
  const none = snap.leaderless.filter((p) => p.topic === topic);
  if (none.length > 0) throw new LeaderlessError(none);
  if (record.partition !== undefined && record.partition >= layout.partitions.length) {
    throw badField("partition");
  }
  const producer = await kafka.connect(
    kafka.idempotentProducer({ allowAutoTopicCreation: false }),
  );
  try {
    const [meta] = await producer.send({
      topic,
      acks: -1,
      messages: [{
        key: record.key,
        value: record.value,
        headers: { ...record.headers },
        ...(record.partition !== undefined ? { partition: record.partition } : {}),
      }],
    });
    if (!meta) {
      throw new KafkaLabError(t("the broker did not say where", "брокер не сообщил, куда"));
    }
    return { topic, partition: meta.partition, offset: meta.baseOffset ?? meta.offset ?? "?" };
  } finally {
    await producer.disconnect().catch(() => {});
  }
}
