/**
 * `kafka-lab check labN --exercise DIR`: reads the folder's `exercise.json`,
 * makes sure its programs can start here, runs the lab's exercise check on
 * fresh names, and prints one line per criterion (✓/✗, the evidence, a hint)
 * and a summary. Exit 0 when every criterion passes, 1 otherwise; 2 when the
 * folder or the interpreter is not usable.
 * @module
 */
import { join } from "node:path";
import { asInvokedLine, invocation } from "../../lib/cli/invocation.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";
import { readManifest } from "../../lib/exercise/manifest.ts";
import { preflight } from "../../lib/exercise/preflight.ts";
import { RESULTS_FILE, type Verdict } from "../../lib/exercise/types.ts";
import { fill, fillText, localize, pick, t } from "../../lib/i18n.ts";
import { checkLab2 } from "./check_lab2.ts";
import { checkLab3 } from "./check_lab3.ts";
import { checkLab4 } from "./check_lab4.ts";
import { EXERCISE_EVENTS } from "./events.ts";
import { type ExerciseSession, openSession } from "./session.ts";
import { EXERCISE_TEXT, textOf } from "./text.ts";

/** Each lab's exercise check and the programs its manifest must name. */
const LAB_CHECKS: Readonly<
  Record<string, { programs: readonly string[]; check: (s: ExerciseSession) => Promise<Verdict[]> }>
> = {
  lab2: { programs: ["producer", "consumer"], check: checkLab2 },
  lab3: { programs: ["producer", "consumer"], check: checkLab3 },
  lab4: { programs: ["batch", "single"], check: checkLab4 },
};

function render(ctx: Context, lab: string, v: Verdict): void {
  const lang = ctx.config.lang;
  const evidence = localize(v.evidence, lang);
  const hint = v.hint === undefined ? undefined : localize(v.hint, lang);
  const lines = [
    ctx.out.style(v.pass ? "green" : "red", `${v.pass ? "✓" : "✗"} ${v.id}: ${evidence}`),
  ];
  if (!v.pass && hint !== undefined) {
    lines.push(`    ${localize(t("hint:", "подсказка:"), lang)} ${hint}`);
  }
  ctx.out.event(
    EXERCISE_EVENTS.criterion,
    { lab, id: v.id, pass: v.pass, evidence, hint },
    lines.join("\n"),
  );
}

/** Runs the check of the exercise in `dir` (for `lab` when given). */
export async function checkExercise(
  ctx: Context,
  lab: string | undefined,
  dir: string,
): Promise<number> {
  const manifest = await readManifest(dir);
  const entry = LAB_CHECKS[manifest.lab];
  if (!entry || (lab !== undefined && lab !== manifest.lab)) {
    throw new UsageError(
      fillText(
        t(
          "{dir} holds a {found} exercise; no {lab} exercise check",
          "в {dir} упражнение {found}; проверки упражнения {lab} нет",
        ),
        {
          dir,
          found: manifest.lab,
          lab: lab ?? manifest.lab,
        },
      ),
      fillText(textOf("noExerciseHint"), { labs: Object.keys(LAB_CHECKS).join(", ") }),
    );
  }
  const missing = entry.programs.filter((p) => !manifest.programs[p]);
  if (missing.length > 0) {
    throw new UsageError(
      fillText(
        t(
          "exercise.json names no command for: {programs}",
          "в exercise.json нет команды для: {programs}",
        ),
        {
          programs: missing.join(", "),
        },
      ),
      t(
        'add them under "programs", as the starter wrote them',
        'добавьте их в "programs", как в заготовке',
      ),
    );
  }
  await preflight(manifest, { cwd: dir });
  const verdicts = await entry.check(await openSession(ctx, manifest, dir));
  ctx.out.line();
  for (const v of verdicts) render(ctx, manifest.lab, v);
  const passed = verdicts.filter((v) => v.pass).length;
  const ok = passed === verdicts.length;
  const text = pick(EXERCISE_TEXT, ctx.config.lang);
  ctx.out.line();
  ctx.out.event(
    EXERCISE_EVENTS.summary,
    { lab: manifest.lab, dir, passed, total: verdicts.length, ok },
    ctx.out.style(
      "bold",
      fill(text.summary, { lab: manifest.lab, passed, total: verdicts.length }),
    ),
  );
  await saveResults(ctx, dir, { lab: manifest.lab, passed, total: verdicts.length, ok, verdicts });
  return ok ? ExitCode.ok : ExitCode.failed;
}

/**
 * Writes `DIR/check-results.json` (the verdicts in both languages), which
 * `kafka-lab report --exercise DIR` puts in the student's report. A folder
 * that cannot be written to only loses the file: the check's verdict stands.
 */
async function saveResults(
  ctx: Context,
  dir: string,
  r: { lab: string; passed: number; total: number; ok: boolean; verdicts: readonly Verdict[] },
): Promise<void> {
  const file = join(dir, RESULTS_FILE);
  const body = {
    lab: r.lab,
    checkedAt: new Date().toISOString(),
    passed: r.passed,
    total: r.total,
    ok: r.ok,
    criteria: r.verdicts,
  };
  try {
    await Deno.writeTextFile(file, JSON.stringify(body, null, 2) + "\n");
  } catch (err) {
    ctx.out.debug(`${file} not written: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  ctx.out.event(
    EXERCISE_EVENTS.saved,
    { lab: r.lab, file },
    asInvokedLine(
      localize(
        fillText(
          t(
            "saved to {file} (`kafka-lab report {lab} --exercise {dir}` includes it)",
            "сохранено в {file} (`kafka-lab report {lab} --exercise {dir}` включит его в отчёт)",
          ),
          { file, lab: r.lab, dir },
        ),
        ctx.config.lang,
      ),
      invocation(),
    ),
  );
}
