/**
 * Part 4's renderer: the kills and processing counts of `semantics.ts` as
 * lines and events.
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import { renderWorkerFailed } from "./render.ts";
import type { Screen, Text } from "./report.ts";
import type { CommitMode, SemanticsResult, SemanticsStep } from "./semantics.ts";
import { LAB5_EVENTS } from "./events.ts";

function modeName(t: Text, commit: CommitMode): string {
  return commit === "before" ? t.semBefore : t.semAfter;
}

/** Shows a step of part 4 as it happens. */
export function renderSemanticsStep(screen: Screen, step: SemanticsStep): void {
  const { t, r } = screen;
  switch (step.kind) {
    case "produced":
      return r.ok(
        fill(t.semProduced, { count: step.count, topic: step.topic }),
        { topic: step.topic },
        LAB5_EVENTS.semanticsProduced,
      );
    case "worker-failed":
      return renderWorkerFailed(screen, step);
    case "consumer-killed":
      return r.ok(
        fill(t.semKilled, { mode: modeName(t, step.commit), n: step.processed }),
        { commit: step.commit, processed: step.processed },
        LAB5_EVENTS.consumerKilled,
      );
    case "mode-done": {
      const { commit, tally } = step.mode;
      return r.ok(
        fill(commit === "before" ? t.semResultBefore : t.semResultAfter, { ...tally }),
        { commit, ...tally },
        LAB5_EVENTS.semanticsResult,
      );
    }
  }
}

/** Shows what part 4's two modes mean. */
export function renderSemantics({ t, r }: Screen, _res: SemanticsResult): void {
  r.note(t.semExplain);
}

/** Part 4's lines in the lab's summary. */
export function semanticsSummary(t: Text, res: SemanticsResult): string[] {
  return res.modes.map((m) =>
    fill(t.summarySem, {
      mode: modeName(t, m.commit),
      lost: m.tally.lost,
      reprocessed: m.tally.reprocessed,
    })
  );
}
