/**
 * Part 3's aside renderer: the kills and figures of `kafkajs_aside.ts` as lines and
 * events, and what each producer's row means (the safe path must lose and
 * double nothing).
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { AsideResult, AsideStep } from "./kafkajs_aside.ts";
import { figureLabel, renderChaos, renderFigures } from "./render.ts";
import type { Screen, Text } from "./report.ts";
import type { FigureRow } from "./steps.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows a step of part 3 as it happens. */
export function renderAsideStep(screen: Screen, step: AsideStep): void {
  const { t, r } = screen;
  switch (step.kind) {
    case "topics":
      return r.ok(
        fill(t.idemTopics, { count: step.topics.length, kills: step.kills }),
        { topics: [...step.topics] },
        LAB5_EVENTS.topicsCreated,
      );
    case "kills-done":
      return r.note(fill(t.idemKillsDone, { kills: step.killed, planned: step.planned }));
    default:
      return renderChaos(screen, step);
  }
}

/** Shows part 3's figures and what each producer's row means. */
export function renderAside(screen: Screen, res: AsideResult): void {
  renderFigures(screen, "idempotence", res.rows);
  for (const row of res.rows) explainRow(screen, row);
}

/** Part 3's lines in the lab's summary. */
export function asideSummary(t: Text, res: AsideResult): string[] {
  return res.rows.map((row) =>
    fill(t.summaryIdem, {
      label: figureLabel(t, row.key),
      lost: row.tally.lost,
      dup: row.tally.duplicated,
    })
  );
}

function explainRow({ t, r }: Screen, row: FigureRow): void {
  const c = row.tally;
  const label = figureLabel(t, row.key);
  const vars = { label, lost: c.lost, dup: c.duplicated };
  if (c.failed > 0) {
    const codes = (row.codes ?? []).join(", ") || "-";
    r.note(fill(t.idemFailed, { label, failed: c.failed, codes }));
  }
  if (row.key === "plain") r.note(fill(c.duplicated > 0 ? t.idemPlainDup : t.idemPlainNoDup, vars));
  if (row.key === "kafkajs") {
    r.note(fill(c.lost + c.duplicated > 0 ? t.idemKafkajsBroken : t.idemKafkajsLucky, vars));
  }
  if (row.key === "safe") {
    const ok = c.lost === 0 && c.duplicated === 0 && c.acknowledged === c.sent;
    r[ok ? "ok" : "fail"](
      fill(ok ? t.idemSafeOk : t.idemSafeBad, vars),
      { lost: c.lost, duplicated: c.duplicated },
      LAB5_EVENTS.idempotenceSafe,
    );
  }
}
