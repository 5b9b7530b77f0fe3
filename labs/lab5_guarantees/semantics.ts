/**
 * Part 4's experiment: consumer semantics. A consumer in a child process
 * commits each group of records before processing it (at-most-once) or after
 * (at-least-once); it is SIGKILLed in the middle of a group, then a new one
 * in the same consumer group runs to the end. The processing log, by id,
 * shows what was lost and what was processed twice. `semantics_render.ts`
 * shows it.
 * @module
 */
import type { Context } from "../../lib/context.ts";
import { type ProcessingTally, processingTally } from "./model.ts";
import { startWorker, type WorkerEvent, workerFailed } from "./child.ts";
import { createTopic, runName, shortHex, waitGroupCoordinator } from "./records.ts";
import type { Emit, WorkerFailed } from "./steps.ts";
import { writeInput } from "./stream.ts";
import { LAB5_EVENTS } from "./events.ts";

/** Settings of part 4. */
export interface SemanticsSettings {
  readonly prefix: string;
  readonly count: number;
  /** Records per commit. */
  readonly batch: number;
  /** Kill after this many records processed (best mid-group: not a multiple of batch). */
  readonly killAfter: number;
  readonly keepTopics: boolean;
}

/** Where a consumer commits: before or after processing a group of records. */
export type CommitMode = "before" | "after";

/** What one mode measured. */
export interface SemanticsMode {
  readonly commit: CommitMode;
  readonly tally: ProcessingTally;
  readonly processedBeforeKill: number;
}

/** What part 4 reports while it runs. */
export type SemanticsStep =
  | { readonly kind: "produced"; readonly topic: string; readonly count: number }
  | WorkerFailed
  | { readonly kind: "consumer-killed"; readonly commit: CommitMode; readonly processed: number }
  | { readonly kind: "mode-done"; readonly mode: SemanticsMode };

/** What part 4 measured: both modes, in the order they ran. */
export interface SemanticsResult {
  readonly modes: readonly SemanticsMode[];
}

/** Runs part 4's experiment: both modes, one after the other. */
export async function runSemantics(
  ctx: Context,
  s: SemanticsSettings,
  emit: Emit<SemanticsStep>,
): Promise<SemanticsResult> {
  const kafka = await ctx.kafka();
  const hex = shortHex();
  const topic = runName(s.prefix, "semantics", hex);
  await kafka.withAdmin((admin) => createTopic(admin, { topic, partitions: 1 }));
  try {
    const input = await writeInput(kafka, { topic, run: hex, count: s.count, signal: ctx.signal });
    emit({ kind: "produced", topic, count: input.length });
    const modes: SemanticsMode[] = [];
    for (const commit of ["before", "after"] as const) {
      const group = runName(s.prefix, `semantics-${commit}`, hex);
      await waitGroupCoordinator(kafka, topic, group);
      const mode = await killMidBatch(ctx, { ...s, topic, group, commit, input }, emit);
      emit({ kind: "mode-done", mode });
      await kafka.withAdmin((admin) => admin.deleteGroups([group])).catch(() => {});
      modes.push(mode);
    }
    return { modes };
  } finally {
    if (!s.keepTopics) {
      await kafka.withAdmin((admin) => admin.deleteTopics({ topics: [topic] })).catch(() => {});
    }
  }
}

interface ModeRun {
  readonly topic: string;
  readonly group: string;
  readonly commit: CommitMode;
  readonly batch: number;
  readonly killAfter: number;
  /** The input's ids. */
  readonly input: readonly string[];
}

/**
 * One mode: a consumer SIGKILLed after `killAfter` records processed, then a
 * new one of the same group until the end; the processing log counted by id.
 */
async function killMidBatch(
  ctx: Context,
  m: ModeRun,
  emit: Emit<SemanticsStep>,
): Promise<SemanticsMode> {
  const processed: string[] = [];
  const isProcessed = (e: WorkerEvent) => e.event === LAB5_EVENTS.processed.name;
  const args = ["--role", "consume", "--topic", m.topic, "--group", m.group]
    .concat(["--commit", m.commit, "--batch", String(m.batch)]);
  const first = startWorker(ctx, args, (e) => {
    if (!isProcessed(e)) return;
    processed.push(String(e.id));
    if (processed.length === m.killAfter) first.kill();
  });
  const killed = await first.exited;
  if (killed.how !== "SIGKILL") emit(workerFailed(killed));
  const beforeKill = processed.length;
  emit({ kind: "consumer-killed", commit: m.commit, processed: beforeKill });
  const second = startWorker(ctx, [...args, "--until-end"], (e) => {
    if (isProcessed(e)) processed.push(String(e.id));
  });
  const end = await second.exited;
  if (end.how !== 0) emit(workerFailed(end));
  const tally = processingTally(m.input, processed);
  return { commit: m.commit, tally, processedBeforeKill: beforeKill };
}
