/**
 * Lab 5's renderers without a cluster: a part's typed steps and result in,
 * the lines a user reads (English and Russian) and the `--json` events out,
 * each event checked against the catalogue.
 */
import assert from "node:assert/strict";
import type { Lang } from "../../lib/i18n.ts";
import { tally } from "../../labs/lab5_guarantees/model.ts";
import { OutputLines, screen } from "../../labs/lab5_guarantees/report.ts";
import type { FigureKey, FigureRow } from "../../labs/lab5_guarantees/steps.ts";
import { renderFigures, renderWorkerFailed } from "../../labs/lab5_guarantees/render.ts";
import { acksSummary, renderAcks, renderAcksStep } from "../../labs/lab5_guarantees/acks_render.ts";
import {
  minIsrSummary,
  renderMinIsr,
  renderMinIsrStep,
} from "../../labs/lab5_guarantees/min_isr_render.ts";
import {
  idempotenceSummary,
  renderIdempotence,
  renderIdempotenceStep,
} from "../../labs/lab5_guarantees/idempotence_render.ts";
import {
  asideSummary,
  renderAside,
  renderAsideStep,
} from "../../labs/lab5_guarantees/kafkajs_aside_render.ts";
import {
  renderSemantics,
  renderSemanticsStep,
  semanticsSummary,
} from "../../labs/lab5_guarantees/semantics_render.ts";
import {
  exactlyOnceSummary,
  renderExactlyOnce,
  renderExactlyOnceStep,
} from "../../labs/lab5_guarantees/exactly_once_render.ts";
import {
  renderRetry,
  renderRetryStep,
  retrySummary,
} from "../../labs/lab5_guarantees/retry_render.ts";
import type { MinIsrResult } from "../../labs/lab5_guarantees/min_isr.ts";
import type { RetryResult } from "../../labs/lab5_guarantees/retry_dlq.ts";
import type { ExactlyOnceResult } from "../../labs/lab5_guarantees/exactly_once.ts";
import { selectedParts } from "../../labs/lab5_guarantees/guided.ts";
import { UsageError } from "../../lib/errors.ts";
import { captureOutput, type Event, events } from "../helpers.ts";

/** A screen over a captured output: what a renderer printed, as lines or as events. */
function capture(lang: Lang, json = false) {
  const cap = captureOutput({ json, verbose: true });
  const lines = new OutputLines(cap.out);
  return {
    sc: screen(cap.out, lines, lang),
    lines,
    /** Stdout, line by line, without the empty ones. */
    stdout: () => cap.stdout.join("").split("\n").filter((l) => l !== ""),
    stderr: () => cap.stderr.join(""),
    events: (): Event[] => events(cap.stdout.join("")),
  };
}

/** A row of figures: `sent` records 1..n, the acknowledged ones, and what was found. */
function row(
  key: FigureKey,
  f: { sent: number; acked: number; found: number[] },
  extra: Partial<FigureRow> = {},
): FigureRow {
  const ids = Array.from({ length: f.sent }, (_, i) => `r-${i + 1}`);
  return {
    key,
    tally: tally({
      sent: ids,
      acknowledged: ids.slice(0, f.acked),
      found: f.found.map((n) => `r-${n}`),
    }),
    ...extra,
  };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ------------------------------------------------------------------ part 1

const CAST = {
  leader: 3,
  followers: [1, 2],
  address: new Map([[1, "h:1"], [2, "h:2"], [3, "h:3"]]),
};
const state = (leader: number, epoch: number, isr: number[], hw: number) => ({
  answeredBy: `h:${leader}`,
  leader,
  leaderEpoch: epoch,
  isr,
  replicas: [3, 1, 2],
  highWatermark: hw,
});
const KEYS = ["acks=0", "acks=1", "acks=all"] as const;

/** What a run on the cluster measured: acks=0 and acks=1 lost all 5, acks=all acknowledged none. */
const ACKS = {
  newEpoch: 1,
  rows: [
    row("acks=0", { sent: 5, acked: 5, found: [] }),
    row("acks=1", { sent: 5, acked: 5, found: [] }),
    row("acks=all", { sent: 5, acked: 0, found: [] }, {
      ambiguous: 5,
      codes: ["REQUEST_TIMED_OUT"],
    }),
  ],
};

function showAcks(lang: Lang, json = false, result = ACKS) {
  const c = capture(lang, json);
  renderAcksStep(c.sc, { kind: "topics", topics: ["a0", "a1", "aall"], cast: CAST });
  renderAcksStep(c.sc, {
    kind: "cluster",
    moment: "before",
    states: KEYS.map((key) => ({ key, state: state(3, 0, [3, 1, 2], 1) })),
  });
  renderAcksStep(c.sc, { kind: "paused", brokers: [1, 2] });
  renderAcksStep(c.sc, { kind: "sent", key: "acks=1", records: 5, end: { ok: true, ms: 6 } });
  renderAcksStep(c.sc, {
    kind: "sent",
    key: "acks=all",
    records: 5,
    end: { ok: false, code: "REQUEST_TIMED_OUT", ms: 2010 },
  });
  renderAcksStep(c.sc, { kind: "paused", brokers: [3] });
  renderAcksStep(c.sc, { kind: "sent", key: "acks=0", records: 5, end: { ok: true, ms: 17 } });
  renderAcksStep(c.sc, { kind: "killed", broker: 3 });
  renderAcksStep(c.sc, { kind: "resumed", brokers: [1, 2] });
  renderAcksStep(c.sc, {
    kind: "cluster",
    moment: "after-failover",
    states: KEYS.map((key) => ({ key, state: state(1, 1, [1, 2], 1) })),
  });
  renderAcksStep(c.sc, { kind: "restarted", broker: 3, full: true });
  renderAcks(c.sc, result);
  return c;
}

Deno.test("renderAcks: the timeline, the table (acks=0 'reported sent') and each lesson, in English", () => {
  const c = showAcks("en");
  const out = c.stdout();
  assert.equal(
    out[0],
    "    3 topics, one partition each, replicas [3,1,2]: broker 3 leads, brokers 1, 2 follow",
  );
  assert.equal(
    out[1],
    "    before: broker h:3 says leader 3 (epoch 0), ISR [3,1,2]; high watermark acks=0 1, acks=1 1, acks=all 1",
  );
  assert.match(out[2], /^ {4}brokers 1, 2 paused \(SIG/);
  assert.equal(out[3], "    acks=1: 5 record(s) sent, acknowledged after 6 ms");
  assert.equal(
    out[4],
    "    acks=all: 5 record(s) sent, not acknowledged: REQUEST_TIMED_OUT after 2010 ms",
  );
  assert.match(
    out[6],
    /^ {4}acks=0: 5 record\(s\) reported sent after 17 ms: acks=0 asks for no acknowledgement/,
  );
  assert.match(
    out[9],
    /^ {4}after the failover: broker h:1 says leader 1 \(epoch 1\), ISR \[1,2\]/,
  );
  assert.match(out.find((l) => l.includes("acks=0  "))!, /acks=0 +5 +5 reported sent +0 +0 +5 +0/);
  assert.ok(out.some((l) => l.includes("not idempotent")));
  assert.match(out.at(-3)!, /^ {2}✓ acks=0: 5 of 5 records reported sent are not in the topic/);
  assert.match(out.at(-2)!, /^ {2}✓ acks=1: 5 acknowledged record\(s\) lost.*epoch 1/);
  assert.match(out.at(-1)!, /^ {2}✓ acks=all: 0 acknowledged, 0 lost.*REQUEST_TIMED_OUT/);
  assert.equal(c.lines.failures, 0);
  assert.deepEqual(acksSummary(c.sc.t, ACKS), [
    "acks=0: 5 reported sent (no acknowledgement asked), 5 lost",
    "acks=1: 5 acknowledged, 5 lost, 0 duplicated",
    "acks=all: 0 acknowledged, 0 lost, 0 duplicated",
  ]);
});

Deno.test("renderAcks: an outcome against the lesson is a ✗ (acks=1 lost nothing, acks=all lost one)", () => {
  const c = showAcks("en", false, {
    newEpoch: 1,
    rows: [
      ACKS.rows[0],
      row("acks=1", { sent: 5, acked: 5, found: range(1, 5) }),
      row("acks=all", { sent: 5, acked: 5, found: range(1, 4) }),
    ],
  });
  assert.equal(c.lines.failures, 2);
  assert.ok(c.stdout().includes("  ✗ acks=1: expected a loss, measured 0 lost, 0 duplicated"));
  assert.ok(c.stdout().includes("  ✗ acks=all: expected no loss, measured 1 lost, 0 duplicated"));
});

Deno.test("renderAcks speaks Russian with --lang ru", () => {
  const c = showAcks("ru");
  const out = c.stdout();
  assert.match(out[0], /^ {4}3 топика по одной партиции, реплики \[3,1,2\]/);
  assert.match(out[6], /^ {4}acks=0: записей 5 «отправлены» через 17 мс/);
  assert.match(out.find((l) => l.includes("acks=0  "))!, /5 «отправлено»/);
  assert.match(out.at(-2)!, /^ {2}✓ acks=1: потеряно подтверждённых записей: 5/);
});

Deno.test("renderAcks --json: timeline events, figures and outcomes, every one in the catalogue", () => {
  const c = showAcks("en", true);
  const evs = c.events();
  const names = evs.map((e) => e.event);
  assert.equal(names.filter((n) => n === "lab5.figures").length, 3);
  assert.deepEqual(names.filter((n) => n === "lab5.outcome").length, 3);
  const sent = evs.filter((e) => e.event === "lab5.timeline" && e.step === "sent");
  assert.deepEqual(sent.map((e) => [e.key, e.acknowledged, e.reportedSent]), [
    ["acks=1", true, true],
    ["acks=all", false, false],
    ["acks=0", false, true],
  ]);
  const cluster = evs.filter((e) => e.event === "lab5.timeline" && e.step === "cluster");
  assert.equal(cluster.length, 6);
  assert.deepEqual(cluster[3], {
    event: "lab5.timeline",
    step: "cluster",
    key: "acks=0",
    moment: "after-failover",
    broker: 1,
    leader: 1,
    leaderEpoch: 1,
    isr: [1, 2],
    highWatermark: 1,
  });
  assert.equal(c.stdout().filter((l) => !l.startsWith("{")).length, 0);
});

// ------------------------------------------------------------------ part 2

const MIN_ISR: MinIsrResult = {
  count: 3,
  oneDown: row("one-down", { sent: 3, acked: 3, found: range(1, 3) }),
  refused: { ...row("refused", { sent: 3, acked: 0, found: [] }), refused: 3, found: 0 },
  up: row("up", { sent: 3, acked: 3, found: range(1, 3) }),
};

function showMinIsr(lang: Lang, json = false) {
  const c = capture(lang, json);
  renderMinIsrStep(c.sc, { kind: "topic", topic: "t", isr: [1, 2, 3] });
  renderMinIsrStep(c.sc, { kind: "broker-stopped", broker: 3 });
  renderMinIsrStep(c.sc, { kind: "tolerated", acknowledged: 3, count: 3, isr: [1, 2] });
  renderMinIsrStep(c.sc, { kind: "raised" });
  renderMinIsrStep(c.sc, {
    kind: "refused",
    refused: 3,
    count: 3,
    codes: ["NOT_ENOUGH_REPLICAS"],
    acknowledged: 0,
    inTopic: 3,
    before: 3,
    acks1: { ok: true },
  });
  renderMinIsrStep(c.sc, { kind: "back", full: true, isr: [1, 2, 3], seconds: 7.5 });
  renderMinIsr(c.sc, MIN_ISR);
  return c;
}

Deno.test("renderMinIsr shows every stage with its verdict, then the figures", () => {
  const c = showMinIsr("en");
  assert.deepEqual(c.stdout(), [
    "  ✓ topic t: replication factor 3, min.insync.replicas=2, ISR 1,2,3",
    "  ✓ broker 3 stopped (SIGTERM: controlled shutdown)",
    "  ✓ one broker down, ISR 1,2: 3 of 3 acks=all writes acknowledged (min.insync.replicas=2 tolerates one failure)",
    "    min.insync.replicas raised to 3: the ISR (2) is now smaller than min.insync.replicas, as with two of three brokers down at min.insync.replicas=2",
    "  ✓ 3 of 3 acks=all writes refused (NOT_ENOUGH_REPLICAS): the producer knows they were not written",
    "    records in the topic after the refused writes: 3, of which 3 were accepted before them",
    "    an acks=1 write went through all the same: min.insync.replicas only guards acks=all, and acks=1 does not wait for any follower, so the leader may hold the only copy when it answers",
    "  ✓ broker 3 started again: ISR 1,2,3 after 7.5 s",
    "  ✓ the refused records sent again: 3 of 3 acknowledged, 3 in the topic",
    "    run                 sent  acknowledged  failed  in topic  lost  duplicated",
    "    1 down, min.isr=2   3     3             0       3         0     0",
    "    1 down, min.isr=3   3     0             3       0         0     0",
    "    all up, sent again  3     3             0       3         0     0",
  ]);
  assert.equal(c.lines.failures, 0);
  assert.deepEqual(minIsrSummary(c.sc.t, MIN_ISR), [
    "min.insync.replicas: 3 accepted with one broker down, 3 refused with the ISR short, 0 lost",
  ]);
});

Deno.test("renderMinIsr in Russian and as events: the ISR as a list, the refused row's records in the topic", () => {
  const ru = showMinIsr("ru").stdout();
  assert.equal(ru[7], "  ✓ брокер 3 запущен снова: ISR 1,2,3 через 7,5 с");
  assert.match(ru.at(-2)!, /^ {4}1 остановлен, min\.isr=3 +3 +0 +3 +0 +0 +0$/);
  const evs = showMinIsr("en", true).events();
  assert.deepEqual(evs.map((e) => e.event), [
    "lab5.topic.created",
    "lab5.broker.stopped",
    "lab5.min-isr.tolerated",
    "lab5.min-isr.refused",
    "lab5.min-isr.back",
    "lab5.min-isr.resent",
    "lab5.figures",
    "lab5.figures",
    "lab5.figures",
  ]);
  assert.deepEqual(evs[2], {
    event: "lab5.min-isr.tolerated",
    ok: true,
    acknowledged: 3,
    count: 3,
    isr: "1,2",
  });
  assert.deepEqual(evs[3], {
    event: "lab5.min-isr.refused",
    ok: true,
    refused: 3,
    count: 3,
    codes: ["NOT_ENOUGH_REPLICAS"],
    acknowledged: 0,
  });
  assert.deepEqual(evs[4], { event: "lab5.min-isr.back", ok: true, isr: [1, 2, 3], seconds: 7.5 });
  assert.deepEqual(evs[5], { event: "lab5.min-isr.resent", ok: true, acknowledged: 3, found: 3 });
  assert.deepEqual([evs[7].key, evs[7].label, evs[7].found], ["refused", "1 down, min.isr=3", 0]);
});

Deno.test("renderMinIsrStep fails a stage whose claim did not hold", () => {
  const c = capture("en");
  renderMinIsrStep(c.sc, { kind: "tolerated", acknowledged: 2, count: 3, isr: [1, 2] });
  renderMinIsrStep(c.sc, {
    kind: "refused",
    refused: 2,
    count: 3,
    codes: ["REQUEST_TIMED_OUT"],
    acknowledged: 1,
    inTopic: 4,
    before: 3,
    acks1: { ok: false, outcome: "refused", code: "NOT_LEADER_OR_FOLLOWER" },
  });
  renderMinIsrStep(c.sc, { kind: "back", full: false, isr: [1, 2], seconds: 180 });
  assert.deepEqual(c.stdout().filter((l) => !l.startsWith("    ")), [
    "  ✗ one broker down, ISR 1,2: 2 of 3 acks=all writes acknowledged (min.insync.replicas=2 tolerates one failure)",
    "  ✗ 2 of 3 acks=all writes refused (REQUEST_TIMED_OUT): the producer knows they were not written",
    "  ✗ broker 3 started again, but the ISR is only 1,2 after 180.0 s",
  ]);
  assert.ok(c.stdout().includes("    an acks=1 write failed too (NOT_LEADER_OR_FOLLOWER)"));
  assert.equal(c.lines.failures, 3);
});

Deno.test("renderFigures shows a row's records read by offset in the table; its event keeps the count by id", () => {
  const refused = { ...row("refused", { sent: 3, acked: 0, found: [] }), refused: 3, found: 2 };
  const c = capture("en");
  renderFigures(c.sc, "min-isr", [refused]);
  assert.match(c.stdout()[1], /^ {4}1 down, min\.isr=3 +3 +0 +3 +2 +0 +0$/);
  const j = capture("en", true);
  renderFigures(j.sc, "min-isr", [refused]);
  const [e] = j.events();
  assert.deepEqual([e.part, e.found, e.distinct, e.refused], ["min-isr", 0, 0, 3]);
});

// ------------------------------------------------------------------ part 3, the kafkajs aside

const IDEM = {
  rows: [
    row("plain", { sent: 4, acked: 4, found: [1, 2, 2, 3, 4] }),
    row("kafkajs", { sent: 4, acked: 4, found: [1, 2, 3, 4] }),
    row("safe", { sent: 4, acked: 3, found: [1, 2, 3] }, { refused: 1, codes: ["X", "Y"] }),
  ],
};

Deno.test("renderIdempotence explains each producer's row; the safe one fails unless all is acknowledged once", () => {
  const c = capture("en");
  renderAsideStep(c.sc, { kind: "topics", topics: ["p", "k", "s"], kills: 2 });
  renderAsideStep(c.sc, { kind: "broker-killed", broker: 3, kill: 1 });
  renderAsideStep(c.sc, { kind: "broker-starting", broker: 3 });
  renderAsideStep(c.sc, { kind: "broker-back", broker: 3, full: true });
  renderAsideStep(c.sc, { kind: "kills-done", killed: 1, planned: 2 });
  renderAside(c.sc, IDEM);
  const out = c.stdout();
  assert.deepEqual(out.slice(0, 4), [
    "  ✓ 3 topics created; 2 broker kill(s) planned",
    "  ✓ broker 3 killed (SIGKILL)",
    "  ✓ broker 3 started again; the ISR is full again",
    "    broker kills done: 1 of 2",
  ]);
  assert.match(out[5], /^ {4}no idempotence +4 +4 +0 +4 +0 +1$/);
  assert.match(out[8], /^ {4}no idempotence: 1 duplicate\(s\)\. A request was written/);
  assert.match(out[9], /^ {4}kafkajs idempotent, unsafe: nothing lost or doubled in this run/);
  assert.equal(
    out[10],
    "    idempotent, fixed partition: 1 record(s) reported as failed to the producer (X, Y): not lost, the application was told and can send them again.",
  );
  assert.equal(
    out[11],
    "  ✗ idempotent, fixed partition: 0 lost, 0 duplicated, although the safe path should prevent it",
  );
  assert.equal(c.lines.failures, 1);
  assert.deepEqual(asideSummary(c.sc.t, IDEM), [
    "no idempotence: 0 lost, 1 duplicated",
    "kafkajs idempotent, unsafe: 0 lost, 0 duplicated",
    "idempotent, fixed partition: 0 lost, 0 duplicated",
  ]);
  const ru = capture("ru");
  renderAside(ru.sc, IDEM);
  assert.match(ru.stdout()[0], /^ {4}запуск +отправлено/);
  assert.match(
    ru.stdout().at(-1)!,
    /^ {2}✗ идемпотентный, партиция зафиксирована: потеряно 0, дублей 0/,
  );
});

Deno.test("renderIdempotence --json: figures with the producer kind as key, then the safe verdict", () => {
  const c = capture("en", true);
  renderAsideStep(c.sc, { kind: "topics", topics: ["p", "s"], kills: 2 });
  renderAsideStep(c.sc, { kind: "kills-done", killed: 2, planned: 2 });
  renderAside(c.sc, {
    rows: [IDEM.rows[0], row("safe", { sent: 4, acked: 4, found: range(1, 4) })],
  });
  const evs = c.events();
  assert.deepEqual(evs.map((e) => [e.event, e.key]), [
    ["lab5.topics.created", undefined],
    ["lab5.figures", "plain"],
    ["lab5.figures", "safe"],
    ["lab5.idempotence.safe", undefined],
  ]);
  assert.deepEqual(evs[0], { event: "lab5.topics.created", ok: true, topics: ["p", "s"] });
  assert.deepEqual(evs[3], { event: "lab5.idempotence.safe", ok: true, lost: 0, duplicated: 0 });
  assert.equal(c.lines.failures, 0);
});

// ------------------------------------------------------------------ part 3

const IDEM_NEW = {
  rows: [
    row("plain", { sent: 3, acked: 3, found: [1, 2, 3, 1, 2, 3] }),
    row("safe", { sent: 3, acked: 3, found: [1, 2, 3] }),
  ],
};

function showIdem(lang: Lang, json = false, result = IDEM_NEW) {
  const c = capture(lang, json);
  renderIdempotenceStep(c.sc, { kind: "topics", topics: ["p", "s"], cast: CAST });
  renderIdempotenceStep(c.sc, { kind: "paused", brokers: [1, 2] });
  renderIdempotenceStep(c.sc, { kind: "sent", key: "plain", records: 3 });
  renderIdempotenceStep(c.sc, { kind: "sent", key: "safe", records: 3 });
  renderIdempotenceStep(c.sc, { kind: "retry" });
  renderIdempotenceStep(c.sc, { kind: "resumed", brokers: [1, 2] });
  renderIdempotenceStep(c.sc, { kind: "ended", key: "plain", end: { ok: true, ms: 4319 } });
  renderIdempotenceStep(c.sc, {
    kind: "cluster",
    moment: "after-resume",
    states: [
      { key: "plain", state: state(3, 0, [3, 1, 2], 7) },
      { key: "safe", state: state(3, 0, [3, 1, 2], 4) },
    ],
  });
  renderIdempotence(c.sc, result);
  return c;
}

Deno.test("renderIdempotence: the retry timeline, a duplicate without idempotence, none with it", () => {
  const c = showIdem("en");
  const out = c.stdout();
  assert.match(
    out[2],
    /^ {4}no idempotence \(acks=all, retries\): 3 record\(s\) sent with acks=all/,
  );
  assert.match(out[4], /REQUEST_TIMED_OUT, after the leader had appended them/);
  assert.equal(out[5], "    brokers 1, 2 resumed (SIGCONT)");
  assert.match(
    out[7],
    /followers resumed: .*high watermark no idempotence 7, idempotent, fixed partition 4$/,
  );
  assert.match(out.at(-2)!, /^ {2}✓ no idempotence \(acks=all, retries\): 3 duplicate\(s\)/);
  assert.match(out.at(-1)!, /^ {2}✓ idempotent \(acks=all, retries\): no duplicate/);
  assert.equal(c.lines.failures, 0);
  assert.deepEqual(idempotenceSummary(c.sc.t, IDEM_NEW), [
    "no idempotence (acks=all, retries): 0 lost, 3 duplicated",
    "idempotent (acks=all, retries): 0 lost, 0 duplicated",
  ]);
});

Deno.test("renderIdempotence: a missing duplicate or a duplicate of the idempotent producer is a ✗", () => {
  const c = showIdem("ru", false, {
    rows: [
      row("plain", { sent: 3, acked: 3, found: [1, 2, 3] }),
      row("safe", { sent: 3, acked: 3, found: [1, 1, 2, 3] }),
    ],
  });
  assert.equal(c.lines.failures, 2);
  assert.match(
    c.stdout().at(-1)!,
    /^ {2}✗ идемпотентный \(acks=all, повторы\): ожидалось без дублей/,
  );
});

Deno.test("renderIdempotence --json: timeline and outcome events in the catalogue", () => {
  const c = showIdem("en", true);
  const evs = c.events();
  const outcomes = evs.filter((e) => e.event === "lab5.outcome");
  assert.deepEqual(outcomes.map((e) => [e.key, e.expected, e.ok]), [
    ["plain", "duplicate", true],
    ["safe", "no-duplicate", true],
  ]);
  assert.ok(evs.some((e) => e.event === "lab5.timeline" && e.step === "retry"));
});

// ------------------------------------------------------------------ part 4

const SEM = {
  modes: [
    {
      commit: "before" as const,
      tally: { input: 60, processed: 55, lost: 5, reprocessed: 0 },
      processedBeforeKill: 25,
    },
    {
      commit: "after" as const,
      tally: { input: 60, processed: 65, lost: 0, reprocessed: 5 },
      processedBeforeKill: 25,
    },
  ],
};

Deno.test("renderSemantics shows the kill and what each mode lost or repeated, in both languages", () => {
  for (const lang of ["en", "ru"] as const) {
    const c = capture(lang);
    renderSemanticsStep(c.sc, { kind: "produced", topic: "in", count: 60 });
    renderSemanticsStep(c.sc, { kind: "consumer-killed", commit: "before", processed: 25 });
    renderSemanticsStep(c.sc, { kind: "mode-done", mode: SEM.modes[0] });
    renderSemanticsStep(c.sc, { kind: "consumer-killed", commit: "after", processed: 25 });
    renderSemanticsStep(c.sc, { kind: "mode-done", mode: SEM.modes[1] });
    renderSemantics(c.sc, SEM);
    const out = c.stdout();
    assert.equal(out.length, 6);
    assert.deepEqual(
      out.slice(0, 3),
      lang === "en"
        ? [
          "  ✓ 60 records written to in",
          "  ✓ commit before processing: consumer killed after processing 25 record(s)",
          "  ✓ at-most-once: of 60 records, 5 never processed (lost), 0 processed twice",
        ]
        : [
          "  ✓ в in записано записей: 60",
          "  ✓ фиксация до обработки: консьюмер убит после обработки записей: 25",
          "  ✓ at-most-once: из 60 записей ни разу не обработано (потеряно) 5, обработано дважды 0",
        ],
    );
    assert.equal(semanticsSummary(c.sc.t, SEM).length, 2);
  }
  assert.deepEqual(semanticsSummary(capture("en").sc.t, SEM), [
    "commit before processing: 5 lost, 0 processed twice",
    "commit after processing: 0 lost, 5 processed twice",
  ]);
});

Deno.test("renderSemanticsStep --json and a failed worker: its stderr with --verbose, a ✗ line, an event", () => {
  const c = capture("ru");
  renderSemanticsStep(c.sc, { kind: "worker-failed", code: 1, errors: "boom" });
  assert.deepEqual(c.stdout(), [
    "  ✗ дочерний процесс завершился с кодом 1; запустите с --verbose, чтобы увидеть его ошибки",
  ]);
  assert.equal(c.stderr(), "debug: вывод дочернего процесса в stderr: boom\n");
  const j = capture("en", true);
  renderSemanticsStep(j.sc, { kind: "produced", topic: "in", count: 60 });
  renderSemanticsStep(j.sc, { kind: "consumer-killed", commit: "after", processed: 25 });
  renderSemanticsStep(j.sc, { kind: "mode-done", mode: SEM.modes[1] });
  renderWorkerFailed(j.sc, { kind: "worker-failed", code: "timeout" });
  assert.deepEqual(j.events(), [
    { event: "lab5.semantics.produced", ok: true, topic: "in" },
    { event: "lab5.consumer.killed", ok: true, commit: "after", processed: 25 },
    {
      event: "lab5.semantics.result",
      ok: true,
      commit: "after",
      input: 60,
      processed: 65,
      lost: 0,
      reprocessed: 5,
    },
    { event: "lab5.worker.failed", ok: false, code: "timeout" },
  ]);
});

// ------------------------------------------------------------------ part 5

const EOS: ExactlyOnceResult = {
  input: 150,
  kills: 2,
  committed: { distinct: 150, duplicated: 0, missing: 0, records: 150 },
  uncommitted: { distinct: 150, duplicated: 20, missing: 0, records: 170 },
};

Deno.test("renderExactlyOnce: each input once for read_committed, the aborted copies for read_uncommitted", () => {
  const c = capture("en");
  renderExactlyOnceStep(c.sc, { kind: "produced", input: "in", output: "out", count: 150 });
  renderExactlyOnceStep(c.sc, { kind: "processor-killed", kill: 1, committed: 2 });
  renderExactlyOnce(c.sc, EOS);
  assert.deepEqual(c.stdout(), [
    "  ✓ 150 records written to in; the processor copies them to out",
    "  ✓ processor killed in the middle of a transaction (1); 2 transaction(s) committed before it",
    "  ✓ read_committed: 150 distinct ids of 150, 0 duplicated, 0 missing: each input record exactly once",
    "    read_uncommitted: 170 records, 20 of them copies from aborted transactions",
  ]);
  assert.deepEqual(exactlyOnceSummary(c.sc.t, EOS), [
    "exactly-once, 2 kill(s): 0 duplicated, 0 missing (read_committed)",
  ]);
  const ru = capture("ru");
  renderExactlyOnce(ru.sc, { ...EOS, committed: { ...EOS.committed, duplicated: 1 } });
  assert.deepEqual(
    ru.stdout()[0],
    "  ✗ read_committed: различных идентификаторов 150 из 150, дублей 1, пропущено 0",
  );
  assert.equal(ru.lines.failures, 1);
  const j = capture("en", true);
  renderExactlyOnceStep(j.sc, { kind: "produced", input: "in", output: "out", count: 150 });
  renderExactlyOnceStep(j.sc, { kind: "processor-killed", kill: 2, committed: 2 });
  renderExactlyOnce(j.sc, EOS);
  assert.deepEqual(j.events(), [
    { event: "lab5.exactly-once.produced", ok: true, input: "in", output: "out" },
    { event: "lab5.processor.killed", ok: true, kill: 2 },
    { event: "lab5.exactly-once.read-committed", ok: true, readCommitted: EOS.committed },
    { event: "lab5.exactly-once.read-uncommitted", ...EOS.uncommitted },
  ]);
});

// ------------------------------------------------------------------ part 6

const RETRY: RetryResult = {
  figures: {
    input: 45,
    processedOnce: 42,
    processedTwice: 0,
    inDlq: 3,
    lost: 0,
    retried: 20,
    duplicatesDropped: 4,
    dlqReasons: 3,
  },
  finished: true,
  settled: 45,
  count: 45,
  sample: { id: "x-000015", attempt: "3", reason: "DemoHandlerError" },
};

Deno.test("renderRetry: where the records ended and a DLQ sample; a timeout fails first", () => {
  const c = capture("en");
  renderRetryStep(c.sc, { kind: "produced", topic: "orders", records: 49, ids: 45 });
  renderRetry(c.sc, RETRY);
  assert.deepEqual(c.stdout(), [
    "  ✓ 49 records (45 ids) written to orders",
    "  ✓ 45 ids: 42 processed once, 0 twice, 3 in the DLQ (3 with a reason), 0 lost; 20 retries, 4 duplicate(s) dropped",
    "    DLQ record x-000015: attempt 3, reason: DemoHandlerError",
  ]);
  assert.deepEqual(retrySummary(c.sc.t, RETRY), [
    "retry/DLQ: 42 processed once, 3 in the DLQ, 0 lost",
  ]);
  const late = capture("ru");
  renderRetry(late.sc, {
    ...RETRY,
    finished: false,
    settled: 40,
    figures: { ...RETRY.figures, lost: 5, processedOnce: 37 },
    sample: { id: "x-000015" },
  });
  assert.deepEqual(late.stdout(), [
    "  ✗ вовремя обработано или отправлено в DLQ только 40 из 45 записей",
    "  ✗ идентификаторов 45: обработано один раз 37, дважды 0, в DLQ 3 (с причиной 3), потеряно 5; повторов 20, отброшено дублей 4",
    "    запись x-000015 в DLQ: попытка ?, причина: ?",
  ]);
  assert.equal(late.lines.failures, 2);
  const j = capture("en", true);
  renderRetryStep(j.sc, { kind: "produced", topic: "orders", records: 49, ids: 45 });
  renderRetry(j.sc, { ...RETRY, finished: false });
  assert.deepEqual(j.events(), [
    { event: "lab5.retry.produced", ok: true, topic: "orders", records: 49 },
    { event: "lab5.retry.timeout", ok: false },
    { event: "lab5.retry.result", ok: true, ...RETRY.figures },
  ]);
});

// ------------------------------------------------------------------ errors

Deno.test("selectedParts says what --parts takes in both languages, from the text table", () => {
  let err: unknown;
  try {
    selectedParts("1,9");
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof UsageError);
  assert.deepEqual(err.text, {
    en: "--parts takes numbers 1 to 6, not '9'",
    ru: "--parts принимает числа от 1 до 6, а не '9'",
  });
  assert.deepEqual(err.hintText, { en: "for example --parts 1,3,5", ru: "например --parts 1,3,5" });
});

Deno.test("renderFigures draws each row as bars: acks=0 'reported sent', never 'acknowledged'; none with --json", () => {
  const rows = [
    row("acks=0", { sent: 5, acked: 5, found: [] }),
    row("acks=1", { sent: 5, acked: 5, found: [] }),
  ];
  for (const lang of ["en", "ru"] as const) {
    const c = capture(lang);
    renderFigures(c.sc, "acks", rows);
    const out = c.stdout();
    const zero = out.findIndex((l) => l.trim() === "acks=0"); // the chart's title line
    const reported = lang === "en" ? "reported sent" : "сообщено «отправлено»";
    const acknowledged = lang === "en" ? "acknowledged" : "подтверждено";
    assert.ok(out.slice(zero, zero + 6).some((l) => l.includes(reported)), out.join("\n"));
    assert.ok(!out.slice(zero, zero + 6).some((l) => l.includes(acknowledged)), out.join("\n"));
    const one = out.findIndex((l, i) => i > zero + 1 && l.trim() === "acks=1");
    assert.ok(out[one + 2].includes(acknowledged), out.join("\n"));
  }
  const j = capture("en", true);
  renderFigures(j.sc, "acks", rows);
  assert.ok(!j.stdout().some((l) => l.includes("█")), "no bars in --json");
});
