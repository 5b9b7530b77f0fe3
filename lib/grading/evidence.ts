/**
 * Evidence that outlives the moment, for a snapshot: the groups' histories
 * from `__consumer_offsets` (`offsets_log.ts`) and kafka-lab's journal
 * (`journal.ts`). What to read for a whole class, and each student's share.
 * @module
 */
import type { Admin } from "../kafka/port.ts";
import { groupHistories, OFFSETS_TOPIC, offsetsPartition } from "./offsets_log.ts";
import { JOURNAL_TOPIC, type JournalEntry, parseJournalValue } from "./journal.ts";
import type { GroupHistory, PartitionEnds, RecordSnap } from "./types.ts";

/** What to read of one topic: its ends, how many records per partition at most, which partitions. */
export interface ReadTarget {
  readonly name: string;
  readonly ends: readonly PartitionEnds[];
  readonly limit: number;
  /** Only these partitions (all when absent). */
  readonly only?: ReadonlySet<number>;
  /**
   * Also read the records outside transactions past a transaction still open
   * (see `readRecords`): the plain offset commits of `__consumer_offsets`.
   */
  readonly pastTransactions?: boolean;
}

/** Records per partition of the internal topic and the journals read at most. */
const EVIDENCE_LIMIT = 200_000;

/** Whether `group` belongs to one of the prefixes (and is not the grader's own reader). */
function ofPrefixes(prefixes: readonly string[], readerPrefix: string) {
  return (group: string) =>
    !group.startsWith(readerPrefix) && prefixes.some((p) => group.startsWith(p));
}

/**
 * What to read besides the course topics: the partitions of
 * `__consumer_offsets` that hold the prefixes' groups, and every journal.
 * The internal topic is left out when it cannot be read (no rights).
 */
export async function evidenceTargets(
  admin: Admin,
  options: {
    prefixes: readonly string[];
    groups: readonly string[];
    topics: ReadonlySet<string>;
    readerPrefix: string;
  },
): Promise<ReadTarget[]> {
  const ends = async (name: string) =>
    (await admin.fetchTopicOffsets(name)).map((o) => ({
      partition: o.partition,
      low: Number(o.low),
      high: Number(o.high),
    }));
  const targets: ReadTarget[] = [];
  const journals = new Set([...options.prefixes.map((p) => p + JOURNAL_TOPIC), JOURNAL_TOPIC]);
  for (const name of journals) {
    if (options.topics.has(name)) {
      targets.push({ name, ends: await ends(name), limit: EVIDENCE_LIMIT });
    }
  }
  try {
    const offsetsEnds = await ends(OFFSETS_TOPIC);
    const mine = options.groups.filter(ofPrefixes(options.prefixes, options.readerPrefix));
    const only = new Set(mine.map((g) => offsetsPartition(g, offsetsEnds.length)));
    targets.push({
      name: OFFSETS_TOPIC,
      ends: offsetsEnds,
      limit: EVIDENCE_LIMIT,
      only,
      pastTransactions: true,
    });
  } catch {
    // no history: checks fall back to the committed offsets of now
  }
  return targets;
}

/** One student's share of the evidence: course group id → history, and their journal entries. */
export function evidenceOf(
  prefix: string,
  records: ReadonlyMap<string, readonly RecordSnap[]>,
): { history?: Record<string, GroupHistory>; journal: JournalEntry[] } {
  const offsets = records.get(OFFSETS_TOPIC);
  let history: Record<string, GroupHistory> | undefined;
  if (offsets !== undefined) {
    const all = groupHistories(offsets, (g) => g.startsWith(prefix));
    history = Object.fromEntries([...all].map(([id, h]) => [id.slice(prefix.length), h]));
  }
  const mine = (e: JournalEntry) =>
    e.prefix === prefix || (prefix !== "" &&
      ((e.group ?? "").startsWith(prefix) || (e.topic ?? "").startsWith(prefix)));
  const journal: JournalEntry[] = [];
  for (const [topic, list] of records) {
    if (!topic.endsWith(JOURNAL_TOPIC)) continue;
    for (const r of list) {
      const e = parseJournalValue(r.value);
      if (e && mine(e)) journal.push(e);
    }
  }
  journal.sort((a, b) => a.at.localeCompare(b.at));
  return { ...(history ? { history } : {}), journal };
}
