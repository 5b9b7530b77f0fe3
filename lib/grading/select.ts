/**
 * What `check` and `report` share: their options (declared in
 * `check_options.ts`), the labs named on the command line, the prefixes to
 * grade (a roster or one student), and one snapshot of the cluster per prefix.
 * @module
 */
import type { OptionValues } from "../cli/args.ts";
import type { Context } from "../context.ts";
import { UsageError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";
import { mergeNeeds, parseRoster } from "./run.ts";
import type { CHECK_OPTIONS } from "./check_options.ts";
import type { GradedLabsSource, LabTasks, Snapshot } from "./types.ts";

export { CHECK_OPTIONS } from "./check_options.ts";

/** The labs named on the command line (all when none). */
export async function selectLabs(
  source: GradedLabsSource,
  name: string | undefined,
): Promise<LabTasks[]> {
  const GRADED_LABS = await source.labs();
  if (name === undefined) return [...GRADED_LABS];
  const lab = GRADED_LABS.find((l) => l.lab === name);
  if (!lab) {
    const vars = { name, labs: GRADED_LABS.map((l) => l.lab).join(", ") };
    throw new UsageError(
      fillText(t("no graded lab '{name}'", "нет проверяемой лабораторной '{name}'"), vars),
      fillText(t("labs: {labs}", "лабораторные: {labs}"), vars),
    );
  }
  return [lab];
}

/**
 * The prefixes to check: the roster's lines, else the configured prefix
 * (`--prefix` > `KAFKA_LAB_PREFIX` > `.env` > none).
 */
export function prefixesOf(
  v: Pick<OptionValues<typeof CHECK_OPTIONS>, "roster">,
  configured: string,
): string[] {
  const roster = v.roster;
  if (roster === undefined) return [configured];
  let text: string;
  try {
    text = Deno.readTextFileSync(roster);
  } catch (err) {
    throw new UsageError(
      fillText(
        t(
          "cannot read the roster {file}: {reason}",
          "не удаётся прочитать список {file}: {reason}",
        ),
        {
          file: roster,
          reason: (err as Error).message,
        },
      ),
      t(
        "give a text file with one student prefix per line",
        "укажите текстовый файл, по одному префиксу студента в строке",
      ),
    );
  }
  const prefixes = parseRoster(text);
  if (prefixes.length === 0) {
    throw new UsageError(
      fillText(t("the roster {file} lists no prefix", "в списке {file} нет ни одного префикса"), {
        file: roster,
      }),
    );
  }
  return prefixes;
}

/** Snapshots for the prefixes, warning when the registry did not answer. */
export async function snapshotsFor(
  ctx: Context,
  labs: readonly LabTasks[],
  prefixes: readonly string[],
): Promise<Snapshot[]> {
  const { takeSnapshots } = await import("./snapshot.ts");
  const needs = mergeNeeds(labs.map((l) => l.needs));
  const snaps = await takeSnapshots(await ctx.kafka(), ctx.config.registryUrl, prefixes, needs);
  if (needs.subjects.length > 0 && snaps.some((s) => !s.registryReachable)) {
    ctx.out.warn(
      fillText(
        t(
          "the Schema Registry at {url} did not answer: schema tasks fail",
          "Schema Registry по адресу {url} не ответил: задания со схемой не будут засчитаны",
        ),
        { url: ctx.config.registryUrl },
      ),
    );
  }
  return snaps;
}
