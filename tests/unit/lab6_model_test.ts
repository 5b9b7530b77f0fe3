import assert from "node:assert/strict";
import {
  batchBytes,
  effectiveMinIsr,
  fitsLimit,
  heartbeatFor,
  LIVENESS,
  livenessVerdict,
  replicasToSpare,
  retentionVerdict,
  SIZE,
} from "../../labs/lab6_limits/model.ts";

Deno.test("heartbeatFor advises a third of the session timeout, as the lab's clocks use", () => {
  assert.equal(heartbeatFor(45_000), 15_000);
  assert.equal(heartbeatFor(LIVENESS.sessionTimeoutMs), LIVENESS.heartbeatIntervalMs);
  assert.ok(LIVENESS.heartbeatIntervalMs < LIVENESS.sessionTimeoutMs);
});

const STUCK = ["5", "6", "7"];

Deno.test("livenessVerdict passes a removed member whose records were retaken and whose commit was refused", () => {
  const v = livenessVerdict({
    stuckOffsets: STUCK,
    takeoverOffsets: ["5", "6", "7", "8"],
    removedAfterMs: 8100,
    lateCommit: { refused: true, code: "UNKNOWN_MEMBER_ID" },
  });
  assert.deepEqual(v, { kicked: true, commitRefused: true, twice: STUCK, ok: true });
});

Deno.test("livenessVerdict fails when the member was never removed", () => {
  const v = livenessVerdict({
    stuckOffsets: STUCK,
    takeoverOffsets: [],
    lateCommit: { refused: false },
  });
  assert.equal(v.kicked, false);
  assert.equal(v.commitRefused, false);
  assert.deepEqual(v.twice, []);
  assert.equal(v.ok, false);
});

Deno.test("livenessVerdict counts only a group-membership refusal as a refused late commit", () => {
  for (const code of ["ILLEGAL_GENERATION", "REBALANCE_IN_PROGRESS", "UNKNOWN_MEMBER_ID"]) {
    const v = livenessVerdict({
      stuckOffsets: STUCK,
      takeoverOffsets: STUCK,
      removedAfterMs: 7000,
      lateCommit: { refused: true, code },
    });
    assert.equal(v.ok, true, code);
  }
  const timeout = livenessVerdict({
    stuckOffsets: STUCK,
    takeoverOffsets: STUCK,
    removedAfterMs: 7000,
    lateCommit: { refused: true, code: "KafkaJSRequestTimeoutError" },
  });
  assert.equal(timeout.commitRefused, false);
  assert.equal(timeout.ok, false);
});

Deno.test("retentionVerdict says which log starts moved and how many records the group never read", () => {
  const [moved, still] = retentionVerdict([
    { partition: 0, before: 10, after: 29, committed: 24 },
    { partition: 1, before: 0, after: 0, committed: 0 },
  ]);
  assert.equal(moved.moved, true);
  assert.equal(moved.skipped, 5);
  assert.equal(still.moved, false);
  assert.equal(still.skipped, 0);
});

Deno.test("batchBytes makes three records that each fit one batch over the lab's limit", () => {
  assert.ok(fitsLimit([SIZE.fits], SIZE.maxMessageBytes));
  assert.ok(!fitsLimit([SIZE.tooLarge], SIZE.maxMessageBytes));
  assert.ok(fitsLimit([SIZE.batchRecord], SIZE.maxMessageBytes));
  const three = Array.from({ length: SIZE.batchOf }, () => SIZE.batchRecord);
  assert.ok(!fitsLimit(three, SIZE.maxMessageBytes));
  assert.ok(batchBytes(three) > 3 * SIZE.batchRecord);
  assert.equal(batchBytes([]), 61);
});

Deno.test("effectiveMinIsr caps min.insync.replicas at the replica count", () => {
  assert.equal(effectiveMinIsr(3, 2), 2);
  assert.equal(effectiveMinIsr(2, 3), 2);
  assert.equal(effectiveMinIsr(1, 1), 1);
  assert.equal(replicasToSpare(3, 2), 0);
  assert.equal(replicasToSpare(2, 3), 1);
  assert.equal(replicasToSpare(1, 2), 1);
});
