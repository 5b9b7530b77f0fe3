/**
 * The renderers several parts share: what was done to brokers, a worker that
 * failed, and the table of figures parts 1-3 end with (one `lab5.figures`
 * event per row).
 * @module
 */
import { deliveryChart } from "../../lib/draw/bars.ts";
import { decimal, fill } from "../../lib/i18n.ts";
import type { Screen, Text } from "./report.ts";
import type { ChaosStep, FigureKey, FigureRow, WorkerFailed } from "./steps.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows what a part did to a broker. */
export function renderChaos({ t, lang, r }: Screen, step: ChaosStep): void {
  const broker = step.broker;
  switch (step.kind) {
    case "broker-killed": {
      const data = step.at !== undefined ? { broker, at: step.at } : { broker, kill: step.kill };
      return r.ok(fill(t.brokerKilled, { broker }), data, LAB5_EVENTS.brokerKilled);
    }
    case "broker-stopped":
      return r.ok(fill(t.brokerStopped, { broker }), { broker }, LAB5_EVENTS.brokerStopped);
    case "broker-starting":
      return r.event(LAB5_EVENTS.brokerStarting, { broker });
    case "broker-back": {
      if (!step.full) {
        return r.fail(fill(t.brokerNotBack, { broker }), { broker }, LAB5_EVENTS.brokerBack);
      }
      if (step.seconds === undefined) {
        return r.ok(fill(t.brokerBackShort, { broker }), { broker }, LAB5_EVENTS.brokerBack);
      }
      const seconds = step.seconds;
      const line = fill(t.brokerBack, { broker, seconds: decimal(seconds, lang) });
      return r.ok(line, { broker, seconds }, LAB5_EVENTS.brokerBack);
    }
  }
}

/** Shows a worker that ended otherwise than planned (its stderr with `--verbose`). */
export function renderWorkerFailed({ t, r }: Screen, step: WorkerFailed): void {
  if (step.errors) r.debug(fill(t.workerStderr, { errors: step.errors }));
  r.fail(fill(t.workerFailed, { code: step.code }), { code: step.code }, LAB5_EVENTS.workerFailed);
}

/** The label of a row of figures, in the user's language. */
export function figureLabel(t: Text, key: FigureKey): string {
  switch (key) {
    case "one-down":
      return t.minIsrRowOneDown;
    case "refused":
      return t.minIsrRowDown;
    case "up":
      return t.minIsrRowUp;
    case "plain":
      return t.idemPlain;
    case "kafkajs":
      return t.idemKafkajs;
    case "safe":
      return t.idemSafe;
    default:
      return key;
  }
}

/** The measured figures: a table (humans) and one `lab5.figures` event per row (JSON). */
export function renderFigures(
  { t, r, lang }: Screen,
  part: "acks" | "min-isr" | "idempotence",
  rows: readonly FigureRow[],
): void {
  for (const row of rows) {
    const { lostIds, duplicatedIds, ...figures } = row.tally;
    r.event(LAB5_EVENTS.figures, {
      part,
      key: row.key,
      label: figureLabel(t, row.key),
      ...figures,
      refused: row.refused ?? 0,
      ambiguous: row.ambiguous ?? 0,
      codes: [...(row.codes ?? [])],
      lostIds: [...lostIds],
      duplicatedIds: [...duplicatedIds],
    });
  }
  const headers = [
    t.colRun,
    t.colSent,
    t.colAcked,
    t.colFailed,
    t.colFound,
    t.colLost,
    t.colDuplicated,
  ];
  r.table(headers, rows.map((row) => [figureLabel(t, row.key), ...figureCells(t, row)]));
  // Part 1's lesson is in the bars: what was reported or acknowledged against what is there.
  for (const row of part === "acks" ? rows : []) {
    const c = row.tally;
    r.chart((paint) => [
      figureLabel(t, row.key),
      ...deliveryChart(
        {
          sent: c.sent,
          acknowledged: c.acknowledged,
          inTopic: c.distinct,
          lost: c.lost,
          duplicated: c.duplicated,
        },
        lang,
        { paint, noAcks: row.key === "acks=0" },
      ),
    ]);
  }
}

/** acks=0 asks for no acknowledgement: its column says "reported sent". */
function figureCells(t: Text, { key, tally, found }: FigureRow): string[] {
  return [
    tally.sent,
    key === "acks=0" ? fill(t.reportedSentCell, { n: tally.acknowledged }) : tally.acknowledged,
    tally.failed,
    found ?? tally.distinct,
    tally.lost,
    tally.duplicated,
  ].map(String);
}
