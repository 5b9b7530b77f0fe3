/**
 * Shared test helpers: the permission flags of the compiled binary, running
 * the real CLI as a subprocess, unique names, a silent output, and the
 * configuration of the cluster under test.
 * @module
 */
import { fileURLToPath as fromFileUrl } from "node:url";
import { type Config, resolveConfig } from "../lib/config.ts";
import { Output, type Sink } from "../lib/output.ts";

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
export async function runCli(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  const started = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSION_FLAGS, MAIN, ...args],
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd ?? ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
    ms: performance.now() - started,
  };
}

/** Parses `--json` output: one event per line. */
export function events(stdout: string): Array<Record<string, unknown> & { event: string }> {
  return stdout.split("\n").filter((l) => l.trim().startsWith("{")).map((l) => JSON.parse(l));
}

/** A name no other test uses: `prefix-<uuid>`. */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
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
