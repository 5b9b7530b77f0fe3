/**
 * The shapes grading works with: a {@linkcode Snapshot} of what one student
 * (one prefix) has on the cluster, the {@linkcode Task}s of a lab, and the
 * {@linkcode TaskResult} of checking a task against a snapshot.
 *
 * Checks are pure functions of a snapshot: they do not care whether records
 * were written by kafka-lab, by the course's Python code or by `kcat`, and
 * they are unit-tested with hand-made snapshots.
 *
 * Names inside a snapshot are the course's names WITHOUT the student's prefix
 * (`topics["hello-kafka"]` is the topic `anna.hello-kafka`), so a check reads
 * the same for every student; `name` fields hold the real, prefixed names.
 * @module
 */
import type { Text } from "../i18n.ts";
import type { PartitionLayout } from "../kafka/topics.ts";
import type { GroupHistory } from "./offsets_log.ts";
import type { JournalEntry } from "./journal.ts";

export type { CommitEvent, GroupHistory } from "./offsets_log.ts";
export type { JournalEntry } from "./journal.ts";

/** One record as it sits on the topic. */
export interface RecordSnap {
  readonly partition: number;
  readonly offset: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  /** Header values decoded as UTF-8 (the last value wins for a repeated name). */
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  /** The idempotent producer that wrote it (-1 or absent: not an idempotent producer). */
  readonly producerId?: number;
}

/** First and next offset of one partition (`high` is where the next record goes). */
export interface PartitionEnds {
  readonly partition: number;
  readonly low: number;
  readonly high: number;
}

/** A topic: layout, own configs, ends, and (up to a limit) its records. */
export interface TopicSnap {
  /** The real name, with the prefix. */
  readonly name: string;
  readonly partitions: readonly PartitionLayout[];
  readonly replicationFactor: number;
  /** Configs set on the topic itself. */
  readonly configs: Readonly<Record<string, string>>;
  readonly ends: readonly PartitionEnds[];
  /** Records in partition, then offset order. */
  readonly records: readonly RecordSnap[];
  /** True when the topic held more records than the snapshot reads. */
  readonly truncated: boolean;
}

/** One committed offset of a group (the offset of the next record to read). */
export interface CommittedOffset {
  /** The topic's course name (without the prefix). */
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/** A live member of a group. */
export interface GroupMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly host: string;
}

/** A consumer group: state, live members, committed offsets on the snapshot's topics. */
export interface GroupSnap {
  /** The real group id, with the prefix. */
  readonly id: string;
  readonly state: string;
  readonly members: readonly GroupMember[];
  readonly offsets: readonly CommittedOffset[];
}

/** One version of a registry subject. */
export interface SchemaVersion {
  readonly version: number;
  readonly id: number;
  readonly schemaType: string;
  /** The schema text as the registry returns it. */
  readonly schema: string;
}

/** A registry subject and its versions, oldest first. */
export interface SubjectSnap {
  /** The real subject name, with the prefix. */
  readonly name: string;
  readonly versions: readonly SchemaVersion[];
}

/** Everything the checks of one or more labs look at, for one prefix. */
export interface Snapshot {
  /** The student's prefix ("" for none). */
  readonly prefix: string;
  /** When it was taken (ISO 8601). */
  readonly takenAt: string;
  /** Ids of the live brokers. */
  readonly brokers: readonly number[];
  /** Course topic name → topic; a missing key means the topic does not exist. */
  readonly topics: Readonly<Record<string, TopicSnap>>;
  /** Course group id → group; groups with neither members nor offsets are absent. */
  readonly groups: Readonly<Record<string, GroupSnap>>;
  /** Course subject name → subject; a missing key means no such subject. */
  readonly subjects: Readonly<Record<string, SubjectSnap>>;
  /** Schema id → schema text, for every id a record of the snapshot names; null when unknown. */
  readonly schemas: Readonly<Record<number, string | null>>;
  /** Whether the registry answered (false: subjects and schemas are empty). */
  readonly registryReachable: boolean;
  /**
   * Course group id → its history in `__consumer_offsets` (members that
   * joined, every commit); undefined when that topic could not be read.
   */
  readonly history?: Readonly<Record<string, GroupHistory>>;
  /** What kafka-lab's own runs wrote to the journal about this prefix's names. */
  readonly journal?: readonly JournalEntry[];
  /** Group names the grader named (`check --group`), course names by lab. */
  readonly groupNames?: Readonly<Record<string, string>>;
}

/** What a snapshot must read for a lab. */
export interface SnapshotNeeds {
  /** Course topic names (the prefix is added). */
  readonly topics: readonly string[];
  /** Course group ids (the prefix is added). */
  readonly groups: readonly string[];
  /** Also every other group of the prefix that committed offsets on these topics. */
  readonly otherGroupsOn?: readonly string[];
  /** Course subject names (the prefix is added). */
  readonly subjects: readonly string[];
}

/** The verdict of one check. */
export interface CheckResult {
  readonly pass: boolean;
  /** What the check saw, in a sentence. */
  readonly evidence: Text;
  /** What to do to pass (given when the check fails). */
  readonly hint?: Text;
  /** When the evidence was made (ISO 8601), where the cluster tells. */
  readonly at?: string;
}

/** One thing a student must (or may, for extras) have done. */
export interface Task {
  /** Short id, stable for gradebooks: `hello-records`. */
  readonly id: string;
  /** Required tasks decide the exit code; extras are the seed's optional tasks. */
  readonly required: boolean;
  readonly title: Text;
  readonly check: (snapshot: Snapshot) => CheckResult;
}

/** A lab's grading: its tasks and what the snapshot must hold for them. */
export interface LabTasks {
  /** `lab1` .. `lab4`. */
  readonly lab: string;
  readonly title: Text;
  /** The goal of the lab, for the report. */
  readonly goal: Text;
  readonly needs: SnapshotNeeds;
  readonly tasks: readonly Task[];
}

/** A task's result. */
export interface TaskResult extends CheckResult {
  readonly lab: string;
  readonly task: string;
  readonly required: boolean;
  readonly title: Text;
}

/** A model answer to one control question. */
export interface Answer {
  readonly question: Text;
  readonly answer: Text;
  /** The test in tests/answers/ that proves the behaviour the answer states, if any. */
  readonly provenBy?: string;
}

/**
 * Where the graded labs come from. `lib/` never imports `labs/`: `main.ts`
 * hands the labs' source (`GRADED_LABS_SOURCE` in `labs/mod.ts`) to the
 * context, and `check`, `report` and the tests read it from there.
 */
export interface GradedLabsSource {
  /** Every graded lab's tasks, in course order (loaded on first use). */
  labs(): Promise<readonly LabTasks[]>;
  /** A lab's control questions (the answer keys are for instructors: not in the program). */
  questions(lab: string): Promise<readonly Text[]>;
}
