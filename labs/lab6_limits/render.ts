/**
 * How lab 6 shows what its parts found: each function takes a part's typed
 * result and writes its lines (from the lab's text table) and `--json`
 * events through the guide. Nothing here talks to Kafka.
 *
 * @example
 * ```ts
 * renderMinIsr(viewOf(ctx), guide, result);
 * ```
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import type { Context } from "../../lib/context.ts";
import type { Guide } from "../../lib/guide.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import type { Output } from "../../lib/output.ts";
import { LAB6_EVENTS } from "./events.ts";
import type { LivenessResult } from "./liveness.ts";
import type { MinIsrResult } from "./min_isr.ts";
import { livenessVerdict, type Part, replicasToSpare, retentionVerdict, SIZE } from "./model.ts";
import type { RetentionResult } from "./retention.ts";
import type { SizeAttempt, SizeResult } from "./size.ts";
import { type Lab6Text, lab6Text } from "./text.ts";

/** Where lab 6's renderers write: the output and the texts in the user's language. */
export interface View {
  readonly out: Output;
  readonly t: Lab6Text;
  readonly lang: Lang;
}

/** The view of a command run. */
export function viewOf(ctx: Context): View {
  const lang = ctx.config.lang;
  return { out: ctx.out, t: lab6Text(lang), lang };
}

/** Seconds with one decimal, in the user's language. */
function seconds(ms: number, lang: Lang): string {
  return decimal(ms / 1000, lang);
}

/** A part's topic is there. */
export function renderTopic(
  { t }: View,
  guide: Guide,
  r: { part: Part; topic: string; partitions: number; rf: number; created: boolean },
): void {
  guide.ok(
    fill(t.topicReady, { topic: r.topic, partitions: r.partitions, rf: r.rf }),
    r,
    LAB6_EVENTS.topicReady,
  );
}

/** Part 1: A stuck, removed, its records processed again, its commit refused. */
export function renderLiveness({ out, t, lang }: View, guide: Guide, r: LivenessResult): boolean {
  const v = livenessVerdict(r);
  out.event(
    LAB6_EVENTS.livenessStuck,
    { topic: r.topic, group: r.group, offsets: [...r.stuckOffsets] },
    `  ${fill(t.livenessStuck, { offsets: r.stuckOffsets.join(", ") })}`,
  );
  const removed = {
    group: r.group,
    removedAfterMs: r.removedAfterMs,
    sessionTimeoutMs: r.sessionTimeoutMs,
    heartbeatIntervalMs: r.heartbeatIntervalMs,
    membersAfter: r.membersAfter,
  };
  if (v.kicked) {
    const s = seconds(r.removedAfterMs!, lang);
    guide.ok(
      fill(t.livenessRemoved, { seconds: s, session: r.sessionTimeoutMs }),
      removed,
      LAB6_EVENTS.checkRemoved,
    );
  } else {guide.fail(
      fill(t.livenessNotRemoved, { group: r.group }),
      removed,
      LAB6_EVENTS.checkRemoved,
    );}
  const twice = { offsets: [...v.twice], count: v.twice.length };
  if (v.twice.length > 0) {
    guide.ok(
      fill(t.livenessTwice, { offsets: v.twice.join(", "), count: v.twice.length }),
      twice,
      LAB6_EVENTS.checkTwice,
    );
  } else guide.fail(t.livenessNoTwice, twice, LAB6_EVENTS.checkTwice);
  const late = r.lateCommit.refused
    ? { refused: true, code: r.lateCommit.code }
    : { refused: false, code: undefined };
  if (v.commitRefused) {
    guide.ok(fill(t.livenessRefused, { code: late.code ?? "" }), late, LAB6_EVENTS.checkLateCommit);
  } else guide.fail(t.livenessAccepted, late, LAB6_EVENTS.checkLateCommit);
  guide.note(t.livenessJava);
  return v.ok;
}

/** Part 2: the log start offsets moved, and where the group resumed. */
export function renderRetention({ out, t, lang }: View, guide: Guide, r: RetentionResult): boolean {
  const interval = r.checkIntervalMs;
  if (interval !== undefined) {
    guide.note(fill(t.retentionCheck, { seconds: seconds(interval, lang) }));
    if (interval > 60_000) {
      out.warn(fill(t.retentionSlowCheck, { seconds: seconds(interval, lang) }));
    }
  }
  const moves = retentionVerdict(r.moves);
  const mib = decimal(r.writtenBytes / r.moves.length / 1_048_576, lang);
  out.event(
    LAB6_EVENTS.retentionWritten,
    {
      topic: r.topic,
      bytes: r.writtenBytes,
      partitions: r.moves.length,
      checkIntervalMs: interval,
    },
    `  ${
      fill(t.retentionWritten, {
        mib,
        records: r.writtenBytes / r.moves.length / (100 * 1024),
        partitions: r.moves.length,
        committed: moves.map((m) => m.committed).join(", "),
      })
    }`,
  );
  let ok = true;
  for (const m of moves) {
    const vars = {
      partition: m.partition,
      before: m.before,
      after: m.after,
      committed: m.committed,
      skipped: m.skipped,
      group: r.group,
      seconds: seconds(r.waitedMs, lang),
    };
    const { moved: _, ...where } = m;
    const data = { topic: r.topic, ...where, waitedMs: r.waitedMs };
    const passed = m.after > m.committed;
    if (passed) guide.ok(fill(t.retentionMoved, vars), data, LAB6_EVENTS.checkLogStart);
    else guide.fail(fill(t.retentionNotMoved, vars), data, LAB6_EVENTS.checkLogStart);
    ok &&= passed && renderReset(t, guide, r, m);
  }
  guide.note(fill(t.retentionPerPartition, { partitions: r.moves.length }));
  return ok;
}

function renderReset(
  t: Lab6Text,
  guide: Guide,
  r: RetentionResult,
  m: { partition: number; committed: number; after: number },
): boolean {
  const offset = r.firstRead.find((f) => f.partition === m.partition)?.offset;
  const data = {
    group: r.group,
    partition: m.partition,
    committed: m.committed,
    offset,
    expected: m.after,
  };
  const vars = { ...data, offset: offset ?? "-" };
  if (offset === m.after) guide.ok(fill(t.retentionReset, vars), data, LAB6_EVENTS.checkReset);
  else guide.fail(fill(t.retentionResetWrong, vars), data, LAB6_EVENTS.checkReset);
  return offset === m.after;
}

/** Part 3: the limits and each send's answer. */
export function renderSize({ out, t }: View, guide: Guide, r: SizeResult): boolean {
  out.event(
    LAB6_EVENTS.sizeLimits,
    {
      topic: r.topic,
      maxMessageBytes: r.maxMessageBytes,
      brokerMessageMaxBytes: r.brokerMessageMaxBytes,
    },
    `  ${fill(t.sizeLimits, { limit: r.maxMessageBytes, broker: r.brokerMessageMaxBytes ?? "?" })}`,
  );
  let ok = true;
  for (const a of r.attempts) ok = renderAttempt(t, guide, r.topic, a) && ok;
  guide.note(t.sizeMatch);
  return ok;
}

function renderAttempt(t: Lab6Text, guide: Guide, topic: string, a: SizeAttempt): boolean {
  const what = a.kind === "fits"
    ? fill(t.sizeFits, { size: SIZE.fits })
    : a.kind === "too-large"
    ? fill(t.sizeTooLarge, { size: SIZE.tooLarge })
    : fill(t.sizeBatch, { count: SIZE.batchOf, size: SIZE.batchRecord });
  const expectWritten = a.kind === "fits";
  const data = { topic, ...a, sizes: [...a.sizes] };
  const vars = { what, bytes: a.batchBytes, offset: a.offset ?? "", code: a.code ?? "" };
  if (a.written !== expectWritten) {
    const outcome = a.written ? t.outcomeWritten : `${t.outcomeRefused} (${a.code})`;
    const expected = expectWritten ? t.outcomeWritten : t.outcomeRefused;
    guide.fail(fill(t.sizeUnexpected, { ...vars, outcome, expected }), data, LAB6_EVENTS.checkSize);
    return false;
  }
  guide.ok(fill(a.written ? t.sizeWritten : t.sizeRefused, vars), data, LAB6_EVENTS.checkSize);
  return true;
}

/** Part 4: the config accepted, the effective min ISR, the acks=all write. */
export function renderMinIsr({ t }: View, guide: Guide, r: MinIsrResult): boolean {
  const data = { ...r, isr: [...r.isr] };
  const vars = { topic: r.topic, minIsr: r.minIsr, replicas: r.replicas, effective: r.effective };
  guide.note(fill(t.minIsrAccepted, { ...vars, isr: r.isr.join(",") }));
  if (r.written) {
    guide.ok(
      fill(t.minIsrWritten, { ...vars, offset: r.offset ?? "" }),
      data,
      LAB6_EVENTS.checkMinIsr,
    );
  } else guide.fail(fill(t.minIsrRefused, { code: r.code ?? "" }), data, LAB6_EVENTS.checkMinIsr);
  const spare = replicasToSpare(r.minIsr, r.replicas);
  guide.note(fill(t.minIsrSpare, { ...vars, spare, advice: Math.max(1, r.replicas - 1) }));
  return r.written;
}
