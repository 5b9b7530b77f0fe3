/**
 * A consumer group of the fake Kafka, kept as a group coordinator keeps it:
 * members, generation, state, each member's partitions, and committed
 * offsets.
 *
 * A rebalance starts when a member joins or leaves (or on
 * {@linkcode FakeGroup.rebalance}): the group is `PreparingRebalance` until
 * every member has joined again, or until the longest rebalance timeout of
 * its members has passed (then the late ones are dropped). It then moves to
 * the next generation, assigns the partitions round robin over the members
 * sorted by id (kafkajs' `RoundRobinAssigner`), and is `Stable` (`Empty`
 * without members). Commits follow the coordinator's rules: an unknown member
 * gets UNKNOWN_MEMBER_ID, another generation ILLEGAL_GENERATION; during
 * `PreparingRebalance` a member of the current generation may still commit.
 *
 * @example
 * ```ts
 * const { memberId, generation, assignment } = await group.join(undefined, member);
 * group.commit(memberId, generation, [{ topic: "t", partition: 0, offset: 5n }]);
 * ```
 * @module
 */
import { protocolError } from "./errors.ts";

/** A group's state as DescribeGroups names it. */
export type GroupState = "Empty" | "PreparingRebalance" | "Stable" | "Dead";

/** What a member tells when it joins. */
export interface JoinInfo {
  readonly clientId: string;
  readonly clientHost: string;
  readonly topics: readonly string[];
  readonly rebalanceTimeoutMs: number;
}

/** A member as the coordinator keeps it. */
export interface FakeMember extends JoinInfo {
  readonly memberId: string;
  assignment: Record<string, number[]>;
  /** Joined the rebalance under way (or the last one). */
  joined: boolean;
}

/** A committed offset: the next record to read. */
export interface CommittedOffset {
  readonly offset: bigint;
  readonly metadata: string | null;
}

/** What a join resolves with. */
export interface Joined {
  readonly memberId: string;
  readonly generation: number;
  readonly assignment: Record<string, number[]>;
  readonly leaderId: string;
}

/** What the group needs to know about the cluster. */
export interface GroupHost {
  /** The partition count of `topic` (0 when it does not exist). */
  partitionCount(topic: string): number;
  /** Something changed: consumers waiting for news look again. */
  notify(): void;
}

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/** A consumer group; see the module docs. */
export class FakeGroup {
  state: GroupState = "Empty";
  generation = 0;
  readonly members = new Map<string, FakeMember>();
  readonly #offsets = new Map<string, CommittedOffset>();
  readonly #host: GroupHost;
  #waiters: Array<() => void> = [];
  #deadline?: ReturnType<typeof setTimeout>;
  #nextMember = 1;

  constructor(readonly id: string, host: GroupHost) {
    this.#host = host;
  }

  /** The assignor's name once the group has members ("" before). */
  get protocol(): string {
    return this.generation > 0 && this.members.size > 0 ? "RoundRobinAssigner" : "";
  }

  /**
   * Joins (or joins again) and resolves when the rebalance completes. An
   * unknown `memberId` (dropped from the group) throws UNKNOWN_MEMBER_ID; so
   * does an abort of `signal` while it waits (the member leaves).
   */
  async join(memberId: string | undefined, info: JoinInfo, signal?: AbortSignal): Promise<Joined> {
    if (memberId !== undefined && !this.members.has(memberId)) {
      throw protocolError("UNKNOWN_MEMBER_ID");
    }
    const id = memberId ?? `${info.clientId}-${String(this.#nextMember++).padStart(4, "0")}`;
    const isNew = !this.members.has(id);
    if (isNew || this.state !== "PreparingRebalance") this.#startRebalance();
    this.members.set(id, { ...info, memberId: id, assignment: {}, joined: true });
    const completed = new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.leave(id);
        reject(protocolError("UNKNOWN_MEMBER_ID"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      });
    });
    this.#completeIfReady();
    await completed;
    const member = this.members.get(id);
    if (!member) throw protocolError("UNKNOWN_MEMBER_ID");
    return {
      memberId: id,
      generation: this.generation,
      assignment: member.assignment,
      leaderId: [...this.members.keys()].sort()[0],
    };
  }

  /** Whether `memberId` must join again before it fetches: dropped, or a rebalance waits for it. */
  needsRejoin(memberId: string | undefined): boolean {
    if (memberId === undefined) return true;
    const member = this.members.get(memberId);
    return !member || (this.state === "PreparingRebalance" && !member.joined);
  }

  /** A heartbeat: throws what the coordinator would answer when the member must join again. */
  heartbeat(memberId: string, generation: number): void {
    if (!this.members.has(memberId)) throw protocolError("UNKNOWN_MEMBER_ID");
    if (this.state === "PreparingRebalance") throw protocolError("REBALANCE_IN_PROGRESS");
    if (generation !== this.generation) throw protocolError("ILLEGAL_GENERATION");
  }

  /** Leaves the group; the others rebalance. */
  leave(memberId: string): void {
    if (!this.members.delete(memberId)) return;
    if (this.members.size === 0) this.#complete();
    else {
      this.#startRebalance();
      this.#completeIfReady();
    }
  }

  /** Drops every member at once, as when their sessions run out. */
  expireMembers(): void {
    this.members.clear();
    this.#complete();
  }

  /** Starts a rebalance: every member must join again. */
  rebalance(): void {
    if (this.members.size === 0) return;
    this.#startRebalance();
    this.#host.notify();
  }

  /**
   * Commits offsets for a member of `generation` (-1 with no member id: an
   * admin's commit, allowed only while the group has no members).
   */
  commit(
    memberId: string | undefined,
    generation: number,
    offsets: ReadonlyArray<{ topic: string; partition: number; offset: bigint; metadata?: string }>,
  ): void {
    if (memberId === undefined) {
      if (this.members.size > 0) throw protocolError("UNKNOWN_MEMBER_ID");
    } else {
      if (!this.members.has(memberId)) throw protocolError("UNKNOWN_MEMBER_ID");
      if (generation !== this.generation) throw protocolError("ILLEGAL_GENERATION");
    }
    this.store(offsets);
  }

  /** Stores offsets without the member checks (a transaction's offsets, on commit). */
  store(
    offsets: ReadonlyArray<{ topic: string; partition: number; offset: bigint; metadata?: string }>,
  ): void {
    for (const o of offsets) {
      this.#offsets.set(key(o.topic, o.partition), {
        offset: o.offset,
        metadata: o.metadata ?? null,
      });
    }
    this.#host.notify();
  }

  /** The committed offset of a partition, if any. */
  committed(topic: string, partition: number): CommittedOffset | undefined {
    return this.#offsets.get(key(topic, partition));
  }

  /** The topics the group has committed offsets on. */
  committedTopics(): string[] {
    return [...new Set([...this.#offsets.keys()].map((k) => k.split("\u0000")[0]))];
  }

  /** Forgets the offsets of a deleted topic. */
  forgetTopic(topic: string): void {
    for (const k of [...this.#offsets.keys()]) {
      if (k.startsWith(`${topic}\u0000`)) this.#offsets.delete(k);
    }
  }

  /** Ends the timers of a rebalance under way (the cluster is being thrown away). */
  close(): void {
    clearTimeout(this.#deadline);
    this.#deadline = undefined;
  }

  #startRebalance(): void {
    if (this.state === "PreparingRebalance") return;
    this.state = "PreparingRebalance";
    for (const m of this.members.values()) m.joined = false;
    const ms = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    clearTimeout(this.#deadline);
    this.#deadline = setTimeout(() => this.#dropLateMembers(), ms);
    this.#host.notify();
  }

  #dropLateMembers(): void {
    this.#deadline = undefined;
    for (const [id, m] of this.members) if (!m.joined) this.members.delete(id);
    this.#complete();
  }

  #completeIfReady(): void {
    if (this.state !== "PreparingRebalance") return;
    if ([...this.members.values()].every((m) => m.joined)) this.#complete();
  }

  #complete(): void {
    clearTimeout(this.#deadline);
    this.#deadline = undefined;
    this.generation++;
    this.#assign();
    this.state = this.members.size > 0 ? "Stable" : "Empty";
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
    this.#host.notify();
  }

  /** Round robin over the members sorted by id, partitions sorted by topic and number. */
  #assign(): void {
    const members = [...this.members.values()].sort((a, b) => a.memberId.localeCompare(b.memberId));
    for (const m of members) m.assignment = {};
    const topics = [...new Set(members.flatMap((m) => m.topics))].sort();
    let i = 0;
    for (const topic of topics) {
      const takers = members.filter((m) => m.topics.includes(topic));
      for (let p = 0; p < this.#host.partitionCount(topic); p++) {
        const m = takers[i++ % takers.length];
        (m.assignment[topic] ??= []).push(p);
      }
    }
  }
}
