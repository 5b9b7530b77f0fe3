/**
 * Part 6's renderer: where `retry_dlq.ts`'s records ended, as lines and
 * events (each processed once or in the DLQ with its reason, none lost).
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { Screen, Text } from "./report.ts";
import type { RetryResult, RetryStep } from "./retry_dlq.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Shows a step of part 6 as it happens. */
export function renderRetryStep({ t, r }: Screen, step: RetryStep): void {
  r.ok(
    fill(t.retryProduced, { records: step.records, ids: step.ids, topic: step.topic }),
    { topic: step.topic, records: step.records },
    LAB5_EVENTS.retryProduced,
  );
}

/** Shows where part 6's records ended and a sample of the DLQ. */
export function renderRetry({ t, r }: Screen, res: RetryResult): void {
  if (!res.finished) {
    r.fail(
      fill(t.retryTimeout, { done: res.settled, count: res.count }),
      {},
      LAB5_EVENTS.retryTimeout,
    );
  }
  const f = res.figures;
  const ok = f.lost === 0 && f.processedTwice === 0 && f.dlqReasons === f.inDlq;
  r[ok ? "ok" : "fail"](fill(t.retryResult, { ...f }), { ...f }, LAB5_EVENTS.retryResult);
  if (res.sample) {
    r.note(fill(t.retryDlqSample, {
      id: res.sample.id,
      attempt: res.sample.attempt ?? "?",
      reason: res.sample.reason ?? "?",
    }));
  }
}

/** Part 6's line in the lab's summary. */
export function retrySummary(t: Text, res: RetryResult): string[] {
  return [fill(t.summaryRetry, { ...res.figures })];
}
