/**
 * The producers lab 5 compares while brokers die, all made by the library
 * (`Kafka.producer()`, `lib/kafka/safe_producer.ts`); this file only says how
 * each send of a group of records ended:
 * - `plain`: acks as asked, retries, no idempotence (a retry after a lost
 *   answer may write a record twice);
 * - `kafkajs`: kafkajs' own idempotent producer (`unsafePartitioning`): a
 *   retried send() runs the partitioner again, an unkeyed record moves
 *   partition and the rolled-back sequence numbers make the broker drop or
 *   double records (`--unsafe-partitioning`);
 * - `safe`: the library's idempotent producer (`idempotentProducer()`): each
 *   record's partition fixed before its first attempt, a producer whose send
 *   failed replaced by a new one, partitions missing from a reply sent again.
 * @module
 */
import type { Kafka, Message, Producer } from "../../lib/kafka/port.ts";
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

/** Retries of the plain and kafkajs kinds: about 20 s, as a real application would wait. */
export const LAB_RETRY = { retries: 10, initialRetryTime: 200, maxRetryTime: 3_000 };

/** The library's producer of `kind` (not yet connected). */
export function libraryProducer(
  kafka: Kafka,
  kind: ProducerKind,
  options: { retries?: number } = {},
): Promise<Producer> {
  const retry = { ...LAB_RETRY, retries: options.retries ?? LAB_RETRY.retries };
  switch (kind) {
    case "plain":
      return kafka.producer({ idempotent: false, maxInFlightRequests: 5, retry });
    case "kafkajs":
      return kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        retry,
        unsafePartitioning: true,
      });
    case "safe": // the library's own settings (retries as in the course's seed)
      return kafka.idempotentProducer(
        options.retries === undefined ? {} : { retry },
      );
  }
}

class ClassifyingProducer implements LabProducer {
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

/** Makes and connects the library's producer of `kind`. */
export async function makeProducer(
  kafka: Kafka,
  kind: ProducerKind,
  options: { retries?: number } = {},
): Promise<LabProducer> {
  return new ClassifyingProducer(kind, await kafka.connect(libraryProducer(kafka, kind, options)));
}
