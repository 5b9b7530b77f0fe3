/**
 * Runs a student's program as a black box: its own command line, its folder,
 * the grader's environment, and a bound. A program that is still running at
 * the bound is killed (SIGKILL) and reported as timed out; a program can also
 * be killed on purpose once its output shows a line (lab 4's crash test).
 *
 * @example
 * ```ts
 * const run = await runProgram(["python3", "producer.py"], { cwd: dir, env, boundSeconds: 30 });
 * run.timedOut; // true when it was still running after 30 s
 * ```
 * @module
 */
import type { ProgramRun } from "./types.ts";

/** The bound, in seconds, a check gives each run of a student's program. */
export const RUN_BOUND_SECONDS = 60;

/** Options of {@linkcode runProgram}. */
export interface RunOptions {
  readonly cwd: string;
  /** Added to this process's environment. */
  readonly env: Record<string, string>;
  readonly boundSeconds: number;
  /** Kill the program (SIGKILL) once its output, so far, satisfies this. */
  readonly killWhen?: (stdout: string) => boolean;
  /** Stops waiting (and kills the program) when aborted: Ctrl+C of the grader. */
  readonly signal?: AbortSignal;
}

async function collect(
  stream: ReadableStream<Uint8Array>,
  onText: (all: string) => void,
): Promise<string> {
  let all = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    all += decoder.decode(chunk, { stream: true });
    onText(all);
  }
  return all + decoder.decode();
}

function kill(child: Deno.ChildProcess): void {
  try {
    child.kill("SIGKILL");
  } catch {
    // already gone
  }
}

/** Runs `command` to its end, or kills it at the bound; never throws for the program's faults. */
export async function runProgram(
  command: readonly string[],
  options: RunOptions,
): Promise<ProgramRun> {
  const base = { command, boundSeconds: options.boundSeconds };
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(command[0], {
      args: command.slice(1),
      cwd: options.cwd,
      env: options.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (err) {
    const spawnError = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      code: undefined,
      timedOut: false,
      killedOnPurpose: false,
      stdout: "",
      stderr: "",
      spawnError,
    };
  }
  let timedOut = false;
  let killedOnPurpose = false;
  const timer = setTimeout(() => {
    timedOut = true;
    kill(child);
  }, options.boundSeconds * 1000);
  const onAbort = () => kill(child);
  options.signal?.addEventListener("abort", onAbort);
  const [stdout, stderr, status] = await Promise.all([
    collect(child.stdout, (all) => {
      if (!killedOnPurpose && options.killWhen?.(all)) {
        killedOnPurpose = true;
        kill(child);
      }
    }),
    collect(child.stderr, () => {}),
    child.status,
  ]);
  clearTimeout(timer);
  options.signal?.removeEventListener("abort", onAbort);
  const code = status.signal === null ? status.code : undefined;
  return { ...base, code, timedOut, killedOnPurpose, stdout, stderr };
}
