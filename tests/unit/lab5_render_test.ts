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
import {
  renderChaos,
  renderFigures,
  renderWorkerFailed,
} from "../../labs/lab5_guarantees/render.ts";
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

const ACKS = {
  rows: [
    row("acks=0", { sent: 10, acked: 10, found: range(1, 8) }),
    row("acks=1", { sent: 10, acked: 10, found: range(1, 10) }),
    row("acks=all", { sent: 10, acked: 9, found: [...range(1, 10), 3] }, {
      ambiguous: 1,
      codes: ["REQUEST_TIMED_OUT"],
    }),
  ],
};

function showAcks(lang: Lang, json = false) {
  const c = capture(lang, json);
  renderAcksStep(c.sc, { kind: "topics", topics: ["a0", "a1", "aall"], leader: 3 });
  renderAcksStep(c.sc, { kind: "broker-killed", broker: 3, at: 1_700_000_000_000 });
  renderAcksStep(c.sc, { kind: "broker-back", broker: 3, full: true, seconds: 4.25 });
  renderAcks(c.sc, ACKS);
  return c;
}

Deno.test("renderAcks shows the steps, the figures table and what each row means, in English", () => {
  const c = showAcks("en");
  assert.deepEqual(c.stdout(), [
    "  ✓ 3 topics created, all led by broker 3",
    "  ✓ broker 3 killed (SIGKILL)",
    "  ✓ broker 3 started again; the ISR is full again after 4.3 s",
    "    run       sent  acknowledged  failed  in topic  lost  duplicated",
    "    acks=0    10    10            0       8         2     0",
    "    acks=1    10    10            0       10        0     0",
    "    acks=all  10    9             1       10        0     1",
    "    acks=0: 2 acknowledged record(s) are not in the topic: the producer was told yes, and the records are gone.",
    "    acks=1: nothing lost, nothing duplicated in this run; 0 record(s) were reported as failed to the producer.",
    "    acks=all: nothing acknowledged was lost, but 1 record(s) are in the topic twice: a retry re-sent requests whose answer was lost.",
    "    acks=1 loses a record when the leader answers and dies before a follower has copied it, and a follower becomes the new leader. Followers of the local cluster fetch within milliseconds, so that window is short; acks=all closes it.",
  ]);
  assert.equal(c.lines.failures, 0);
  assert.deepEqual(acksSummary(c.sc.t, ACKS), [
    "acks=0: 10 acknowledged, 2 lost, 0 duplicated",
    "acks=1: 10 acknowledged, 0 lost, 0 duplicated",
    "acks=all: 9 acknowledged, 0 lost, 1 duplicated",
  ]);
});

Deno.test("renderAcks speaks Russian with --lang ru, decimals with a comma", () => {
  const c = showAcks("ru");
  const out = c.stdout();
  assert.equal(out[0], "  ✓ создано топиков: 3, все ведёт брокер 3");
  assert.equal(out[2], "  ✓ брокер 3 запущен снова; ISR снова полный через 4,3 с");
  assert.match(
    out[3],
    /^ {4}запуск +отправлено +подтверждено +ошибка +в топике +потеряно +дублей$/,
  );
  assert.equal(
    out[7],
    "    acks=0: подтверждённых записей нет в топике: 2. Продюсеру ответили «да», а записей больше нет.",
  );
  assert.deepEqual(acksSummary(c.sc.t, ACKS)[2], "acks=all: подтверждено 9, потеряно 0, дублей 1");
});

Deno.test("renderAcks --json: the steps' events, then one lab5.figures event per row, no table", () => {
  const c = showAcks("en", true);
  const evs = c.events();
  assert.deepEqual(evs.map((e) => e.event), [
    "lab5.topics.created",
    "lab5.broker.killed",
    "lab5.broker.back",
    "lab5.figures",
    "lab5.figures",
    "lab5.figures",
  ]);
  assert.deepEqual(evs[0], {
    event: "lab5.topics.created",
    ok: true,
    topics: ["a0", "a1", "aall"],
    leader: 3,
  });
  assert.deepEqual(evs[1], { event: "lab5.broker.killed", ok: true, broker: 3, at: 1700000000000 });
  assert.deepEqual(evs[2], { event: "lab5.broker.back", ok: true, broker: 3, seconds: 4.25 });
  assert.deepEqual(evs[5], {
    event: "lab5.figures",
    part: "acks",
    key: "acks=all",
    label: "acks=all",
    sent: 10,
    acknowledged: 9,
    failed: 1,
    found: 11,
    distinct: 10,
    lost: 0,
    duplicated: 1,
    failedButWritten: 1,
    refused: 0,
    ambiguous: 1,
    codes: ["REQUEST_TIMED_OUT"],
    lostIds: [],
    duplicatedIds: ["r-3"],
  });
  assert.deepEqual(evs[3].lostIds, ["r-9", "r-10"]);
});

Deno.test("renderChaos: a broker not back is a failure; without seconds the short line", () => {
  for (const lang of ["en", "ru"] as const) {
    const c = capture(lang);
    renderChaos(c.sc, { kind: "broker-back", broker: 2, full: true });
    renderChaos(c.sc, { kind: "broker-starting", broker: 2 });
    renderChaos(c.sc, { kind: "broker-back", broker: 2, full: false, seconds: 120 });
    assert.deepEqual(c.stdout(), [
      lang === "en"
        ? "  ✓ broker 2 started again; the ISR is full again"
        : "  ✓ брокер 2 запущен снова; ISR снова полный",
      lang === "en"
        ? "  ✗ broker 2 was started again, but the ISR is not full yet; see `kafka-lab status`"
        : "  ✗ брокер 2 запущен снова, но ISR ещё не полный; см. `kafka-lab status`",
    ]);
    assert.equal(c.lines.failures, 1);
  }
  const j = capture("en", true);
  renderChaos(j.sc, { kind: "broker-killed", broker: 2, kill: 1 });
  renderChaos(j.sc, { kind: "broker-starting", broker: 2 });
  renderChaos(j.sc, { kind: "broker-back", broker: 2, full: false, seconds: 120 });
  renderChaos(j.sc, { kind: "broker-stopped", broker: 3 });
  assert.deepEqual(j.events(), [
    { event: "lab5.broker.killed", ok: true, broker: 2, kill: 1 },
    { event: "lab5.broker.starting", broker: 2 },
    { event: "lab5.broker.back", ok: false, broker: 2 },
    { event: "lab5.broker.stopped", ok: true, broker: 3 },
  ]);
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

// ------------------------------------------------------------------ part 3

const IDEM = {
  rows: [
    row("plain", { sent: 4, acked: 4, found: [1, 2, 2, 3, 4] }),
    row("kafkajs", { sent: 4, acked: 4, found: [1, 2, 3, 4] }),
    row("safe", { sent: 4, acked: 3, found: [1, 2, 3] }, { refused: 1, codes: ["X", "Y"] }),
  ],
};

Deno.test("renderIdempotence explains each producer's row; the safe one fails unless all is acknowledged once", () => {
  const c = capture("en");
  renderIdempotenceStep(c.sc, { kind: "topics", topics: ["p", "k", "s"], kills: 2 });
  renderIdempotenceStep(c.sc, { kind: "broker-killed", broker: 3, kill: 1 });
  renderIdempotenceStep(c.sc, { kind: "broker-starting", broker: 3 });
  renderIdempotenceStep(c.sc, { kind: "broker-back", broker: 3, full: true });
  renderIdempotenceStep(c.sc, { kind: "kills-done", killed: 1, planned: 2 });
  renderIdempotence(c.sc, IDEM);
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
  assert.deepEqual(idempotenceSummary(c.sc.t, IDEM), [
    "no idempotence: 0 lost, 1 duplicated",
    "kafkajs idempotent, unsafe: 0 lost, 0 duplicated",
    "idempotent, fixed partition: 0 lost, 0 duplicated",
  ]);
  const ru = capture("ru");
  renderIdempotence(ru.sc, IDEM);
  assert.match(ru.stdout()[0], /^ {4}запуск +отправлено/);
  assert.match(
    ru.stdout().at(-1)!,
    /^ {2}✗ идемпотентный, партиция зафиксирована: потеряно 0, дублей 0/,
  );
});

Deno.test("renderIdempotence --json: figures with the producer kind as key, then the safe verdict", () => {
  const c = capture("en", true);
  renderIdempotenceStep(c.sc, { kind: "topics", topics: ["p", "s"], kills: 2 });
  renderIdempotenceStep(c.sc, { kind: "kills-done", killed: 2, planned: 2 });
  renderIdempotence(c.sc, {
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
