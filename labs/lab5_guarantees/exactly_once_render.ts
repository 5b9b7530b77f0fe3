/**
 * Part 5's renderer: the kills of `exactly_once.ts` and its output as each
 * kind of reader sees it, as lines and events.
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { ExactlyOnceResult, ExactlyOnceStep } from "./exactly_once.ts";
import { renderWorkerFailed } from "./render.ts";
import type { Screen, Text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows a step of part 5 as it happens. */
export function renderExactlyOnceStep(screen: Screen, step: ExactlyOnceStep): void {
  const { t, r } = screen;
  switch (step.kind) {
    case "produced": {
      const { input, output, count } = step;
      return r.ok(
        fill(t.eosProduced, { count, input, output }),
        { input, output },
        LAB5_EVENTS.exactlyOnceProduced,
      );
    }
    case "processor-killed":
      return r.ok(
        fill(t.eosKilled, { k: step.kill, committed: step.committed }),
        { kill: step.kill },
        LAB5_EVENTS.processorKilled,
      );
    case "worker-failed":
      return renderWorkerFailed(screen, step);
  }
}

/** Shows the output: each input once for read_committed, the aborted copies besides. */
export function renderExactlyOnce({ t, r }: Screen, res: ExactlyOnceResult): void {
  const { committed, uncommitted } = res;
  const ok = committed.missing === 0 && committed.duplicated === 0;
  r[ok ? "ok" : "fail"](
    fill(ok ? t.eosCommittedOk : t.eosCommittedBad, {
      input: res.input,
      distinct: committed.distinct,
      dup: committed.duplicated,
      missing: committed.missing,
    }),
    { readCommitted: { ...committed } },
    LAB5_EVENTS.readCommitted,
  );
  r.event(LAB5_EVENTS.readUncommitted, { ...uncommitted });
  r.note(fill(t.eosUncommitted, { records: uncommitted.records, dup: uncommitted.duplicated }));
}

/** Part 5's line in the lab's summary. */
export function exactlyOnceSummary(t: Text, res: ExactlyOnceResult): string[] {
  return [fill(t.summaryEos, {
    kills: res.kills,
    dup: res.committed.duplicated,
    missing: res.committed.missing,
  })];
}
