/**
 * Background processes of the java runtime: start detached with output in a
 * log file, recognise our own processes by a marker in their command line,
 * stop them gently then firmly, and read the end of a log.
 * @module
 */
import type { Output } from "../output.ts";
import { sleep } from "../time.ts";
import type { ProcessRecord } from "./state.ts";
import { localize } from "../i18n.ts";
import { RUNTIME_TEXT as R } from "./runtime_text.ts";

/**
 * The full command line of a running process, or undefined when there is none
 * with that pid. Uses `ps -ww` everywhere: Deno treats `/proc/<pid>/*` as
 * privileged and would need `--allow-all` to read it.
 */
export function commandLine(pid: number): string | undefined {
  try {
    const res = new Deno.Command("ps", {
      args: ["-ww", "-o", "args=", "-p", String(pid)],
      stdout: "piped",
      stderr: "null",
    }).outputSync();
    const text = new TextDecoder().decode(res.stdout).trim();
    return res.success && text.length > 0 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the recorded process still runs and is the one we started. */
export function isRunning(record: ProcessRecord): boolean {
  return commandLine(record.pid)?.includes(record.marker) ?? false;
}

/**
 * Starts `command args...` in its own session, so it outlives this program
 * and is not hit by the terminal's Ctrl+C; stdout and stderr are appended to
 * `logFile`. The shell `exec`s the command, so the pid is the command's own.
 */
export function spawnDetached(
  command: string,
  args: readonly string[],
  logFile: string,
): Deno.ChildProcess {
  const child = new Deno.Command("sh", {
    args: [
      "-c",
      'log="$1"; shift; exec "$@" >>"$log" 2>&1',
      "kafka-lab",
      logFile,
      command,
      ...args,
    ],
    // glibc gives each thread that allocates its own 64 MiB malloc arena; a
    // JVM's native allocations need two.
    env: { MALLOC_ARENA_MAX: "2" },
    stdin: "null",
    stdout: "null",
    stderr: "null",
    detached: true,
  }).spawn();
  child.unref();
  return child;
}

/**
 * Starts a recorded process again with its recorded command line; returns the
 * record with the new pid, and the child (to watch for an early exit).
 */
export function respawn(
  record: ProcessRecord,
): { record: ProcessRecord; child: Deno.ChildProcess } {
  if (!record.argv || record.argv.length === 0) {
    throw new Error(`no command line is recorded for ${record.name}`);
  }
  const [program, ...args] = record.argv;
  const child = spawnDetached(program, args, record.logFile);
  return { record: { ...record, pid: child.pid }, child };
}

/** The last `lines` lines of a text file (empty when unreadable). */
export function tailFile(path: string, lines = 20): string {
  try {
    const text = Deno.readTextFileSync(path);
    return text.trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Sends a signal; a process that is already gone is not an error. */
export function signal(pid: number, sig: Deno.Signal): void {
  try {
    Deno.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * Stops our processes: SIGTERM to each that still runs, up to `graceMs` for
 * them to exit, then SIGKILL. Returns the names of the processes that were
 * running, and of those that needed SIGKILL.
 */
export async function stopProcesses(
  records: readonly ProcessRecord[],
  options: { graceMs: number; out: Output },
): Promise<{ stopped: string[]; killed: string[] }> {
  const running = records.filter(isRunning);
  for (const r of running) signal(r.pid, "SIGTERM");
  const deadline = Date.now() + options.graceMs;
  while (running.some(isRunning) && Date.now() < deadline) {
    options.out.progress(
      "stop",
      localize(R.stoppingWait, options.out.lang, {
        names: running.filter(isRunning).map((r) => r.name).join(", "),
      }),
    );
    await sleep(200);
  }
  const killed = running.filter(isRunning);
  for (const r of killed) signal(r.pid, "SIGKILL");
  while (killed.some(isRunning)) await sleep(100);
  options.out.progressDone();
  return { stopped: running.map((r) => r.name), killed: killed.map((r) => r.name) };
}
