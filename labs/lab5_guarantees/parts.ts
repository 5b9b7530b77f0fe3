/**
 * The six parts of lab 5 by name: their settings from the command line (or
 * the defaults, in the guided run), their title and explanation, and a
 * one-line summary of each one's figures.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { fill } from "../../lib/i18n.ts";
import { PartReport, type Reporter, type Text, text } from "./report.ts";

/** The parts, in course order. */
export const PART_NAMES = [
  "acks",
  "min-isr",
  "idempotence",
  "semantics",
  "exactly-once",
  "retry",
] as const;

/** One part's name. */
export type PartName = typeof PART_NAMES[number];

function num(args: ParsedArgs, name: string, def: number): number {
  return args.int(name) ?? def;
}

/** Title and explanation of a part, in the user's language. */
export function partTitle(t: Text, which: PartName, args: ParsedArgs): [string, string] {
  switch (which) {
    case "acks":
      return [t.part1, t.part1Explain];
    case "min-isr":
      return [t.part2, t.part2Explain];
    case "idempotence":
      return [t.part3, t.part3Explain];
    case "semantics":
      return [t.part4, fill(t.part4Explain, { batch: num(args, "batch", 10) })];
    case "exactly-once":
      return [t.part5, fill(t.part5Explain, { kills: num(args, "kills", 2) })];
    case "retry":
      return [t.part6, fill(t.part6Explain, { max: num(args, "max-attempts", 3) })];
  }
}

/**
 * Runs one part with the settings in `args` (defaults where absent) and
 * returns its summary lines.
 */
export async function runOne(
  ctx: Context,
  t: Text,
  r: Reporter,
  which: PartName,
  args: ParsedArgs,
  guided: boolean,
): Promise<string[]> {
  const common = { prefix: args.string("prefix") ?? "", keepTopics: args.bool("keep-topics") };
  switch (which) {
    case "acks": {
      const m = await import("./acks.ts");
      const rows = await m.runAcks(ctx, t, r, { ...common, count: num(args, "count", 3000) });
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
      const rows = await m.runMinIsr(ctx, t, r, { ...common, count: num(args, "count", 5) });
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
        count: num(args, "count", 4000),
        kills: num(args, "kills", 2),
        downSeconds: args.number("down-seconds") ?? 3,
        unsafePartitioning: guided || args.bool("unsafe-partitioning"),
      });
      return rows.map((row) =>
        fill(t.summaryIdem, { label: row.label, lost: row.tally.lost, dup: row.tally.duplicated })
      );
    }
    case "semantics": {
      const m = await import("./semantics.ts");
      const res = await m.runSemantics(ctx, t, r, {
        ...common,
        count: num(args, "count", 100),
        batch: num(args, "batch", 10),
        killAfter: num(args, "kill-after", 25),
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
        count: num(args, "count", 200),
        kills: num(args, "kills", 2),
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
        count: num(args, "count", 60),
        maxAttempts: num(args, "max-attempts", 3),
        baseDelayMs: num(args, "delay-ms", 200),
      });
      return [fill(t.summaryRetry, { ...res })];
    }
  }
}

/** Runs one part as its own subcommand; exit code 1 when a result failed. */
export async function runPart(ctx: Context, args: ParsedArgs, which: string): Promise<number> {
  const t = text(ctx);
  const name = which as PartName;
  const [title, explanation] = partTitle(t, name, args);
  const report = new PartReport(ctx, title, explanation);
  await runOne(ctx, t, report, name, args, false);
  return report.exitCode();
}
