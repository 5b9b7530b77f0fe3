/**
 * Fixtures of the groups/read/write/kafka/ui tests: records written with
 * kafkajs straight to chosen partitions, a consumer that holds a group and
 * commits chosen offsets, clean-up, and the CLI fed through stdin.
 * @module
 */
import assert from "node:assert/strict";
import type { Admin, Consumer } from "../lib/kafka/port.ts";
import { Buffer } from "node:buffer";
import { KafkaClients } from "../lib/kafka/clients.ts";
import {
  captureOutput,
  cleanUp as cleanUpMade,
  type CliResult,
  clusterConfig,
  MAIN,
  PERMISSION_FLAGS,
  ROOT,
} from "./helpers.ts";

/** A client factory for the cluster under test. */
export function testKafka(): KafkaClients {
  return new KafkaClients(clusterConfig(), captureOutput().out);
}

/** Runs `fn` with a connected admin. */
export function withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
  return testKafka().withAdmin(fn);
}

/** One record to put in a partition. */
export interface TestRecord {
  readonly partition: number;
  readonly value: string | Uint8Array;
  readonly key?: string;
  readonly headers?: Record<string, string>;
}

/** Writes records (acks=all), each to its own partition. */
export async function produce(topic: string, records: readonly TestRecord[]): Promise<void> {
  const kafka = testKafka();
  const producer = await kafka.connect(kafka.producer());
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: records.map((r) => ({
        partition: r.partition,
        key: r.key ?? null,
        value: typeof r.value === "string" ? r.value : Buffer.from(r.value),
        headers: r.headers,
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** `count` text records `prefix-0`.. into `partition`. */
export function records(partition: number, count: number, prefix = "r"): TestRecord[] {
  return Array.from({ length: count }, (_, i) => ({ partition, value: `${prefix}-${i}` }));
}

/** A consumer that holds a group until {@linkcode HeldGroup.leave}. */
export interface HeldGroup {
  readonly consumer: Consumer;
  /** Commits `offset` (the next one to read) for a partition. */
  commit(partition: number, offset: number): Promise<void>;
  leave(): Promise<void>;
}

/** Joins `group` on `topic` with a consumer that reads nothing and commits only when told. */
export async function holdGroup(group: string, topic: string): Promise<HeldGroup> {
  const kafka = testKafka();
  const consumer = await kafka.connect(kafka.consumer({ groupId: group }));
  let joined!: () => void;
  const hasJoined = new Promise<void>((r) => joined = r);
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ autoCommit: false, eachBatch: async () => {} });
  consumer.pause([{ topic }]);
  await Promise.race([
    hasJoined,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${group} not joined in 60 s`)), 60_000)
    ),
  ]);
  return {
    consumer,
    commit: (partition, offset) =>
      consumer.commitOffsets([{ topic, partition, offset: String(offset) }]),
    leave: () => consumer.disconnect(),
  };
}

/** Deletes the topics and groups a test made (missing ones are fine). */
export function cleanUp(topics: readonly string[], groups: readonly string[] = []): Promise<void> {
  return cleanUpMade({ topics, groups });
}

/** Runs the CLI with `input` on stdin. */
export async function runCliWithInput(
  args: readonly string[],
  input: string,
  timeoutMs = 120_000,
): Promise<CliResult> {
  const started = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSION_FLAGS, MAIN, ...args],
    env: { NO_COLOR: "1" },
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeoutMs),
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(input));
  await writer.close();
  const out = await child.output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
    ms: performance.now() - started,
  };
}

/** The bootstrap address of the cluster under test, for other clients (kcat). */
export function brokersArg(): string {
  return clusterConfig().brokers.join(",");
}

/** Runs kcat against the test cluster (stdin from `input`); its stdout, failing on a non-zero exit. */
export async function kcat(args: string[], input?: string): Promise<string> {
  const child = new Deno.Command("kcat", {
    args: ["-b", brokersArg(), ...args],
    stdin: input === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(60_000),
  }).spawn();
  if (input !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(input));
    await w.close();
  }
  const out = await child.output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout);
}
