/**
 * The `--json` events of `groups`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `groups`. */
export const GROUPS_EVENTS = {
  group: event("groups.group", "`groups list`: one consumer group.", {
    group: f.string,
    state: f.string.doc("`Stable`, `Empty`, `PreparingRebalance`…"),
    protocolType: f.string,
    members: f.integer,
    topics: f.array(f.string),
  }, { was: "group" }),
  described: event("groups.described", "`groups describe`: the group and its members.", {
    group: f.string,
    state: f.string,
    protocolType: f.string,
    members: f.array(f.object({
      memberId: f.string,
      clientId: f.string,
      host: f.string,
      assignment: f.record(f.array(f.integer)).doc("Partitions by topic."),
    })),
    totalLag: f.integer,
  }, { was: "group" }),
  partition: event("groups.partition", "`groups describe`: one partition, its offsets and lag.", {
    group: f.string,
    topic: f.string,
    partition: f.integer,
    committed: f.nullable(f.string).doc("The next offset the group reads; null: never committed."),
    start: f.string.doc("The log start offset: the oldest record still kept."),
    end: f.string,
    lag: f.nullable(f.integer),
    member: f.nullable(f.string).doc("`clientId (host)` of the member holding it."),
  }, { was: "partition" }),
  unavailable: event(
    "groups.topic.unavailable",
    "`groups describe`: a topic of the group whose offsets cannot be read now.",
    {
      group: f.string,
      topic: f.string,
      reason: f.string.doc("Why (deleted meanwhile, a partition without a leader)."),
    },
  ),
  resetPartition: event("groups.reset.partition", "`groups reset`: one partition of the plan.", {
    group: f.string,
    topic: f.string,
    partition: f.integer,
    current: f.nullable(f.string),
    target: f.string,
    lagAfter: f.integer,
  }, { was: "reset.partition" }),
  resetDryRun: event("groups.reset.dry-run", "`groups reset --dry-run`: nothing was changed.", {
    group: f.string,
    topic: f.string,
    to: f.string,
  }, { was: "reset.dry-run" }),
  resetDone: event("groups.reset.done", "`groups reset`: the group's offsets are moved.", {
    group: f.string,
    topic: f.string,
    to: f.string,
  }, { was: "reset.done" }),
  deleted: event("groups.group.deleted", "`groups delete`: the group is gone.", {
    group: f.string,
  }, { was: "group.deleted" }),
  kept: event("groups.group.kept", "`groups delete`: the user said no; the group is kept.", {
    group: f.string,
  }),
};
