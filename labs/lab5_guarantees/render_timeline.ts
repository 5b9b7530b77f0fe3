/**
 * The timeline of a failure set up on purpose (parts 1 and 3): what a broker
 * said about each topic at a moment (leader, epoch, ISR, high watermark), and
 * the outcome of a row against the part's lesson. One `lab5.timeline` event
 * per fact, one line per step for humans.
 * @module
 */
import { fill } from "../../lib/i18n.ts";
import type { Cast, PartitionSnapshot } from "./faults.ts";
import type { Screen, Text } from "./report.ts";
import type { FigureRow } from "./steps.ts";
import { LAB5_EVENTS } from "./events.ts";

/** When a part asked the cluster. */
export type Moment = "before" | "after-send" | "after-failover" | "after-restart" | "after-resume";

function momentText(t: Text, m: Moment): string {
  switch (m) {
    case "before":
      return t.momentBefore;
    case "after-send":
      return t.momentAfterSend;
    case "after-failover":
      return t.momentAfterFailover;
    case "after-restart":
      return t.momentAfterRestart;
    case "after-resume":
      return t.momentAfterResume;
  }
}

/** The part's topics and who plays leader and followers in them (step "topics"). */
export function renderTopics({ t, r }: Screen, topics: readonly string[], cast: Cast): void {
  const { leader, followers } = cast;
  r.event(LAB5_EVENTS.timeline, {
    step: "topics",
    broker: leader,
    brokers: [...followers],
    topics: [...topics],
  });
  r.note(fill(t.tlTopics, {
    count: topics.length,
    replicas: `[${[leader, ...followers].join(",")}]`,
    leader,
    followers: followers.join(", "),
  }));
}

/** One line for what a broker said about the part's topics at `moment`; one event per topic. */
export function renderCluster(
  { t, r }: Screen,
  moment: Moment,
  states: ReadonlyArray<{ key: string; label: string; state: PartitionSnapshot }>,
): void {
  for (const { key, state } of states) {
    r.event(LAB5_EVENTS.timeline, {
      step: "cluster",
      key,
      moment,
      broker: Number(state.answeredBy.split(":").pop()),
      leader: state.leader,
      leaderEpoch: state.leaderEpoch,
      isr: [...state.isr],
      highWatermark: state.highWatermark,
    });
  }
  const first = states[0]?.state;
  if (!first) return;
  const hws = states.map((s) => `${s.label} ${s.state.highWatermark ?? "?"}`).join(", ");
  r.note(fill(t.tlCluster, {
    moment: momentText(t, moment),
    asked: first.answeredBy,
    leader: first.leader,
    epoch: first.leaderEpoch,
    isr: first.isr.join(","),
    hws,
  }));
}

/**
 * A row's outcome against the lesson: ✓ with its explanation when it holds,
 * ✗ with what was measured when it does not.
 */
export function renderOutcome(
  { t, r }: Screen,
  part: "acks" | "idempotence",
  row: FigureRow,
  o: { expected: "loss" | "no-loss" | "duplicate" | "no-duplicate"; label: string; why: string },
): boolean {
  const { lost, duplicated } = row.tally;
  const holds = o.expected === "loss"
    ? lost > 0
    : o.expected === "no-loss"
    ? lost === 0
    : o.expected === "duplicate"
    ? duplicated > 0
    : duplicated === 0 && lost === 0;
  const data = { part, key: row.key, expected: o.expected, lost, duplicated };
  if (holds) {
    r.ok(o.why, data, LAB5_EVENTS.outcome);
    return true;
  }
  const expected = {
    loss: t.expectLoss,
    "no-loss": t.expectNoLoss,
    duplicate: t.expectDup,
    "no-duplicate": t.expectNoDup,
  }[o.expected];
  const template = part === "acks" ? t.acksUnexpected : t.idemUnexpected;
  r.fail(
    fill(template, { key: o.label, label: o.label, expected, lost, dup: duplicated }),
    data,
    LAB5_EVENTS.outcome,
  );
  return false;
}
