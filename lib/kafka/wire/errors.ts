/**
 * The Kafka error codes the wire client's admin requests (ACLs, SCRAM users)
 * can answer with, by Kafka's protocol name, and the typed error a refused
 * request throws: its `type` is the protocol name, so `lib/error_kinds.ts`
 * reads it like a kafkajs protocol error.
 *
 * @example
 * ```ts
 * kafkaErrorName(31); // "CLUSTER_AUTHORIZATION_FAILED"
 * ```
 * @module
 */

const NAMES: Readonly<Record<number, string>> = {
  [-1]: "UNKNOWN_SERVER_ERROR",
  0: "NONE",
  7: "REQUEST_TIMED_OUT",
  29: "TOPIC_AUTHORIZATION_FAILED",
  30: "GROUP_AUTHORIZATION_FAILED",
  31: "CLUSTER_AUTHORIZATION_FAILED",
  33: "UNSUPPORTED_SASL_MECHANISM",
  35: "UNSUPPORTED_VERSION",
  41: "NOT_CONTROLLER",
  42: "INVALID_REQUEST",
  53: "TRANSACTIONAL_ID_AUTHORIZATION_FAILED",
  54: "SECURITY_DISABLED",
  58: "SASL_AUTHENTICATION_FAILED",
  87: "INVALID_RECORD",
  91: "RESOURCE_NOT_FOUND",
  92: "DUPLICATE_RESOURCE",
  93: "UNACCEPTABLE_CREDENTIAL",
};

/** Kafka's name of an error code, or `ERROR_<code>` for one this table does not know. */
export function kafkaErrorName(code: number): string {
  return NAMES[code] ?? `ERROR_${code}`;
}

/** A broker answered an admin request with an error code other than 0. */
export class WireRequestError extends Error {
  /** Kafka's protocol name of the error, e.g. `CLUSTER_AUTHORIZATION_FAILED`. */
  readonly type: string;
  readonly errorCode: number;
  constructor(errorCode: number, request: string, detail?: string | null) {
    const type = kafkaErrorName(errorCode);
    super(`${request} failed: ${type}${detail ? ` (${detail})` : ""}`);
    this.name = "WireRequestError";
    this.type = type;
    this.errorCode = errorCode;
  }
}
