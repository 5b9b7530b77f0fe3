/**
 * What the unit tests on the fake Kafka port share: a port on a fresh fake
 * cluster with one topic, a deadline that turns a hang into a failure, and
 * the produce requests the fake answered.
 * @module
 */
import { withTimeout } from "../../lib/time.ts";
import {
  createFakeKafka,
  type FakeKafka,
  type FakeKafkaOptions,
} from "../../lib/kafka/fake/mod.ts";
import type { RequestLogEntry } from "../../lib/kafka/fake/cluster.ts";

/** A fake port whose cluster holds `topic` with `partitions` partitions (replication factor 1). */
export function fakeWithTopic(
  topic: string,
  partitions: number,
  options: FakeKafkaOptions = {},
): FakeKafka {
  const fake = createFakeKafka(options);
  fake.cluster.createTopic(topic, { partitions, replicationFactor: 1 });
  return fake;
}

/**
 * `work`, or a failure after `ms`: a test of something that should settle
 * fails instead of hanging the suite when it is broken.
 */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return withTimeout(work, ms, () => new Error(`did not settle within ${ms} ms`));
}

/** The produce requests the fake answered (or failed), oldest first. */
export function produceRequests(fake: FakeKafka): RequestLogEntry[] {
  return fake.cluster.requests.filter((r) => r.kind === "produce");
}

/** Every value of `topic` in every partition, as strings. */
export function allValues(fake: FakeKafka, topic: string): string[] {
  const partitions = fake.cluster.topic(topic).partitions.length;
  return Array.from({ length: partitions }, (_, p) => fake.cluster.values(topic, p)).flat();
}
