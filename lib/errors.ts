/**
 * Typed errors with a hint, the exit codes they map to, and the translation of
 * kafkajs, registry and network errors into plain words.
 *
 * @example
 * ```ts
 * throw new UsageError("--partitions must be at least 1", "try --partitions 3");
 * ```
 * @module
 */
import type { Localizable, Text } from "./i18n.ts";

/** Process exit codes used by every command. */
export const ExitCode = {
  ok: 0,
  /** The command ran and a step failed (a check, a delivery). */
  failed: 1,
  /** Wrong flags or arguments. */
  usage: 2,
  /** No broker or registry answers at the configured address. */
  unreachable: 3,
  /** Interrupted by SIGINT after a clean drain. */
  sigint: 130,
  /** Interrupted by SIGTERM after a clean drain. */
  sigterm: 143,
} as const;

/** One of the values of {@linkcode ExitCode}. */
export type ExitCodeValue = typeof ExitCode[keyof typeof ExitCode];

/** Options of {@linkcode KafkaLabError}. */
export interface KafkaLabErrorOptions {
  readonly exitCode?: ExitCodeValue;
  readonly hint?: Localizable;
  readonly cause?: unknown;
}

/**
 * An error a user can act on: a message, a hint, and the exit code it ends
 * with. Message and hint are {@linkcode Text} (both languages) wherever a user
 * reads them; `message` holds the English one for logs and stack traces, and
 * the output prints `text`/`hintText` in the user's language.
 */
export class KafkaLabError extends Error {
  readonly exitCode: ExitCodeValue;
  /** The message in both languages. */
  readonly text: Text;
  /** The hint in both languages, if any. */
  readonly hintText?: Text;

  constructor(message: Localizable, options: KafkaLabErrorOptions = {}) {
    const text = asText(message);
    super(text.en, { cause: options.cause });
    this.name = "KafkaLabError";
    this.text = text;
    this.exitCode = options.exitCode ?? ExitCode.failed;
    this.hintText = options.hint === undefined ? undefined : asText(options.hint);
  }

  /** The hint in English (for logs and tests). */
  get hint(): string | undefined {
    return this.hintText?.en;
  }
}

function asText(text: Localizable): Text {
  return typeof text === "string" ? { en: text, ru: text } : text;
}

/** Wrong flags or arguments; exits 2 and prints the command's usage line. */
export class UsageError extends KafkaLabError {
  constructor(message: Localizable, hint?: Localizable) {
    super(message, { exitCode: ExitCode.usage, hint });
    this.name = "UsageError";
  }
}

/** A broker or the registry does not answer; exits 3. */
export class UnreachableError extends KafkaLabError {
  constructor(message: Localizable, options: { hint?: Localizable; cause?: unknown } = {}) {
    super(message, { exitCode: ExitCode.unreachable, ...options });
    this.name = "UnreachableError";
  }
}

/** What the error translation needs to know about where the program was talking to. */
export interface ErrorContext {
  brokers?: readonly string[];
  registryUrl?: string;
  /** The hint to start a local cluster, e.g. "start one with `kafka-lab up`". */
  startHint?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  type?: string;
  retriable?: boolean;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
  status?: number;
  broker?: string;
}

function asErrorLike(err: unknown): ErrorLike {
  return (typeof err === "object" && err !== null) ? err as ErrorLike : { message: String(err) };
}

/** The chain of causes of an error, the error itself first (kafkajs nests them). */
export function causeChain(err: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = err;
  const seen = new Set<unknown>();
  while (current !== undefined && current !== null && !seen.has(current) && chain.length < 10) {
    seen.add(current);
    const e = asErrorLike(current);
    chain.push(e);
    current = e.originalError ?? e.cause;
  }
  return chain;
}

const NETWORK_PATTERNS: Array<[RegExp, string]> = [
  [/ECONNREFUSED|Connection refused|ConnectionRefused/i, "connection refused"],
  [
    /ENOTFOUND|EAI_AGAIN|failed to lookup address|getaddrinfo|Name or service not known/i,
    "host name does not resolve",
  ],
  [/ETIMEDOUT|timed? ?out|Connection timeout/i, "timed out"],
  [/EHOSTUNREACH|ENETUNREACH|No route to host|Network is unreachable/i, "host unreachable"],
  [/ECONNRESET|Connection reset|closed the connection/i, "connection closed by the peer"],
];

/** Says whether an error (or one of its causes) is a network failure, and which. */
export function networkFailure(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    const text = `${e.name ?? ""} ${e.code ?? ""} ${e.message ?? ""}`;
    if (e.name === "KafkaJSConnectionError" && !/refused|lookup|timeout/i.test(text)) {
      return "connection failed";
    }
    for (const [pattern, label] of NETWORK_PATTERNS) {
      if (pattern.test(text)) return label;
    }
  }
  return undefined;
}

/** Kafka's name for it changed over protocol versions; the advice did not. */
const COORDINATOR_UNAVAILABLE = {
  message: "the group coordinator is not available",
  hint:
    "offsets.topic.replication.factor may exceed the number of brokers; check the broker config",
};

/** Plain words for the Kafka protocol error types a student is likely to meet. */
const PROTOCOL_ERRORS: Record<string, { message: string; hint?: string }> = {
  TOPIC_ALREADY_EXISTS: { message: "the topic already exists" },
  INVALID_REPLICATION_FACTOR: {
    message: "the replication factor is larger than the number of brokers",
    hint: "use a replication factor at most the broker count (`kafka-lab status` shows it)",
  },
  INVALID_PARTITIONS: { message: "the number of partitions is invalid" },
  INVALID_CONFIG: { message: "a topic config key or value is invalid" },
  INVALID_TOPIC_EXCEPTION: {
    message: "the topic name is invalid",
    hint: "use letters, digits, '.', '_' and '-' (at most 249 characters)",
  },
  UNKNOWN_TOPIC_OR_PARTITION: {
    message: "the topic does not exist",
    hint: "create it first (`kafka-lab lab1 create --topic <name>`)",
  },
  TOPIC_AUTHORIZATION_FAILED: { message: "not authorised for this topic" },
  GROUP_AUTHORIZATION_FAILED: { message: "not authorised for this consumer group" },
  SASL_AUTHENTICATION_FAILED: {
    message: "SASL authentication failed",
    hint: "check KAFKA_LAB_SASL_USERNAME / KAFKA_LAB_SASL_PASSWORD",
  },
  GROUP_COORDINATOR_NOT_AVAILABLE: COORDINATOR_UNAVAILABLE,
  COORDINATOR_NOT_AVAILABLE: COORDINATOR_UNAVAILABLE,
  NOT_ENOUGH_REPLICAS: {
    message: "fewer in-sync replicas than min.insync.replicas, so acks=all cannot be met",
    hint: "start the missing brokers or lower min.insync.replicas",
  },
  REQUEST_TIMED_OUT: { message: "the broker did not answer in time" },
  POLICY_VIOLATION: { message: "the broker's policy refused the request" },
  REBALANCE_IN_PROGRESS: { message: "the consumer group is rebalancing" },
};

/** The Kafka protocol error type of an error or its causes, e.g. `TOPIC_ALREADY_EXISTS`. */
export function protocolErrorType(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    if (typeof e.type === "string" && e.type.length > 0) return e.type;
    if (Array.isArray(e.errors)) {
      for (const inner of e.errors) {
        const t = protocolErrorType(inner);
        if (t) return t;
      }
    }
  }
  return undefined;
}

function brokerList(ctx: ErrorContext): string {
  return ctx.brokers && ctx.brokers.length > 0 ? ctx.brokers.join(", ") : "the configured brokers";
}

/**
 * Turns any error into a {@linkcode KafkaLabError} with plain words and a hint.
 * Errors that already are `KafkaLabError`s pass through unchanged.
 */
export function translateError(err: unknown, ctx: ErrorContext = {}): KafkaLabError {
  if (err instanceof KafkaLabError) return err;
  const first = asErrorLike(err);
  const startHint = ctx.startHint ?? "start one with `kafka-lab up`";

  const net = networkFailure(err);
  if (net) {
    const where = first.broker ? first.broker : brokerList(ctx);
    return new UnreachableError(`no Kafka broker answers at ${where} (${net})`, {
      hint: `${startHint}, or point KAFKA_BROKERS / --bootstrap-server at a running cluster`,
      cause: err,
    });
  }

  const type = protocolErrorType(err);
  if (type) {
    const known = PROTOCOL_ERRORS[type];
    const detail = first.message && !known ? `: ${first.message}` : "";
    return new KafkaLabError(`${known?.message ?? `Kafka answered ${type}`}${detail}`, {
      hint: known?.hint,
      cause: err,
    });
  }

  if (
    first.name === "KafkaJSNumberOfRetriesExceeded" || first.name === "KafkaJSRequestTimeoutError"
  ) {
    return new KafkaLabError(`Kafka did not complete the request: ${first.message}`, {
      hint: "the cluster may be overloaded or a broker is down; `kafka-lab status` shows which",
      cause: err,
    });
  }

  return new KafkaLabError(first.message ?? String(err), { cause: err });
}
