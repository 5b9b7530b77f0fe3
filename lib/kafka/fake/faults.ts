/**
 * Faults the fake Kafka injects, per request kind: the next N requests of a
 * kind (optionally only to one broker, topic, partition or group) fail with
 * a given error, before or after they take effect, or never get an answer.
 *
 * @example
 * ```ts
 * cluster.inject("produce", { error: "REQUEST_TIMED_OUT", when: "after", times: 2 });
 * cluster.inject("commit", { error: "NOT_COORDINATOR" });
 * cluster.inject("fetch", { error: new TypeError("offsets map replaced") });
 * ```
 * @module
 */
import {
  connectionClosed,
  connectionRefused,
  protocolError,
  type ProtocolErrorName,
  requestTimeout,
} from "./errors.ts";

/** The requests a fault can hit. */
export type RequestKind =
  | "connect"
  | "produce"
  | "fetch"
  | "join"
  | "heartbeat"
  | "commit"
  | "initProducerId"
  | "addPartitionsToTxn"
  | "sendOffsets"
  | "endTxn"
  | "admin"
  | "metadata";

/** A connection failure instead of an answer. */
export type ConnectionFault = "CONNECTION_REFUSED" | "CONNECTION_CLOSED" | "REQUEST_TIMEOUT";

/** What a faulty request fails with. */
export type FaultError = ProtocolErrorName | ConnectionFault | Error;

/** One fault; see the module docs. */
export interface Fault {
  /**
   * The error: a protocol error by Kafka's name, a connection failure, or any
   * error object (default `REQUEST_TIMEOUT`: no answer within the request timeout).
   */
  readonly error?: FaultError;
  /** How many requests it hits (default 1; `Infinity` for all until {@linkcode FaultHandle.clear}). */
  readonly times?: number;
  /**
   * `before` (default): the request fails and has no effect. `after`: it takes
   * effect (records appended, offsets stored), then the answer is an error —
   * the client cannot tell whether it happened.
   */
  readonly when?: "before" | "after";
  /**
   * The request gets no answer at all; it fails with a closed connection when
   * its client disconnects (or the cluster is closed).
   */
  readonly hang?: boolean;
  /** Only requests to this broker. */
  readonly broker?: number;
  /** Only requests that touch this topic. */
  readonly topic?: string;
  /** Only requests that touch this partition (of `topic`). */
  readonly partition?: number;
  /** Only requests of this group. */
  readonly groupId?: string;
  /**
   * produce only: when the fault fires, the leader of `topic`/`partition`
   * moves to this broker (as in a broker restart). A retry by the kafkajs
   * adapter then leaves that partition out of the reply if the new leader
   * had already answered for another partition.
   */
  readonly moveLeaderTo?: number;
}

/** What a request is about, for matching faults. */
export interface RequestScope {
  readonly broker?: number;
  readonly groupId?: string;
  readonly partitions?: ReadonlyArray<{ topic: string; partition: number }>;
}

/** A fault that was injected: how often it fired, and a way to take it back. */
export class FaultHandle {
  fired = 0;
  #remaining: number;

  constructor(readonly kind: RequestKind, readonly fault: Fault) {
    this.#remaining = fault.times ?? 1;
  }

  /** How many more requests it hits. */
  get remaining(): number {
    return this.#remaining;
  }

  /** Stops it from hitting any more requests. */
  clear(): void {
    this.#remaining = 0;
  }

  /** Whether it hits a request of `kind` about `scope` (and counts the hit). */
  take(kind: RequestKind, scope: RequestScope): boolean {
    if (kind !== this.kind || this.#remaining <= 0 || !this.#matches(scope)) return false;
    this.#remaining--;
    this.fired++;
    return true;
  }

  #matches(scope: RequestScope): boolean {
    const f = this.fault;
    if (f.broker !== undefined && scope.broker !== undefined && f.broker !== scope.broker) {
      return false;
    }
    if (f.groupId !== undefined && f.groupId !== scope.groupId) return false;
    if (f.topic === undefined) return true;
    return (scope.partitions ?? []).some((p) =>
      p.topic === f.topic && (f.partition === undefined || p.partition === f.partition)
    );
  }
}

/** The faults injected into one cluster, and the requests left without an answer. */
export class FaultBook {
  #faults: FaultHandle[] = [];
  #hangs = new Set<() => void>();

  /** Adds a fault; the handle tells how often it fired. */
  inject(kind: RequestKind, fault: Fault): FaultHandle {
    const handle = new FaultHandle(kind, fault);
    this.#faults.push(handle);
    return handle;
  }

  /** Removes every fault. */
  clear(): void {
    for (const f of this.#faults) f.clear();
    this.#faults = [];
  }

  /** The first fault that hits this request, counted as fired. */
  take(kind: RequestKind, scope: RequestScope): FaultHandle | undefined {
    return this.#faults.find((f) => f.take(kind, scope));
  }

  /**
   * Waits as a request without an answer does: until {@linkcode
   * FaultBook.releaseHangs} or `signal` aborts, then fails with a closed connection.
   */
  async hang(address: string, signal?: AbortSignal): Promise<never> {
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#hangs.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      this.#hangs.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
    throw faultError("CONNECTION_CLOSED", address);
  }

  /** Answers every hanging request with a closed connection. */
  releaseHangs(): void {
    for (const done of [...this.#hangs]) done();
  }
}

/** The error a fault names, as the client of `address` would see it. */
export function faultError(error: FaultError | undefined, address: string): Error {
  if (error instanceof Error) return error;
  switch (error) {
    case "CONNECTION_REFUSED":
      return connectionRefused(address);
    case "CONNECTION_CLOSED":
      return connectionClosed(address);
    case undefined:
    case "REQUEST_TIMEOUT":
      return requestTimeout(address);
    default:
      return protocolError(error);
  }
}
