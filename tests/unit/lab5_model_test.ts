import assert from "node:assert/strict";
import {
  classifySendError,
  countIds,
  demoHandlerFails,
  failureHeaders,
  headerText,
  processingTally,
  retryDelayMs,
  retryOutcome,
  retryState,
  routeAfterFailure,
  tally,
} from "../../labs/lab5_guarantees/model.ts";
import { selectedParts } from "../../labs/lab5_guarantees/guided.ts";
import { partitionDone } from "../../labs/lab5_guarantees/records.ts";
import { UsageError } from "../../lib/errors.ts";

Deno.test("tally counts acknowledged-but-missing records as lost and extra copies as duplicated", () => {
  const c = tally({
    sent: ["a", "b", "c", "d"],
    acknowledged: ["a", "b", "c"],
    found: ["a", "a", "a", "c", "d", "x"],
  });
  assert.equal(c.sent, 4);
  assert.equal(c.acknowledged, 3);
  assert.equal(c.failed, 1);
  assert.equal(c.lost, 1);
  assert.deepEqual(c.lostIds, ["b"]);
  assert.equal(c.duplicated, 2);
  assert.deepEqual(c.duplicatedIds, ["a"]);
  assert.equal(c.found, 5, "x was never sent and is ignored");
  assert.equal(c.distinct, 3);
  assert.equal(c.failedButWritten, 1, "d was reported failed yet is in the topic");
});

Deno.test("tally of a clean run has nothing lost or duplicated", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `r-${i}`);
  const c = tally({ sent: ids, acknowledged: ids, found: [...ids].reverse() });
  assert.deepEqual([c.lost, c.duplicated, c.failed, c.distinct], [0, 0, 0, 1000]);
});

Deno.test("tally does not call a refused record lost", () => {
  const c = tally({ sent: ["a", "b"], acknowledged: [], found: [] });
  assert.equal(c.lost, 0);
  assert.equal(c.failed, 2);
});

Deno.test("countIds counts repeats", () => {
  assert.deepEqual([...countIds(["a", "b", "a"])], [["a", 2], ["b", 1]]);
});

Deno.test("processingTally tells lost from reprocessed records", () => {
  const input = ["1", "2", "3", "4", "5"];
  const atMostOnce = processingTally(input, ["1", "2", "5"]);
  assert.deepEqual([atMostOnce.lost, atMostOnce.reprocessed], [2, 0]);
  const atLeastOnce = processingTally(input, ["1", "2", "3", "2", "3", "4", "5"]);
  assert.deepEqual([atLeastOnce.lost, atLeastOnce.reprocessed], [0, 2]);
  assert.equal(atLeastOnce.processed, 7);
});

Deno.test("classifySendError calls NOT_ENOUGH_REPLICAS refused and a lost connection ambiguous", () => {
  const refused = classifySendError({
    name: "KafkaJSNumberOfRetriesExceeded",
    cause: { name: "KafkaJSProtocolError", type: "NOT_ENOUGH_REPLICAS" },
  });
  assert.deepEqual(refused, { outcome: "refused", code: "NOT_ENOUGH_REPLICAS" });
  const timeout = classifySendError({ name: "KafkaJSProtocolError", type: "REQUEST_TIMED_OUT" });
  assert.equal(timeout.outcome, "ambiguous");
  const closed = classifySendError({ name: "KafkaJSConnectionClosedError", message: "x" });
  assert.deepEqual(closed, { outcome: "ambiguous", code: "KafkaJSConnectionClosedError" });
});

Deno.test("routeAfterFailure retries until maxAttempts failures, then dead-letters", () => {
  assert.equal(routeAfterFailure(1, 3), "retry");
  assert.equal(routeAfterFailure(2, 3), "retry");
  assert.equal(routeAfterFailure(3, 3), "dlq");
  assert.equal(routeAfterFailure(1, 1), "dlq");
});

Deno.test("retryDelayMs doubles per attempt up to the cap", () => {
  assert.deepEqual([1, 2, 3, 4].map((a) => retryDelayMs(a, 100)), [100, 200, 400, 800]);
  assert.equal(retryDelayMs(20, 100, 5000), 5000);
});

Deno.test("failure headers round-trip through retryState and headerText", () => {
  const h = failureHeaders({ id: "m1", attempt: 2, notBefore: 1234, reason: "boom", origin: "t" });
  const asBuffers = Object.fromEntries(
    Object.entries(h).map(([k, v]) => [k, new TextEncoder().encode(v)]),
  );
  assert.deepEqual(retryState(asBuffers), { attempt: 2, notBefore: 1234 });
  assert.equal(headerText(asBuffers, "retry-reason"), "boom");
  assert.deepEqual(retryState(undefined), { attempt: 0, notBefore: 0 });
  assert.deepEqual(retryState({ "retry-attempt": "x" }), { attempt: 0, notBefore: 0 });
});

Deno.test("demoHandlerFails fails transient records a few times and poison records always", () => {
  const rule = { failEvery: 4, failTimes: 2, poisonEvery: 15 };
  assert.equal(demoHandlerFails(1, 0, rule), false);
  assert.deepEqual([0, 1, 2].map((a) => demoHandlerFails(8, a, rule)), [true, true, false]);
  assert.deepEqual([0, 1, 2, 9].map((a) => demoHandlerFails(15, a, rule)), [
    true,
    true,
    true,
    true,
  ]);
});

Deno.test("retryOutcome finds lost and twice-processed ids", () => {
  const o = retryOutcome(["a", "b", "c", "d"], ["a", "b", "b"], ["c"]);
  assert.deepEqual(o, { input: 4, processedOnce: 1, processedTwice: 1, inDlq: 1, lost: 1 });
});

Deno.test("selectedParts reads --parts in course order and refuses unknown parts", () => {
  assert.deepEqual(selectedParts("5,1,5"), ["acks", "exactly-once"]);
  assert.deepEqual(selectedParts("1,2,3,4,5,6").length, 6);
  assert.throws(() => selectedParts("7"), UsageError);
  assert.throws(() => selectedParts("a"), UsageError);
});

Deno.test("partitionDone waits for both the end taken before reading and the last fetch's high watermark", () => {
  // a data batch ends at 41, the commit marker at 42 is not read yet: not done
  assert.equal(partitionDone({ lastOffset: "41", highWatermark: "43" }, 43n), false);
  // the marker-only fetch (no eachBatch call, but END_BATCH_PROCESS) reaches it
  assert.equal(partitionDone({ lastOffset: "42", highWatermark: "43" }, 43n), true);
  // the end taken before reading was the last stable offset; a later transaction's
  // markers raise the high watermark: read on until it
  assert.equal(partitionDone({ lastOffset: "29", highWatermark: "43" }, 30n), false);
  // nothing new since: the end before reading is enough
  assert.equal(partitionDone({ lastOffset: "99", highWatermark: "100" }, 100n), true);
  assert.equal(partitionDone({ lastOffset: "98", highWatermark: "100" }, 100n), false);
});
