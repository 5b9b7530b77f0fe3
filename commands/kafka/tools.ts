/**
 * Runs one of Kafka's command-line tools on this machine's Java with the
 * terminal attached (so `kafka-console-producer` reads what the user types and
 * Ctrl+C reaches the tool), from the pinned 4.1.1 jars in the cache.
 *
 * @example
 * ```ts
 * withBootstrap(tool, ["--list"], ["localhost:19092"]);
 * // ["--bootstrap-server", "localhost:19092", "--list"]
 * ```
 * @module
 */
import { join } from "node:path";
import { kafkaToolsClasspath, TOOL_JVM_FLAGS } from "../../lib/cluster/tools.ts";
import { findJava } from "../../lib/cluster/jvm.ts";
import type { KafkaTool } from "./list.ts";
import type { Context } from "../../lib/context.ts";
import log4jConfig from "./tools_log4j2.properties" with { type: "text" };

/** Arguments that only ask a tool about itself: no cluster needed. */
const SELF_ONLY = new Set(["--help", "-h", "--version"]);

/**
 * The tool's arguments with the cluster's address added when the user gave
 * none: `--bootstrap-server` for most tools, `bootstrap.servers` in
 * `--producer-props` for the producer performance test.
 */
export function withBootstrap(
  tool: KafkaTool,
  args: readonly string[],
  brokers: readonly string[],
): string[] {
  const list = brokers.join(",");
  if (args.some((a) => SELF_ONLY.has(a))) return [...args];
  if (tool.bootstrap === "bootstrap-server") {
    const given = args.some((a) =>
      /^--bootstrap-(server|controller)(=|$)/.test(a) || a === "--broker-list"
    );
    return given ? [...args] : ["--bootstrap-server", list, ...args];
  }
  if (tool.bootstrap === "producer-props") {
    if (args.some((a) => a.startsWith("bootstrap.servers=") || a === "--producer.config")) {
      return [...args];
    }
    const i = args.indexOf("--producer-props");
    return i < 0
      ? [...args, "--producer-props", `bootstrap.servers=${list}`]
      : [...args.slice(0, i + 1), `bootstrap.servers=${list}`, ...args.slice(i + 1)];
  }
  return [...args];
}

/** Writes the tools' log4j2 config into the cache (once) and returns its path. */
async function log4jPath(cacheDir: string): Promise<string> {
  const path = join(cacheDir, "tools-log4j2.properties");
  let current: string | undefined;
  try {
    current = await Deno.readTextFile(path);
  } catch {
    current = undefined;
  }
  if (current !== log4jConfig) {
    await Deno.mkdir(cacheDir, { recursive: true });
    await Deno.writeTextFile(path, log4jConfig);
  }
  return path;
}

/** Runs `tool` with `args`; resolves with the tool's exit code. */
export async function runTool(
  ctx: Context,
  tool: KafkaTool,
  args: readonly string[],
): Promise<number> {
  // JAVA_HOME is Java's own convention, not a kafka-lab setting: read where Java is found.
  const java = await findJava(Deno.env.toObject());
  const classpath = await kafkaToolsClasspath({
    cacheDir: ctx.config.cacheDir,
    out: ctx.out,
    signal: ctx.signal,
    repoUrl: ctx.config.mavenRepo,
  });
  const child = new Deno.Command(java.path, {
    args: [
      ...TOOL_JVM_FLAGS,
      `-Dlog4j2.configurationFile=${await log4jPath(ctx.config.cacheDir)}`,
      "-cp",
      classpath,
      tool.mainClass,
      ...withBootstrap(tool, args, ctx.config.brokers),
    ],
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  // Ctrl+C in a terminal reaches the tool by itself; a SIGTERM sent to
  // kafka-lab alone is passed on, so the tool never outlives it.
  const onStop = () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // already gone
    }
  };
  ctx.signal.addEventListener("abort", onStop, { once: true });
  try {
    const status = await child.status;
    return status.signal ? 128 + signalNumber(status.signal) : status.code;
  } finally {
    ctx.signal.removeEventListener("abort", onStop);
  }
}

function signalNumber(signal: Deno.Signal): number {
  return signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : signal === "SIGKILL" ? 9 : 1;
}
