/**
 * Where Kafka keeps a consumer group: the partition of `__consumer_offsets`
 * (its group coordinator is that partition's leader) is
 * `Utils.abs(groupId.hashCode()) % partitions`, with Java's `String.hashCode`
 * and `Utils.abs` (the absolute value, 0 for Integer.MIN_VALUE).
 *
 * @example
 * ```ts
 * groupPartition("hello-group", 50); // the partition holding its commits and metadata
 * ```
 * @module
 */

/** Java's `String.hashCode` (over UTF-16 code units, 32-bit wrap-around). */
export function javaHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/** The partition of `__consumer_offsets` (of `partitions`) that holds `group`. */
export function groupPartition(group: string, partitions: number): number {
  const h = javaHashCode(group);
  return (h === -0x80000000 ? 0 : Math.abs(h)) % partitions;
}
