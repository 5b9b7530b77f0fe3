/**
 * The errors the fake Kafka throws, in the shapes the kafkajs adapter throws
 * today: the same class names, Kafka error types (kafkajs' names for them),
 * codes, `retriable` flags and cause nesting. `lib/errors.ts`
 * (`translateError`, `protocolErrorType`), `lib/kafka/failures.ts`
 * (`sendFailure`) and the consumer loop read them exactly as they read the
 * real ones; `tests/unit/fake_errors_test.ts` holds each shape against the
 * kafkajs class it stands for, so the two cannot drift apart unnoticed.
 *
 * Faults are named by Kafka's protocol names (`NOT_LEADER_OR_FOLLOWER`,
 * `NOT_COORDINATOR`); the error's `type` is what kafkajs 2.2.4 calls that
 * code (`NOT_LEADER_FOR_PARTITION`, `NOT_COORDINATOR_FOR_GROUP`).
 *
 * @example
 * ```ts
 * const err = protocolError("NOT_COORDINATOR");
 * err.type; // "NOT_COORDINATOR_FOR_GROUP", as kafkajs names code 16
 * ```
 * @module
 */

/** A protocol error: its code, kafkajs' type name for it, and whether kafkajs retries it. */
interface ProtocolErrorInfo {
  readonly code: number;
  readonly type: string;
  readonly retriable: boolean;
}

function info(code: number, retriable: boolean, type?: string) {
  return { code, retriable, type } as const;
}

/**
 * The Kafka protocol errors the fake can raise, by Kafka's name. `type` is
 * given where kafkajs 2.2.4 names the code differently.
 */
const PROTOCOL_ERRORS = {
  OFFSET_OUT_OF_RANGE: info(1, false),
  UNKNOWN_TOPIC_OR_PARTITION: info(3, true),
  LEADER_NOT_AVAILABLE: info(5, true),
  NOT_LEADER_OR_FOLLOWER: info(6, true, "NOT_LEADER_FOR_PARTITION"),
  REQUEST_TIMED_OUT: info(7, true),
  NETWORK_EXCEPTION: info(13, true),
  COORDINATOR_LOAD_IN_PROGRESS: info(14, true, "GROUP_LOAD_IN_PROGRESS"),
  COORDINATOR_NOT_AVAILABLE: info(15, true, "GROUP_COORDINATOR_NOT_AVAILABLE"),
  NOT_COORDINATOR: info(16, true, "NOT_COORDINATOR_FOR_GROUP"),
  INVALID_TOPIC_EXCEPTION: info(17, false),
  NOT_ENOUGH_REPLICAS: info(19, true),
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: info(20, true),
  ILLEGAL_GENERATION: info(22, false),
  UNKNOWN_MEMBER_ID: info(25, false),
  REBALANCE_IN_PROGRESS: info(27, false),
  TOPIC_AUTHORIZATION_FAILED: info(29, false),
  GROUP_AUTHORIZATION_FAILED: info(30, false),
  CLUSTER_AUTHORIZATION_FAILED: info(31, false),
  TOPIC_ALREADY_EXISTS: info(36, false),
  INVALID_PARTITIONS: info(37, false),
  INVALID_REPLICATION_FACTOR: info(38, false),
  INVALID_CONFIG: info(40, false),
  OUT_OF_ORDER_SEQUENCE_NUMBER: info(45, false),
  INVALID_PRODUCER_EPOCH: info(47, false),
  INVALID_TXN_STATE: info(48, false),
  CONCURRENT_TRANSACTIONS: info(51, true),
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: info(53, false),
  SASL_AUTHENTICATION_FAILED: info(58, false),
  NON_EMPTY_GROUP: info(68, false),
  GROUP_ID_NOT_FOUND: info(69, false),
} as const;

/** A Kafka protocol error the fake can raise, by Kafka's name. */
export type ProtocolErrorName = keyof typeof PROTOCOL_ERRORS;

/** Every protocol error the fake knows, with its code and kafkajs' type name. */
export function protocolErrorTable(): Array<{ name: ProtocolErrorName } & ProtocolErrorInfo> {
  return (Object.keys(PROTOCOL_ERRORS) as ProtocolErrorName[]).map((name) => {
    const e: { code: number; retriable: boolean; type?: string } = PROTOCOL_ERRORS[name];
    return { name, code: e.code, retriable: e.retriable, type: e.type ?? name };
  });
}

/** The fields an error of the kafkajs adapter carries (all but `message` optional). */
export interface FakeErrorFields {
  readonly retriable?: boolean;
  readonly type?: string;
  readonly code?: number | string;
  readonly broker?: string;
  readonly cause?: unknown;
  readonly retryCount?: number;
  readonly retryTime?: number;
  readonly errors?: unknown[];
  readonly topic?: string;
}

/**
 * An error of the fake, named as the kafkajs class it stands for
 * (`KafkaJSProtocolError`, `KafkaJSConnectionError`, ...).
 */
export class FakeKafkaError extends Error {
  readonly retriable: boolean;
  readonly type?: string;
  readonly code?: number | string;
  readonly broker?: string;
  readonly retryCount?: number;
  readonly retryTime?: number;
  readonly errors?: unknown[];
  readonly topic?: string;

  constructor(name: string, message: string, fields: FakeErrorFields = {}) {
    super(message, { cause: fields.cause });
    this.name = name;
    this.retriable = fields.retriable ?? true;
    this.type = fields.type;
    this.code = fields.code;
    this.broker = fields.broker;
    this.retryCount = fields.retryCount;
    this.retryTime = fields.retryTime;
    this.errors = fields.errors;
    this.topic = fields.topic;
  }
}

/** A Kafka protocol error as kafkajs throws it (`KafkaJSProtocolError`). */
export function protocolError(name: ProtocolErrorName, message?: string): FakeKafkaError {
  const e: { code: number; retriable: boolean; type?: string } = PROTOCOL_ERRORS[name];
  const type = e.type ?? name;
  return new FakeKafkaError("KafkaJSProtocolError", message ?? `${type} (fake broker)`, {
    type,
    code: e.code,
    retriable: e.retriable,
  });
}

/** A refused TCP connection (`KafkaJSConnectionError` with the socket's `ECONNREFUSED`). */
export function connectionRefused(broker: string): FakeKafkaError {
  return new FakeKafkaError(
    "KafkaJSConnectionError",
    `Connection error: connect ECONNREFUSED ${broker}`,
    { broker, code: "ECONNREFUSED" },
  );
}

/** A connection lost while a request was in flight (`KafkaJSConnectionClosedError`). */
export function connectionClosed(broker: string): FakeKafkaError {
  return new FakeKafkaError("KafkaJSConnectionClosedError", "Closed connection", { broker });
}

/** A request without an answer within the request timeout (`KafkaJSRequestTimeoutError`). */
export function requestTimeout(broker: string): FakeKafkaError {
  return new FakeKafkaError("KafkaJSRequestTimeoutError", "Request Produce timed out", { broker });
}

/** What kafkajs' retrier throws when the retries ran out (`KafkaJSNumberOfRetriesExceeded`). */
export function retriesExceeded(cause: Error, retryCount: number): FakeKafkaError {
  return new FakeKafkaError("KafkaJSNumberOfRetriesExceeded", cause.message, {
    retriable: false,
    cause,
    retryCount,
    retryTime: 0,
  });
}

/** What kafkajs' retrier throws for an error it does not retry (`KafkaJSNonRetriableError`). */
export function nonRetriable(cause: Error): FakeKafkaError {
  return new FakeKafkaError("KafkaJSNonRetriableError", cause.message, {
    retriable: false,
    cause: (cause as { cause?: unknown }).cause ?? cause,
  });
}

/** A refused CreateTopics, as kafkajs aggregates it (`KafkaJSAggregateError` of `KafkaJSCreateTopicError`). */
export function createTopicsError(topic: string, name: ProtocolErrorName): FakeKafkaError {
  const inner = protocolError(name);
  const perTopic = new FakeKafkaError("KafkaJSCreateTopicError", inner.message, {
    type: inner.type,
    code: inner.code,
    retriable: inner.retriable,
    topic,
  });
  return new FakeKafkaError("KafkaJSAggregateError", "Topic creation errors", {
    retriable: false,
    errors: [perTopic],
  });
}

/** Error classes kafkajs' retrier never retries (they are bugs, not faults). */
const UNRECOVERABLE = new Set(["RangeError", "ReferenceError", "SyntaxError", "TypeError"]);

/** Whether kafkajs' retrier tries again after `err` (anything not marked `retriable: false`). */
export function retriedByClient(err: unknown): boolean {
  const e = err as { retriable?: boolean; name?: string };
  return e?.retriable !== false && !UNRECOVERABLE.has(e?.name ?? "");
}

/**
 * Whether kafkajs restarts a consumer that crashed with `err` by itself: when
 * its retries ran out, or when the root cause is marked retriable.
 */
export function crashRestarts(err: unknown): boolean {
  let root = err as { cause?: unknown; retriable?: boolean; name?: string };
  while (root?.cause) root = root.cause as typeof root;
  return (err as { name?: string })?.name === "KafkaJSNumberOfRetriesExceeded" ||
    root?.retriable === true;
}

/** The Kafka error types kafkajs treats as "rejoin the group" (its `isRebalancing`). */
export function isRebalancing(err: unknown): boolean {
  const type = (err as { type?: string })?.type;
  return type === "REBALANCE_IN_PROGRESS" || type === "NOT_COORDINATOR_FOR_GROUP" ||
    type === "ILLEGAL_GENERATION";
}
