/**
 * How a fake broker writes a produce request's batch to a partition: the
 * leader and `min.insync.replicas` checks, idempotence (a batch of one of the
 * producer's last five is a duplicate, acknowledged at the offset it was
 * first written at; a gap in the sequence is OUT_OF_ORDER_SEQUENCE_NUMBER; an
 * older epoch is INVALID_PRODUCER_EPOCH), and the transaction markers that
 * end a producer's open transaction. {@linkcode produce} answers a whole
 * produce request to one broker, with the faults injected into it.
 *
 * @module
 */
import type { RecordMetadata } from "../port.ts";
import { protocolError, type ProtocolErrorName } from "./errors.ts";
import {
  type Fault,
  faultError,
  type FaultHandle,
  type RequestKind,
  type RequestScope,
} from "./faults.ts";
import { type FakePartition, type FakeTopic, toBuffer } from "./log.ts";
import {
  errorName,
  type ProduceEntry,
  type ProduceRequest,
  type RequestLogEntry,
} from "./requests.ts";

/** What the write path asks of the cluster. */
export interface WriteContext {
  readonly topics: ReadonlyMap<string, FakeTopic>;
  /** The value of a topic config (set on the topic, else the default). */
  topicConfig(topic: string, name: string): string | undefined;
  /** The current epoch of a transactional id's producer id. */
  currentEpoch(producerId: number): number | undefined;
}

/** What a produce request asks of the cluster besides the writes: faults, the log, news. */
export interface ProduceContext extends WriteContext {
  address(broker: number): string;
  takeFault(kind: RequestKind, scope?: RequestScope): FaultHandle | undefined;
  hang(address: string, signal?: AbortSignal): Promise<never>;
  moveLeader(topic: string, partition: number, broker: number): void;
  log(entry: RequestLogEntry): void;
  notify(): void;
}

/** What became of one partition's batch. */
export interface WriteOutcome {
  readonly outcome: "appended" | "duplicate" | "refused";
  readonly result?: RecordMetadata;
  readonly error?: Error;
}

/**
 * A produce request to one broker; resolves one result per partition, or
 * throws the first partition's error (as the kafkajs adapter does). With an
 * injected `when: "after"` fault, the records are appended first.
 */
export async function produce(
  cluster: ProduceContext,
  request: ProduceRequest,
  signal?: AbortSignal,
): Promise<RecordMetadata[]> {
  const scope = {
    broker: request.broker,
    partitions: request.entries.map((e) => ({ topic: e.topic, partition: e.partition })),
  };
  const fault = cluster.takeFault("produce", scope);
  const address = cluster.address(request.broker);
  if (fault?.fault.hang) {
    logProduce(cluster, request, [], "hang");
    return await cluster.hang(address, signal);
  }
  if (fault && fault.fault.when !== "after") {
    moveLeaderOf(cluster, fault.fault);
    const error = faultError(fault.fault.error, address);
    logProduce(cluster, request, request.entries.map(() => "refused"), errorName(error));
    throw error;
  }
  const outcomes = request.entries.map((e) => writeBatch(cluster, request, e));
  const refused = outcomes.find((o) => o.error !== undefined);
  if (fault) moveLeaderOf(cluster, fault.fault);
  const error = fault ? faultError(fault.fault.error, address) : refused?.error;
  logProduce(cluster, request, outcomes.map((o) => o.outcome), error && errorName(error));
  if (outcomes.some((o) => o.outcome === "appended")) cluster.notify();
  if (error) throw error;
  return outcomes.map((o) => o.result!);
}

/** A fault's leader move, when it asks for one. */
function moveLeaderOf(cluster: ProduceContext, fault: Fault): void {
  if (fault.moveLeaderTo === undefined || fault.topic === undefined) return;
  cluster.moveLeader(fault.topic, fault.partition ?? 0, fault.moveLeaderTo);
}

/** Adds a produce request to the cluster's request log, with each batch's outcome. */
function logProduce(
  cluster: ProduceContext,
  request: ProduceRequest,
  outcomes: string[],
  error?: string,
): void {
  cluster.log({
    kind: "produce",
    broker: request.broker,
    producerId: request.producerId,
    batches: request.entries.map((e, i) => ({
      topic: e.topic,
      partition: e.partition,
      firstSequence: e.firstSequence,
      count: e.messages.length,
      outcome: (outcomes[i] ?? "refused") as "appended" | "duplicate" | "refused",
    })),
    error,
  });
}

/** Checks and appends one partition's batch of a produce request. */
export function writeBatch(
  cluster: WriteContext,
  request: ProduceRequest,
  entry: ProduceEntry,
): WriteOutcome {
  const refuse = (name: ProtocolErrorName) => ({
    outcome: "refused" as const,
    error: protocolError(name),
  });
  const topic = cluster.topics.get(entry.topic);
  const p = topic?.partitions[entry.partition];
  if (!topic || !p) return refuse("UNKNOWN_TOPIC_OR_PARTITION");
  if (p.leader !== request.broker) return refuse("NOT_LEADER_OR_FOLLOWER");
  const minIsr = Number(cluster.topicConfig(entry.topic, "min.insync.replicas"));
  if (request.acks === -1 && p.isr.length < minIsr) return refuse("NOT_ENOUGH_REPLICAS");
  const result = (baseOffset: bigint): RecordMetadata => ({
    topicName: entry.topic,
    partition: entry.partition,
    errorCode: 0,
    baseOffset: baseOffset.toString(),
    logAppendTime: "-1",
    logStartOffset: p.logStart.toString(),
  });
  if (request.producerId < 0) {
    return { outcome: "appended", result: result(appendBatch(p, request, entry)) };
  }
  const checked = checkSequence(cluster.currentEpoch(request.producerId), p, request, entry);
  if (checked.error) return refuse(checked.error);
  if (checked.duplicateOf !== undefined) {
    return { outcome: "duplicate", result: result(checked.duplicateOf) };
  }
  const base = appendBatch(p, request, entry);
  rememberBatch(p, request, entry, base);
  return { outcome: "appended", result: result(base) };
}

/**
 * Whether an idempotent producer's batch follows its last one, repeats one of
 * its last five (the offset it was written at), or is refused.
 */
function checkSequence(
  current: number | undefined,
  p: FakePartition,
  request: ProduceRequest,
  entry: ProduceEntry,
): { error?: ProtocolErrorName; duplicateOf?: bigint } {
  if (current !== undefined && request.epoch < current) {
    return { error: "INVALID_PRODUCER_EPOCH" };
  }
  const state = p.producers.get(request.producerId);
  const last = entry.firstSequence + entry.messages.length - 1;
  if (state && request.epoch < state.epoch) return { error: "INVALID_PRODUCER_EPOCH" };
  if (state && request.epoch === state.epoch) {
    const dup = state.batches.find((b) =>
      b.firstSequence === entry.firstSequence && b.lastSequence === last
    );
    if (dup) return { duplicateOf: dup.baseOffset };
    if (entry.firstSequence !== state.lastSequence + 1) {
      return { error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
    }
    return {};
  }
  return entry.firstSequence === 0 ? {} : { error: "OUT_OF_ORDER_SEQUENCE_NUMBER" };
}

/** Appends a batch's records (opening the producer's transaction here); returns the first offset. */
function appendBatch(p: FakePartition, request: ProduceRequest, entry: ProduceEntry): bigint {
  const base = p.highWatermark;
  if (request.transactional && !p.openTransactions.has(request.producerId)) {
    p.openTransactions.set(request.producerId, base);
  }
  entry.messages.forEach((m, i) => {
    p.append({
      key: toBuffer(m.key),
      value: toBuffer(m.value),
      headers: m.headers ?? {},
      timestamp: m.timestamp ?? String(Date.now()),
      producerId: request.producerId,
      sequence: request.producerId < 0 ? -1 : entry.firstSequence + i,
      transactional: request.transactional,
    });
  });
  return base;
}

/** Keeps the producer's last five batches, as a broker does for de-duplication. */
function rememberBatch(
  p: FakePartition,
  request: ProduceRequest,
  entry: ProduceEntry,
  base: bigint,
): void {
  const last = entry.firstSequence + entry.messages.length - 1;
  const state = p.producers.get(request.producerId);
  const batches = state && state.epoch === request.epoch ? state.batches : [];
  batches.push({ firstSequence: entry.firstSequence, lastSequence: last, baseOffset: base });
  if (batches.length > 5) batches.shift();
  p.producers.set(request.producerId, { epoch: request.epoch, lastSequence: last, batches });
}

/**
 * Ends a producer's open transaction in every partition of `topics`: writes
 * the marker, and on abort marks its records so read_committed skips them.
 */
export function endTransactionIn(
  topics: Iterable<FakeTopic>,
  producerId: number,
  how: "commit" | "abort",
): void {
  for (const topic of topics) {
    for (const p of topic.partitions) {
      const first = p.openTransactions.get(producerId);
      if (first === undefined) continue;
      if (how === "abort") {
        for (const r of p.log) {
          if (r.offset >= first && r.producerId === producerId && !r.control) r.aborted = true;
        }
      }
      p.openTransactions.delete(producerId);
      p.append({
        key: null,
        value: null,
        headers: {},
        timestamp: String(Date.now()),
        producerId,
        sequence: -1,
        transactional: true,
        control: how,
      });
    }
  }
}
