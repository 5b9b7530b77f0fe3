/**
 * kafkajs' partitioner, made safe to retry, and the key partitioner the
 * labs use to know a keyed record's partition before sending it.
 *
 * kafkajs 2.2.4 runs the partitioner again on every retry of a `send()`,
 * and its default partitioner moves an unkeyed record to the next partition
 * on every call, retries included: a retry is then a different batch to a
 * different partition, which the broker cannot recognise as a duplicate.
 * {@linkcode partitionOncePerRecord} chooses each record's partition once
 * (the safe producer, `../safe_producer.ts`, relies on it).
 *
 * @example
 * ```ts
 * const memo = new WeakMap<Message, number>();
 * kafka.producer({ createPartitioner: partitionOncePerRecord(Partitioners.DefaultPartitioner, memo) });
 * ```
 * @module
 */
import { type ICustomPartitioner, type Message, Partitioners } from "kafkajs";

/**
 * Wraps a partitioner so it chooses a record's partition once: later calls
 * for the same message object (kafkajs' retries) get the same answer. `chosen`
 * receives every choice, so the caller knows where each record went.
 */
export function partitionOncePerRecord(
  create: ICustomPartitioner,
  chosen: WeakMap<Message, number>,
): ICustomPartitioner {
  return () => {
    const partitioner = create();
    return (args) => {
      const known = chosen.get(args.message);
      if (known !== undefined) return known;
      const partition = partitioner(args);
      chosen.set(args.message, partition);
      return partition;
    };
  };
}

/**
 * The partition kafkajs' default partitioner (murmur2 of the key, as the Java
 * client does) gives a key on a topic with `partitions` partitions. Lets a
 * producer set partitions itself and so know each record's offset in a batch.
 */
export function keyPartitioner(topic: string, partitions: number): (key: string) => number {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({
    partitionId: i,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [],
    isr: [],
  }));
  return (key) => partitioner({ topic, partitionMetadata, message: { key, value: null } });
}
