/**
 * Kafka's own command-line tools (`org.apache.kafka.tools.*` from the pinned
 * kafka-tools jar) on this machine's Java: the classpath, downloaded and
 * checked once like the broker's jars, and a runner that captures output.
 *
 * @example
 * ```ts
 * const classpath = await kafkaToolsClasspath({ cacheDir, out });
 * const r = await runKafkaTool(java, classpath, "org.apache.kafka.tools.TopicCommand",
 *   ["--bootstrap-server", "localhost:19092", "--list"]);
 * ```
 * @module
 */
import { delimiter } from "node:path";
import { KAFKA_JARS, KAFKA_TOOLS_JARS } from "./artifacts.ts";
import { type DownloadOptions, ensureArtifacts } from "./download.ts";

/** The JVM flags for a short-lived tool: quick start, small heap (log4j2 logs errors only). */
export const TOOL_JVM_FLAGS: readonly string[] = [
  "-XX:TieredStopAtLevel=1",
  "-XX:+UseSerialGC",
  "-Xmx256m",
  "-Djava.awt.headless=true",
];

/** The classpath of Kafka's tools (broker jars plus kafka-tools), fetched when missing. */
export async function kafkaToolsClasspath(options: DownloadOptions): Promise<string> {
  const paths = await ensureArtifacts([...KAFKA_JARS, ...KAFKA_TOOLS_JARS], options);
  return paths.join(delimiter);
}

/** Runs one tool's main class; resolves with its exit code and output. */
export async function runKafkaTool(
  java: string,
  classpath: string,
  mainClass: string,
  args: readonly string[],
  options: { signal?: AbortSignal; jvmFlags?: readonly string[] } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const res = await new Deno.Command(java, {
    args: [...(options.jvmFlags ?? TOOL_JVM_FLAGS), "-cp", classpath, mainClass, ...args],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: options.signal,
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: res.code, stdout: decode(res.stdout), stderr: decode(res.stderr) };
}
