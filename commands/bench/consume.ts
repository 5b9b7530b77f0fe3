/**
 * One `bench consume` run: a new consumer group reads `records` records of a
 * topic the bench filled beforehand, committing offsets never, once per
 * fetched batch, or once per record. A record's latency runs from the arrival
 * of its batch to the record being handled and, with commits, its offset
 * committed, so the cost of each commit mode shows in the percentiles.
 *
 * The bench drives kafkajs directly instead of the labs' consumer loop
 * (`lib/kafka/consumer_loop.ts`): it measures the client itself, including `--commit
 * none`, which the labs' at-least-once loop rightly does not offer.
 * @module
 */
import type { Consumer, EachBatchPayload, Kafka } from "../../lib/kafka/port.ts";
import type { ConsumeSettings } from "./options.ts";
import type { Progress } from "./produce.ts";
import type { Samples } from "./stats.ts";

/** The samples of a consume run, and how long joining the group took. */
export interface ConsumeSamples extends Samples {
  /** From `run()` to the first batch: group join and the first fetch. */
  readonly joinMs: number;
}

/** Reads `s.records` records of `topic` with a new group and returns the samples. */
export async function runConsume(
  kafka: Kafka,
  topic: string,
  s: ConsumeSettings,
  options: { signal: AbortSignal; progress: Progress; groupId: string },
): Promise<ConsumeSamples> {
  const consumer = await kafka.connect(kafka.consumer({ groupId: options.groupId }));
  const run = new ConsumeRun(consumer, topic, s, options.progress);
  const onAbort = () => run.finish();
  options.signal.addEventListener("abort", onAbort, { once: true });
  const started = performance.now();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: run.eachBatch,
    });
    await run.finished;
  } catch (err) {
    throw kafka.translate(err);
  } finally {
    options.signal.removeEventListener("abort", onAbort);
    await consumer.disconnect().catch(() => {});
  }
  return run.samples(started);
}

/** One run's tally: records and bytes read, each record's latency, the first and last batch. */
class ConsumeRun {
  readonly #consumer: Consumer;
  readonly #topic: string;
  readonly #s: ConsumeSettings;
  readonly #progress: Progress;
  readonly #latencies: Float64Array;
  #count = 0;
  #bytes = 0;
  #first: number | undefined;
  #last = 0;
  /** Resolves once `s.records` records were handled, or the run was stopped. */
  readonly finished: Promise<void>;
  finish: () => void = () => {};

  constructor(consumer: Consumer, topic: string, s: ConsumeSettings, progress: Progress) {
    this.#consumer = consumer;
    this.#topic = topic;
    this.#s = s;
    this.#progress = progress;
    this.#latencies = new Float64Array(s.records);
    this.finished = new Promise<void>((resolve) => (this.finish = resolve));
  }

  /** Handles a batch: each record counted, its offset committed as `--commit` says, timed. */
  eachBatch = async ({ batch, resolveOffset, heartbeat, isRunning }: EachBatchPayload) => {
    const arrived = performance.now();
    this.#first ??= arrived;
    const from = this.#count;
    let lastOffset: string | undefined;
    for (const m of batch.messages) {
      if (this.#count >= this.#s.records || !isRunning()) break;
      this.#bytes += m.value?.length ?? 0;
      resolveOffset(m.offset);
      lastOffset = m.offset;
      if (this.#s.commit === "record") await this.#commit(batch.partition, m.offset);
      this.#latencies[this.#count++] = performance.now() - arrived;
    }
    if (this.#s.commit === "batch" && lastOffset !== undefined) {
      await this.#commit(batch.partition, lastOffset);
      const now = performance.now();
      for (let i = from; i < this.#count; i++) this.#latencies[i] = now - arrived;
    }
    this.#last = performance.now();
    this.#progress(this.#count, this.#s.records, this.#last - this.#first);
    if (this.#count >= this.#s.records) this.finish();
    await heartbeat();
  };

  /** Commits the offset after `offset` (the next record to read). */
  #commit(partition: number, offset: string): Promise<void> {
    return this.#consumer.commitOffsets([
      { topic: this.#topic, partition, offset: (BigInt(offset) + 1n).toString() },
    ]);
  }

  /** The samples, timed from the first batch; `started` is when the consumer began to run. */
  samples(started: number): ConsumeSamples {
    return {
      records: this.#count,
      bytes: this.#bytes,
      elapsedMs: this.#first === undefined ? 0 : this.#last - this.#first,
      latenciesMs: this.#latencies.subarray(0, this.#count),
      joinMs: (this.#first ?? performance.now()) - started,
    };
  }
}
