import assert from "node:assert/strict";
import * as kafkajs from "kafkajs";
import {
  ExitCode,
  fetchFailureText,
  KafkaLabError,
  networkFailure,
  networkFailureKind,
  partlyDownError,
  protocolErrorType,
  translateError,
  UnreachableError,
} from "../../lib/errors.ts";
import { CLASS_TEXTS, NETWORK_TEXTS, PROTOCOL_TEXTS } from "../../lib/errors_text.ts";
import { resolveConfig } from "../../lib/config.ts";
import { KafkaClients } from "../../lib/kafka/clients.ts";
import { captureOutput } from "../helpers.ts";

const CYRILLIC = /[а-яё]/i;
const LATIN_WORD = /\b[a-z]{4,}\b/;

/** kafkajs' error classes, by name (its typings leave some out or mistype their constructors). */
const K = (kafkajs as unknown as { default: Record<string, new (...args: unknown[]) => Error> })
  .default;

function protocolError(type: string, code: number): Error {
  return new K.KafkaJSProtocolError({ message: `${type} from the broker`, type, code });
}

/** Russian text without English words, except names, values and commands in backquotes. */
function assertRussian(text: string, where: string) {
  const prose = text.replace(/`[^`]*`/g, "")
    .replace(/\b[a-z.]+=[a-z0-9-]+\b/g, "") // settings: acks=all
    .replace(/\b[a-z]+(\.[a-z]+)+\b/g, "") // config keys
    .replace(/\b[A-Z][A-Z0-9_]*\b/g, "") // environment variables, error types
    .replace(/\b[a-z]+:\d+\b/g, "") // addresses
    .replace(/\{\w+\}/g, ""); // placeholders
  assert.match(text, CYRILLIC, `${where}: Russian`);
  assert.doesNotMatch(prose, LATIN_WORD, `${where}: no English word in "${text}"`);
}

Deno.test("translateError: KafkaJSConnectionError with ECONNREFUSED is unreachable (exit 3) naming the broker", () => {
  const err = new K.KafkaJSConnectionError("Connection error: connect ECONNREFUSED", {
    broker: "localhost:19092",
    code: "ECONNREFUSED",
  });
  const e = translateError(err, { brokers: ["localhost:19092"], startHint: "start it" });
  assert.ok(e instanceof UnreachableError);
  assert.equal(e.exitCode, ExitCode.unreachable);
  assert.equal(e.message, "no Kafka broker answers at localhost:19092 (connection refused)");
  assert.match(e.hint ?? "", /^start it/);
  assertRussian(e.text.ru, "message");
});

Deno.test("translateError: KafkaJSConnectionClosedError and KafkaJSNoBrokerAvailableError are unreachable", () => {
  const closed = new K.KafkaJSConnectionClosedError("Closed connection", {
    host: "localhost",
    port: 19093,
  });
  assert.equal(networkFailureKind(closed), "failed");
  assert.equal(translateError(closed).exitCode, ExitCode.unreachable);
  assert.match(translateError(closed).message, /localhost:19093/);
  const none = new K.KafkaJSNoBrokerAvailableError();
  assert.equal(translateError(none).exitCode, ExitCode.unreachable);
});

Deno.test("translateError: retries exceeded over a refused connection stay unreachable", () => {
  const cause = new K.KafkaJSConnectionError("Connection error", { code: "ECONNREFUSED" });
  const err = new K.KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 100 });
  assert.equal(translateError(err).exitCode, ExitCode.unreachable);
});

Deno.test("translateError: KafkaJSRequestTimeoutError is a failed step (exit 1), not unreachable", () => {
  const err = new K.KafkaJSRequestTimeoutError("Request produce(key: 0, version: 7) timed out", {
    broker: "localhost:19094",
  });
  assert.equal(networkFailure(err), undefined);
  const e = translateError(err);
  assert.ok(!(e instanceof UnreachableError));
  assert.equal(e.exitCode, ExitCode.failed);
  assert.equal(e.message, "broker localhost:19094 did not answer the request in time");
  assertRussian(e.text.ru, "message");
  const retried = new K.KafkaJSNumberOfRetriesExceeded(err, { retryCount: 8 });
  assert.equal(translateError(retried).exitCode, ExitCode.failed);
  assert.match(translateError(retried).message, /did not answer the request in time/);
});

Deno.test("translateError: KafkaJSProtocolError is told by its type, in both languages", () => {
  const e = translateError(protocolError("NOT_ENOUGH_REPLICAS", 19));
  assert.equal(e.exitCode, ExitCode.failed);
  assert.match(e.message, /min\.insync\.replicas/);
  assert.match(e.text.ru, /min\.insync\.replicas/);
  assert.ok(e.hintText);
  const unknown = translateError(protocolError("SOMETHING_NEW", 999));
  assert.match(unknown.message, /SOMETHING_NEW/);
  assert.match(unknown.text.ru, /SOMETHING_NEW/);
});

Deno.test("translateError: KafkaJSAggregateError of KafkaJSCreateTopicError uses the inner type", () => {
  const inner = new K.KafkaJSCreateTopicError(
    {
      message: "Replication factor: 4 larger than available brokers: 3.",
      type: "INVALID_REPLICATION_FACTOR",
      code: 38,
    },
    "t",
  );
  const agg = new K.KafkaJSAggregateError("Topic creation errors", [inner]);
  assert.equal(protocolErrorType(agg), "INVALID_REPLICATION_FACTOR");
  const e = translateError(agg);
  assert.match(e.message, /replication factor is larger than the number of brokers/);
  assert.ok(e.hint);
});

Deno.test("translateError: every other kafkajs class it names gets its own words and exit 1", () => {
  const cases: Array<[Error, RegExp]> = [
    [new K.KafkaJSTimeout("Timeout"), /timed out/],
    [new K.KafkaJSLockTimeout("Timeout while acquiring lock"), /waited too long/],
    [new K.KafkaJSTopicMetadataNotLoaded("no metadata", { topic: "x" }), /topic's metadata/],
    [new K.KafkaJSMetadataNotLoaded("no metadata"), /cluster's metadata/],
    [new K.KafkaJSGroupCoordinatorNotFound("no coordinator"), /group coordinator/],
    [new K.KafkaJSBrokerNotFound("Broker 4 not found"), /not known/],
    [new K.KafkaJSServerDoesNotSupportApiKey("unsupported"), /does not support/],
  ];
  for (const [err, pattern] of cases) {
    const e = translateError(err);
    assert.equal(e.exitCode, ExitCode.failed, err.name);
    assert.match(e.message, pattern, err.name);
    assertRussian(e.text.ru, err.name);
  }
});

Deno.test("translateError: a refused SASL login is exit 4, not retried, names the user but no password", () => {
  const err = new K.KafkaJSSASLAuthenticationError(
    "SASL SCRAM SHA256 authentication failed: invalid credentials",
  );
  assert.equal((err as { retriable?: boolean }).retriable, false, "kafkajs would retry it");
  const ctx = {
    brokers: ["kafka.example:9092"],
    sasl: { mechanism: "scram-sha-256", username: "anna" },
  };
  const e = translateError(err, ctx);
  assert.equal(e.exitCode, ExitCode.auth);
  assert.match(
    e.text.en,
    /kafka\.example:9092 refused the SASL login \(SCRAM-SHA-256, user anna\)/,
  );
  assert.match(e.text.ru, /не приняли вход по SASL/);
  assert.match(e.hintText!.en, /KAFKA_LAB_SASL_PASSWORD/);
  assertRussian(e.hintText!.ru, "hint");
  const mech = translateError(
    Object.assign(new Error("x"), { type: "UNSUPPORTED_SASL_MECHANISM" }),
    ctx,
  );
  assert.equal(mech.exitCode, ExitCode.auth);
  assert.match(mech.text.en, /do not offer this SASL mechanism/);
});

Deno.test("translateError: a kafkajs TypeError is an unexpected error with its detail, exit 1", () => {
  const err = new K.KafkaJSNonRetriableError(new TypeError("x is undefined"));
  const e = translateError(err);
  assert.equal(e.exitCode, ExitCode.failed);
  assert.match(e.message, /^unexpected error: x is undefined/);
  assert.match(e.text.ru, /^непредвиденная ошибка/);
});

Deno.test("networkFailureKind reads system error codes and Deno's error classes, not messages", () => {
  const enotfound = Object.assign(new Error("getaddrinfo ENOTFOUND kafka"), { code: "ENOTFOUND" });
  assert.equal(networkFailureKind(enotfound), "dns");
  assert.equal(networkFailureKind(new Deno.errors.ConnectionRefused("refused")), "refused");
  assert.equal(networkFailureKind(new Deno.errors.TimedOut("slow")), "timeout");
  assert.equal(networkFailureKind(new Error("connect ECONNREFUSED 127.0.0.1:1")), undefined);
  assert.equal(networkFailureKind(new Error("Request timed out")), undefined);
});

Deno.test("fetchFailureText counts fetch's TypeError as a failed connection", () => {
  assert.deepEqual(fetchFailureText(new TypeError("fetch failed")), NETWORK_TEXTS.failed);
  assert.equal(fetchFailureText(new Error("HTTP 500")), undefined);
});

Deno.test("translateError passes KafkaLabErrors through", () => {
  const own = new KafkaLabError("mine", { hint: "h" });
  assert.equal(translateError(own), own);
  const e = translateError("a string");
  assert.equal(e.message, "unexpected error: a string");
  assert.equal(e.exitCode, ExitCode.failed);
});

Deno.test("error texts: every entry has natural Russian without English words", () => {
  const tables = { ...NETWORK_TEXTS };
  for (const [key, text] of Object.entries(tables)) assertRussian(text.ru, key);
  for (const [key, entry] of Object.entries({ ...PROTOCOL_TEXTS, ...CLASS_TEXTS })) {
    assertRussian(entry.message.ru, key);
    if (entry.hint) assertRussian(entry.hint.ru, `${key} hint`);
    assert.notEqual(entry.message.ru, entry.message.en, key);
  }
});

Deno.test("coordinator errors: a moved or loading coordinator is said so, and none blames offsets.topic.replication.factor", () => {
  const cases: Array<[string, number, RegExp]> = [
    ["NOT_COORDINATOR_FOR_GROUP", 16, /moved to another broker/],
    ["NOT_COORDINATOR", 16, /moved to another broker/],
    ["GROUP_COORDINATOR_NOT_AVAILABLE", 15, /not available/],
    ["COORDINATOR_NOT_AVAILABLE", 15, /not available/],
    ["GROUP_LOAD_IN_PROGRESS", 14, /still loading/],
    ["COORDINATOR_LOAD_IN_PROGRESS", 14, /still loading/],
  ];
  for (const [type, code, pattern] of cases) {
    const e = translateError(protocolError(type, code));
    assert.equal(e.exitCode, ExitCode.failed, type);
    assert.match(e.message, pattern, type);
    for (const text of [e.text.en, e.text.ru, e.hintText?.en ?? "", e.hintText?.ru ?? ""]) {
      assert.doesNotMatch(text, /replication/, `${type}: ${text}`);
    }
    assertRussian(e.text.ru, type);
    assertRussian(e.hintText!.ru, `${type} hint`);
  }
  const notFound = translateError(new K.KafkaJSGroupCoordinatorNotFound("no coordinator"));
  assert.doesNotMatch(notFound.hint ?? "", /replication/);
});

Deno.test("partlyDownError names the brokers down and those up, exit 1, in both languages", () => {
  const one = partlyDownError(
    [{ address: "localhost:19093", why: NETWORK_TEXTS.refused }],
    ["localhost:19092", "localhost:19094"],
  );
  assert.equal(one.exitCode, ExitCode.failed);
  assert.equal(
    one.message,
    "Kafka broker localhost:19093 (connection refused) does not answer, while localhost:19092, localhost:19094 answer: the step needed it",
  );
  assert.match(
    one.text.ru,
    /брокер Kafka localhost:19093 \(соединение отклонено\) не отвечает, а localhost:19092, localhost:19094 отвечают/,
  );
  assertRussian(one.text.ru, "one down");
  assertRussian(one.hintText!.ru, "one down hint");
  const two = partlyDownError(
    [
      { address: "localhost:19092", why: NETWORK_TEXTS.refused },
      { address: "localhost:19093", why: NETWORK_TEXTS.timeout },
    ],
    ["localhost:19094"],
  );
  assert.match(
    two.message,
    /^Kafka brokers localhost:19092 \(connection refused\), localhost:19093 \(connection timed out\) do not answer, while localhost:19094 answers/,
  );
  assertRussian(two.text.ru, "two down");
});

Deno.test("KafkaClients.whoIsDown probes every bootstrap address and names only those that do not answer", async () => {
  const brokers = ["localhost:19092", "localhost:19093", "localhost:19094"];
  const config = resolveConfig({
    flags: {},
    env: { KAFKA_BROKERS: brokers.join(",") },
    dotenv: {},
    os: Deno.build.os,
  });
  const clients = (downs: readonly string[]) =>
    new KafkaClients(config, captureOutput().out, {
      probe: (address) =>
        Promise.resolve(
          downs.includes(address) ? { ok: false, reason: "connection refused" } : { ok: true },
        ),
    });
  // What kafkajs gave after its connection to the dead leader failed: it names every address.
  const cause = new K.KafkaJSNumberOfRetriesExceeded(
    new K.KafkaJSConnectionError("Connection error: connect ECONNREFUSED", {
      code: "ECONNREFUSED",
    }),
    { retryCount: 5, retryTime: 1000 },
  );
  const before = translateError(cause, { brokers });
  assert.equal(before.exitCode, ExitCode.unreachable);

  const one = await clients(["localhost:19093"]).whoIsDown(cause);
  assert.ok(one);
  assert.equal(one.exitCode, ExitCode.failed, "others answer: not exit 3");
  assert.match(one.message, /^Kafka broker localhost:19093 \(connection refused\) does not answer/);
  assert.match(one.message, /while localhost:19092, localhost:19094 answer/);
  assert.match(one.text.ru, /localhost:19093 \(соединение отклонено\) не отвечает/);

  const all = await clients(brokers).whoIsDown(cause);
  assert.ok(all instanceof UnreachableError, "none answers: exit 3");
  for (const b of brokers) assert.match(all.message, new RegExp(`${b} \\(connection refused\\)`));

  assert.equal(await clients([]).whoIsDown(cause), undefined, "all answer: the error stands");
});
