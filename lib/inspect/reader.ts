/**
 * Reads records of a topic from a chosen position without touching any
 * consumer group's offsets (what `kcat -C` and `kafka-console-consumer` do).
 *
 * Two ways, one behaviour. Unless the cluster needs TLS, the port's partition reader
 * (`Kafka.partitionReader()`: the wire client's Fetch, no group at all) plans
 * the ranges and reads them; where it cannot go on (a compression codec it
 * does not decode, a moved leader, any error: see `lib/kafka/wire/fetcher.ts`)
 * it hands over, and a consumer reads on from where it stopped. Over TLS, or
 * when the plan itself cannot be made on the wire (a leaderless
 * partition), a consumer reads it all: kafkajs has no `assign()`, so that
 * consumer joins a throwaway group (`kafka-lab-read-<uuid>`), never commits,
 * seeks each partition to its start, pauses the partitions it was not asked
 * for, and the group is deleted when it is done. Both read committed records
 * only. Without `follow` reading stops at the end offsets seen when it
 * started.
 *
 * @example
 * ```ts
 * await readTopic(kafka, { topic: "hello-kafka", from: { kind: "earliest" }, follow: false,
 *   signal, onRecord: (r) => console.log(r.offset) });
 * ```
 * @module
 */
import {
  type Admin,
  type Consumer,
  type Kafka,
  type PartitionReader,
  ReadHandOver,
} from "../kafka/port.ts";
import { type PartitionRange, ReadCursor, type ReadStop } from "./read_cursor.ts";
import type { ConsumedRecord } from "../kafka/consumer_loop.ts";
import { KafkaLabError, UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { type Position, resolveOffset } from "./position.ts";
import { LeaderlessError, leaderlessSkipped } from "../kafka/leaderless.ts";

export { type PartitionRange, ReadCursor, type ReadStop } from "./read_cursor.ts";

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

/** Where a read's ranges come from: an admin, or the wire client's partition reader. */
export type OffsetSource = Pick<Admin, "fetchTopicOffsets" | "fetchTopicOffsetsByTimestamp">;

/** Start and end offsets of the partitions to read (`all`: the topic's partitions). */
export async function planRead(
  admin: OffsetSource,
  topic: string,
  from: Position,
  wanted: readonly number[] | undefined,
  all: readonly number[],
): Promise<PartitionRange[]> {
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
export async function readTopic(kafka: Kafka, asked: ReadOptions): Promise<ReadSummary> {
  const options = await withoutLeaderless(kafka, asked);
  const { topic, from, partitions } = options;
  const wire = await kafka.partitionReader();
  try {
    const onWire = wire && await handedOver(kafka, wire.partitions(topic));
    const all = onWire ?? await partitionsOf(kafka, topic);
    const planned = wire && onWire &&
      await handedOver(kafka, planRead(wire, topic, from, partitions, all));
    if (!wire || !planned) return await readWithConsumer(kafka, options, all);
    const cursor = begin(planned, options);
    if (!cursor) return nothingToRead(planned, options);
    const stoppedBy = await handedOver(kafka, readOnWire(wire, cursor, options)) ??
      stillToRead(cursor, options);
    if (stoppedBy) return { records: cursor.records, stoppedBy, ranges: planned };
    return await kafka.withAdmin(async (admin) => ({
      ...(await readInGroup(kafka, cursor, { ...options, all, admin })),
      ranges: planned,
    }));
  } finally {
    wire?.close();
  }
}

/**
 * The read without the partitions that have no leader now (asked on the
 * wire; as asked where that cannot tell): those of the whole topic are left
 * out with a warning that names the brokers to start; a partition asked for
 * by number, or a topic with no leader at all, is an error.
 */
async function withoutLeaderless(kafka: Kafka, options: ReadOptions): Promise<ReadOptions> {
  const none = (await kafka.leaderless([options.topic])) ?? [];
  if (none.length === 0) return options;
  const asked = options.partitions ?? [];
  const wanted = none.filter((p) => asked.length === 0 || asked.includes(p.partition));
  if (wanted.length === 0) return options;
  const all = await partitionsOf(kafka, options.topic);
  const others = all.filter((p) => !none.some((n) => n.partition === p));
  if (asked.length > 0 || others.length === 0) throw new LeaderlessError(wanted, true);
  kafka.warn(leaderlessSkipped(none));
  return { ...options, partitions: others };
}

/**
 * The partitions from Kafka.partitions() (the wire first): kafkajs' listTopics
 * fails while any partition of any topic has no leader, which must not stop
 * reading a healthy topic.
 */
async function partitionsOf(kafka: Kafka, topic: string): Promise<number[]> {
  const layout = await kafka.partitions(topic);
  if (!layout) throw topicNotFound(topic);
  return layout.map((p) => p.partition).sort((a, b) => a - b);
}

/** Plans and reads it all with a consumer in a throwaway group. */
async function readWithConsumer(
  kafka: Kafka,
  options: ReadOptions,
  all: readonly number[],
): Promise<ReadSummary> {
  // One admin plans the read and deletes the throwaway group: a fresh kafkajs admin would
  // first ask for every topic's metadata, which fails for ~25 s while any partition of any
  // topic has no leader; this one knows only the topic read.
  return await kafka.withAdmin(async (admin) => {
    const ranges = await planRead(admin, options.topic, options.from, options.partitions, all);
    const cursor = begin(ranges, options);
    if (!cursor) return nothingToRead(ranges, options);
    return { ...(await readInGroup(kafka, cursor, { ...options, all, admin })), ranges };
  });
}

function nothingToRead(ranges: readonly PartitionRange[], options: ReadOptions): ReadSummary {
  return { records: 0, stoppedBy: options.count === 0 ? "count" : "end", ranges };
}

/** Why reading is over already when the wire reader handed over (undefined: it is not). */
function stillToRead(cursor: ReadCursor, options: ReadOptions): ReadStop | undefined {
  if (cursor.reached()) return "count";
  return !options.follow && cursor.finished() ? "end" : undefined;
}

/** Tells where reading starts; the cursor, or undefined when there is nothing to read. */
function begin(ranges: readonly PartitionRange[], options: ReadOptions): ReadCursor | undefined {
  options.onStart?.(ranges);
  const cursor = new ReadCursor(ranges, options.count);
  if (options.count === 0 || (!options.follow && cursor.finished())) return undefined;
  return cursor;
}

/** What `work` resolves, or undefined when the wire reader handed over (said with `--verbose`). */
async function handedOver<T>(kafka: Kafka, work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof ReadHandOver)) throw err;
    kafka.debug(`read: the wire reader hands over to a consumer (${err.message})`);
    return undefined;
  }
}

/**
 * Reads on the wire client's partition reader (no group) until the cursor,
 * the count or the signal stops it; throws `ReadHandOver` where the reader
 * cannot go on (the cursor then says where a consumer takes over).
 */
async function readOnWire(
  wire: PartitionReader,
  cursor: ReadCursor,
  options: ReadOptions,
): Promise<ReadStop> {
  let stop: ReadStop | undefined;
  await wire.read({
    topic: options.topic,
    positions: cursor.next,
    ...(options.follow ? {} : { ends: cursor.ends }),
    partitionMaxBytes: largeRead(options) ? 4 * 1024 * 1024 : 1024 * 1024,
    signal: options.signal,
    onRecords: async (partition, records, next) => {
      stop = await cursor.takeRecords(partition, records, next, options);
      return stop !== undefined;
    },
  });
  return stop ?? (options.signal.aborted ? "signal" : "end");
}

/** Whether a read goes through whole partitions (large fetches) rather than wants a few records. */
function largeRead(options: Pick<ReadOptions, "count">): boolean {
  return options.count === undefined || options.count > 10_000;
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
  const large = largeRead(options);
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
