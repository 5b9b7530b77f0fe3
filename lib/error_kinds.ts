/**
 * Telling errors apart, by their class (kafkajs' error class names, Deno's
 * error classes), system error code (`ECONNREFUSED`) and Kafka error type
 * (`NOT_ENOUGH_REPLICAS`), never by their message text: which network
 * failure an error is, its protocol error type, a refused login, and the
 * chain of its causes. `errors.ts` turns them into plain words.
 *
 * @example
 * ```ts
 * networkFailure(new Deno.errors.ConnectionRefused("x")); // "connection refused"
 * ```
 * @module
 */
import type { Text } from "./i18n.ts";
import { NETWORK_TEXTS, type NetworkFailure, type RefusedKind } from "./errors_text.ts";

/** The fields an error of kafkajs, Deno, fetch or the wire client may carry. */
export interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  type?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
  broker?: string;
  /** The topic, group or other resource a refused request named, where the error keeps it. */
  topic?: string;
  groupId?: string;
  resourceName?: string;
}

export function asErrorLike(err: unknown): ErrorLike {
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

/** System error codes (Node's `code`) of network failures. */
const ERRNO: Readonly<Record<string, NetworkFailure>> = {
  ECONNREFUSED: "refused",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ETIMEDOUT: "timeout",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  ECONNRESET: "reset",
  ECONNABORTED: "reset",
  EPIPE: "reset",
};

/** Deno's error classes of network failures. */
const DENO_NETWORK_ERRORS: ReadonlyArray<
  [abstract new (...args: never[]) => Error, NetworkFailure]
> = [
  [Deno.errors.ConnectionRefused, "refused"],
  [Deno.errors.ConnectionReset, "reset"],
  [Deno.errors.ConnectionAborted, "reset"],
  [Deno.errors.BrokenPipe, "reset"],
  [Deno.errors.TimedOut, "timeout"],
  [Deno.errors.NetworkUnreachable, "unreachable"],
  [Deno.errors.AddrNotAvailable, "unreachable"],
  [Deno.errors.NotConnected, "failed"],
];

/** kafkajs error classes that mean "could not talk to a broker" (a slow answer is not one). */
const KAFKAJS_CONNECTION_CLASSES = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSNoBrokerAvailableError",
]);

/** Which network failure an error (or one of its causes) is, if any. */
export function networkFailureKind(err: unknown): NetworkFailure | undefined {
  let connectionClass = false;
  for (const e of causeChain(err)) {
    if (typeof e.code === "string" && e.code in ERRNO) return ERRNO[e.code];
    for (const [cls, kind] of DENO_NETWORK_ERRORS) if (e instanceof cls) return kind;
    if (e.name !== undefined && KAFKAJS_CONNECTION_CLASSES.has(e.name)) connectionClass = true;
  }
  return connectionClass ? "failed" : undefined;
}

/** The network failure of an error in both languages, e.g. "connection refused". */
export function networkFailureText(err: unknown): Text | undefined {
  const kind = networkFailureKind(err);
  return kind && NETWORK_TEXTS[kind];
}

/** The network failure of an error in English (for logs and reasons kept as plain strings). */
export function networkFailure(err: unknown): string | undefined {
  return networkFailureText(err)?.en;
}

/**
 * The two-language text of an English network-failure reason as `probeTcp`
 * reports it ("connection refused"); an unknown reason stays as it is.
 */
export function networkReasonText(reason: string): Text {
  return Object.values(NETWORK_TEXTS).find((text) => text.en === reason) ??
    { en: reason, ru: reason };
}

/**
 * A failure of `fetch()` to reach a server: a known network failure, or the
 * `TypeError` that `fetch` rejects with when the request could not be made
 * (an HTTP error status is a response, not a rejection).
 */
export function fetchFailureText(err: unknown): Text | undefined {
  return networkFailureText(err) ??
    (err instanceof TypeError ? NETWORK_TEXTS.failed : undefined);
}

/** The Kafka protocol error type of an error or its causes, e.g. `TOPIC_ALREADY_EXISTS`. */
export function protocolErrorType(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    if (typeof e.type === "string" && e.type.length > 0) return e.type;
    if (Array.isArray(e.errors)) {
      for (const inner of e.errors) {
        const type = protocolErrorType(inner);
        if (type) return type;
      }
    }
  }
  return undefined;
}

/** Kafka protocol error types of a refused login. */
const AUTH_TYPES = new Set(["SASL_AUTHENTICATION_FAILED", "UNSUPPORTED_SASL_MECHANISM"]);

/**
 * A refused SASL login: kafkajs' `KafkaJSSASLAuthenticationError` (not
 * retriable: kafkajs bails out of its retry loop at once), the protocol's
 * SASL error codes, or the wire client's `WireAuthError`.
 */
export function isAuthFailure(err: unknown): boolean {
  const type = protocolErrorType(err);
  if (type && AUTH_TYPES.has(type)) return true;
  return causeChain(err).some((e) =>
    e.name === "KafkaJSSASLAuthenticationError" || e.name === "WireAuthError"
  );
}

/** Kafka's authorization errors, by what they refuse. */
const REFUSAL_TYPES: Readonly<Record<string, RefusedKind>> = {
  TOPIC_AUTHORIZATION_FAILED: "topic",
  GROUP_AUTHORIZATION_FAILED: "group",
  CLUSTER_AUTHORIZATION_FAILED: "cluster",
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: "transactional-id",
};

/** A request the cluster's ACLs refused: what kind of resource, its name if known, Kafka's error. */
export interface Refusal {
  readonly kind: RefusedKind;
  readonly type: string;
  readonly name?: string;
}

/**
 * The ACL refusal behind an error (kafkajs' protocol errors, the wire
 * client's `WireRequestError`), or undefined. kafkajs does not retry these.
 */
export function refusalOf(err: unknown): Refusal | undefined {
  const type = protocolErrorType(err);
  const kind = type === undefined ? undefined : REFUSAL_TYPES[type];
  if (!type || !kind) return undefined;
  const name = causeChain(err).map((e) => e.resourceName ?? e.topic ?? e.groupId).find((n) =>
    typeof n === "string" && n !== ""
  );
  return name === undefined ? { kind, type } : { kind, type, name };
}
