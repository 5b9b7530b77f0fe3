/**
 * Consumer groups as data: list, describe (committed offset, end offset and
 * lag per partition, the member holding it), plan and apply an offset reset,
 * delete. The `groups` command and the web console both print what these
 * return.
 *
 * Lag is the end offset (the next offset a producer writes) minus the
 * committed offset (the next offset the group will read). A partition the group
 * never committed has no lag figure (`null`): where it starts depends on the
 * consumer's `auto.offset.reset`.
 *
 * @example
 * ```ts
 * const d = await describeGroup(admin, "hello-group");
 * d.partitions.map((p) => p.lag); // [0]
 * ```
 * @module
 */
import type { Admin, GroupDescription, TopicPartitions } from "../kafka/port.ts";
import { KafkaLabError, protocolErrorType } from "../errors.ts";
import { endOffsets, fetchCommittedOffsets } from "../kafka/group_offsets.ts";
import { fill, fillText, t, type Text } from "../i18n.ts";
import { type Position, positionLabel, resolveOffset } from "./position.ts";

/** A group in `groups list`. */
export interface GroupSummary {
  readonly group: string;
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead... */
  readonly state: string;
  /** `consumer` for Kafka consumers; connectors and others use other types. */
  readonly protocolType: string;
  readonly members: number;
  /** Topics the group has committed offsets for or is assigned. */
  readonly topics: readonly string[];
}

/** A member of a group and the partitions it holds. */
export interface GroupMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly host: string;
  readonly assignment: Readonly<Record<string, readonly number[]>>;
}

/** One partition of a group's topics. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** The next offset the group reads (decimal), or null when it never committed. */
  readonly committed: string | null;
  /** The partition's log start offset: the oldest record still kept. */
  readonly start: string;
  /** The partition's end offset: the offset the next record will get. */
  readonly end: string;
  readonly lag: number | null;
  /** `clientId (host)` of the member holding it, or null. */
  readonly member: string | null;
}

/** What `groups describe` shows. */
export interface GroupDetails {
  readonly group: string;
  readonly state: string;
  readonly protocolType: string;
  readonly members: readonly GroupMember[];
  readonly partitions: readonly PartitionLag[];
  /** The sum of the known lags. */
  readonly totalLag: number;
  /**
   * Topics of the group whose offsets could not be read now (deleted while
   * this ran, or a partition without a leader), each with why.
   */
  readonly unavailable: ReadonlyArray<{ readonly topic: string; readonly reason: Text }>;
}

/** Internal topics never shown as a group's topics. */
function isInternal(topic: string): boolean {
  return topic.startsWith("__");
}

function toMembers(description: GroupDescription): GroupMember[] {
  return description.members.map((m) => ({
    memberId: m.memberId,
    clientId: m.clientId,
    host: m.clientHost.replace(/^\//, ""),
    assignment: m.assignment,
  }));
}

/** The error for a group that does not exist. */
export function groupNotFound(group: string): KafkaLabError {
  return new KafkaLabError(
    fillText(t("consumer group {group} does not exist", "группы консьюмеров {group} нет"), {
      group,
    }),
    {
      hint: t(
        "`kafka-lab groups list` shows the groups; a group appears once a consumer has joined it",
        "`kafka-lab groups list` покажет группы; группа появляется, когда к ней присоединится консьюмер",
      ),
      missing: { kind: "group", name: group },
    },
  );
}

/** Coordinator errors that pass once the group's coordinator has moved or loaded. */
const COORDINATOR_MOVING = new Set([
  "NOT_COORDINATOR_FOR_GROUP",
  "NOT_COORDINATOR",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "GROUP_LOAD_IN_PROGRESS",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "COORDINATOR_NOT_AVAILABLE",
]);

/**
 * Runs `fn`, again (at most 5 times, 0.5 s apart) while the group coordinator
 * is moving: the first group of a new cluster creates `__consumer_offsets`,
 * and kafkajs' admin does not look the coordinator up again by itself.
 */
export async function retryCoordinator<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1;; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const type = protocolErrorType(err);
      if (attempt >= 5 || type === undefined || !COORDINATOR_MOVING.has(type)) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function describeOne(admin: Admin, group: string): Promise<GroupDescription | undefined> {
  try {
    const { groups } = await retryCoordinator(() => admin.describeGroups([group]));
    const found = groups.find((g) => g.groupId === group);
    return !found || found.state === "Dead" ? undefined : found;
  } catch (err) {
    if (protocolErrorType(err) === "GROUP_ID_NOT_FOUND") return undefined;
    throw err;
  }
}

/** Committed offsets of a group on every topic it has any for (internal topics skipped). */
async function committedOffsets(
  admin: Admin,
  group: string,
  topics: readonly string[],
): Promise<Map<string, Map<number, string>>> {
  const result = new Map<string, Map<number, string>>();
  if (topics.length === 0) return result;
  // kafkajs asks for named topics only (an empty list means none, not all).
  const fetched = await retryCoordinator(() => fetchCommittedOffsets(admin, group, topics));
  for (const { topic, partitions } of fetched) {
    for (const p of partitions) {
      if (BigInt(p.offset) < 0n) continue;
      if (!result.has(topic)) result.set(topic, new Map());
      result.get(topic)!.set(p.partition, p.offset);
    }
  }
  return result;
}

/** The user topics of `layouts` whose partitions all have a leader. */
function healthyTopics(layouts: readonly TopicPartitions[]): string[] {
  return layouts.filter((l) => !isInternal(l.name) && l.partitions.every((p) => p.leader >= 0))
    .map((l) => l.name).sort();
}

async function userTopics(admin: Admin): Promise<string[]> {
  return (await admin.listTopics()).filter((n) => !isInternal(n)).sort();
}

/**
 * Every group the cluster knows, with state, member count and topics, sorted
 * by name. With `layouts` (`Kafka.topics()`), topics with a leaderless
 * partition are left out instead of failing the call.
 */
export async function listGroups(
  admin: Admin,
  layouts?: readonly TopicPartitions[],
): Promise<GroupSummary[]> {
  const { groups } = await admin.listGroups();
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.groupId).sort();
  const [{ groups: described }, topics] = await Promise.all([
    retryCoordinator(() => admin.describeGroups(ids)),
    layouts ? healthyTopics(layouts) : userTopics(admin),
  ]);
  return await Promise.all(ids.map(async (id) => {
    const d = described.find((g) => g.groupId === id);
    const members = d ? toMembers(d) : [];
    const committed = await committedOffsets(admin, id, topics);
    const assigned = members.flatMap((m) => Object.keys(m.assignment));
    return {
      group: id,
      state: d?.state ?? "Unknown",
      protocolType: d?.protocolType || (groups.find((g) => g.groupId === id)?.protocolType ?? ""),
      members: members.length,
      topics: [...new Set([...committed.keys(), ...assigned])].filter((n) => !isInternal(n))
        .sort(),
    };
  }));
}

function holderOf(
  members: readonly GroupMember[],
  topic: string,
  partition: number,
): string | null {
  const m = members.find((m) => m.assignment[topic]?.includes(partition));
  return m ? `${m.clientId} (${m.host})` : null;
}

/**
 * A group's members and, for every partition of every topic it has committed
 * offsets for or holds, the committed offset, end offset and lag. Throws
 * {@linkcode groupNotFound} for an unknown group. With `layouts`
 * (`Kafka.topics()`), topics with a partition without a leader are named in
 * `unavailable` instead of failing the whole call.
 */
export async function describeGroup(
  admin: Admin,
  group: string,
  layouts?: readonly TopicPartitions[],
): Promise<GroupDetails> {
  const d = await describeOne(admin, group);
  // With the layouts (`Kafka.topics()`, from the wire), topics with a leaderless partition are
  // left out and named: kafkajs' listTopics and offsets requests fail while one exists.
  const leaderless = (layouts ?? []).filter((l) =>
    !isInternal(l.name) && l.partitions.some((p) => p.leader < 0)
  ).map((l) => l.name).sort();
  const topics = layouts
    ? layouts.map((l) => l.name).filter((n) => !isInternal(n) && !leaderless.includes(n)).sort()
    : await userTopics(admin);
  const committed = await committedOffsets(admin, group, topics);
  if (!d && committed.size === 0) throw groupNotFound(group);
  const members = d ? toMembers(d) : [];
  const names = new Set([
    ...committed.keys(),
    ...members.flatMap((m) => Object.keys(m.assignment)),
  ]);
  const partitions: PartitionLag[] = [];
  const unavailable: Array<{ topic: string; reason: Text }> = leaderless.map((topic) => ({
    topic,
    reason: t("a partition has no leader", "у партиции нет лидера"),
  }));
  for (const topic of [...names].filter((n) => topics.includes(n)).sort()) {
    const ends = await endOffsets(admin, topic);
    if ("reason" in ends) {
      unavailable.push({ topic, reason: ends.reason });
      continue;
    }
    for (const e of ends.sort((a, b) => a.partition - b.partition)) {
      const c = committed.get(topic)?.get(e.partition) ?? null;
      partitions.push({
        topic,
        partition: e.partition,
        committed: c,
        start: e.low,
        end: e.high,
        lag: c === null ? null : Math.max(0, Number(BigInt(e.high) - BigInt(c))),
        member: holderOf(members, topic, e.partition),
      });
    }
  }
  return {
    group,
    state: d?.state ?? "Empty",
    protocolType: d?.protocolType ?? "consumer",
    members,
    partitions,
    totalLag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
    unavailable,
  };
}

/** One partition of a reset plan. */
export interface ResetRow {
  readonly partition: number;
  /** The committed offset before the reset, or null. */
  readonly current: string | null;
  /** The offset the group will read next after the reset. */
  readonly target: string;
  /** The lag after the reset. */
  readonly lagAfter: number;
}

/** What `groups reset` will do (or did). */
export interface ResetPlan {
  readonly group: string;
  readonly topic: string;
  readonly to: string;
  readonly rows: readonly ResetRow[];
}

/** What a refusal of {@linkcode assertInactive} says the user wanted. */
export const GROUP_ACTIONS = {
  reset: t("reset the offsets of", "сбросить смещения группы"),
  delete: t("delete", "удалить группу"),
} as const;

/**
 * Refuses (as Kafka's own tool does) to change a group that has members: they
 * would overwrite reset offsets with their next commit, and Kafka refuses to
 * delete a group in use.
 */
export async function assertInactive(
  admin: Admin,
  group: string,
  action: keyof typeof GROUP_ACTIONS,
): Promise<void> {
  const d = await describeOne(admin, group);
  if (!d || d.members.length === 0) return;
  const clients = [
    ...new Set(d.members.map((m) => `${m.clientId} (${m.clientHost.replace(/^\//, "")})`)),
  ];
  const verb = GROUP_ACTIONS[action];
  const vars = { group, state: d.state, count: d.members.length, clients: clients.join(", ") };
  const message = {
    en: fill(
      "cannot {verb} {group}: the group is active (state {state}, members: {count}: {clients}); Kafka changes only a group without members",
      { ...vars, verb: verb.en },
    ),
    ru: fill(
      "нельзя {verb} {group}: группа активна (состояние {state}, участников: {count}: {clients}); Kafka меняет только группу без участников",
      { ...vars, verb: verb.ru },
    ),
  };
  throw new KafkaLabError(
    message,
    {
      hint: t(
        "stop the group's consumers (Ctrl+C), wait until `kafka-lab groups describe` shows no members, then try again",
        "остановите консьюмеров группы (Ctrl+C), дождитесь, пока `kafka-lab groups describe` не покажет участников, и повторите",
      ),
    },
  );
}

/** The offsets `position` means on every partition of `topic`, next to the group's current ones. */
export async function planReset(
  admin: Admin,
  group: string,
  topic: string,
  position: Position,
): Promise<ResetPlan> {
  const ends = await admin.fetchTopicOffsets(topic);
  const byTime = position.kind === "time"
    ? await admin.fetchTopicOffsetsByTimestamp(topic, position.ms)
    : [];
  const committed = (await committedOffsets(admin, group, [topic])).get(topic);
  const rows = ends.sort((a, b) => a.partition - b.partition).map((e) => {
    const target = resolveOffset(
      position,
      { low: e.low, high: e.high },
      byTime.find((x) => x.partition === e.partition)?.offset,
    );
    return {
      partition: e.partition,
      current: committed?.get(e.partition) ?? null,
      target,
      lagAfter: Number(BigInt(e.high) - BigInt(target)),
    };
  });
  return { group, topic, to: positionLabel(position), rows };
}

/** Commits the plan's offsets for the group (checking again that it has no members). */
export async function applyReset(admin: Admin, plan: ResetPlan): Promise<void> {
  await assertInactive(admin, plan.group, "reset");
  await admin.setOffsets({
    groupId: plan.group,
    topic: plan.topic,
    partitions: plan.rows.map((r) => ({ partition: r.partition, offset: r.target })),
  });
}

/**
 * Deletes a group and its committed offsets. Kafka refuses while it has
 * members (NON_EMPTY_GROUP); that refusal is explained here.
 */
export async function deleteGroup(admin: Admin, group: string): Promise<void> {
  try {
    await admin.deleteGroups([group]);
  } catch (err) {
    const type = protocolErrorType(err);
    if (type === "GROUP_ID_NOT_FOUND") throw groupNotFound(group);
    if (type === "NON_EMPTY_GROUP") await assertInactive(admin, group, "delete");
    throw err;
  }
}
