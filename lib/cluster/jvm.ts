/**
 * The Java side of the java runtime: finding a Java 17+ on this machine, and
 * the exact command lines of a broker node and of the registry. `up` records
 * each command line in the state file, so `broker start N` (and `up` after a
 * node stopped) starts a node again exactly as it first ran, on its own data.
 * @module
 */
import { fillText } from "../i18n.ts";
import { RUNTIME_TEXT as R } from "./runtime_text.ts";
import { join } from "node:path";
import { KafkaLabError } from "../errors.ts";
import { KAFKA_VERSION } from "../version.ts";
import { BROKER_JVM_OPTIONS, REGISTRY_JVM_OPTIONS, REGISTRY_PROPERTIES } from "./tuning.ts";

/** The lowest Java feature release Kafka 4.x brokers run on. */
export const MIN_JAVA = 17;

/** A Java found on this machine. */
export interface JavaInfo {
  readonly path: string;
  readonly major: number;
  readonly version: string;
}

/** Reads the version out of `java -version` output (`openjdk version "17.0.15" ...`). */
export function parseJavaVersion(text: string): { major: number; version: string } | undefined {
  const m = /version "([^"]+)"/.exec(text);
  if (!m) return undefined;
  const version = m[1];
  const parts = version.split(/[.+_-]/).map((p) => Number.parseInt(p, 10));
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return Number.isFinite(major) ? { major, version } : undefined;
}

/** Finds `$JAVA_HOME/bin/java`, else `java` on PATH, and checks it is 17 or newer. */
export async function findJava(
  env: Readonly<Record<string, string | undefined>>,
): Promise<JavaInfo> {
  const path = env.JAVA_HOME ? join(env.JAVA_HOME, "bin", "java") : "java";
  const install = R.javaInstall;
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(path, { args: ["-version"], stdout: "piped", stderr: "piped" })
      .output();
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      throw new KafkaLabError(
        env.JAVA_HOME ? fillText(R.javaNotAt, { path }) : R.javaNotFound,
        { hint: install },
      );
    }
    throw err;
  }
  const text = new TextDecoder().decode(output.stderr) + new TextDecoder().decode(output.stdout);
  const parsed = parseJavaVersion(text);
  if (!parsed) {
    throw new KafkaLabError(fillText(R.javaVersionUnknown, { path, text: text.trim() }), {
      hint: install,
    });
  }
  if (parsed.major < MIN_JAVA) {
    throw new KafkaLabError(
      fillText(R.javaTooOld, {
        kafka: KAFKA_VERSION,
        min: MIN_JAVA,
        path,
        version: parsed.version,
      }),
      { hint: install },
    );
  }
  return { path, ...parsed };
}

/** Where a node's files live: `<home>/node-<id>`. */
export function nodeDir(home: string, id: number): string {
  return join(home, `node-${id}`);
}

/** What the command lines need to know. */
export interface JvmPaths {
  readonly java: string;
  /** The java runtime's folder (`<stateDir>/java`). */
  readonly home: string;
  readonly classpath: string;
  readonly log4jPath: string;
  /** Class-data sharing options (see `java.ts`), if any. */
  readonly cds?: readonly string[];
}

/**
 * The command line (program first) of broker node `id`. Its `server.properties`
 * path is unique to the node and serves as the marker that recognises the
 * process as ours.
 */
export function brokerCommand(paths: JvmPaths, id: number): { argv: string[]; marker: string } {
  const dir = nodeDir(paths.home, id);
  const props = join(dir, "server.properties");
  return {
    argv: [
      paths.java,
      ...BROKER_JVM_OPTIONS,
      ...(paths.cds ?? []),
      "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${paths.log4jPath}`,
      `-Dkafka.logs.dir=${dir}`,
      "-cp",
      paths.classpath,
      "kafka.Kafka",
      props,
    ],
    marker: props,
  };
}

/** The registry's command line (program first); its data folder is the marker. */
export function registryCommand(
  paths: { java: string; home: string; runnerJar: string; cds?: readonly string[] },
  listen: { host: string; port: number },
): { argv: string[]; marker: string; dataDir: string } {
  const dataDir = join(paths.home, "registry");
  return {
    argv: [
      paths.java,
      ...REGISTRY_JVM_OPTIONS,
      ...(paths.cds ?? []),
      ...REGISTRY_PROPERTIES.map(([k, v]) => `-D${k}=${v}`),
      `-Dquarkus.http.host=${listen.host}`,
      `-Dquarkus.http.port=${listen.port}`,
      `-Dapicurio.datasource.url=jdbc:h2:file:${join(dataDir, "db").replaceAll("\\", "/")}`,
      "-jar",
      paths.runnerJar,
    ],
    marker: dataDir,
    dataDir,
  };
}
