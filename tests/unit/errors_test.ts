import assert from "node:assert/strict";
import {
  ExitCode,
  KafkaLabError,
  networkFailure,
  protocolErrorType,
  translateError,
  UnreachableError,
} from "../../lib/errors.ts";

function kafkajsError(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, ...extra });
}

Deno.test("translateError maps refused connections to exit code 3 naming the brokers", () => {
  const err = kafkajsError("KafkaJSNumberOfRetriesExceeded", "retries exceeded", {
    originalError: kafkajsError(
      "KafkaJSConnectionError",
      "Connection error: connect ECONNREFUSED 127.0.0.1:19092",
    ),
  });
  const t = translateError(err, { brokers: ["localhost:19092"], startHint: "start it" });
  assert.ok(t instanceof UnreachableError);
  assert.equal(t.exitCode, ExitCode.unreachable);
  assert.match(t.message, /no Kafka broker answers at localhost:19092 \(connection refused\)/);
  assert.match(t.hint ?? "", /^start it/);
});

Deno.test("networkFailure recognises DNS failures and timeouts", () => {
  assert.equal(
    networkFailure(new Error("getaddrinfo ENOTFOUND kafka")),
    "host name does not resolve",
  );
  assert.equal(
    networkFailure(new Error("failed to lookup address information")),
    "host name does not resolve",
  );
  assert.equal(
    networkFailure(kafkajsError("KafkaJSConnectionError", "Connection timeout")),
    "timed out",
  );
  assert.equal(networkFailure(new Error("Topic creation errors")), undefined);
});

Deno.test("translateError puts protocol errors into plain words with hints", () => {
  const agg = kafkajsError("KafkaJSAggregateError", "Topic creation errors", {
    errors: [
      kafkajsError(
        "KafkaJSCreateTopicError",
        "Replication factor: 4 larger than available brokers: 3.",
        {
          type: "INVALID_REPLICATION_FACTOR",
        },
      ),
    ],
  });
  assert.equal(protocolErrorType(agg), "INVALID_REPLICATION_FACTOR");
  const t = translateError(agg);
  assert.equal(t.exitCode, ExitCode.failed);
  assert.match(t.message, /replication factor is larger than the number of brokers/);
  assert.ok(t.hint);
});

Deno.test("translateError keeps an unknown protocol type visible", () => {
  const t = translateError(
    kafkajsError("KafkaJSProtocolError", "weird", { type: "SOMETHING_NEW" }),
  );
  assert.match(t.message, /SOMETHING_NEW/);
});

Deno.test("translateError passes KafkaLabErrors through and wraps anything else", () => {
  const own = new KafkaLabError("mine", { hint: "h" });
  assert.equal(translateError(own), own);
  const t = translateError("a string");
  assert.equal(t.message, "a string");
  assert.equal(t.exitCode, 1);
});
