/**
 * Part 1's renderer: the timeline and figures of `acks.ts` as lines and
 * events, and each setting's outcome against the lesson (acks=0 and acks=1
 * lose, acks=all does not).
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { AcksResult, AcksStep } from "./acks.ts";
import { figureLabel, renderFigures } from "./render.ts";
import { renderCluster, renderOutcome, renderTopics } from "./render_timeline.ts";
import type { Screen, Text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows a step of part 1's timeline as it happens. */
export function renderAcksStep(screen: Screen, step: AcksStep): void {
  const { t, r } = screen;
  const ev = LAB5_EVENTS.timeline;
  switch (step.kind) {
    case "topics":
      return renderTopics(screen, step.topics, step.cast);
    case "cluster":
      return renderCluster(
        screen,
        step.moment,
        step.states.map((s) => ({ ...s, label: s.key })),
      );
    case "paused":
      r.event(ev, { step: "paused", brokers: [...step.brokers] });
      return r.note(
        step.brokers.length === 1
          ? fill(t.tlPausedLeader, { broker: step.brokers[0] })
          : fill(t.tlPaused, { brokers: step.brokers.join(", ") }),
      );
    case "sent":
      return renderSent(screen, step);
    case "killed":
      r.event(ev, { step: "killed", broker: step.broker });
      return r.note(fill(t.tlKilled, { broker: step.broker }));
    case "resumed":
      r.event(ev, { step: "resumed", brokers: [...step.brokers] });
      return r.note(fill(t.tlResumed, { brokers: step.brokers.join(", ") }));
    case "restarted":
      r.event(ev, { step: "restarted", broker: step.broker, full: step.full });
      return r.note(
        fill(step.full ? t.tlRestarted : t.tlRestartedNotFull, { broker: step.broker }),
      );
  }
}

/** A send of part 1: acks=0 "reported sent", the others acknowledged or not. */
function renderSent({ t, r }: Screen, step: Extract<AcksStep, { kind: "sent" }>): void {
  const { end, key, records } = step;
  const zero = key === "acks=0";
  r.event(LAB5_EVENTS.timeline, {
    step: "sent",
    key,
    records,
    acknowledged: !zero && end.ok,
    reportedSent: end.ok,
    code: end.code,
    ms: end.ms,
  });
  const template = zero ? t.tlSentZero : end.ok ? t.tlSentAcked : t.tlSentFailed;
  r.note(fill(template, { key, records, ms: end.ms, code: end.code ?? "-" }));
}

/** Shows part 1's figures and each setting's outcome. */
export function renderAcks(screen: Screen, res: AcksResult): void {
  const { t, r } = screen;
  renderFigures(screen, "acks", res.rows);
  r.note(t.acksNotIdempotent);
  for (const row of res.rows) {
    const c = row.tally;
    const vars = {
      lost: c.lost,
      sent: c.sent,
      acked: c.acknowledged,
      epoch: res.newEpoch,
      code: (row.codes ?? [])[0] ?? "-",
    };
    const label = figureLabel(t, row.key);
    if (row.key === "acks=0") {
      renderOutcome(screen, "acks", row, {
        expected: "loss",
        label,
        why: fill(t.acksZeroLost, vars),
      });
    } else if (row.key === "acks=1") {
      renderOutcome(screen, "acks", row, {
        expected: "loss",
        label,
        why: fill(t.acksOneLost, vars),
      });
    } else {
      renderOutcome(screen, "acks", row, {
        expected: "no-loss",
        label,
        why: fill(t.acksAllSafe, vars),
      });
    }
  }
}

/** Part 1's lines in the lab's summary. */
export function acksSummary(t: Text, res: AcksResult): string[] {
  return res.rows.map((row) =>
    fill(row.key === "acks=0" ? t.summaryAcksZero : t.summaryAcks, {
      sent: row.tally.acknowledged,
      label: figureLabel(t, row.key),
      acked: row.tally.acknowledged,
      lost: row.tally.lost,
      dup: row.tally.duplicated,
    })
  );
}
