/**
 * Part 5's experiment: exactly-once. A transactional consume-transform-produce
 * worker (a child process) copies the input topic to an output topic, one
 * transaction per group of records holding both the output records and the
 * input offsets (`sendOffsets`). It is SIGKILLed in the middle of a
 * transaction `kills` times and started again; the new worker's
 * transactional id fences the dead one and its open transaction is aborted. A
 * read_committed reader of the output then sees every input id exactly once,
 * a read_uncommitted reader also sees the aborted copies. The kafkajs
 * workarounds this needs (slow CONCURRENT_TRANSACTIONS retries, sendOffsets
 * retries, no require_stable offset fetch) live in
 * `lib/kafka/transactions.ts`. `exactly_once_render.ts` shows it.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import type { Kafka } from "../../lib/kafka/port.ts";
import { countIds } from "./model.ts";
import { startWorker, workerFailed } from "./child.ts";
import { createTopic, readAll, runName, shortHex, waitGroupCoordinator } from "./records.ts";
import type { Emit, WorkerFailed } from "./steps.ts";
import { writeInput } from "./stream.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 5. */
export interface ExactlyOnceSettings {
  readonly prefix: string;
  readonly count: number;
  readonly kills: number;
  readonly keepTopics: boolean;
}

/** The output read back, counted against the input ids. */
export interface OutputCount {
  readonly distinct: number;
  readonly duplicated: number;
  readonly missing: number;
  readonly records: number;
}

/** What part 5 reports while it runs. */
export type ExactlyOnceStep =
  | {
    readonly kind: "produced";
    readonly input: string;
    readonly output: string;
    readonly count: number;
  }
  | {
    readonly kind: "processor-killed";
    readonly kill: number;
    /** Transactions the killed processor committed before. */
    readonly committed: number;
  }
  | WorkerFailed;

/** What part 5 measured. */
export interface ExactlyOnceResult {
  /** Input records. */
  readonly input: number;
  /** Times the processor was killed mid-transaction. */
  readonly kills: number;
  /** The output as a read_committed reader sees it. */
  readonly committed: OutputCount;
  /** The output as a read_uncommitted reader sees it (aborted transactions too). */
  readonly uncommitted: OutputCount;
}

function counted(input: readonly string[], found: readonly string[]): OutputCount {
  const counts = countIds(found);
  let duplicated = 0;
  for (const n of counts.values()) duplicated += n - 1;
  return {
    distinct: counts.size,
    duplicated,
    missing: input.filter((id) => !counts.has(id)).length,
    records: found.length,
  };
}

/** Runs part 5's experiment. */
export async function runExactlyOnce(
  ctx: Context,
  s: ExactlyOnceSettings,
  emit: Emit<ExactlyOnceStep>,
): Promise<ExactlyOnceResult> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const input = runName(s.prefix, "eos-in", hex);
  const output = runName(s.prefix, "eos-out", hex);
  const group = runName(s.prefix, "eos", hex);
  await kafka.withAdmin(async (admin) => {
    await createTopic(admin, { topic: input, partitions: 3 });
    await createTopic(admin, { topic: output, partitions: 3 });
  });
  try {
    const sent = await writeInput(kafka, {
      topic: input,
      run: hex,
      count: s.count,
      signal: ctx.signal,
    });
    emit({ kind: "produced", input, output, count: sent.length });
    await waitGroupCoordinator(kafka, input, group);
    const args = ["--role", "transform", "--topic", input, "--output", output, "--group", group]
      .concat(["--transactional-id", `${group}.tx`, "--batch", "10", "--process-ms", "15"]);
    const kills = await killProcessor(ctx, { args, kills: s.kills }, emit);
    const last = await startWorker(ctx, [...args, "--until-end"], () => {}).exited;
    if (last.how !== 0) emit(workerFailed(last));
    return { input: sent.length, kills, ...await readOutput(kafka, output, sent) };
  } finally {
    if (!s.keepTopics) {
      await kafka.withAdmin(async (admin) => {
        await admin.deleteGroups([group]).catch(() => {});
        await admin.deleteTopics({ topics: [input, output] });
      }).catch(() => {});
    }
  }
}

/**
 * Starts the processor `kills` times and SIGKILLs it each time in its third
 * transaction, after the records are sent and before the commit. Stops at a
 * processor that ended on its own; returns the kills done.
 */
async function killProcessor(
  ctx: Context,
  s: { args: readonly string[]; kills: number },
  emit: Emit<ExactlyOnceStep>,
): Promise<number> {
  let killed = 0;
  for (let k = 1; k <= s.kills; k++) {
    let opened = 0;
    const w = startWorker(ctx, s.args, (e) => {
      if (e.event === LAB5_EVENTS.txSent.name && ++opened === 3) w.kill();
    });
    const exit = await w.exited;
    if (exit.how !== "SIGKILL") {
      emit(workerFailed(exit));
      break;
    }
    killed++;
    emit({ kind: "processor-killed", kill: k, committed: opened - 1 });
  }
  return killed;
}

/** The output read by a read_committed and by a read_uncommitted reader. */
async function readOutput(
  kafka: Kafka,
  output: string,
  input: readonly string[],
): Promise<{ committed: OutputCount; uncommitted: OutputCount }> {
  const committed = (await readAll(kafka, output, { readCommitted: true })).map((f) => f.id);
  const uncommitted = (await readAll(kafka, output)).map((f) => f.id);
  return { committed: counted(input, committed), uncommitted: counted(input, uncommitted) };
}
