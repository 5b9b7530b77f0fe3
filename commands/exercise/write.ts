/**
 * `kafka-lab exercise labN`: writes a starter project — TASK.md (en) and
 * TASK.ru.md, the programs with TODOs in the chosen language, and
 * `exercise.json` naming how the checker runs them — with the student's
 * settings (brokers, prefixed topic and group) filled in as defaults.
 * @module
 */
import { join, resolve } from "node:path";
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { invocation } from "../../lib/cli/invocation.ts";
import type { Context } from "../../lib/context.ts";
import { UsageError } from "../../lib/errors.ts";
import { type Language, makeManifest, MANIFEST } from "../../lib/exercise/manifest.ts";
import { LAB4_RECORDS } from "../../lib/exercise/lab4.ts";
import { RUN_BOUND_SECONDS } from "../../lib/exercise/process.ts";
import { fill, fillText, pick } from "../../lib/i18n.ts";
import { EXERCISE_EVENTS } from "./events.ts";
import type { EXERCISE_OPTIONS } from "./options.ts";
import { fileOf, fillStarter, type Starter, STARTERS } from "./starters.ts";
import { EXERCISE_TEXT, textOf } from "./text.ts";

/** The starter of `lab`, or a usage error listing those there are. */
export function starterOf(lab: string | undefined): Starter {
  const starter = STARTERS.find((s) => s.lab === lab);
  if (starter) return starter;
  throw new UsageError(
    fillText(textOf("noExercise"), { lab: lab ?? "-" }),
    fillText(textOf("noExerciseHint"), { labs: STARTERS.map((s) => s.lab).join(", ") }),
  );
}

function isEmptyDir(dir: string): boolean {
  try {
    for (const _ of Deno.readDirSync(dir)) return false;
    return true;
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return true;
    throw err;
  }
}

/** The files of the starter, with the student's settings filled in. */
export function starterFiles(
  ctx: Context,
  starter: Starter,
  options: { language: Language; dir: string },
): { path: string; text: string }[] {
  const { language, dir } = options;
  const names = ctx.config.names;
  const programs = starter.programs[language];
  const manifest = makeManifest(
    starter.lab,
    language,
    Object.fromEntries(Object.keys(programs).map((n) => [n, fileOf(n, language)])),
  );
  const vars = {
    brokers: ctx.config.brokers.join(","),
    ...Object.fromEntries(Object.entries(starter.names).map(([k, v]) => [k, names.prefix + v])),
    records: String(LAB4_RECORDS),
    registry: ctx.config.registryUrl,
    language: language === "ts" ? "TypeScript, Deno, npm:kafkajs" : "Python, confluent-kafka",
    dir,
    bound: String(RUN_BOUND_SECONDS),
    ...Object.fromEntries(
      Object.entries(manifest.programs).map(([n, cmd]) => [`run_${n}`, cmd.join(" ")]),
    ),
  };
  return [
    { path: "TASK.md", text: fillStarter(starter.task.en, vars) },
    { path: "TASK.ru.md", text: fillStarter(starter.task.ru, vars) },
    ...Object.entries(programs).map(([n, src]) => ({
      path: fileOf(n, language),
      text: fillStarter(src, vars),
    })),
    ...Object.entries(starter.files ?? {}).map(([path, text]) => ({ path, text })),
    { path: MANIFEST, text: JSON.stringify(manifest, null, 2) + "\n" },
  ];
}

/** Runs `exercise labN`. */
export async function writeExercise(
  ctx: Context,
  args: ParsedArgs<typeof EXERCISE_OPTIONS>,
): Promise<number> {
  const starter = starterOf(args.positionals[0]);
  const language = args.values.language as Language;
  const dir = args.values.dir ?? `${starter.lab}-exercise`;
  if (!args.values.force && !isEmptyDir(dir)) {
    throw new UsageError(fillText(textOf("notEmpty"), { dir }), textOf("notEmptyHint"));
  }
  await Deno.mkdir(dir, { recursive: true });
  const text = pick(EXERCISE_TEXT, ctx.config.lang);
  const files = starterFiles(ctx, starter, { language, dir });
  for (const f of files) {
    const path = join(dir, f.path);
    await Deno.writeTextFile(path, f.text);
    ctx.out.event(EXERCISE_EVENTS.file, { path }, fill(text.wrote, { path }));
  }
  const programs = Object.keys(starter.programs[language]);
  const run = programs.map((n) => makeManifest(starter.lab, language, { [n]: fileOf(n, language) }))
    .map((m) => Object.values(m.programs)[0].join(" "));
  const check = `${invocation()} check ${starter.lab} --exercise ${dir}`;
  const human = [
    "",
    fill(text.ready, { lab: starter.lab, language, dir: resolve(dir) }),
    `  ${text.runLabel} cd ${dir} && ${run.join("  |  ")}`,
    `  ${text.checkLabel} ${check}`,
  ].join("\n");
  ctx.out.event(EXERCISE_EVENTS.written, { lab: starter.lab, language, dir, run, check }, human);
  return 0;
}
