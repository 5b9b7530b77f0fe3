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
import { type AuthError, KafkaLabError, UnreachableError } from "./errors.ts";
import { fillText, type Localizable, t, type Text } from "./i18n.ts";
import { isAuthStatus, registryHeaders } from "./registry_auth.ts";
import {
  boundedWait,
  noRegistry,
  type RegistryPeer,
  registryRefused,
  registryStartHint,
  type RegistryTiming,
  translateRegistryError,
  whyUnreachable,
} from "./registry_errors.ts";
import type { Output } from "./output.ts";

export { isGatewayFailure, type RegistryTiming } from "./registry_errors.ts";

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
  readonly #peer: RegistryPeer;
  readonly #headers: Record<string, string>;
  readonly #timing: RegistryTiming;

  constructor(config: Config, out: Output, timing?: Partial<RegistryTiming>) {
    this.url = config.registryUrl;
    this.#timing = {
      answerTimeoutMs: timing?.answerTimeoutMs ?? REGISTRY_ANSWER_TIMEOUT_MS,
      reportEveryMs: timing?.reportEveryMs ?? REGISTRY_WAIT_REPORT_MS,
    };
    this.#peer = { url: this.url, user: config.registryAuth?.username, out };
    this.#headers = registryHeaders(config.registryAuth);
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
        : await whyUnreachable(this.url, err);
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

  /** Plain words for a registry failure; network failures become exit code 3. */
  translate(err: unknown, doing: Localizable): KafkaLabError {
    return translateRegistryError(this.#peer, err, doing);
  }

  /** {@linkcode boundedWait} for this registry: gives up (exit 3) when it stays silent. */
  async #bounded<T>(work: Promise<T>, doing: Text): Promise<T> {
    return await boundedWait(this.#peer, this.#timing, work, doing);
  }

  /** Exit 4: this registry refused the credentials (or wants some). */
  #refused(status: number): AuthError {
    return registryRefused(this.#peer, status);
  }
}
