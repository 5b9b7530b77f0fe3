/**
 * Running a lab 5 worker as a child process that can be SIGKILLed: the child
 * is this same program (`kafka-lab lab5 worker ... --json`), and the parent
 * follows its JSON events line by line.
 * @module
 */
import type { Context } from "../../lib/context.ts";

/** An event a worker printed. */
export interface WorkerEvent {
  readonly event: string;
  readonly [key: string]: unknown;
}

/** A running worker. */
export interface Worker {
  /**
   * Resolves with the exit code, the signal's name, or `timeout` when the
   * watchdog had to kill it.
   */
  readonly exited: Promise<number | string>;
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
  const full = [
    "lab5",
    "worker",
    ...args,
    "--json",
    "--bootstrap-server",
    ctx.config.brokers.join(","),
  ];
  const { cmd, args: argv } = selfCommand(full);
  const child = new Deno.Command(cmd, {
    args: argv,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reading = (async () => {
    let rest = "";
    for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
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
  })();
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
  const exited = (async () => {
    const status = await child.status;
    clearTimeout(watchdog);
    await reading;
    const err = await stderr;
    if (!status.success && status.signal !== "SIGKILL" && err.trim()) {
      ctx.out.debug(`worker stderr: ${err.trim()}`);
    }
    if (timedOut) return "timeout";
    return status.signal ?? status.code;
  })();
  return { exited, kill };
}
