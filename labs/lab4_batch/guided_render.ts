/**
 * How lab 4's guided run shows its checks: the topic ready, both producers'
 * deliveries, the groups' common start, every message processed, and the
 * commits of the two consumers compared. Each function takes a typed result
 * and writes a step line through the {@linkcode Guide} (text and `--json`
 * event). The producers' and consumers' own lines are in `render.ts`.
 *
 * @module
 */
import type { Guide } from "../../lib/guide.ts";
import { fill } from "../../lib/i18n.ts";
import type { PartitionOffset } from "../../lib/kafka/port.ts";
import { formatNumber, offsetSpan, producerSequence, ratio } from "./figures.ts";
import type { Processed, ProduceResult, RunStats } from "./results.ts";
import { LAB4_EVENTS } from "./events.ts";
import type { View } from "./render.ts";

/** Guided step 1: the topic exists, with its layout. */
export function renderTopicReady(
  { t }: View,
  guide: Guide,
  ready: { topic: string; partitions: number; rf: number; created: boolean },
): void {
  const { created, ...vars } = ready;
  guide.ok(
    fill(created ? t.topicCreated : t.topicReady, vars),
    { ...vars, created },
    LAB4_EVENTS.topicReady,
  );
}

/** Guided step 2: whether both producers delivered everything; each partition's writers. */
export function renderProduced(
  { t }: View,
  guide: Guide,
  p: { readonly expected: number; readonly producers: number; readonly result: ProduceResult },
): void {
  const { deliveries, failed } = p.result;
  const sent = deliveries.length;
  if (sent === p.expected && failed === 0) {
    const line = fill(t.producedAll, { count: sent, producers: p.producers });
    guide.ok(line, { sent }, LAB4_EVENTS.checkProduced);
  } else {
    const line = fill(t.producedShort, { sent, count: p.expected, failed });
    guide.fail(line, { sent, failed }, LAB4_EVENTS.checkProduced);
  }
  const byPartition = Map.groupBy(deliveries, (d) => d.partition);
  for (const [partition, ds] of [...byPartition].sort((a, b) => a[0] - b[0])) {
    const { first, last } = offsetSpan(ds);
    guide.note(fill(t.partitionOrder, { partition, first, last, sequence: producerSequence(ds) }));
  }
}

/** Guided: both groups start where this run's messages begin (a busy group stays). */
export function renderSameStart(
  { t }: View,
  guide: Guide,
  start: { readonly busy: readonly string[]; readonly offsets: readonly PartitionOffset[] },
): void {
  for (const group of start.busy) guide.note(fill(t.sameStartBusy, { group }));
  const offsets = start.offsets.map((p) => `${p.partition}:${p.offset}`).join(", ");
  guide.note(fill(t.sameStart, { offsets }));
}

/** Guided steps 3 and 4: every message of this run processed; older and invalid ones noted. */
export function renderProcessed({ t }: View, guide: Guide, p: Processed): void {
  const { stats, sentIds } = p;
  if (p.hiddenLines > 0) guide.note(fill(t.hiddenLines, { count: p.hiddenLines }));
  const seen = new Set(stats.ids);
  const missing = [...sentIds].filter((id) => !seen.has(id)).length;
  const { mode, group, records, batches, commits, invalid } = stats;
  const data = { mode, group, records, batches, commits, invalid, missing };
  const event = mode === "batch" ? LAB4_EVENTS.checkBatch : LAB4_EVENTS.checkSingle;
  if (missing === 0) {
    const template = mode === "batch" ? t.allProcessed : t.allProcessedSingle;
    guide.ok(fill(template, { count: sentIds.size, records, batches, commits }), data, event);
  } else {
    guide.fail(fill(t.missingIds, { missing, count: sentIds.size }), data, event);
  }
  const older = stats.ids.filter((id) => !sentIds.has(id)).length;
  if (older > 0) guide.note(fill(t.olderToo, { count: older }));
  if (invalid > 0) guide.note(fill(t.invalidSeen, { count: invalid }));
}

/** Records per commit of each consumer: a line of the guided run's summary. */
export function perCommitLine({ t, lang }: View, batch: RunStats, single: RunStats): string {
  return fill(t.perCommit, {
    batch: formatNumber(ratio(batch.records, batch.commits), lang),
    single: formatNumber(ratio(single.records, single.commits), lang),
  });
}

/** Guided step 5: the same records, and how many commits each consumer made for them. */
export function renderCommitsCompared(
  view: View,
  guide: Guide,
  runs: { readonly batch: RunStats; readonly single: RunStats },
): void {
  const { t } = view;
  const { batch, single } = runs;
  guide.ok(
    fill(t.compareCommits, {
      batchRecords: batch.records,
      batchCommits: batch.commits,
      singleRecords: single.records,
      singleCommits: single.commits,
    }),
    {
      batch: { records: batch.records, commits: batch.commits },
      single: { records: single.records, commits: single.commits },
      commitsSingleToBatch: ratio(single.commits, batch.commits),
    },
    LAB4_EVENTS.compareCommits,
  );
  guide.note(perCommitLine(view, batch, single));
  guide.note(t.compareHint);
}
