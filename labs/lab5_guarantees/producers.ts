/**
 * The three producers lab 5 compares while brokers die:
 * - `plain`: acks as asked, retries, no idempotence (a retry may write twice);
 * - `kafkajs`: kafkajs' own idempotent producer with its default partitioner
 *   on unkeyed records: a retried send() runs the partitioner again, the
 *   record moves partition and the rolled-back sequence numbers make the
 *   broker drop or double records (`--unsafe-partitioning`);
 * - `safe`: idempotent, every record's partition fixed before its first
 *   attempt, and a producer whose send failed replaced by a new one.
 * @module
 */
import type { Message, Producer } from "kafkajs";
import type { KafkaClients } from "../../lib/kafka.ts";
import { classifySendError, type SendOutcome } from "./model.ts";

/** Which producer. */
export type ProducerKind = "plain" | "kafkajs" | "safe";

/** The result of one send() of a group of records. */
export type SendResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly outcome: SendOutcome; readonly code: string };

/** Sends groups of records and says how each send ended. */
export interface LabProducer {
  readonly kind: ProducerKind;
  send(topic: string, messages: Message[], acks: -1 | 0 | 1): Promise<SendResult>;
  close(): Promise<void>;
}

/** Producer settings shared by the three kinds: retries ~20 s, as a real app would. */
const RETRY = { retries: 10, initialRetryTime: 200, maxRetryTime: 3_000 };

class SimpleProducer implements LabProducer {
  readonly kind: ProducerKind;
  readonly #producer: Producer;

  constructor(kind: ProducerKind, producer: Producer) {
    this.kind = kind;
    this.#producer = producer;
  }

  async send(topic: string, messages: Message[], acks: -1 | 0 | 1): Promise<SendResult> {
    try {
      await this.#producer.send({ topic, messages, acks });
      return { ok: true };
    } catch (err) {
      return { ok: false, ...classifySendError(err) };
    }
  }

  close(): Promise<void> {
    return this.#producer.disconnect().catch(() => {});
  }
}

/**
 * The safe path: partitions fixed per record by the caller (`message.partition`
 * must be set), and after a failed send the producer is replaced, so its
 * producer id and sequence numbers never go out of step with the broker.
 */
class SafeProducer implements LabProducer {
  readonly kind = "safe" as const;
  readonly #kafka: KafkaClients;
  #producer?: Producer;

  constructor(kafka: KafkaClients) {
    this.#kafka = kafka;
  }

  async #current(): Promise<Producer> {
    return this.#producer ??= await this.#kafka.connect(
      this.#kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: RETRY }),
    );
  }

  async send(topic: string, messages: Message[]): Promise<SendResult> {
    if (messages.some((m) => m.partition === undefined)) {
      throw new Error("the safe producer needs a partition on every record");
    }
    try {
      await (await this.#current()).send({ topic, messages, acks: -1 });
      return { ok: true };
    } catch (err) {
      const old = this.#producer;
      this.#producer = undefined;
      await old?.disconnect().catch(() => {});
      return { ok: false, ...classifySendError(err) };
    }
  }

  async close(): Promise<void> {
    await this.#producer?.disconnect().catch(() => {});
  }
}

/** Makes and connects a producer of `kind`. */
export async function makeProducer(
  kafka: KafkaClients,
  kind: ProducerKind,
  options: { retries?: number } = {},
): Promise<LabProducer> {
  if (kind === "safe") return new SafeProducer(kafka);
  const producer = kafka.producer({
    idempotent: kind === "kafkajs",
    maxInFlightRequests: kind === "kafkajs" ? 1 : 5,
    retry: { ...RETRY, retries: options.retries ?? RETRY.retries },
  });
  return new SimpleProducer(kind, await kafka.connect(producer));
}
