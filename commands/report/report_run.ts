/**
 * The work of `kafka-lab report` (declared in `mod.ts`): grades one lab for
 * one prefix and writes its report in Markdown.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { readState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, KafkaLabError } from "../../lib/errors.ts";
import { fillText, t } from "../../lib/i18n.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import { KAFKA_VERSION } from "../../lib/version.ts";
import { selectLabs, snapshotsFor } from "../../lib/grading/select.ts";
import type { Environment } from "./report.ts";
import { REPORT_EVENTS } from "./events.ts";
import type { REPORT_OPTIONS } from "./options.ts";

/** Runs `kafka-lab report`. */
export async function report(
  ctx: Context,
  args: ParsedArgs<typeof REPORT_OPTIONS>,
): Promise<number> {
  const [lab] = await selectLabs(ctx.graded, args.positionals[0]);
  const prefix = ctx.config.prefix;
  const { clusterSetup, readExercise } = await import("./inputs.ts");
  const dir = args.values.exercise;
  const exercise = dir === undefined ? undefined : readExercise(dir);
  const [snapshot] = await snapshotsFor(ctx, [lab], [prefix]);
  const results = runTasks(lab, snapshot);
  const setup = await clusterSetup(ctx, snapshot.brokers);
  const { renderReport } = await import("./report.ts");
  const markdown = renderReport({
    lab,
    snapshot,
    results,
    questions: await ctx.graded.questions(lab.lab),
    environment: environment(ctx),
    lang: ctx.config.lang,
    setup,
    ...(exercise ? { exercise } : {}),
  });
  const file = args.values.out;
  const s = summarize(results);
  if (file === undefined) {
    ctx.out.event(REPORT_EVENTS.done, { lab: lab.lab, prefix, markdown, ...s }, markdown);
    return ExitCode.ok;
  }
  try {
    await Deno.writeTextFile(file, markdown);
  } catch (err) {
    throw new KafkaLabError(
      fillText(t("cannot write {file}: {reason}", "не удаётся записать {file}: {reason}"), {
        file,
        reason: (err as Error).message,
      }),
      {
        hint: t("choose a writable path with --out", "укажите доступный для записи путь в --out"),
      },
    );
  }
  ctx.out.event(
    REPORT_EVENTS.done,
    { lab: lab.lab, prefix, file, ...s },
    ctx.config.lang === "ru" ? `отчёт записан в ${file}` : `report written to ${file}`,
  );
  return ExitCode.ok;
}

const SERVICES = ["kafka-1", "kafka-2", "kafka-3", "schema-registry", "kafka-ui"];

function environment(ctx: Context): Environment {
  const state = readState(ctx.config.stateDir);
  const base = {
    bootstrap: ctx.config.brokers,
    registryUrl: ctx.config.registryUrl,
  };
  if (!state) return { ...base, kafkaVersion: KAFKA_VERSION, parts: [] };
  return {
    ...base,
    kafkaVersion: state.kafkaVersion,
    runtime: state.runtime,
    clusterId: state.clusterId,
    parts: state.runtime === "docker"
      ? SERVICES
      : state.processes.map((p) => `${p.name} (pid ${p.pid})`),
  };
}
