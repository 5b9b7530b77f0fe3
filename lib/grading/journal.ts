/**
 * The journal: a small topic, `<prefix>kafka-lab-journal`, where kafka-lab's
 * own runs leave one JSON record of what happened (who, what, when, what was
 * seen), so grading can credit what no longer shows on the cluster (a second
 * group that read with `latest` and stopped) and tell an offset reset from a
 * consumer that read. Writing it never fails a lab: a journal that cannot be
 * written is a `--verbose` line.
 *
 * @example
 * ```ts
 * await recordWork(kafka, { what: "groups.reset", group: "anna.hello-group", topic: "anna.hello-kafka", offsets: { 0: 5 } });
 * ```
 * @module
 */
import type { Kafka } from "../kafka/port.ts";
import { ensureTopic } from "../kafka/topics.ts";

/** The journal topic's name without a prefix. */
export const JOURNAL_TOPIC = "kafka-lab-journal";

/** What a run records (real, prefixed names). */
export interface JournalInput {
  /** `groups.reset`, `lab2.consume`, … */
  readonly what: string;
  readonly group?: string;
  readonly topic?: string;
  /** Where a new group started: `earliest` or `latest`. */
  readonly from?: string;
  /** Records the run read or wrote. */
  readonly seen?: number;
  /** Consumers or producers that ran at once. */
  readonly instances?: number;
  /** Offsets a reset set, by partition. */
  readonly offsets?: Readonly<Record<string, number>>;
}

/** A journal record as read back. */
export interface JournalEntry extends JournalInput {
  /** ISO 8601 time of the run. */
  readonly at: string;
  /** The prefix the run used. */
  readonly prefix: string;
  /** The OS user and host that ran it. */
  readonly who: string;
}

function who(): string {
  let user = "";
  let host = "";
  try {
    user = Deno.env.get("USER") ?? Deno.env.get("USERNAME") ?? "";
  } catch { /* no env permission */ }
  try {
    host = Deno.hostname();
  } catch { /* no sys permission */ }
  return `${user}@${host}`;
}

async function write(kafka: Kafka, entry: JournalEntry): Promise<void> {
  const topic = kafka.config.prefix + JOURNAL_TOPIC;
  await kafka.withAdmin(async (admin) => {
    const brokers = (await admin.describeCluster()).brokers.length;
    await ensureTopic(admin, {
      name: topic,
      partitions: 1,
      replicationFactor: Math.min(3, Math.max(1, brokers)),
    });
  });
  const producer = await kafka.connect(kafka.producer());
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: entry.group ?? entry.topic ?? null, value: JSON.stringify(entry) }],
    });
  } finally {
    await producer.disconnect().catch(() => {});
  }
}

/**
 * Leaves a journal record of a run; at most about 5 s, never throws (a
 * failure is a `--verbose` line).
 */
export async function recordWork(kafka: Kafka, input: JournalInput): Promise<void> {
  const entry: JournalEntry = {
    ...input,
    at: new Date().toISOString(),
    prefix: kafka.config.prefix,
    who: who(),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      write(kafka, entry),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out after 5 s")), 5000);
      }),
    ]);
  } catch (err) {
    kafka.debug(`journal not written: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** A journal record's value parsed; undefined when it is not one. */
export function parseJournalValue(value: Uint8Array | null): JournalEntry | undefined {
  if (value === null) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(value));
    return typeof v === "object" && v !== null && typeof v.what === "string" &&
        typeof v.at === "string"
      ? v as JournalEntry
      : undefined;
  } catch {
    return undefined;
  }
}
