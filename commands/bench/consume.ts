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
import type { EachBatchPayload, Kafka } from "../../lib/kafka/port.ts";
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
  const latencies = new Float64Array(s.records);
  let count = 0;
  let bytes = 0;
  let first: number | undefined;
  let last = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const onAbort = () => finish();
  options.signal.addEventListener("abort", onAbort, { once: true });
  const commit = (partition: number, offset: string) =>
    consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);

  const eachBatch = async ({ batch, resolveOffset, heartbeat, isRunning }: EachBatchPayload) => {
    const arrived = performance.now();
    first ??= arrived;
    const from = count;
    let lastOffset: string | undefined;
    for (const m of batch.messages) {
      if (count >= s.records || !isRunning()) break;
      bytes += m.value?.length ?? 0;
      resolveOffset(m.offset);
      lastOffset = m.offset;
      if (s.commit === "record") await commit(batch.partition, m.offset);
      latencies[count++] = performance.now() - arrived;
    }
    if (s.commit === "batch" && lastOffset !== undefined) {
      await commit(batch.partition, lastOffset);
      const now = performance.now();
      for (let i = from; i < count; i++) latencies[i] = now - arrived;
    }
    last = performance.now();
    options.progress(count, s.records, last - first);
    if (count >= s.records) finish();
    await heartbeat();
  };

  const started = performance.now();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch });
    await finished;
  } catch (err) {
    throw kafka.translate(err);
  } finally {
    options.signal.removeEventListener("abort", onAbort);
    await consumer.disconnect().catch(() => {});
  }
  return {
    records: count,
    bytes,
    elapsedMs: first === undefined ? 0 : last - first,
    latenciesMs: latencies.subarray(0, count),
    joinMs: (first ?? performance.now()) - started,
  };
}
