/**
 * Reads records of a topic from a chosen position without touching any
 * consumer group's offsets (what `kcat -C` and `kafka-console-consumer` do).
 *
 * kafkajs has no `assign()`: every consumer joins a group. So the reader joins
 * a throwaway group (`kafka-lab-read-<uuid>`), never commits, seeks each
 * partition to its start, pauses the partitions it was not asked for, and
 * deletes the group when it is done. Without `follow` it stops at the end
 * offsets it saw when it started.
 *
 * @example
 * ```ts
 * await readTopic(kafka, { topic: "hello-kafka", from: { kind: "earliest" }, follow: false,
 *   signal, onRecord: (r) => console.log(r.offset) });
 * ```
 * @module
 */
import type { Admin, Batch, Consumer, Kafka, KafkaMessage } from "../kafka/port.ts";
import type { ConsumedRecord } from "../kafka/consumer_loop.ts";
import { KafkaLabError, UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { type Position, resolveOffset } from "./position.ts";

/** The prefix of the reader's throwaway groups (so `groups list` readers can tell them). */
export const READER_GROUP_PREFIX = "kafka-lab-read-";

/** Options of {@linkcode readTopic}. */
export interface ReadOptions {
  readonly topic: string;
  readonly from: Position;
  /** Partitions to read; all when absent. */
  readonly partitions?: readonly number[];
  /** Stop after this many records. */
  readonly count?: number;
  /** Keep waiting for new records after the end. */
  readonly follow: boolean;
  readonly signal: AbortSignal;
  readonly onRecord: (record: ConsumedRecord) => void | Promise<void>;
  /** Told once the start and end of each partition are known. */
  readonly onStart?: (ranges: readonly PartitionRange[]) => void;
  /**
   * Put before the throwaway group's name: the student's prefix, so that a
   * user fenced in by prefixed ACLs (`kafka-lab class`) may use the group.
   */
  readonly groupPrefix?: string;
}

/** Where reading a partition starts and (without `follow`) ends. */
export interface PartitionRange {
  readonly partition: number;
  /** The first offset to read. */
  readonly start: string;
  /** The end offset when reading started (the next offset to be written). */
  readonly end: string;
}

/** Why reading stopped. */
export type ReadStop = "end" | "count" | "signal";

/** What {@linkcode readTopic} did. */
export interface ReadSummary {
  readonly records: number;
  readonly stoppedBy: ReadStop;
  readonly ranges: readonly PartitionRange[];
}

/** The error for a topic that does not exist. */
export function topicNotFound(topic: string): KafkaLabError {
  return new KafkaLabError(
    fillText(t("topic {topic} does not exist", "топика {topic} нет"), { topic }),
    {
      hint: t(
        "`kafka-lab topic list` lists the topics; create one with `kafka-lab topic create <name>`",
        "`kafka-lab topic list` покажет топики; создать: `kafka-lab topic create <имя>`",
      ),
      missing: { kind: "topic", name: topic },
    },
  );
}

/** The partition ids of a topic, or {@linkcode topicNotFound}. */
export async function topicPartitions(admin: Admin, topic: string): Promise<number[]> {
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) throw topicNotFound(topic);
  const { topics: meta } = await admin.fetchTopicMetadata({ topics: [topic] });
  return meta[0].partitions.map((p) => p.partitionId).sort((a, b) => a - b);
}

/** Start and end offsets of the partitions to read. */
export async function planRead(
  admin: Admin,
  topic: string,
  from: Position,
  wanted?: readonly number[],
  known?: readonly number[],
): Promise<PartitionRange[]> {
  const all = known ? [...known] : await topicPartitions(admin, topic);
  for (const p of wanted ?? []) {
    if (!all.includes(p)) {
      throw new UsageError(
        fillText(
          t(
            "topic {topic} has no partition {p} (it has {list})",
            "у топика {topic} нет партиции {p} (есть {list})",
          ),
          { topic, p, list: all.join(", ") },
        ),
      );
    }
  }
  const chosen = wanted && wanted.length > 0 ? [...new Set(wanted)].sort((a, b) => a - b) : all;
  const marks = await admin.fetchTopicOffsets(topic);
  const byTime = from.kind === "time"
    ? await admin.fetchTopicOffsetsByTimestamp(topic, from.ms)
    : [];
  return chosen.map((partition) => {
    const m = marks.find((x) => x.partition === partition)!;
    const start = resolveOffset(
      from,
      { low: m.low, high: m.high },
      byTime.find((x) => x.partition === partition)?.offset,
    );
    return { partition, start, end: m.high };
  });
}

/** Reads as {@linkcode ReadOptions} say; resolves when done (never rejects on a clean stop). */
export async function readTopic(kafka: Kafka, options: ReadOptions): Promise<ReadSummary> {
  // The partitions from Kafka.partitions() (the wire): kafkajs' listTopics fails while any
  // partition of any topic has no leader, which must not stop reading a healthy topic.
  const layout = await kafka.partitions(options.topic);
  if (!layout) throw topicNotFound(options.topic);
  const all = layout.map((p) => p.partition).sort((a, b) => a - b);
  // One admin plans the read and deletes the throwaway group: a fresh kafkajs admin would
  // first ask for every topic's metadata, which fails for ~25 s while any partition of any
  // topic has no leader; this one knows only the topic read.
  return await kafka.withAdmin(async (admin) => {
    const ranges = await planRead(admin, options.topic, options.from, options.partitions, all);
    options.onStart?.(ranges);
    const cursor = new ReadCursor(ranges, options.count);
    if (options.count === 0 || (!options.follow && cursor.finished())) {
      return { records: 0, stoppedBy: options.count === 0 ? "count" : "end", ranges };
    }
    return { ...(await readInGroup(kafka, cursor, { ...options, all, admin })), ranges };
  });
}

/**
 * Where reading each partition stands (the next offset to hand on), and how
 * many records were handed on; decides when to stop.
 */
export class ReadCursor {
  /** The next offset to hand on, per partition read. */
  readonly next: Map<number, bigint>;
  readonly #ends: Map<number, bigint>;
  readonly #count: number | undefined;
  records = 0;

  constructor(ranges: readonly PartitionRange[], count?: number) {
    this.next = new Map(ranges.map((r) => [r.partition, BigInt(r.start)]));
    this.#ends = new Map(ranges.map((r) => [r.partition, BigInt(r.end)]));
    this.#count = count;
  }

  /** Every partition read up to the end it had when reading started. */
  finished(): boolean {
    return [...this.next].every(([p, n]) => n >= this.#ends.get(p)!);
  }

  /** `count` records were handed on. */
  reached(): boolean {
    return this.#count !== undefined && this.records >= this.#count;
  }

  /**
   * Hands each record of the batch not handed on before to `onRecord`, and
   * moves past what the fetch covered; returns why to stop, if it is time.
   */
  async take(
    batch: Batch,
    options: Pick<ReadOptions, "signal" | "follow" | "onRecord">,
  ): Promise<ReadStop | undefined> {
    const p = batch.partition;
    if (!this.next.has(p)) return undefined;
    for (const m of batch.messages) {
      if (options.signal.aborted || this.reached()) break;
      if (BigInt(m.offset) < this.next.get(p)!) continue;
      const handled = options.onRecord(viewRecord(batch.topic, p, m));
      if (handled) await handled;
      this.records++;
      this.next.set(p, BigInt(m.offset) + 1n);
    }
    if (this.reached()) return "count";
    const last = BigInt(batch.lastOffset()) + 1n;
    if (last > this.next.get(p)!) this.next.set(p, last);
    if (!options.follow && this.finished()) return "end";
    return undefined;
  }
}

const headerText = new TextDecoder();

/** A view of the bytes as a plain Uint8Array (no copy: a client never reuses a response's bytes). */
function view(bytes: Uint8Array | null): Uint8Array | null {
  return bytes === null ? null : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A consumed message as a record, its key and value viewed where the client
 * decoded them rather than copied (the consumer loop's `toRecord` copies each:
 * allocating 400,000 small arrays was a quarter of `read`'s CPU for 200,000 records).
 */
function viewRecord(topic: string, partition: number, m: KafkaMessage): ConsumedRecord {
  const headers: Record<string, string> = {};
  for (const k in m.headers) {
    const v = m.headers[k];
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    headers[k] = typeof first === "string" ? first : headerText.decode(first);
  }
  return {
    topic,
    partition,
    offset: m.offset,
    key: view(m.key),
    value: view(m.value),
    timestamp: m.timestamp,
    headers,
  };
}

/** Reads with a throwaway group until the cursor, the count or the signal stops it; deletes the group. */
async function readInGroup(
  kafka: Kafka,
  cursor: ReadCursor,
  options: ReadOptions & { readonly all: readonly number[]; readonly admin: Admin },
): Promise<Omit<ReadSummary, "ranges">> {
  const groupId = `${options.groupPrefix ?? ""}${READER_GROUP_PREFIX}${crypto.randomUUID()}`;
  // Large fetches when a reader goes through whole partitions (fewer round trips win);
  // kafkajs' usual 1 MiB when it wants a few records (a 16 MiB fetch is decoded whole).
  const large = options.count === undefined || options.count > 10_000;
  const consumer = await kafka.consumer({
    groupId,
    maxWaitTimeInMs: 500,
    ...(large ? { maxBytesPerPartition: 16 * 1024 * 1024, maxBytes: 64 * 1024 * 1024 } : {}),
  });
  const stopped = Promise.withResolvers<ReadStop>();
  const onAbort = () => stopped.resolve("signal");
  options.signal.addEventListener("abort", onAbort, { once: true });
  try {
    const others = options.partitions && options.partitions.length > 0
      ? options.all.filter((p) => !cursor.next.has(p))
      : [];
    await kafka.connect(consumer);
    consumer.on(consumer.events.CRASH, (e) => {
      if (!e.payload.restart) stopped.reject(e.payload.error);
    });
    seekOnEveryJoin(consumer, options.topic, cursor.next, others);
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        try {
          const why = await cursor.take(batch, options);
          if (why) stopped.resolve(why);
        } catch (err) {
          stopped.reject(err);
        }
      },
    });
    const stoppedBy = await stopped.promise;
    return { records: cursor.records, stoppedBy };
  } catch (err) {
    throw kafka.translate(err);
  } finally {
    options.signal.removeEventListener("abort", onAbort);
    await kafka.disconnectConsumer(consumer).catch(() => {});
    await options.admin.deleteGroups([groupId]).catch(() => {});
  }
}

/**
 * Seeks each partition to read to its next offset, and pauses the topic's
 * other partitions, each time the consumer joins its group: a consumer whose
 * first join failed (e.g. the group coordinator of a new cluster is not ready
 * yet) is restarted by kafkajs, and a seek made before that restart would be
 * lost (or throw "consumer#run must be called first").
 */
function seekOnEveryJoin(
  consumer: Consumer,
  topic: string,
  next: ReadonlyMap<number, bigint>,
  others: number[],
): void {
  consumer.on(consumer.events.GROUP_JOIN, () => {
    for (const [partition, offset] of next) {
      consumer.seek({ topic, partition, offset: String(offset) });
    }
    if (others.length > 0) consumer.pause([{ topic, partitions: others }]);
  });
}
