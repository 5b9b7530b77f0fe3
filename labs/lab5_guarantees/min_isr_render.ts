/**
 * Part 2's renderer: the stages and figures of `min_isr.ts` as lines and
 * events, each stage's verdict included (one failure tolerated, every write
 * refused with NOT_ENOUGH_REPLICAS, the ISR full again, the resent records
 * all in the topic once).
 * @module
 */
import { decimal, fill } from "../../lib/i18n.ts";
import type { MinIsrBack, MinIsrRefused, MinIsrResult, MinIsrStep } from "./min_isr.ts";
import { renderChaos, renderFigures } from "./render.ts";
import type { Screen, Text } from "./report.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows a stage of part 2 as it ends. */
export function renderMinIsrStep(screen: Screen, step: MinIsrStep): void {
  const { t, r } = screen;
  switch (step.kind) {
    case "topic": {
      const line = fill(t.minIsrTopic, { topic: step.topic, isr: step.isr.join(",") });
      return r.ok(line, { topic: step.topic }, LAB5_EVENTS.topicCreated);
    }
    case "broker-stopped":
      return renderChaos(screen, step);
    case "tolerated": {
      const { acknowledged, count } = step;
      const isr = step.isr.join(",");
      r[acknowledged === count ? "ok" : "fail"](
        fill(t.minIsrTolerated, { acked: acknowledged, count, isr }),
        { acknowledged, count, isr },
        LAB5_EVENTS.minIsrTolerated,
      );
      return;
    }
    case "raised":
      return r.note(t.minIsrRaised);
    case "refused":
      return renderRefused(screen, step);
    case "back":
      return renderBack(screen, step);
  }
}

function renderRefused({ t, r }: Screen, step: MinIsrRefused): void {
  const { refused, count, acknowledged } = step;
  const codes = [...step.codes];
  const ok = refused === count && codes.includes("NOT_ENOUGH_REPLICAS");
  r[ok ? "ok" : "fail"](
    fill(t.minIsrRefused, { refused, count, codes: codes.join(", ") || "-" }),
    { refused, count, codes, acknowledged },
    LAB5_EVENTS.minIsrRefused,
  );
  r.note(fill(t.minIsrInTopic, { count: step.inTopic, before: step.before }));
  r.note(step.acks1.ok ? t.minIsrAcks1Ok : fill(t.minIsrAcks1Failed, { code: step.acks1.code }));
}

function renderBack({ t, lang, r }: Screen, step: MinIsrBack): void {
  const isr = [...step.isr];
  r[step.full ? "ok" : "fail"](
    fill(step.full ? t.minIsrBack : t.minIsrNotBack, {
      isr: isr.join(","),
      seconds: decimal(step.seconds, lang),
    }),
    { isr, seconds: step.seconds },
    LAB5_EVENTS.minIsrBack,
  );
}

/** Shows whether the resent records all reached the topic once, then part 2's figures. */
export function renderMinIsr(screen: Screen, res: MinIsrResult): void {
  const { t, r } = screen;
  const c = res.up.tally;
  const ok = c.acknowledged === res.count && c.lost === 0 && c.duplicated === 0;
  r[ok ? "ok" : "fail"](
    fill(t.minIsrResent, { acked: c.acknowledged, count: res.count, found: c.distinct }),
    { acknowledged: c.acknowledged, found: c.distinct },
    LAB5_EVENTS.minIsrResent,
  );
  renderFigures(screen, "min-isr", [res.oneDown, res.refused, res.up]);
}

/** Part 2's line in the lab's summary. */
export function minIsrSummary(t: Text, res: MinIsrResult): string[] {
  const rows = [res.oneDown, res.refused, res.up];
  return [fill(t.summaryMinIsr, {
    tolerated: res.oneDown.tally.acknowledged,
    refused: res.refused.refused ?? 0,
    lost: rows.reduce((n, row) => n + row.tally.lost, 0),
  })];
}
