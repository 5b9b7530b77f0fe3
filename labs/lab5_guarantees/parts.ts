/**
 * The six parts of lab 5 by name: their settings from the command line (or
 * the defaults, in the guided run), their title and explanation, and a
 * one-line summary of each one's figures.
 * @module
 */
import { parseOptions } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { PART_OPTIONS, type PartName, type PartRun, type PartValues } from "./options.ts";
import { PartReport, type Reporter, type Text, text } from "./report.ts";

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
 * Runs one part with its settings and returns its summary lines. Its topics
 * and groups are named behind the configured prefix (`ctx.config.prefix`).
 */
export async function runOne(
  ctx: Context,
  t: Text,
  r: Reporter,
  run: PartRun,
  guided: boolean,
): Promise<string[]> {
  const common = { prefix: ctx.config.prefix, keepTopics: run.v["keep-topics"] };
  switch (run.part) {
    case "acks": {
      const m = await import("./acks.ts");
      const rows = await m.runAcks(ctx, t, r, { ...common, count: run.v.count });
      return rows.map((row) =>
        fill(t.summaryAcks, {
          label: row.label,
          acked: row.tally.acknowledged,
          lost: row.tally.lost,
          dup: row.tally.duplicated,
        })
      );
    }
    case "min-isr": {
      const m = await import("./min_isr.ts");
      const rows = await m.runMinIsr(ctx, t, r, { ...common, count: run.v.count });
      const lost = rows.reduce((n, row) => n + row.tally.lost, 0);
      return [fill(t.summaryMinIsr, {
        tolerated: rows[0].tally.acknowledged,
        refused: rows[1].refused ?? 0,
        lost,
      })];
    }
    case "idempotence": {
      const m = await import("./idempotence.ts");
      const rows = await m.runIdempotence(ctx, t, r, {
        ...common,
        count: run.v.count,
        kills: run.v.kills,
        downSeconds: run.v["down-seconds"],
        unsafePartitioning: guided || run.v["unsafe-partitioning"],
      });
      return rows.map((row) =>
        fill(t.summaryIdem, { label: row.label, lost: row.tally.lost, dup: row.tally.duplicated })
      );
    }
    case "semantics": {
      const m = await import("./semantics.ts");
      const res = await m.runSemantics(ctx, t, r, {
        ...common,
        count: run.v.count,
        batch: run.v.batch,
        killAfter: run.v["kill-after"],
      });
      return res.map((x) =>
        fill(t.summarySem, {
          mode: x.commit === "before" ? t.semBefore : t.semAfter,
          lost: x.tally.lost,
          reprocessed: x.tally.reprocessed,
        })
      );
    }
    case "exactly-once": {
      const m = await import("./exactly_once.ts");
      const res = await m.runExactlyOnce(ctx, t, r, {
        ...common,
        count: run.v.count,
        kills: run.v.kills,
      });
      return [fill(t.summaryEos, {
        kills: res.kills,
        dup: res.committed.duplicated,
        missing: res.committed.missing,
      })];
    }
    case "retry": {
      const m = await import("./retry_dlq.ts");
      const res = await m.runRetry(ctx, t, r, {
        ...common,
        count: run.v.count,
        maxAttempts: run.v["max-attempts"],
        baseDelayMs: run.v["delay-ms"],
      });
      return [fill(t.summaryRetry, { ...res })];
    }
  }
}

/** Runs one part as its own subcommand; exit code 1 when a result failed. */
export async function runPart(ctx: Context, run: PartRun): Promise<number> {
  const t = text(ctx);
  const [title, explanation] = partTitle(t, run);
  const report = new PartReport(ctx, title, explanation);
  await runOne(ctx, t, report, run, false);
  return report.exitCode();
}
