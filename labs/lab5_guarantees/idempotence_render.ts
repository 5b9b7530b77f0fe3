/**
 * Part 3's renderer: the timeline and figures of `idempotence.ts` as lines
 * and events, and each producer's outcome against the lesson (without
 * idempotence the retry is a duplicate, with it there is none).
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { IdemKey, IdempotenceResult, IdempotenceStep } from "./idempotence.ts";
import { IDEM_REQUEST_TIMEOUT_MS } from "./idempotence.ts";
import { renderFigures } from "./render.ts";
import { renderCluster, renderOutcome, renderTopics } from "./render_timeline.ts";
import type { Screen, Text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/** The row's label. */
export function idemLabel(t: Text, key: IdemKey): string {
  return key === "plain" ? t.idemPlainNew : t.idemSafeNew;
}

/** Shows a step of part 3's timeline as it happens. */
export function renderIdempotenceStep(screen: Screen, step: IdempotenceStep): void {
  const { t, r } = screen;
  const ev = LAB5_EVENTS.timeline;
  switch (step.kind) {
    case "topics":
      return renderTopics(screen, step.topics, step.cast);
    case "cluster":
      return renderCluster(
        screen,
        step.moment,
        step.states.map((s) => ({ ...s, label: s.key === "plain" ? t.idemPlain : t.idemSafe })),
      );
    case "paused":
      r.event(ev, { step: "paused", brokers: [...step.brokers] });
      return r.note(fill(t.tlPaused, { brokers: step.brokers.join(", ") }));
    case "sent":
      r.event(ev, { step: "sent", key: step.key, records: step.records });
      return r.note(fill(t.tlIdemSent, {
        label: idemLabel(t, step.key),
        records: step.records,
        timeout: IDEM_REQUEST_TIMEOUT_MS,
      }));
    case "retry":
      r.event(ev, { step: "retry" });
      return r.note(t.tlIdemRetry);
    case "resumed":
      r.event(ev, { step: "resumed", brokers: [...step.brokers] });
      return r.note(fill(t.tlResumed, { brokers: step.brokers.join(", ") }).split(";")[0]);
    case "ended": {
      const { end } = step;
      r.event(ev, {
        step: "sent",
        key: step.key,
        acknowledged: end.ok,
        code: end.code,
        ms: end.ms,
      });
      const vars = { label: idemLabel(t, step.key), ms: end.ms, code: end.code ?? "-" };
      return r.note(fill(end.ok ? t.tlIdemEnd : t.tlIdemEndFailed, vars));
    }
  }
}

/** Shows part 3's figures and each producer's outcome. */
export function renderIdempotence(screen: Screen, res: IdempotenceResult): void {
  const { t } = screen;
  renderFigures(screen, "idempotence", res.rows);
  for (const row of res.rows) {
    const label = idemLabel(t, row.key as IdemKey);
    const vars = { label, dup: row.tally.duplicated };
    if (row.key === "plain") {
      const why = fill(t.idemDupExplained, vars);
      renderOutcome(screen, "idempotence", row, { expected: "duplicate", label, why });
    } else {
      const why = fill(t.idemNoDupExplained, vars);
      renderOutcome(screen, "idempotence", row, { expected: "no-duplicate", label, why });
    }
  }
}

/** Part 3's lines in the lab's summary. */
export function idempotenceSummary(t: Text, res: IdempotenceResult): string[] {
  return res.rows.map((row) =>
    fill(t.summaryIdem, {
      label: idemLabel(t, row.key as IdemKey),
      lost: row.tally.lost,
      dup: row.tally.duplicated,
    })
  );
}
