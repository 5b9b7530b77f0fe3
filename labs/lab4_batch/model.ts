/**
 * Lab 4's message model and the pure helpers around it: `MessageModel`
 * (`{"message_id":"<uuid>","content":"Test message 2886"}` as UTF-8 JSON
 * bytes), its strict reader with a typed reason for every way bytes can fail
 * to be a model, random messages from an injectable random source, the
 * consumer modes and the seed's groups. The calculations the consumers and the
 * comparison print are in `figures.ts`, what the experiments return in
 * `results.ts`. Nothing here talks to Kafka.
 *
 * @example
 * ```ts
 * const bytes = serialize({ message_id: "6f1c0e3a-...", content: "Test message 2886" });
 * deserialize(bytes).content; // "Test message 2886"
 * ```
 * @module
 */
import { KafkaLabError } from "../../lib/errors.ts";
import { fill } from "../../lib/i18n.ts";
import type { Lab4Text } from "./text.ts";
import { DEFAULT_GROUPS } from "./options.ts";

// Declared with the options, so the command table loads no model.
export { DEFAULT_GROUPS };

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
