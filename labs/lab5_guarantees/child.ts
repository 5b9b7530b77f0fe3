/**
 * Running a lab 5 worker as a child process that can be SIGKILLed: the child
 * is this same program (`kafka-lab lab5 worker ... --json`), and the parent
 * follows its JSON events line by line.
 * @module
 */
import { CORE_EVENTS } from "../../lib/events.ts";
import type { Context } from "../../lib/context.ts";
import type { WorkerFailed } from "./steps.ts";

/** An event a worker printed. */
export interface WorkerEvent {
  readonly event: string;
  readonly [key: string]: unknown;
}

/** How a worker ended. */
export interface WorkerExit {
  /** The exit code, the signal's name, or `timeout` when the watchdog had to kill it. */
  readonly how: number | string;
  /** What it wrote to stderr, when it failed on its own (not killed). */
  readonly errors?: string;
}

/** A running worker. */
export interface Worker {
  readonly exited: Promise<WorkerExit>;
  /** SIGKILL: the crash being simulated. */
  kill(): void;
}

const PERMISSIONS = [
  "--allow-net",
  "--allow-env",
  "--allow-read",
  "--allow-write",
  "--allow-run",
  "--allow-sys",
];

/** The command line that runs this program with `args` (source or compiled). */
export function selfCommand(args: readonly string[]): { cmd: string; args: string[] } {
  const exe = Deno.execPath();
  if (Deno.build.standalone) return { cmd: exe, args: [...args] };
  const main = new URL("../../main.ts", import.meta.url);
  return { cmd: exe, args: ["run", ...PERMISSIONS, main.href, ...args] };
}

/** A worker that ended otherwise than planned, as a step to report. */
export function workerFailed(exit: WorkerExit): WorkerFailed {
  return { kind: "worker-failed", code: exit.how, errors: exit.errors };
}

/**
 * Starts `kafka-lab lab5 worker <args>` against the same cluster and hands
 * each JSON event it prints to `onEvent`.
 */
export function startWorker(
  ctx: Context,
  args: readonly string[],
  onEvent: (e: WorkerEvent) => void,
  timeoutMs = 180_000,
): Worker {
  const full = ["lab5", "worker", ...args, "--json", "--bootstrap-server"];
  const { cmd, args: argv } = selfCommand([...full, ctx.config.brokers.join(",")]);
  const child = new Deno.Command(cmd, {
    args: argv,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // With --json the worker reports its own error as an `error` event on stdout.
  const reported: string[] = [];
  const reading = forEachEvent(child.stdout, (e) => {
    if (e.event === CORE_EVENTS.error.name) {
      reported.push(`${e.message}${e.hint ? ` (${e.hint})` : ""}`);
    }
    onEvent(e);
  });
  const stderr = new Response(child.stderr).text();
  const kill = () => {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  };
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    kill();
  }, timeoutMs);
  const exited = (async (): Promise<WorkerExit> => {
    const status = await child.status;
    clearTimeout(watchdog);
    await reading;
    const err = [...reported, (await stderr).trim()].filter(Boolean).join("\n");
    const failed = !status.success && status.signal !== "SIGKILL" && err !== "";
    const how = timedOut ? "timeout" : status.signal ?? status.code;
    return failed ? { how, errors: err } : { how };
  })();
  return { exited, kill };
}

/** Hands each JSON line of `stdout` to `onEvent` (other lines are skipped). */
async function forEachEvent(
  stdout: ReadableStream<Uint8Array>,
  onEvent: (e: WorkerEvent) => void,
): Promise<void> {
  let rest = "";
  for await (const chunk of stdout.pipeThrough(new TextDecoderStream())) {
    rest += chunk;
    const lines = rest.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      try {
        onEvent(JSON.parse(line) as WorkerEvent);
      } catch {
        // not an event
      }
    }
  }
}
