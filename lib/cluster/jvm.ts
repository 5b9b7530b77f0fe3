/**
 * The Java side of the java runtime: finding a Java 17+ on this machine, and
 * the exact command lines of a broker node and of the registry. `up` records
 * each command line in the state file, so `broker start N` (and `up` after a
 * node stopped) starts a node again exactly as it first ran, on its own data.
 * @module
 */
import { join } from "node:path";
import { KafkaLabError } from "../errors.ts";
import { KAFKA_VERSION } from "../version.ts";

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
  const install =
    "install Java 17 or newer (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless; " +
    "macOS: brew install openjdk@17) and set JAVA_HOME, or use Docker: kafka-lab up --runtime docker";
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(path, { args: ["-version"], stdout: "piped", stderr: "piped" })
      .output();
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      throw new KafkaLabError(
        env.JAVA_HOME
          ? `Java was not found at ${path} (from JAVA_HOME)`
          : "Java was not found: JAVA_HOME is not set and `java` is not on PATH",
        { hint: install },
      );
    }
    throw err;
  }
  const text = new TextDecoder().decode(output.stderr) + new TextDecoder().decode(output.stdout);
  const parsed = parseJavaVersion(text);
  if (!parsed) {
    throw new KafkaLabError(`could not read the version of ${path}: ${text.trim()}`, {
      hint: install,
    });
  }
  if (parsed.major < MIN_JAVA) {
    throw new KafkaLabError(
      `Kafka ${KAFKA_VERSION} needs Java ${MIN_JAVA} or newer; ${path} is Java ${parsed.version}`,
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
      "-Xms256m",
      "-Xmx512m",
      "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20",
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
  paths: { java: string; home: string; runnerJar: string },
  listen: { host: string; port: number },
): { argv: string[]; marker: string; dataDir: string } {
  const dataDir = join(paths.home, "registry");
  return {
    argv: [
      paths.java,
      "-Xms128m",
      "-Xmx512m",
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
