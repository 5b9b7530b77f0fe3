/**
 * Lab 4's message model and the pure helpers around it: `MessageModel`
 * (`{"message_id":"<uuid>","content":"Test message 2886"}` as UTF-8 JSON
 * bytes), its strict reader with a typed reason for every way bytes can fail
 * to be a model, random messages from an injectable random source, and the
 * small calculations the consumers and the comparison print (offset spans,
 * rates, ratios), and the results the experiments return. Nothing here talks
 * to Kafka.
 *
 * @example
 * ```ts
 * const bytes = serialize({ message_id: "6f1c0e3a-...", content: "Test message 2886" });
 * deserialize(bytes).content; // "Test message 2886"
 * ```
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import type { StopReason } from "../../lib/kafka/consumer_loop.ts";
import type { Lang } from "../../lib/config.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import type { Lab4Text } from "./text.ts";

/** The seed's consumer groups, per mode. */
export const DEFAULT_GROUPS = {
  batch: "batch-group",
  single: "single-group",
} as const;

/** The record value both producers write and both consumers read. */
export interface MessageModel {
  /** A UUID, unique per message: what makes duplicate processing detectable. */
  readonly message_id: string;
  readonly content: string;
}

/** Why bytes are not a {@linkcode MessageModel}. */
export type InvalidReason =
  | "empty"
  | "not-utf8"
  | "not-json"
  | "not-object"
  | "message-id-missing"
  | "message-id-invalid"
  | "content-missing"
  | "content-invalid";

/**
 * Bytes that are not a valid {@linkcode MessageModel}. `reason` says which
 * rule failed; `found` is a short JSON rendering of the offending value, when
 * there is one (language-neutral, so labs can put it into either language).
 */
export class InvalidMessageError extends KafkaLabError {
  readonly reason: InvalidReason;
  readonly found?: string;

  constructor(reason: InvalidReason, message: string, found?: string) {
    super(found === undefined ? message : `${message}: ${found}`);
    this.name = "InvalidMessageError";
    this.reason = reason;
    this.found = found;
  }
}

/** At most `max` characters of a value's JSON, for error messages. */
export function snippet(value: unknown, max = 40): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Checks a parsed value against the model; returns a fresh model with exactly its two fields. */
export function toModel(value: unknown): MessageModel {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidMessageError("not-object", "the JSON value is not an object", snippet(value));
  }
  const o = value as Record<string, unknown>;
  if (!("message_id" in o) || o.message_id === undefined) {
    throw new InvalidMessageError("message-id-missing", "message_id is missing");
  }
  if (typeof o.message_id !== "string" || o.message_id.length === 0) {
    throw new InvalidMessageError(
      "message-id-invalid",
      "message_id is not a non-empty string",
      snippet(o.message_id),
    );
  }
  if (!("content" in o) || o.content === undefined) {
    throw new InvalidMessageError("content-missing", "content is missing");
  }
  if (typeof o.content !== "string") {
    throw new InvalidMessageError("content-invalid", "content is not a string", snippet(o.content));
  }
  return { message_id: o.message_id, content: o.content };
}

/**
 * The model as UTF-8 JSON bytes, fields in the order `message_id`, `content`.
 * Throws {@linkcode InvalidMessageError} for a model that breaks its own rules.
 */
export function serialize(model: MessageModel): Uint8Array {
  const checked = toModel(model);
  return new TextEncoder().encode(
    JSON.stringify({ message_id: checked.message_id, content: checked.content }),
  );
}

/**
 * Reads a model from a record value. Fields other than `message_id` and
 * `content` are ignored (a newer producer may add some). Throws
 * {@linkcode InvalidMessageError} with the reason when the bytes are empty,
 * not UTF-8, not JSON, not an object, or a field is missing or has the wrong type.
 */
export function deserialize(bytes: Uint8Array | null | undefined): MessageModel {
  if (bytes === null || bytes === undefined || bytes.length === 0) {
    throw new InvalidMessageError("empty", "the record has no value");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidMessageError("not-utf8", "the bytes are not UTF-8 text");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidMessageError("not-json", "the text is not JSON", snippet(text));
  }
  return toModel(value);
}

/** A source of numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** Random numbers from the platform's cryptographic generator. */
export const cryptoRandom: RandomSource = (): number =>
  crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;

/** A version 4 UUID built from `random` (deterministic for a deterministic source). */
export function randomUuid(random: RandomSource = cryptoRandom): string {
  const b = Array.from({ length: 16 }, () => Math.floor(random() * 256) & 0xff);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${
    hex.slice(20)
  }`;
}

/**
 * A random message: a fresh UUID and `Test message <1..9999>`.
 *
 * @example
 * ```ts
 * randomMessage(); // { message_id: "0b6c…", content: "Test message 2886" }
 * ```
 */
export function randomMessage(random: RandomSource = cryptoRandom): MessageModel {
  const message_id = randomUuid(random);
  const n = 1 + Math.min(9998, Math.floor(random() * 9999));
  return { message_id, content: `Test message ${n}` };
}

/** Where a batch sits in its partition: first and last offset and the offset a commit stores. */
export interface OffsetSpan {
  readonly partition: number;
  readonly first: string;
  readonly last: string;
  /** The next offset to read: last + 1. */
  readonly next: string;
}

/** The span of a batch of one partition's records (offsets are 64-bit decimal strings). */
export function offsetSpan(
  records: readonly { readonly partition: number; readonly offset: string }[],
): OffsetSpan {
  if (records.length === 0) throw new RangeError("an empty batch has no offsets");
  const partition = records[0].partition;
  if (records.some((r) => r.partition !== partition)) {
    throw new RangeError("a batch holds records of one partition");
  }
  const offsets = records.map((r) => BigInt(r.offset));
  const first = offsets.reduce((a, b) => (b < a ? b : a));
  const last = offsets.reduce((a, b) => (b > a ? b : a));
  return {
    partition,
    first: first.toString(),
    last: last.toString(),
    next: (last + 1n).toString(),
  };
}

/** Records per second, or undefined when no time was measured. */
export function perSecond(records: number, ms: number): number | undefined {
  return ms > 0 ? (records * 1000) / ms : undefined;
}

/** `a / b`, or undefined when `b` is zero or either is missing. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || b === 0) return undefined;
  return a / b;
}

/** A number for a table: one decimal (two below 10), or `-` when undefined. */
export function formatNumber(n: number | undefined, lang: Lang = "en"): string {
  if (n === undefined || !Number.isFinite(n)) return "-";
  return decimal(n, lang, n < 10 ? 2 : 1);
}

/** Milliseconds as seconds with two decimals. */
export function formatSeconds(ms: number, lang: Lang = "en"): string {
  return decimal(ms / 1000, lang, 2);
}

/** What one consumer run measured, as the comparison needs it. */
export interface RunFigures {
  readonly records: number;
  readonly commits: number;
  /** From the first record handled to the last commit. */
  readonly activeMs: number;
}

/** The ratios of one comparison run: how many more commits, how much faster. */
export function compareFigures(
  batch: RunFigures,
  single: RunFigures,
): { commitsSingleToBatch?: number; speedBatchToSingle?: number } {
  return {
    commitsSingleToBatch: ratio(single.commits, batch.commits),
    speedBatchToSingle: ratio(
      perSecond(batch.records, batch.activeMs),
      perSecond(single.records, single.activeMs),
    ),
  };
}

/**
 * Which producer wrote each record of a partition, in offset order, e.g.
 * `1 2 1 2`: how the records of two producers interleave.
 */
export function producerSequence(
  deliveries: readonly { readonly producer: number; readonly offset: string }[],
): string {
  return [...deliveries]
    .sort((a, b) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1))
    .map((d) => String(d.producer))
    .join(" ");
}

/** How a consumer commits: once per batch, or after every record. */
export type Mode = "batch" | "single";

/** The reason of an invalid record, in the user's language. */
export function reasonText(t: Lab4Text, err: InvalidMessageError): string {
  const templates: Record<InvalidReason, string> = {
    "empty": t.reasonEmpty,
    "not-utf8": t.reasonNotUtf8,
    "not-json": t.reasonNotJson,
    "not-object": t.reasonNotObject,
    "message-id-missing": t.reasonIdMissing,
    "message-id-invalid": t.reasonIdInvalid,
    "content-missing": t.reasonContentMissing,
    "content-invalid": t.reasonContentInvalid,
  };
  return fill(templates[err.reason], { found: err.found ?? "" });
}

/** A consumer mode's name in the user's language. */
export function modeName(t: Lab4Text, mode: Mode): string {
  return mode === "batch" ? t.modeBatch : t.modeSingle;
}

/**
 * The nearest-rank percentile `p` (0-100) of `values`, or undefined when empty.
 *
 * @example
 * ```ts
 * percentile([5, 1, 3], 50); // 3
 * ```
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

// ---------------------------------------------------------------- what the experiments return

/** What lab 4's experiments reach: Kafka and the stop signal, never the output. */
export type Cluster = Pick<Context, "kafka" | "signal">;

/** One acknowledged record. */
export interface Delivery extends MessageModel {
  /** Which producer (from 1). */
  readonly producer: number;
  readonly n: number;
  readonly partition: number;
  readonly offset: string;
}

/** One message a producer sent: delivered, or the error that kept it out. */
export type Sent =
  | { readonly topic: string; readonly delivery: Delivery }
  | {
    readonly topic: string;
    readonly producer: number;
    readonly n: number;
    readonly model: MessageModel;
    readonly error: KafkaLabError;
  };

/** What the producers did. */
export interface ProduceResult {
  readonly deliveries: Delivery[];
  readonly failed: number;
  readonly perProducer: number[];
}

/** Where a record was read. */
export interface Where {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** The batch a batch-mode consumer is handling: its number, size and offsets. */
export interface BatchSpan {
  readonly batch: number;
  readonly size: number;
  readonly first: string;
  readonly last: string;
}

/** What a consumer run tells as it goes (a renderer). `batch` is set in batch mode. */
export interface ConsumerObserver {
  assigned(partitions: readonly number[]): void;
  processed(p: { where: Where; model: MessageModel; batch?: number }): void;
  invalid(i: { where: Where; error: InvalidMessageError; batch?: number }): void;
  batchCommitted(c: { partition: number; next: string; span: BatchSpan }): void;
  recordCommitted(c: { partition: number; next: string }): void;
}

/** What one consumer run did. */
export interface RunStats {
  readonly mode: Mode;
  readonly group: string;
  readonly records: number;
  readonly processed: number;
  readonly invalid: number;
  readonly batches: number;
  readonly commits: number;
  /** From start to leaving the group. */
  readonly elapsedMs: number;
  /** From the first record handled to the last commit. */
  readonly activeMs: number;
  /** How long each commit took, from the handler's end to the commit's acknowledgement. */
  readonly commitMs: readonly number[];
  readonly ids: readonly string[];
  readonly stoppedBy: StopReason;
}

/** What the guided run checks after a consumer: every message of this run processed. */
export interface Processed {
  readonly stats: RunStats;
  /** The message ids this run sent. */
  readonly sentIds: ReadonlySet<string>;
  /** Record and commit lines left out of the human output. */
  readonly hiddenLines: number;
}

/** What `lab4 compare` runs: its own topic and groups, the record count and the settings. */
export interface ComparePlan {
  readonly topic: string;
  readonly groups: { readonly batch: string; readonly single: string };
  readonly count: number;
  readonly batchSize: number;
  readonly processMs: number;
}
