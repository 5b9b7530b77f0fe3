/**
 * Shared test helpers: the permission flags of the compiled binary, running
 * the real CLI as a subprocess, unique names, a silent output, and the
 * configuration of the cluster under test. Importing it deletes, after each
 * test, what the test made (tests/cleanup.ts).
 * @module
 */
import { fileURLToPath as fromFileUrl } from "node:url";
import { eventsByName } from "../docs/events.ts";
import { type Config, resolveConfig } from "../lib/config.ts";
import { eventProblem } from "../lib/events.ts";
import { KafkaClients } from "../lib/kafka/clients.ts";
import { Output, type Sink } from "../lib/output.ts";
import { ensureTopic } from "../lib/kafka/topics.ts";
import { remember } from "./cleanup.ts";

export { cleanUp, type Made } from "./cleanup.ts";

/** The flags `deno task compile` gives the binary; CLI tests run main.ts with the same. */
export const PERMISSION_FLAGS = [
  "--allow-net",
  "--allow-env",
  "--allow-read",
  "--allow-write",
  "--allow-run",
  "--allow-sys",
] as const;

/** The repository root. */
export const ROOT = fromFileUrl(new URL("..", import.meta.url));
/** The program's entry point. */
export const MAIN = fromFileUrl(new URL("../main.ts", import.meta.url));

/** What one run of the CLI produced. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of the run. */
  readonly ms: number;
}

/** Options of {@linkcode runCli}. */
export interface CliOptions {
  readonly env?: Record<string, string>;
  /** Kill the process after this long (it then fails the test through its exit code). */
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

/** Runs `deno run <flags> main.ts ...args` and collects its output. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return runDeno(["run", ...PERMISSION_FLAGS, MAIN, ...args], options, 120_000);
}

/** Runs `deno ...denoArgs` (no stdin, `NO_COLOR=1`) and collects its output. */
export async function runDeno(
  denoArgs: readonly string[],
  options: CliOptions,
  defaultTimeoutMs: number,
): Promise<CliResult> {
  const started = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: [...denoArgs],
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd ?? ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
    ms: performance.now() - started,
  };
}

/** A `--json` event as a test reads it. */
export type Event = Record<string, unknown> & { event: string };

const DECLARED = eventsByName();

/**
 * Parses one `--json` line and checks it against the catalogues: a test that
 * meets an undeclared event, or a field its catalogue does not declare or
 * types otherwise, fails here (so docs/events.md tells the truth).
 */
export function parseEvent(line: string): Event {
  const e = JSON.parse(line) as Event;
  const def = DECLARED.get(e.event);
  if (!def) {
    throw new Error(`undeclared event ${e.event} (declare it in its command's events.ts): ${line}`);
  }
  const problem = eventProblem(def, e);
  if (problem) throw new Error(`event ${e.event} does not fit its catalogue: ${problem}: ${line}`);
  return e;
}

/** Parses `--json` output: one event per line, each checked by {@linkcode parseEvent}. */
export function events(stdout: string): Event[] {
  return stdout.split("\n").filter((l) => l.trim().startsWith("{")).map(parseEvent);
}

/**
 * A name no other test uses: `prefix-<uuid>`. Topics, groups and subjects
 * starting with it are deleted after the test (tests/cleanup.ts).
 */
export function unique(prefix: string): string {
  return remember(`${prefix}-${crypto.randomUUID()}`);
}

/** An output that keeps what it prints, for assertions. */
export function captureOutput(
  options: { json?: boolean; quiet?: boolean; verbose?: boolean } = {},
): { out: Output; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink: Sink = {
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    errIsTerminal: false,
  };
  const out = new Output({
    json: options.json ?? false,
    quiet: options.quiet ?? false,
    verbose: options.verbose ?? false,
    color: false,
  }, sink);
  return { out, stdout, stderr };
}

/** The configuration of the cluster under test (KAFKA_BROKERS / SCHEMA_REGISTRY_URL from the harness). */
export function clusterConfig(): Config {
  return resolveConfig({ flags: {}, env: Deno.env.toObject(), dotenv: {}, os: Deno.build.os });
}

/** A loopback port nothing listens on (bound, then released). */
export function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** A running kafka-lab process whose `--json` events are read as they come. */
export class CliProcess {
  readonly #child: Deno.ChildProcess;
  readonly #started = performance.now();
  readonly events: Array<Record<string, unknown> & { event: string }> = [];
  readonly #problems: Error[] = [];
  #stdout = "";
  readonly #reading: Promise<void>;
  readonly #stderr: Promise<string>;

  constructor(args: readonly string[], options: CliOptions = {}) {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", ...PERMISSION_FLAGS, MAIN, ...args],
      env: { NO_COLOR: "1", ...options.env },
      cwd: options.cwd ?? ROOT,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#child = child;
    this.#reading = (async () => {
      for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
        this.#stdout += chunk;
        const lines = this.#stdout.split("\n");
        this.#stdout = lines.pop()!;
        for (const line of lines) {
          if (!line.trim().startsWith("{")) continue;
          try {
            this.events.push(parseEvent(line));
          } catch (err) {
            this.#problems.push(err as Error);
          }
        }
      }
    })();
    this.#stderr = new Response(child.stderr).text();
  }

  /** Waits until an event matching `test` has arrived (or fails after `timeoutMs`). */
  async waitFor(
    test: (e: Record<string, unknown> & { event: string }) => boolean,
    timeoutMs = 60_000,
  ): Promise<Record<string, unknown> & { event: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.#problems.length > 0) throw this.#problems[0];
      const found = this.events.find(test);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no matching event within ${timeoutMs} ms; got ${
            this.events.map((e) => e.event).join(", ")
          }`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends a signal (SIGINT = Ctrl+C). */
  kill(signal: Deno.Signal): void {
    this.#child.kill(signal);
  }

  /** Waits for the exit; returns the code, all stdout events and stderr. */
  async finish(): Promise<
    CliResult & { events: Array<Record<string, unknown> & { event: string }> }
  > {
    const status = await this.#child.status;
    await this.#reading;
    const stderr = await this.#stderr;
    if (this.#problems.length > 0) throw this.#problems[0];
    return {
      code: status.code,
      stdout: "",
      stderr,
      ms: performance.now() - this.#started,
      events: this.events,
    };
  }
}

/** Creates a topic with a unique name (prefix-uuid) through lib/kafka/topics.ts and returns the name. */
export async function createTopic(
  prefix: string,
  partitions: number,
  replicationFactor: number,
  configs?: Record<string, string>,
): Promise<string> {
  const name = unique(prefix);
  const kafka = new KafkaClients(clusterConfig(), captureOutput().out);
  await kafka.withAdmin((admin) =>
    ensureTopic(admin, { name, partitions, replicationFactor, configs })
  );
  return name;
}

/** Every string field of the events that names a topic or a group. */
export function namesIn(evs: ReadonlyArray<Record<string, unknown>>): string[] {
  const keys = ["topic", "input", "output", "group", "dlq", "retry"];
  return evs.flatMap((e) => keys.flatMap((k) => typeof e[k] === "string" ? [e[k] as string] : []));
}
