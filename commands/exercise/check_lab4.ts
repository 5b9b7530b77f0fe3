/**
 * `check lab4 --exercise DIR`: writes {@linkcode LAB4_RECORDS} MessageModel
 * records to a fresh topic, then, side by side, runs the batch consumer and
 * the single consumer (each in a group of its own) and reads their commits
 * from `__consumer_offsets`; and runs the batch consumer in a third group,
 * kills it (SIGKILL) in the middle of a batch, waits until the broker drops
 * the dead member, starts it again and checks that no record was lost.
 * Everything it made is deleted afterwards.
 * @module
 */
import {
  cleanUp,
  commitMark,
  commitsSince,
  committedOffsets,
  createTopics,
  endOffsets,
  waitGroupEmpty,
  writeValues,
} from "../../lib/exercise/broker.ts";
import { judgeRun } from "../../lib/exercise/judge_run.ts";
import {
  judgeBatchCommits,
  judgeNoLoss,
  judgeSingleCommits,
  LAB4_RECORDS,
  messageIds,
  printedIds,
} from "../../lib/exercise/lab4.ts";
import type { Verdict } from "../../lib/exercise/types.ts";
import type { ExerciseSession } from "./session.ts";

/** A consumer stops after this many seconds without a record (`KAFKA_LAB_IDLE_SECONDS`). */
export const LAB4_IDLE_SECONDS = 8;
/** Processing one record takes this long in the crash run, so the kill lands mid-batch. */
export const CRASH_WORK_MS = 150;
/** The crash run is killed once it has printed this many records (inside the second batch). */
export const CRASH_AFTER = 13;
/** How long to wait for the broker to drop a killed member (librdkafka's session is 45 s). */
const SESSION_WAIT_MS = 60_000;

interface Lab4Run {
  readonly s: ExerciseSession;
  readonly topic: string;
  readonly ids: readonly string[];
  readonly end: number;
}

function env(r: Lab4Run, group: string, workMs: number): Record<string, string> {
  return {
    KAFKA_LAB_TOPIC: r.topic,
    KAFKA_LAB_GROUP: group,
    KAFKA_LAB_IDLE_SECONDS: String(LAB4_IDLE_SECONDS),
    KAFKA_LAB_WORK_MS: String(workMs),
  };
}

/** Runs `program` in `group` and judges its commits as the broker recorded them. */
async function commitPattern(r: Lab4Run, program: "batch" | "single"): Promise<Verdict[]> {
  const group = r.s.names.group(`${program}-group`);
  const mark = await commitMark(r.s.kafka, group);
  const run = await r.s.run(program, env(r, group, 0));
  const commits = await commitsSince(r.s.kafka, mark, {
    group,
    topic: r.topic,
    signal: r.s.signal,
  });
  const offsets = commits.filter((c) => c.partition === 0).map((c) => c.offset);
  const judge = program === "batch" ? judgeBatchCommits : judgeSingleCommits;
  return [judgeRun(`${program}.ran`, run), judge(offsets, r.end)];
}

/** Kills the batch consumer mid-batch, restarts it, and judges what was lost. */
async function crash(r: Lab4Run): Promise<Verdict> {
  const group = r.s.names.group("crash-group");
  const count = (out: string) => printedIds(out, r.ids).length;
  const first = await r.s.run("batch", env(r, group, CRASH_WORK_MS), {
    killWhen: (out) => count(out) >= CRASH_AFTER,
  });
  if (first.killedOnPurpose) await waitGroupEmpty(r.s.kafka, group, SESSION_WAIT_MS);
  const second = first.killedOnPurpose ? await r.s.run("batch", env(r, group, 0)) : first;
  const committed = (await committedOffsets(r.s.kafka, group, r.topic)).get(0) ?? -1;
  return judgeNoLoss({
    ids: r.ids,
    killed: first.killedOnPurpose,
    firstPrinted: printedIds(first.stdout, r.ids),
    secondPrinted: first.killedOnPurpose ? printedIds(second.stdout, r.ids) : [],
    committed,
    end: r.end,
  });
}

/** Lab 4's criteria for the exercise in `session`. */
export async function checkLab4(s: ExerciseSession): Promise<Verdict[]> {
  const topic = s.names.topic("final-1-topic");
  s.announce({ topic, group: s.names.group("{batch,single,crash}-group") });
  await createTopics(s.kafka, [{ name: topic, partitions: 1 }]);
  const groups = ["batch-group", "single-group", "crash-group"].map((g) => s.names.group(g));
  try {
    const ids = messageIds(LAB4_RECORDS, s.names.prefix.slice(-9, -1));
    const values = ids.map((id, i) =>
      JSON.stringify({ message_id: id, content: `record ${i + 1}` })
    );
    await writeValues(s.kafka, topic, values);
    const end = (await endOffsets(s.kafka, topic)).get(0) ?? 0;
    const r: Lab4Run = { s, topic, ids, end };
    const [batch, single, lost] = await Promise.all([
      commitPattern(r, "batch"),
      commitPattern(r, "single"),
      crash(r),
    ]);
    return [...batch, ...single, lost];
  } finally {
    await cleanUp(s.kafka, { topics: [topic], groups });
  }
}
