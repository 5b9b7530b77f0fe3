/**
 * Part 3, message size, on the real cluster: a topic whose max.message.bytes
 * is 10 KiB. One record that fits is written; one over the limit is refused
 * by the broker (MESSAGE_TOO_LARGE); three records that each fit, sent in one
 * request, form one batch over the limit and are refused together.
 * @module
 */
import { Buffer } from "node:buffer";
import { protocolErrorType } from "../../lib/errors.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { batchBytes, SIZE } from "./model.ts";
import { brokerSetting, setTopicConfigs } from "./retention.ts";

/** Which of part 3's three sends. */
export type SizeAttemptKind = "fits" | "too-large" | "batch";

/** One send of part 3 and how the broker answered it. */
export interface SizeAttempt {
  readonly kind: SizeAttemptKind;
  readonly sizes: readonly number[];
  /** The batch's size on the wire, as {@linkcode batchBytes} estimates it. */
  readonly batchBytes: number;
  readonly written: boolean;
  /** The offset of the first record written, or the refusal's error code. */
  readonly offset?: string;
  readonly code?: string;
}

/** What part 3 did and saw. */
export interface SizeResult {
  readonly topic: string;
  readonly maxMessageBytes: number;
  /** The brokers' message.max.bytes (undefined when unreadable). */
  readonly brokerMessageMaxBytes?: number;
  readonly attempts: readonly SizeAttempt[];
}

const SENDS: ReadonlyArray<{ kind: SizeAttemptKind; sizes: number[] }> = [
  { kind: "fits", sizes: [SIZE.fits] },
  { kind: "too-large", sizes: [SIZE.tooLarge] },
  { kind: "batch", sizes: Array.from({ length: SIZE.batchOf }, () => SIZE.batchRecord) },
];

/** Runs part 3 on `topic`. */
export async function runSize(kafka: Kafka, topic: string): Promise<SizeResult> {
  const brokerMessageMaxBytes = await kafka.withAdmin(async (admin) => {
    await setTopicConfigs(admin, topic, { "max.message.bytes": String(SIZE.maxMessageBytes) });
    return await brokerSetting(admin, "message.max.bytes");
  });
  const producer = await kafka.connect(kafka.idempotentProducer());
  const attempts: SizeAttempt[] = [];
  try {
    for (const { kind, sizes } of SENDS) {
      const messages = sizes.map((n) => ({ value: Buffer.alloc(n, "s"), partition: 0 }));
      const base = { kind, sizes, batchBytes: batchBytes(sizes) };
      try {
        const [meta] = await producer.send({ topic, acks: -1, messages });
        attempts.push({ ...base, written: true, offset: meta?.baseOffset ?? meta?.offset });
      } catch (err) {
        attempts.push({
          ...base,
          written: false,
          code: protocolErrorType(err) ?? (err as Error).name,
        });
      }
    }
  } finally {
    await producer.disconnect();
  }
  return { topic, maxMessageBytes: SIZE.maxMessageBytes, brokerMessageMaxBytes, attempts };
}
