import assert from "node:assert/strict";
import type { LivenessResult } from "../../labs/lab6_limits/liveness.ts";
import type { MinIsrResult } from "../../labs/lab6_limits/min_isr.ts";
import {
  renderLiveness,
  renderMinIsr,
  renderRetention,
  renderSize,
  viewOf,
} from "../../labs/lab6_limits/render.ts";
import type { RetentionResult } from "../../labs/lab6_limits/retention.ts";
import type { SizeResult } from "../../labs/lab6_limits/size.ts";
import { capture } from "./render_support.ts";

const KICKED: LivenessResult = {
  topic: "lab6-liveness",
  group: "lab6-liveness",
  stuckMember: "m-a",
  stuckOffsets: ["0", "1"],
  takeoverOffsets: ["0", "1"],
  removedAfterMs: 8300,
  lateCommit: { refused: true, code: "UNKNOWN_MEMBER_ID" },
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 2000,
  membersAfter: 1,
};

Deno.test("renderLiveness passes a removed member in English and Russian", () => {
  for (const lang of ["en", "ru"] as const) {
    const c = capture(lang);
    assert.equal(renderLiveness(viewOf(c.ctx), c.guide, KICKED), true);
    assert.equal(c.guide.failures, 0);
    assert.match(
      c.stdout().join("\n"),
      lang === "en" ? /removed member A/ : /исключил участника A/,
    );
  }
});

Deno.test("renderLiveness fails a member that kept its partition and committed", () => {
  const c = capture("en", { json: true });
  const kept = {
    ...KICKED,
    removedAfterMs: undefined,
    takeoverOffsets: [],
    lateCommit: { refused: false } as const,
  };
  assert.equal(renderLiveness(viewOf(c.ctx), c.guide, kept), false);
  assert.equal(c.guide.failures, 3);
  const late = c.events().find((e) => e.event === "lab6.check.late-commit");
  assert.deepEqual({ ok: late?.ok, refused: late?.refused }, { ok: false, refused: false });
});

const RETAINED: RetentionResult = {
  topic: "lab6-retention",
  group: "lab6-retention-reader",
  checkIntervalMs: 5000,
  writtenBytes: 2 * 24 * 102_400,
  moves: [{ partition: 0, before: 10, after: 29, committed: 24 }],
  firstRead: [{ partition: 0, offset: 29 }],
  waitedMs: 2600,
};

Deno.test("renderRetention passes a moved log start and a reset to it, and warns of a slow check", () => {
  const c = capture("en", { json: true });
  assert.equal(renderRetention(viewOf(c.ctx), c.guide, RETAINED), true);
  const start = c.events().find((e) => e.event === "lab6.check.log-start");
  assert.equal(start?.skipped, 5);
  const slow = capture("ru");
  renderRetention(viewOf(slow.ctx), slow.guide, { ...RETAINED, checkIntervalMs: 300_000 });
  assert.match(slow.stderr().join("\n"), /раз в 300,0 с/);
});

Deno.test("renderRetention fails when the group did not resume at the log start", () => {
  const c = capture("en");
  const r = { ...RETAINED, firstRead: [{ partition: 0, offset: 24 }] };
  assert.equal(renderRetention(viewOf(c.ctx), c.guide, r), false);
  assert.equal(c.guide.failures, 1);
});

const SIZED: SizeResult = {
  topic: "lab6-size",
  maxMessageBytes: 10_240,
  brokerMessageMaxBytes: 1_048_588,
  attempts: [
    { kind: "fits", sizes: [9000], batchBytes: 9072, written: true, offset: "0" },
    {
      kind: "too-large",
      sizes: [20_000],
      batchBytes: 20_072,
      written: false,
      code: "MESSAGE_TOO_LARGE",
    },
    {
      kind: "batch",
      sizes: [4000, 4000, 4000],
      batchBytes: 12_091,
      written: false,
      code: "MESSAGE_TOO_LARGE",
    },
  ],
};

Deno.test("renderSize fails a batch over the limit that was written", () => {
  const c = capture("en");
  assert.equal(renderSize(viewOf(c.ctx), c.guide, SIZED), true);
  const written = { ...SIZED.attempts[2], written: true, code: undefined, offset: "1" };
  const bad = capture("en");
  const r = { ...SIZED, attempts: [SIZED.attempts[0], SIZED.attempts[1], written] };
  assert.equal(renderSize(viewOf(bad.ctx), bad.guide, r), false);
  assert.match(bad.stdout().join("\n"), /✗ 3 records of 4000 bytes.*written, expected refused/);
});

Deno.test("renderMinIsr shows the effective min ISR and how many replicas may fall behind", () => {
  const r: MinIsrResult = {
    topic: "lab6-min-isr",
    replicas: 2,
    minIsr: 3,
    isr: [1, 2],
    effective: 2,
    written: true,
    offset: "0",
  };
  const c = capture("en");
  assert.equal(renderMinIsr(viewOf(c.ctx), c.guide, r), true);
  const text = c.stdout().join("\n");
  assert.match(text, /min\(3, 2\) = 2/);
  assert.match(text, /0 replica\(s\) may fall behind/);
  const refused = capture("ru");
  const no = { ...r, written: false, offset: undefined, code: "NOT_ENOUGH_REPLICAS" };
  assert.equal(renderMinIsr(viewOf(refused.ctx), refused.guide, no), false);
  assert.match(refused.stdout().join("\n"), /отклонена: NOT_ENOUGH_REPLICAS/);
});

Deno.test("renderRetention fails a log start that stayed below the group's committed offset", () => {
  const c = capture("en", { json: true });
  const r = { ...RETAINED, moves: [{ partition: 0, before: 10, after: 10, committed: 24 }] };
  assert.equal(renderRetention(viewOf(c.ctx), c.guide, r), false);
  const start = c.events().find((e) => e.event === "lab6.check.log-start");
  assert.equal(start?.ok, false);
});
