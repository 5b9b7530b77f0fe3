/**
 * The six parts of lab 5 by name: their settings from the command line (or
 * the defaults, in the guided run), their title and explanation, and running
 * one: its experiment (loaded when it runs) with each step rendered as it
 * happens, then its result, and the lines it adds to the lab's summary.
 * @module
 */
import { parseOptions } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { recordWork } from "../../lib/grading/journal.ts";
import { fill } from "../../lib/i18n.ts";
import { PART_OPTIONS, type PartName, type PartRun, type PartValues } from "./options.ts";
import { PartReport, type Screen, screen, type Text, text } from "./report.ts";
import { acksSummary, renderAcks, renderAcksStep } from "./acks_render.ts";
import { minIsrSummary, renderMinIsr, renderMinIsrStep } from "./min_isr_render.ts";
import {
  idempotenceSummary,
  renderIdempotence,
  renderIdempotenceStep,
} from "./idempotence_render.ts";
import { asideSummary, renderAside, renderAsideStep } from "./kafkajs_aside_render.ts";
import { renderSemantics, renderSemanticsStep, semanticsSummary } from "./semantics_render.ts";
import {
  exactlyOnceSummary,
  renderExactlyOnce,
  renderExactlyOnceStep,
} from "./exactly_once_render.ts";
import { renderRetry, renderRetryStep, retrySummary } from "./retry_render.ts";

export { PART_NAMES, type PartName } from "./options.ts";

/** A part with its values; they were parsed with that part's own option table. */
export function partRun<P extends PartName>(part: P, v: PartValues<P>): PartRun {
  // TypeScript does not narrow a generic P to one member of the union; the pair matches by type.
  return { part, v } as PartRun;
}

/** A part as the guided run does it: its defaults, and the run's `--keep-topics`. */
export function guidedRun(part: PartName, keepTopics: boolean): PartRun {
  const defaults = parseOptions([], PART_OPTIONS[part]).values;
  return partRun(part, { ...defaults, "keep-topics": keepTopics });
}

/** Title and explanation of a part, in the user's language. */
export function partTitle(t: Text, run: PartRun): [string, string] {
  switch (run.part) {
    case "acks":
      return [t.part1, t.part1Explain];
    case "min-isr":
      return [t.part2, t.part2Explain];
    case "idempotence":
      return [t.part3, t.part3Explain];
    case "semantics":
      return [t.part4, fill(t.part4Explain, { batch: run.v.batch })];
    case "exactly-once":
      return [t.part5, fill(t.part5Explain, { kills: run.v.kills })];
    case "retry":
      return [t.part6, fill(t.part6Explain, { max: run.v["max-attempts"] })];
  }
}

/**
 * Runs one part with its settings, shows its steps and result on `sc`, and
 * returns its summary lines. Its topics and groups are named behind the
 * configured prefix (`ctx.config.prefix`) and deleted afterwards, so the part
 * leaves a journal record (`lab5.<part>`) for grading (labs/lab5_guarantees/check.ts).
 */
export async function runOne(ctx: Context, sc: Screen, run: PartRun): Promise<string[]> {
  const lines = await partBody(ctx, sc, run);
  await recordWork(await ctx.kafka(), { what: `lab5.${run.part}` });
  return lines;
}

function partBody(ctx: Context, sc: Screen, run: PartRun): Promise<string[]> {
  switch (run.part) {
    case "acks":
      return acks(ctx, sc, run.v);
    case "min-isr":
      return minIsr(ctx, sc, run.v);
    case "idempotence":
      return idempotence(ctx, sc, run.v);
    case "semantics":
      return semantics(ctx, sc, run.v);
    case "exactly-once":
      return exactlyOnce(ctx, sc, run.v);
    case "retry":
      return retry(ctx, sc, run.v);
  }
}

/** Runs one part as its own subcommand; exit code 1 when a result failed. */
export async function runPart(ctx: Context, run: PartRun): Promise<number> {
  const lang = ctx.config.lang;
  const [title, explanation] = partTitle(text(lang), run);
  const { announceFaults } = await import("./chaos.ts");
  await announceFaults(ctx, [run.part]);
  const report = new PartReport(ctx.out, title, explanation);
  await runOne(ctx, screen(ctx.out, report, lang), run);
  return report.exitCode();
}

/** The settings every part has. */
function common(ctx: Context, v: { "keep-topics": boolean }) {
  return { prefix: ctx.config.prefix, keepTopics: v["keep-topics"] };
}

async function acks(ctx: Context, sc: Screen, v: PartValues<"acks">): Promise<string[]> {
  const { runAcks } = await import("./acks.ts");
  const settings = { ...common(ctx, v), count: v.count };
  const res = await runAcks(ctx, settings, (step) => renderAcksStep(sc, step));
  renderAcks(sc, res);
  return acksSummary(sc.t, res);
}

async function minIsr(ctx: Context, sc: Screen, v: PartValues<"min-isr">): Promise<string[]> {
  const { runMinIsr } = await import("./min_isr.ts");
  const settings = { ...common(ctx, v), count: v.count };
  const res = await runMinIsr(ctx, settings, (step) => renderMinIsrStep(sc, step));
  renderMinIsr(sc, res);
  return minIsrSummary(sc.t, res);
}

/** Part 3; with `--unsafe-partitioning` (never in the guided run), the kafkajs aside after it. */
async function idempotence(
  ctx: Context,
  sc: Screen,
  v: PartValues<"idempotence">,
): Promise<string[]> {
  const { runIdempotence } = await import("./idempotence.ts");
  const settings = { ...common(ctx, v), count: v.count };
  const res = await runIdempotence(ctx, settings, (step) => renderIdempotenceStep(sc, step));
  renderIdempotence(sc, res);
  const lines = idempotenceSummary(sc.t, res);
  if (!v["unsafe-partitioning"]) return lines;
  const { runKafkajsAside, ASIDE_COUNT } = await import("./kafkajs_aside.ts");
  sc.r.note(sc.t.asideTitle);
  const aside = await runKafkajsAside(ctx, {
    ...common(ctx, v),
    count: ASIDE_COUNT,
    kills: v.kills,
    downSeconds: v["down-seconds"],
    unsafePartitioning: true,
  }, (step) => renderAsideStep(sc, step));
  renderAside(sc, aside);
  return [...lines, ...asideSummary(sc.t, aside)];
}

async function semantics(ctx: Context, sc: Screen, v: PartValues<"semantics">): Promise<string[]> {
  const { runSemantics } = await import("./semantics.ts");
  const settings = {
    ...common(ctx, v),
    count: v.count,
    batch: v.batch,
    killAfter: v["kill-after"],
  };
  const res = await runSemantics(ctx, settings, (step) => renderSemanticsStep(sc, step));
  renderSemantics(sc, res);
  return semanticsSummary(sc.t, res);
}

async function exactlyOnce(
  ctx: Context,
  sc: Screen,
  v: PartValues<"exactly-once">,
): Promise<string[]> {
  const { runExactlyOnce } = await import("./exactly_once.ts");
  const settings = { ...common(ctx, v), count: v.count, kills: v.kills };
  const res = await runExactlyOnce(ctx, settings, (step) => renderExactlyOnceStep(sc, step));
  renderExactlyOnce(sc, res);
  return exactlyOnceSummary(sc.t, res);
}

async function retry(ctx: Context, sc: Screen, v: PartValues<"retry">): Promise<string[]> {
  const { runRetry } = await import("./retry_dlq.ts");
  const settings = {
    ...common(ctx, v),
    count: v.count,
    maxAttempts: v["max-attempts"],
    baseDelayMs: v["delay-ms"],
  };
  const res = await runRetry(ctx, settings, (step) => renderRetryStep(sc, step));
  renderRetry(sc, res);
  return retrySummary(sc.t, res);
}
