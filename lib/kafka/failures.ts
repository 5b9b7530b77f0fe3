/**
 * How a failed send ended, read from whatever the client threw: the
 * broker's Kafka error type where there is one (the deepest protocol error
 * among its causes), else the client's error class. Labs and commands ask
 * here instead of testing a client library's class names themselves.
 *
 * @example
 * ```ts
 * sendFailure(err); // { outcome: "refused", code: "NOT_ENOUGH_REPLICAS" }
 * ```
 * @module
 */
import { protocolErrorType } from "../errors.ts";

/**
 * `refused` when the broker said no and wrote nothing (NOT_ENOUGH_REPLICAS
 * and other definite protocol errors), `ambiguous` when the outcome is
 * unknown (connection lost, timeout: the record may be in the topic).
 */
export type SendOutcome = "refused" | "ambiguous";

/** Protocol errors after which the record may nevertheless have been written. */
const AMBIGUOUS_TYPES = new Set([
  "REQUEST_TIMED_OUT",
  "NETWORK_EXCEPTION",
  "NOT_LEADER_OR_FOLLOWER",
  "NOT_LEADER_FOR_PARTITION",
  "LEADER_NOT_AVAILABLE",
  "UNKNOWN_SERVER_ERROR",
]);

/** kafkajs' error classes for a lost connection or a request without an answer. */
const AMBIGUOUS_CLASSES = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSNumberOfRetriesExceeded",
  "KafkaJSBrokerNotFound",
  "KafkaJSMetadataNotLoaded",
]);

/**
 * Classifies a send error by its Kafka error type, else by the client's
 * error class; `code` is the one it was told by.
 */
export function sendFailure(err: unknown): { outcome: SendOutcome; code: string } {
  const type = protocolErrorType(err);
  if (type) return { outcome: AMBIGUOUS_TYPES.has(type) ? "ambiguous" : "refused", code: type };
  const name = (err as { name?: string })?.name ?? "Error";
  return { outcome: AMBIGUOUS_CLASSES.has(name) ? "ambiguous" : "refused", code: name };
}
