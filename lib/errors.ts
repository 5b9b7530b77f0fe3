/**
 * Typed errors with a hint, the exit codes they map to, and the translation of
 * kafkajs, registry and network errors into plain words in English and
 * Russian. Errors are told apart by their class (kafkajs' error class names,
 * Deno's error classes), system error code (`ECONNREFUSED`) and Kafka error
 * type (`NOT_ENOUGH_REPLICAS`), never by their message text (`error_kinds.ts`).
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
  PROTOCOL_TEXTS,
  REFUSED_HINTS,
  REFUSED_TEXTS,
  type Translated,
} from "./errors_text.ts";
import {
  asErrorLike,
  causeChain,
  type ErrorLike,
  isAuthFailure,
  networkFailureText,
  protocolErrorType,
  type Refusal,
  refusalOf,
} from "./error_kinds.ts";

export type { NetworkFailure } from "./errors_text.ts";
export {
  causeChain,
  fetchFailureText,
  isAuthFailure,
  networkFailure,
  networkFailureKind,
  networkFailureText,
  networkReasonText,
  protocolErrorType,
} from "./error_kinds.ts";

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
  /**
   * The topic or group the cluster did not show: missing, or hidden from a
   * user without rights to it (`lib/kafka/access.ts` tells which).
   */
  readonly missing?: { readonly kind: "topic" | "group"; readonly name: string };
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
  /** See {@linkcode KafkaLabErrorOptions.missing}. */
  readonly missing?: KafkaLabErrorOptions["missing"];

  constructor(message: Localizable, options: KafkaLabErrorOptions = {}) {
    const text = asText(message);
    super(text.en, { cause: options.cause });
    this.name = "KafkaLabError";
    this.text = text;
    this.exitCode = options.exitCode ?? ExitCode.failed;
    this.hintText = options.hint === undefined ? undefined : asText(options.hint);
    this.missing = options.missing;
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

/** What the error translation needs to know about where the program was talking to. */
export interface ErrorContext {
  brokers?: readonly string[];
  registryUrl?: string;
  /** The hint to start a local cluster, e.g. "start one with `kafka-lab up`". */
  startHint?: Localizable;
  /** The SASL mechanism and user (never the password), to name in a refused login. */
  sasl?: { readonly mechanism: string; readonly username: string };
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
  const refused = refusalOf(err);
  if (refused) return refusedError(refused, err);
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

/**
 * Exit 4: the cluster's ACLs do not let this user do it. Says what was
 * refused and what to ask the instructor; never retried.
 */
export function refusedError(refusal: Refusal, cause?: unknown): AuthError {
  const what = REFUSED_TEXTS[refusal.kind];
  const vars = { name: refusal.name ?? "", type: refusal.type };
  return new AuthError(fillText(refusal.name ? what.named : what.unnamed, vars), {
    hint: fillText(refusal.kind === "cluster" ? REFUSED_HINTS.cluster : REFUSED_HINTS.own, vars),
    cause,
  });
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
