/**
 * The one place the Schema Registry client (`@kafkajs/confluent-schema-registry`)
 * is made, with a reachability check that fails fast (exit code 3) and plain
 * words for the registry's errors.
 *
 * JSON schemas are compiled by the library with Ajv 8 (draft-07) with
 * `allErrors` and `detailedErrorPaths`, so a rejected payload says which field
 * failed and why. Note: the library's `isValid()` returns true for invalid data
 * unless an error hook is given; validation here goes through `encode()` and
 * `decode()`, which pass one.
 *
 * @example
 * ```ts
 * const registry = new RegistryClient(config, out);
 * await registry.preflight();
 * const { id } = await registry.registerJson(schema, "users_coordinates-value");
 * ```
 * @module
 */
import { SchemaRegistry, SchemaType } from "@kafkajs/confluent-schema-registry";
import type { Config } from "./config.ts";
import {
  AuthError,
  fetchFailureText,
  KafkaLabError,
  networkReasonText,
  UnreachableError,
} from "./errors.ts";
import { fillText, type Localizable, t, type Text } from "./i18n.ts";
import { probeTcp } from "./net.ts";
import { isAuthStatus, registryHeaders } from "./registry_auth.ts";
import type { Output } from "./output.ts";

/** How long the reachability check waits. */
export const REGISTRY_PROBE_TIMEOUT_MS = 5000;

/**
 * How long a request of a running command (register, encode, fetch a schema
 * to decode) waits for the registry before the command gives up with exit 3.
 * The library's HTTP client has no timeout of its own: a paused registry
 * would keep a consumer waiting silently for ever.
 */
export const REGISTRY_ANSWER_TIMEOUT_MS = 30_000;
/** How often a request still waiting for the registry says so. */
export const REGISTRY_WAIT_REPORT_MS = 5_000;

/** The waits of {@linkcode RegistryClient} (tests shorten them). */
export interface RegistryTiming {
  readonly answerTimeoutMs: number;
  readonly reportEveryMs: number;
}

/**
 * Whether the library's error is a request that never reached the registry:
 * its HTTP client (mappersmith) reports a network failure as a response with
 * status 400 and the socket error as the message ("Error, status 400:
 * connect ECONNREFUSED 127.0.0.1:8081"), which reads like the registry
 * refusing the request.
 */
export function isGatewayFailure(err: unknown): boolean {
  const e = err as { name?: string; status?: number; message?: string };
  return e?.status === 400 && typeof e.message === "string" &&
    /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE)\b|socket hang up|connection (refused|reset|closed)|error sending request|tcp connect error/i
      .test(e.message);
}

/** The socket error inside a gateway failure, in both languages where we know it. */
function gatewayReason(err: unknown): Text {
  const message = String((err as Error).message ?? "");
  if (/ECONNREFUSED|connection refused/i.test(message)) {
    return t("connection refused", "соединение отклонено");
  }
  if (/ECONNRESET|socket hang up|connection (reset|closed)/i.test(message)) {
    return t("connection closed", "соединение закрыто");
  }
  const code = /\b(E[A-Z_]{3,})\b/.exec(message)?.[1] ?? message;
  return { en: code, ru: code };
}

/** One field that failed validation, as Ajv reports it. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** A payload broke its JSON schema; `issues` says where and why. */
export class SchemaValidationError extends KafkaLabError {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    super(`the record breaks the schema: ${describeIssues(issues)}`);
    this.name = "SchemaValidationError";
    this.issues = issues;
  }
}

/** Why a record cannot be read as a schema-registry record. */
export type RecordFormatKind = "not-wire-format" | "unknown-schema" | "invalid-json";

/** A record that is not a readable Confluent wire-format value; `kind` says how. */
export class RecordFormatError extends KafkaLabError {
  readonly kind: RecordFormatKind;
  constructor(kind: RecordFormatKind, message: string) {
    super(message);
    this.name = "RecordFormatError";
    this.kind = kind;
  }
}

/**
 * The header of a Confluent wire-format value (magic byte 0, 4-byte
 * big-endian schema id), or why the bytes do not have one.
 */
export function parseWireHeader(value: Uint8Array | null): { schemaId: number } | string {
  if (value === null || value.length === 0) return "the record has no value";
  if (value[0] !== 0) {
    const shown = value[0] >= 0x20 && value[0] < 0x7f ? `'${String.fromCharCode(value[0])}' ` : "";
    return `not in the Schema Registry wire format: the first byte is ${shown}(0x${
      value[0].toString(16).padStart(2, "0")
    }), not the magic byte 0`;
  }
  if (value.length < 5) {
    return `not in the Schema Registry wire format: only ${value.length} byte(s)`;
  }
  return { schemaId: new DataView(value.buffer, value.byteOffset, value.byteLength).getInt32(1) };
}

/** `latitude: must have required property 'latitude'` style, joined by "; ". */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => i.path ? `${i.path}: ${i.message}` : i.message).join("; ");
}

function registryStartHint(url: string): Text {
  return /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)
    ? t(
      "start the local cluster with `kafka-lab up`, or set SCHEMA_REGISTRY_URL / --registry-url",
      "запустите локальный кластер: `kafka-lab up`, или задайте SCHEMA_REGISTRY_URL / --registry-url",
    )
    : t(
      "check that the registry runs and SCHEMA_REGISTRY_URL / --registry-url is right",
      "проверьте, что реестр работает и SCHEMA_REGISTRY_URL / --registry-url указан верно",
    );
}

/** "no Schema Registry answers at URL (why)[ while doing]" in both languages. */
function noRegistry(url: string, why: Text, doing?: Text): Text {
  const vars = { url, en: why.en, ru: why.ru, den: doing?.en ?? "", dru: doing?.ru ?? "" };
  return fillText(
    doing
      ? t(
        "no Schema Registry answers at {url} ({en}) while {den}",
        "реестр схем не отвечает по адресу {url} ({ru}): {dru}",
      )
      : t(
        "no Schema Registry answers at {url} ({en})",
        "реестр схем не отвечает по адресу {url} ({ru})",
      ),
    vars,
  );
}

/** Converts the library's validation error payload into {@linkcode ValidationIssue}s. */
export function issuesFromLibraryError(err: unknown): ValidationIssue[] | undefined {
  const e = err as { name?: string; paths?: unknown[] };
  if (e?.name !== "ConfluentSchemaRegistryValidationError" || !Array.isArray(e.paths)) {
    return undefined;
  }
  return e.paths.map((p) => {
    if (typeof p === "object" && p !== null && "message" in p) {
      const { path, message } = p as { path: unknown; message: unknown };
      return {
        path: Array.isArray(path) ? path.join(".") : String(path ?? ""),
        message: String(message),
      };
    }
    return { path: Array.isArray(p) ? p.join(".") : String(p), message: "invalid" };
  });
}

/** A Schema Registry client bound to the configured URL. */
export class RegistryClient {
  readonly url: string;
  readonly registry: SchemaRegistry;
  readonly #out: Output;
  readonly #headers: Record<string, string>;
  readonly #user?: string;
  readonly #timing: RegistryTiming;

  constructor(config: Config, out: Output, timing?: Partial<RegistryTiming>) {
    this.url = config.registryUrl;
    this.#timing = {
      answerTimeoutMs: timing?.answerTimeoutMs ?? REGISTRY_ANSWER_TIMEOUT_MS,
      reportEveryMs: timing?.reportEveryMs ?? REGISTRY_WAIT_REPORT_MS,
    };
    this.#out = out;
    this.#headers = registryHeaders(config.registryAuth);
    this.#user = config.registryAuth?.username;
    this.registry = new SchemaRegistry(
      { host: config.registryUrl, clientId: config.clientId, auth: config.registryAuth },
      { [SchemaType.JSON]: { strict: false, allErrors: true, detailedErrorPaths: true } },
    );
  }

  /**
   * Checks within {@linkcode REGISTRY_PROBE_TIMEOUT_MS} that a Confluent-style
   * registry answers `GET /subjects` at the URL.
   */
  async preflight(): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.url}/subjects`, {
        headers: this.#headers,
        signal: AbortSignal.timeout(REGISTRY_PROBE_TIMEOUT_MS),
      });
    } catch (err) {
      const reason = (err as Error).name === "TimeoutError"
        ? fillText(t("timed out after {ms} ms", "нет ответа за {ms} мс"), {
          ms: REGISTRY_PROBE_TIMEOUT_MS,
        })
        : await this.#whyUnreachable(err);
      throw new UnreachableError(noRegistry(this.url, reason), {
        hint: registryStartHint(this.url),
        cause: err,
      });
    }
    const body = await res.text();
    if (isAuthStatus(res.status)) throw this.#refused(res.status);
    if (!res.ok || !body.trim().startsWith("[")) {
      throw new UnreachableError(
        fillText(
          t(
            "{url} answers, but not as a Confluent Schema Registry (GET /subjects gave HTTP {status})",
            "{url} отвечает, но не как Confluent Schema Registry (GET /subjects вернул HTTP {status})",
          ),
          { url: this.url, status: res.status },
        ),
        {
          hint: t(
            "for Apicurio Registry the URL ends in /apis/ccompat/v7; for Confluent it is the server root",
            "у Apicurio Registry адрес оканчивается на /apis/ccompat/v7; у Confluent это корень сервера",
          ),
        },
      );
    }
  }

  /** Registers a JSON schema under `subject`; the same schema again returns the same id. */
  async registerJson(schema: object, subject: string): Promise<{ id: number }> {
    const doing = fillText(t("registering the schema under {s}", "при регистрации схемы в {s}"), {
      s: subject,
    });
    try {
      return await this.#bounded(
        this.registry.register(
          { type: SchemaType.JSON, schema: JSON.stringify(schema) },
          { subject },
        ),
        doing,
      );
    } catch (err) {
      throw this.translate(err, doing);
    }
  }

  /**
   * Waits for a request of the library within `answerTimeoutMs`, saying every
   * `reportEveryMs` that the registry has not answered yet; then throws
   * {@linkcode UnreachableError} (exit 3). The request itself cannot be
   * cancelled (the library takes no signal); the command ends instead.
   */
  async #bounded<T>(work: Promise<T>, doing: Text): Promise<T> {
    const { answerTimeoutMs, reportEveryMs } = this.#timing;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      const tick = () => {
        const waited = Date.now() - started;
        if (waited >= answerTimeoutMs) {
          reject(
            new UnreachableError(
              noRegistry(
                this.url,
                fillText(t("no answer in {s} s", "нет ответа за {s} с"), {
                  s: Math.round(waited / 1000),
                }),
                doing,
              ),
              { hint: registryStartHint(this.url) },
            ),
          );
          return;
        }
        if (waited > 0) {
          this.#out.warn(fillText(
            t(
              "the Schema Registry at {url} has not answered for {s} s ({en}); giving up after {max} s",
              "реестр схем по адресу {url} не отвечает уже {s} с ({ru}); перестану ждать через {max} с",
            ),
            {
              url: this.url,
              s: Math.round(waited / 1000),
              en: doing.en,
              ru: doing.ru,
              max: Math.round(answerTimeoutMs / 1000),
            },
          ));
        }
        timer = setTimeout(tick, Math.min(reportEveryMs, answerTimeoutMs - waited));
      };
      timer = setTimeout(tick, Math.min(reportEveryMs, answerTimeoutMs));
    });
    work.catch(() => {}); // a late failure after giving up is not unhandled
    try {
      return await Promise.race([work, gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The schema text stored under `id`, as the registry returns it. */
  async schemaText(id: number): Promise<string> {
    const res = await this.#get(`/schemas/ids/${id}`);
    return String((res as { schema?: unknown }).schema ?? "");
  }

  /** The versions registered under `subject`. */
  async versions(subject: string): Promise<number[]> {
    return await this.#get(`/subjects/${encodeURIComponent(subject)}/versions`) as number[];
  }

  async #get(path: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        headers: this.#headers,
        signal: AbortSignal.timeout(REGISTRY_PROBE_TIMEOUT_MS * 2),
      });
    } catch (err) {
      throw this.translate(err, `GET ${path}`);
    }
    const text = await res.text();
    if (isAuthStatus(res.status)) throw this.#refused(res.status);
    if (!res.ok) {
      throw new KafkaLabError(
        fillText(
          t(
            "the registry answered HTTP {status} to GET {path}: {text}",
            "реестр ответил HTTP {status} на GET {path}: {text}",
          ),
          { status: res.status, path, text },
        ),
      );
    }
    return JSON.parse(text);
  }

  /**
   * Serialises `payload` in the Confluent wire format (magic byte 0, 4-byte
   * schema id, JSON) after validating it against schema `id`. Throws
   * {@linkcode SchemaValidationError} naming each failing field.
   */
  async encode(id: number, payload: unknown): Promise<Uint8Array> {
    const doing = fillText(t("encoding with schema {id}", "при кодировании по схеме {id}"), { id });
    try {
      return await this.#bounded(this.registry.encode(id, payload), doing);
    } catch (err) {
      const issues = issuesFromLibraryError(err);
      if (issues) throw new SchemaValidationError(issues);
      throw this.translate(err, doing);
    }
  }

  /**
   * Reads a Confluent wire-format value: checks the magic byte, fetches the
   * writer's schema by id (cached), parses the JSON and validates it against
   * that schema. Throws {@linkcode RecordFormatError} (not wire format,
   * unknown schema id, not JSON) or {@linkcode SchemaValidationError}.
   */
  async decode(value: Uint8Array | null): Promise<{ schemaId: number; payload: unknown }> {
    const header = parseWireHeader(value);
    if (typeof header === "string") throw new RecordFormatError("not-wire-format", header);
    let schema: { fromBuffer(b: unknown): unknown };
    const fetching = fillText(t("fetching schema {id}", "при получении схемы {id}"), {
      id: header.schemaId,
    });
    try {
      schema = await this.#bounded(
        this.registry.getSchema(header.schemaId),
        fetching,
      ) as typeof schema;
    } catch (err) {
      if ((err as { status?: number }).status === 404) {
        throw new RecordFormatError(
          "unknown-schema",
          `schema id ${header.schemaId} is not in the registry at ${this.url}`,
        );
      }
      throw this.translate(err, fetching);
    }
    const { Buffer } = await import("node:buffer");
    try {
      return {
        schemaId: header.schemaId,
        payload: schema.fromBuffer(Buffer.from(value!.subarray(5))),
      };
    } catch (err) {
      const issues = issuesFromLibraryError(err);
      if (issues) throw new SchemaValidationError(issues);
      if (err instanceof SyntaxError) {
        throw new RecordFormatError("invalid-json", `the payload is not JSON (${err.message})`);
      }
      throw this.translate(err, t("decoding a record", "при декодировании записи"));
    }
  }

  /**
   * Why `fetch` could not reach the registry: Deno's fetch error carries no
   * class or code, so a TCP probe of the same address tells refused from
   * unresolvable or silent.
   */
  async #whyUnreachable(err: unknown): Promise<Text> {
    const url = new URL(this.url);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    const probe = await probeTcp(`${url.hostname}:${port}`, 2_000);
    if (!probe.ok) return networkReasonText(probe.reason);
    const message = (err as Error).message;
    return fetchFailureText(err) ?? { en: message, ru: message };
  }

  /** Exit 4: the registry refused the credentials (or wants some); the password is never named. */
  #refused(status: number, cause?: unknown): AuthError {
    const vars = { url: this.url, status, user: this.#user ?? "" };
    return new AuthError(
      fillText(
        this.#user
          ? t(
            "the Schema Registry at {url} refused user {user} (HTTP {status})",
            "реестр схем по адресу {url} не принял пользователя {user} (HTTP {status})",
          )
          : t(
            "the Schema Registry at {url} asks for credentials (HTTP {status})",
            "реестр схем по адресу {url} требует учётные данные (HTTP {status})",
          ),
        vars,
      ),
      {
        hint: t(
          "set SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=key:secret (environment or .env) to the registry's API key and secret",
          "задайте SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=key:secret (окружение или .env): ключ и секрет API реестра",
        ),
        cause,
      },
    );
  }

  /** Plain words for a registry failure; network failures become exit code 3. */
  translate(err: unknown, doing: Localizable): KafkaLabError {
    const doingText: Text = typeof doing === "string" ? { en: doing, ru: doing } : doing;
    if (err instanceof KafkaLabError) return err;
    const net = fetchFailureText(err) ?? (isGatewayFailure(err) ? gatewayReason(err) : undefined);
    if (net || (err as Error)?.name === "TimeoutError") {
      return new UnreachableError(
        noRegistry(this.url, net ?? t("timed out", "нет ответа"), doingText),
        { hint: registryStartHint(this.url), cause: err },
      );
    }
    const e = err as { name?: string; message?: string; status?: number };
    if (e.status !== undefined && isAuthStatus(e.status)) return this.#refused(e.status, err);
    this.#out.debug(`registry error ${e.name}: ${e.message}`);
    const vars = { en: doingText.en, ru: doingText.ru, why: e.message ?? String(err) };
    return new KafkaLabError(
      fillText(
        t("the Schema Registry refused {en}: {why}", "реестр схем отказал {ru}: «{why}»"),
        vars,
      ),
      {
        cause: err,
      },
    );
  }
}
