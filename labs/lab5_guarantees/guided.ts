/**
 * `kafka-lab lab5`: the theory, the six parts one step each, a summary of
 * the figures measured in this run and the control questions.
 * @module
 */
import type { OptionValues } from "../../lib/cli/args.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { Guide } from "../../lib/guide.ts";
import { fill } from "../../lib/i18n.ts";
import { announceFaults } from "./chaos.ts";
import type { GUIDED_OPTIONS } from "./options.ts";
import { guidedRun, PART_NAMES, type PartName, partTitle, runOne } from "./parts.ts";
import { screen, text } from "./report.ts";
import { bothLanguages } from "./text.ts";

/** The parts picked by `--parts 1,3,5`, in course order. */
export function selectedParts(list: string): PartName[] {
  const picked = new Set<number>();
  for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
    const n = Number(item);
    if (!Number.isInteger(n) || n < 1 || n > PART_NAMES.length) {
      throw new UsageError(bothLanguages("partsBad", { item }), bothLanguages("partsHint"));
    }
    picked.add(n);
  }
  return [...picked].sort((a, b) => a - b).map((n) => PART_NAMES[n - 1]);
}

/** Runs the guided lab. */
export async function guided(
  ctx: Context,
  v: OptionValues<typeof GUIDED_OPTIONS>,
): Promise<number> {
  const lang = ctx.config.lang;
  const t = text(lang);
  const parts = selectedParts(v.parts);
  await announceFaults(ctx, parts);
  const started = Date.now();
  const guide = Guide.begin(ctx, "lab5", t, parts.length);
  const sc = screen(ctx.out, guide, lang);
  const summary: string[] = [];
  for (const part of parts) {
    if (ctx.signal.aborted) break;
    const run = guidedRun(part, v["keep-topics"]);
    const [title, explanation] = partTitle(t, run);
    guide.step(title, explanation);
    summary.push(...await runOne(ctx, sc, run));
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  summary.push(fill(t.summaryTime, { seconds }));
  return guide.done(summary, { seconds });
}
