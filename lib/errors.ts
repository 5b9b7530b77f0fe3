/**
 * Typed errors with a hint, the exit codes they map to, and the translation of
 * kafkajs, registry and network errors into plain words in English and
 * Russian. Errors are told apart by their class (kafkajs' error class names,
 * Deno's error classes), system error code (`ECONNREFUSED`) and Kafka error
 * type (`NOT_ENOUGH_REPLICAS`), never by their message text.
 *
 * @example
 * ```ts
 * throw new UsageError("--partitions must be at least 1", "try --partitions 3");
 * ```
 * @module
 */
import { fill, fillText, type Localizable, t, type Text } from "./i18n.ts";
import {
  CLASS_TEXTS,
  NETWORK_TEXTS,
  type NetworkFailure,
  PROTOCOL_TEXTS,
  type Translated,
} from "./errors_text.ts";

export type { NetworkFailure } from "./errors_text.ts";

/** Process exit codes used by every command. */
export const ExitCode = {
  ok: 0,
  /** The command ran and a step failed (a check, a delivery). */
  failed: 1,
  /** Wrong flags or arguments. */
  usage: 2,
  /** No broker or registry answers at the configured address. */
  unreachable: 3,
  /** The broker or the registry refused the credentials (SASL login, HTTP 401/403). */
  auth: 4,
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

/** The cluster or the registry refused the credentials; exits 4, never retried. */
export class AuthError extends KafkaLabError {
  constructor(message: Localizable, options: { hint?: Localizable; cause?: unknown } = {}) {
    super(message, { exitCode: ExitCode.auth, ...options });
    this.name = "AuthError";
  }
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

/** What the error translation needs to know about where the program was talking to. */
export interface ErrorContext {
  brokers?: readonly string[];
  registryUrl?: string;
  /** The hint to start a local cluster, e.g. "start one with `kafka-lab up`". */
  startHint?: Localizable;
  /** The SASL mechanism and user (never the password), to name in a refused login. */
  sasl?: { readonly mechanism: string; readonly username: string };
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  type?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
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

/**
 * The kafkajs error class with a translation nearest the root cause, e.g.
 * `KafkaJSRequestTimeoutError` inside `KafkaJSNumberOfRetriesExceeded` (the
 * wrapper's own words only when nothing inside it has any).
 */
function translatedClass(err: unknown): [ErrorLike, Translated] | undefined {
  const known = causeChain(err).filter((e) => e.name !== undefined && e.name in CLASS_TEXTS);
  const specific = known.filter((e) => e.name !== "KafkaJSNumberOfRetriesExceeded");
  const e = specific.at(-1) ?? known.at(-1);
  return e && [e, CLASS_TEXTS[e.name!]];
}

function brokerList(ctx: ErrorContext): Localizable {
  return ctx.brokers && ctx.brokers.length > 0
    ? ctx.brokers.join(", ")
    : t("the configured brokers", "настроенным адресам брокеров");
}

function localText(text: Localizable): Text {
  return typeof text === "string" ? { en: text, ru: text } : text;
}

/** Exit 3: no broker could be talked to. */
function unreachable(err: unknown, why: Text, ctx: ErrorContext): UnreachableError {
  const first = asErrorLike(err);
  const where = localText(first.broker ?? brokerList(ctx));
  const start = localText(
    ctx.startHint ?? t("start one with `kafka-lab up`", "запустите его: `kafka-lab up`"),
  );
  // The port answered but the broker dropped the connection: a listener that wants a login.
  const login = why === NETWORK_TEXTS.failed && !ctx.sasl
    ? {
      en:
        "; if the cluster asks for a login, set KAFKA_LAB_SASL_MECHANISM, KAFKA_LAB_SASL_USERNAME and KAFKA_LAB_SASL_PASSWORD",
      ru:
        "; если кластер требует входа, задайте KAFKA_LAB_SASL_MECHANISM, KAFKA_LAB_SASL_USERNAME и KAFKA_LAB_SASL_PASSWORD",
    }
    : { en: "", ru: "" };
  return new UnreachableError(
    {
      en: `no Kafka broker answers at ${where.en} (${why.en})`,
      ru: `ни один брокер Kafka не отвечает по адресу ${where.ru} (${why.ru})`,
    },
    {
      hint: {
        en:
          `${start.en}, or point KAFKA_BROKERS / --bootstrap-server at a running cluster${login.en}`,
        ru:
          `${start.ru}, или укажите работающий кластер в KAFKA_BROKERS / --bootstrap-server${login.ru}`,
      },
      cause: err,
    },
  );
}

/** Exit 4: the brokers refused the SASL login. Names the user and mechanism, never the password. */
function authFailure(err: unknown, ctx: ErrorContext): AuthError {
  const where = localText(brokerList(ctx));
  const who = ctx.sasl ? ` (${ctx.sasl.mechanism.toUpperCase()}, user ${ctx.sasl.username})` : "";
  const whoRu = ctx.sasl
    ? ` (${ctx.sasl.mechanism.toUpperCase()}, пользователь ${ctx.sasl.username})`
    : "";
  const type = protocolErrorType(err);
  const mechanism = type === "UNSUPPORTED_SASL_MECHANISM";
  return new AuthError(
    mechanism
      ? {
        en: `the brokers at ${where.en} do not offer this SASL mechanism${who}`,
        ru: `брокеры по адресу ${where.ru} не поддерживают этот механизм SASL${whoRu}`,
      }
      : {
        en: `the brokers at ${where.en} refused the SASL login${who}: wrong user name or password`,
        ru:
          `брокеры по адресу ${where.ru} не приняли вход по SASL${whoRu}: неверное имя пользователя или пароль`,
      },
    {
      hint: mechanism
        ? t(
          "set KAFKA_LAB_SASL_MECHANISM / --sasl-mechanism to one the cluster offers (plain, scram-sha-256, scram-sha-512)",
          "укажите в KAFKA_LAB_SASL_MECHANISM / --sasl-mechanism механизм, который есть у кластера (plain, scram-sha-256, scram-sha-512)",
        )
        : t(
          "check KAFKA_LAB_SASL_USERNAME and KAFKA_LAB_SASL_PASSWORD (environment or .env); `kafka-lab config` shows where each comes from",
          "проверьте KAFKA_LAB_SASL_USERNAME и KAFKA_LAB_SASL_PASSWORD (окружение или .env); `kafka-lab config` показывает, откуда взято каждое значение",
        ),
      cause: err,
    },
  );
}

/**
 * Turns any error into a {@linkcode KafkaLabError} with plain words in both
 * languages and a hint. Errors that already are `KafkaLabError`s pass
 * through unchanged. Exit 3 only when no broker could be reached; a request
 * that timed out or was refused is a failed step (exit 1).
 */
export function translateError(err: unknown, ctx: ErrorContext = {}): KafkaLabError {
  if (err instanceof KafkaLabError) return err;
  if (isAuthFailure(err)) return authFailure(err, ctx);
  const net = networkFailureText(err);
  if (net) return unreachable(err, net, ctx);

  const type = protocolErrorType(err);
  if (type) {
    const known = PROTOCOL_TEXTS[type];
    return new KafkaLabError(
      known?.message ??
        fillText(t("Kafka answered {type}", "Kafka ответила ошибкой {type}"), { type }),
      { hint: known?.hint, cause: err },
    );
  }

  const byClass = translatedClass(err);
  if (byClass) {
    const [e, known] = byClass;
    const vars = { broker: e.broker ?? "?" };
    return new KafkaLabError(fillText(known.message, vars), {
      hint: known.hint && fillText(known.hint, vars),
      cause: err,
    });
  }

  const first = asErrorLike(err);
  return new KafkaLabError(
    fillText(t("unexpected error: {detail}", "непредвиденная ошибка: {detail}"), {
      detail: first.message ?? String(err),
    }),
    { cause: err },
  );
}

/** A bootstrap address that did not answer a probe, and why. */
export interface DownBroker {
  readonly address: string;
  readonly why: Text;
}

/**
 * Exit 1: a step failed because some brokers do not answer while others do.
 * Names the ones down and the ones up, instead of "no broker answers" at
 * every address (which is exit 3, for a cluster that does not answer at all).
 */
export function partlyDownError(
  down: readonly DownBroker[],
  up: readonly string[],
  options: { hint?: Localizable; cause?: unknown } = {},
): KafkaLabError {
  const list = (lang: "en" | "ru") => down.map((d) => `${d.address} (${d.why[lang]})`).join(", ");
  const vars = { down: list("en"), up: up.join(", ") };
  const varsRu = { down: list("ru"), up: up.join(", ") };
  const one = down.length === 1;
  const upOne = up.length === 1;
  const en = fill(
    `${one ? "Kafka broker {down} does not answer" : "Kafka brokers {down} do not answer"}, ` +
      `while {up} ${upOne ? "answers" : "answer"}: the step needed ${one ? "it" : "them"}`,
    vars,
  );
  const ru = fill(
    `${one ? "брокер Kafka {down} не отвечает" : "брокеры Kafka {down} не отвечают"}, ` +
      `а {up} ${upOne ? "отвечает" : "отвечают"}: ${
        one ? "он был нужен" : "они были нужны"
      } этому шагу`,
    varsRu,
  );
  return new KafkaLabError({ en, ru }, {
    hint: options.hint ??
      t(
        "`kafka-lab broker list` shows which broker is down, `kafka-lab broker start N` starts it again; then run the command again",
        "какой брокер остановлен, покажет `kafka-lab broker list`, запустить его снова: `kafka-lab broker start N`; затем повторите команду",
      ),
    cause: options.cause,
  });
}
