/**
 * The work of `kafka-lab check` (declared in `mod.ts`): grades through
 * `gradeRoster` and prints one student's lab, one student's every lab, or a
 * class (`--roster`), or judges an exercise folder (`--exercise`).
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { asInvokedLine, invocation } from "../../lib/cli/invocation.ts";
import type { Context } from "../../lib/context.ts";
import { ExitCode, UsageError } from "../../lib/errors.ts";
import { fillText, localize, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { runTasks, summarize } from "../../lib/grading/run.ts";
import { prefixesOf } from "../../lib/grading/select.ts";
import { gradeRoster, type RosterGrade } from "../../lib/grading/roster.ts";
import type { LabTasks, Snapshot } from "../../lib/grading/types.ts";
import { CHECK_EVENTS } from "./events.ts";
import type { CHECK_ALL_OPTIONS } from "./options.ts";

/** Runs `kafka-lab check`. */
export async function check(
  ctx: Context,
  args: ParsedArgs<typeof CHECK_ALL_OPTIONS>,
): Promise<number> {
  const v = args.values;
  if (v.exercise !== undefined) {
    const { checkExercise } = await import("../exercise/check.ts");
    return await checkExercise(ctx, args.positionals[0], v.exercise);
  }
  if ((v.csv || v.overview !== undefined) && (v.roster === undefined || ctx.out.json)) {
    throw new UsageError(
      t(
        "--csv and --overview need --roster and no --json",
        "--csv и --overview требуют --roster и несовместимы с --json",
      ),
    );
  }
  const lab = args.positionals[0];
  const grade = await gradeRoster(ctx, prefixesOf(v, ctx.config.prefix), {
    labs: lab === undefined ? [] : [lab],
    ...(v.group !== undefined ? { groups: groupsFor(lab, v.group) } : {}),
    onRegistryDown: () => warnRegistryDown(ctx),
  });
  let ok: boolean;
  if (v.roster !== undefined) ok = await roster(ctx, grade, v);
  else if (grade.labs.length === 1) {
    ok = await oneStudentOneLab(ctx, grade.labs[0], grade.students[0].snapshot);
  } else ok = await oneStudentAllLabs(ctx, grade.labs, grade.students[0].snapshot);
  return ok ? ExitCode.ok : ExitCode.failed;
}

async function oneStudentOneLab(ctx: Context, lab: LabTasks, snap: Snapshot): Promise<boolean> {
  const { resultJson, resultLines, summaryLine } = await import("../../lib/grading/render.ts");
  const { out } = ctx;
  const lang = ctx.config.lang;
  const results = runTasks(lab, snap);
  const run = invocation();
  for (const r of results) {
    const [first, ...rest] = resultLines(r, lang).map((l) => asInvokedLine(l, run));
    out.event(
      CHECK_EVENTS.task,
      { prefix: snap.prefix, ...resultJson(r, lang) },
      out.style(r.pass ? "green" : "red", first),
    );
    for (const l of rest) out.line(l);
  }
  const s = summarize(results);
  out.line();
  out.event(
    CHECK_EVENTS.summary,
    { prefix: snap.prefix, lab: lab.lab, ...s },
    out.style("bold", summaryLine(lab, s, lang)),
  );
  return s.ok;
}

async function oneStudentAllLabs(ctx: Context, labs: readonly LabTasks[], snap: Snapshot) {
  const { progressTable, resultJson } = await import("../../lib/grading/render.ts");
  const lang = ctx.config.lang;
  const all = labs.map((lab) => ({ lab, results: runTasks(lab, snap) }));
  for (const { lab, results } of all) {
    ctx.out.event(CHECK_EVENTS.lab, {
      prefix: snap.prefix,
      lab: lab.lab,
      ...summarize(results),
      tasks: results.map((r) => resultJson(r, lang)),
    });
  }
  for (const l of progressTable(all, lang)) ctx.out.line(l);
  return all.every(({ results }) => summarize(results).ok);
}

async function roster(ctx: Context, grade: RosterGrade, v: { csv: boolean; overview?: string }) {
  const { resultJson, rosterTable, mark } = await import("../../lib/grading/render.ts");
  const lang = ctx.config.lang;
  for (const st of grade.students) {
    for (const { lab, results, summary } of st.labs) {
      ctx.out.event(CHECK_EVENTS.student, {
        prefix: st.prefix,
        lab: lab.lab,
        ...summary,
        tasks: results.map((r) => resultJson(r, lang)),
      });
    }
  }
  const book = await import("../../lib/grading/gradebook.ts");
  if (v.csv) {
    ctx.out.line(book.gradebookCsv(grade, lang).trimEnd().replaceAll("\r\n", "\n"));
  } else if (v.overview === "md") {
    ctx.out.line(book.overviewMarkdown(grade, lang).trimEnd());
  } else if (v.overview === "html") {
    ctx.out.line(book.overviewHtml(grade, lang).trimEnd());
  } else if (grade.labs.length === 1) {
    const students = grade.students.map((st) => ({
      prefix: st.prefix,
      results: st.labs[0].results,
    }));
    for (const l of rosterTable(grade.labs[0], students, lang)) ctx.out.line(l);
  } else {
    const rows = grade.students.map((st) => [
      st.prefix,
      ...st.labs.map(({ summary: s }) => `${mark(s.ok)} ${s.requiredPassed}/${s.requiredTotal}`),
    ]);
    const header = [localize(t("student", "студент"), lang), ...grade.labs.map((l) => l.lab)];
    for (const l of table(header, rows)) ctx.out.line(l);
  }
  return grade.ok;
}

/** `--group G` for the lab named, or for every lab. */
function groupsFor(lab: string | undefined, group: string): Record<string, string> {
  return lab !== undefined ? { [lab]: group } : { lab2: group, lab3: group, lab4: group };
}

function warnRegistryDown(ctx: Context): void {
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
