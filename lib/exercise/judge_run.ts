/**
 * The verdict every exercise gives each program run: it started, it ended by
 * itself within the bound, and it exited 0.
 *
 * @example
 * ```ts
 * judgeRun("producer.ran", run); // { pass: false, evidence: "did not finish within 30 s" } when hung
 * ```
 * @module
 */
import { fillText, t } from "../i18n.ts";
import type { ProgramRun, Verdict } from "./types.ts";

/** The last non-empty line of the program's errors (or output), to show as evidence. */
export function lastLine(run: Pick<ProgramRun, "stdout" | "stderr">): string {
  const lines = (run.stderr.trim() || run.stdout.trim()).split("\n").map((l) => l.trim());
  const line = lines.filter((l) => l !== "").at(-1) ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** What a failed run is told, by how it failed. */
const RUN_FAILURES = {
  cannotStart: {
    evidence: t(
      "could not start `{command}`: {error}",
      "не удалось запустить `{command}`: {error}",
    ),
    hint: t(
      "install the program it names, or fix the command in exercise.json",
      "установите названную программу или исправьте команду в exercise.json",
    ),
  },
  timedOut: {
    evidence: t(
      "`{command}` did not finish within {bound} s (stopped)",
      "`{command}` не завершилась за {bound} с (остановлена)",
    ),
    hint: t(
      "the program must end by itself: disconnect at the end; a consumer stops after KAFKA_LAB_IDLE_SECONDS without records",
      "программа должна завершаться сама: отключайтесь в конце; консьюмер останавливается, если KAFKA_LAB_IDLE_SECONDS секунд нет записей",
    ),
  },
  exited: {
    evidence: t(
      "`{command}` exited with code {code}: {last}",
      "`{command}` завершилась с кодом {code}: {last}",
    ),
    hint: t(
      "run it yourself with the settings of TASK.md and read its error",
      "запустите её сами с настройками из TASK.md и прочтите ошибку",
    ),
  },
};

/** Did the run start, end within its bound, and exit 0? */
export function judgeRun(id: string, run: ProgramRun): Verdict {
  const vars = {
    command: run.command.join(" "),
    bound: run.boundSeconds,
    code: String(run.code ?? "-"),
    last: lastLine(run) || "-",
    error: run.spawnError ?? "",
  };
  const failure = run.spawnError !== undefined
    ? RUN_FAILURES.cannotStart
    : run.timedOut
    ? RUN_FAILURES.timedOut
    : run.code !== 0
    ? RUN_FAILURES.exited
    : undefined;
  if (failure) {
    return { id, pass: false, evidence: fillText(failure.evidence, vars), hint: failure.hint };
  }
  return {
    id,
    pass: true,
    evidence: fillText(
      t("`{command}` ended by itself with code 0", "`{command}` завершилась сама с кодом 0"),
      vars,
    ),
  };
}
