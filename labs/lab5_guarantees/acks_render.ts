/**
 * Part 1's renderer: the steps and figures of `acks.ts` as lines and events.
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { AcksResult, AcksStep } from "./acks.ts";
import { figureLabel, renderChaos, renderFigures } from "./render.ts";
import type { Screen, Text } from "./report.ts";
import type { FigureRow } from "./steps.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows a step of part 1 as it happens. */
export function renderAcksStep(screen: Screen, step: AcksStep): void {
  if (step.kind !== "topics") return renderChaos(screen, step);
  const { t, r } = screen;
  r.ok(
    fill(t.acksTopics, { count: step.topics.length, leader: step.leader }),
    { topics: [...step.topics], leader: step.leader },
    LAB5_EVENTS.topicsCreated,
  );
}

/** Shows part 1's figures and what each row means. */
export function renderAcks(screen: Screen, res: AcksResult): void {
  const { t, r } = screen;
  renderFigures(screen, "acks", res.rows);
  for (const row of res.rows) r.note(explainRow(t, row));
  if (res.rows.find((row) => row.key === "acks=1")?.tally.lost === 0) r.note(t.acksOneWindow);
}

/** Part 1's lines in the lab's summary. */
export function acksSummary(t: Text, res: AcksResult): string[] {
  return res.rows.map((row) =>
    fill(t.summaryAcks, {
      label: figureLabel(t, row.key),
      acked: row.tally.acknowledged,
      lost: row.tally.lost,
      dup: row.tally.duplicated,
    })
  );
}

function explainRow(t: Text, row: FigureRow): string {
  const c = row.tally;
  const vars = {
    label: figureLabel(t, row.key),
    lost: c.lost,
    dup: c.duplicated,
    failed: c.failed,
  };
  if (c.lost > 0) return fill(t.acksLost, vars);
  if (c.duplicated > 0) return fill(t.acksDuplicated, vars);
  return fill(t.acksClean, vars);
}
