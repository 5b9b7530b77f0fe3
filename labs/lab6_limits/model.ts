/**
 * Lab 6's pure rules: the course names and settings of its four parts, and
 * what each part's observations mean (a member removed and its commit
 * refused, a log start offset that moved past a group, a batch over the
 * size limit, the effective min ISR). Nothing here talks to Kafka.
 *
 * @example
 * ```ts
 * effectiveMinIsr(3, 2); // 2
 * heartbeatFor(6000); // 2000
 * ```
 * @module
 */
import { PARTS } from "./options.ts";

/** The lab's topics and groups (the student's prefix is added in front). */
export const LAB6_NAMES = {
  livenessTopic: "lab6-liveness",
  livenessGroup: "lab6-liveness",
  retentionTopic: "lab6-retention",
  retentionGroup: "lab6-retention-reader",
  sizeTopic: "lab6-size",
  minIsrTopic: "lab6-min-isr",
} as const;

// Declared with the options, so the command table loads no model.
export { PARTS };

/** One part of the lab. */
export type Part = typeof PARTS[number];

/**
 * The consumers' clocks in part 1. 6000 ms is the broker's smallest allowed
 * session (group.min.session.timeout.ms); the heartbeat is a third of it.
 */
export const LIVENESS = {
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 2000,
  rebalanceTimeoutMs: 10_000,
  records: 5,
} as const;

/** Part 2's topic: 1 MiB segments (Kafka 4's smallest) and 1 MiB kept per partition. */
export const RETENTION = {
  partitions: 2,
  segmentBytes: 1_048_576,
  retentionBytes: 1_048_576,
  retentionMs: 3_600_000,
  recordBytes: 100 * 1024,
  recordsPerPartition: 24,
} as const;

/** Part 3's topic limit and the records sent against it. */
export const SIZE = {
  maxMessageBytes: 10_240,
  fits: 9000,
  tooLarge: 20_000,
  /** Three records that each fit, sent in one request: one batch over the limit. */
  batchOf: 3,
  batchRecord: 4000,
} as const;

/** Part 4's topic: min.insync.replicas above its replication factor. */
export const MIN_ISR = { minIsr: 3, replicationFactor: 2 } as const;

/** The heartbeat interval advised for a session timeout: a third of it. */
export function heartbeatFor(sessionTimeoutMs: number): number {
  return Math.floor(sessionTimeoutMs / 3);
}

/** The error codes with which a group coordinator refuses a removed member's commit. */
export const REFUSED_COMMIT_CODES: ReadonlySet<string> = new Set([
  "UNKNOWN_MEMBER_ID",
  "ILLEGAL_GENERATION",
  "REBALANCE_IN_PROGRESS",
  "FENCED_INSTANCE_ID",
]);

/** How the stuck member's late commit ended. */
export type LateCommit =
  | { readonly refused: false }
  | { readonly refused: true; readonly code: string };

/** What part 1 observed. */
export interface LivenessObserved {
  /** Offsets the stuck member had in hand when it stopped heartbeating. */
  readonly stuckOffsets: readonly string[];
  /** Offsets the other member processed after it took the partition over. */
  readonly takeoverOffsets: readonly string[];
  /** Time from the stuck member's last heartbeat to the group without it; undefined when never. */
  readonly removedAfterMs?: number;
  readonly lateCommit: LateCommit;
}

/** What part 1's observations mean. */
export interface LivenessVerdict {
  readonly kicked: boolean;
  readonly commitRefused: boolean;
  /** Offsets processed by both members. */
  readonly twice: readonly string[];
  readonly ok: boolean;
}

/** Part 1's verdict: removed, its commit refused, its records processed again. */
export function livenessVerdict(o: LivenessObserved): LivenessVerdict {
  const kicked = o.removedAfterMs !== undefined;
  const commitRefused = o.lateCommit.refused && REFUSED_COMMIT_CODES.has(o.lateCommit.code);
  const taken = new Set(o.takeoverOffsets);
  const twice = o.stuckOffsets.filter((off) => taken.has(off));
  return { kicked, commitRefused, twice, ok: kicked && commitRefused && twice.length > 0 };
}

/** A partition's log start before and after the writes of part 2. */
export interface StartMove {
  readonly partition: number;
  readonly before: number;
  readonly after: number;
  /** The reader group's committed offset (where it had stopped). */
  readonly committed: number;
}

/** Part 2's verdict per partition: moved, and how many records the group never read. */
export function retentionVerdict(
  moves: readonly StartMove[],
): Array<StartMove & { moved: boolean; skipped: number }> {
  return moves.map((m) => ({
    ...m,
    moved: m.after > m.before,
    skipped: Math.max(0, m.after - m.committed),
  }));
}

/**
 * The bytes a record batch of these values takes on the wire (v2 format:
 * 61 bytes of batch header, about 8 of record framing per record, the value,
 * no key, no headers) — what the broker compares with max.message.bytes.
 */
export function batchBytes(valueSizes: readonly number[]): number {
  return 61 + valueSizes.reduce((sum, n) => sum + n + 8 + varintLength(n), 0);
}

function varintLength(n: number): number {
  let zigzag = n * 2;
  let bytes = 1;
  while (zigzag >= 128) {
    zigzag = Math.floor(zigzag / 128);
    bytes++;
  }
  return bytes;
}

/** Whether a batch of these values fits a max.message.bytes limit. */
export function fitsLimit(valueSizes: readonly number[], maxMessageBytes: number): boolean {
  return batchBytes(valueSizes) <= maxMessageBytes;
}

/** The error codes with which a broker refuses a batch for its size. */
export const SIZE_REFUSAL_CODES: ReadonlySet<string> = new Set([
  "MESSAGE_TOO_LARGE",
  "RECORD_LIST_TOO_LARGE",
]);

/**
 * The min ISR a partition enforces: the topic's min.insync.replicas, but
 * never more than its replicas: the broker's leader compares the ISR with
 * min(min.insync.replicas, replica count), measured on Kafka 4.1.1.
 */
export function effectiveMinIsr(minIsr: number, replicas: number): number {
  return Math.min(minIsr, replicas);
}

/** How many replicas may fall out of the ISR before acks=all writes are refused. */
export function replicasToSpare(minIsr: number, replicas: number): number {
  return replicas - effectiveMinIsr(minIsr, replicas);
}
