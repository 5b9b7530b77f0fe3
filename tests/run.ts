// deno-lint-ignore-file no-console
/**
 * `deno task test` and `deno task test:faults`: run `deno test` against a real
 * cluster and close with one summary line.
 *
 * - `deno task test` (tests/unit, tests/integration, tests/answers, test files
 *   in parallel, one per core): a cluster that already answers (one the user
 *   started) is used and left running; no test in these folders stops, kills or
 *   pauses a broker (tests/unit/test_tiers_test.ts checks). When none answers,
 *   the java runtime is started in a throw-away state folder and stopped (and
 *   its data deleted) afterwards.
 * - `deno task test:faults` (`--faults`, tests/faults): ALWAYS starts a cluster
 *   of its own in a throw-away state folder, on ports no one uses
 *   (`KAFKA_LAB_PORT_BASE`: 29092, 30092, ... or `KAFKA_LAB_TEST_PORT_BASE`),
 *   so a user's cluster on the default ports is never touched; the tests there
 *   kill, stop and restart its brokers. It is stopped and deleted afterwards. A
 *   fault test that is ignored fails the run (each one must run on that cluster).
 *
 * Other arguments are passed to `deno test` instead of the default folders
 * (`deno task test:interop` passes tests/interop); tests/grade is never run here
 * (`deno task grade`). The last line is the plain summary
 * `tests: N passed, N failed, N ignored; wall time S s`.
 * @module
 */
import { join } from "node:path";
import { JAVA_REGISTRY_URL } from "../lib/cluster/java.ts";
import { nodeLayout, portsFromBase, requiredPorts } from "../lib/cluster/kraft.ts";
import { readState } from "../lib/cluster/state.ts";
import { DEFAULT_BROKERS } from "../lib/config.ts";
import { portIsFree, probeTcp } from "../lib/net.ts";
import { MAIN, PERMISSION_FLAGS, ROOT } from "./helpers.ts";

const wallStarted = performance.now();
const FAULTS = Deno.args[0] === "--faults";
const passThrough = FAULTS ? Deno.args.slice(1) : Deno.args;
const env = Deno.env.toObject();

/** The cluster the tests run against, and the state folder when this run started it. */
interface Cluster {
  readonly brokers: string;
  readonly registryUrl: string;
  readonly startedStateDir?: string;
  /** What the tests get besides the brokers and the registry. */
  readonly env: Record<string, string>;
}

function say(text: string): void {
  console.error(`[test harness] ${text}`);
}

function secondsSince(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

async function cli(args: string[], extraEnv: Record<string, string>): Promise<number> {
  const res = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSION_FLAGS, MAIN, ...args],
    env: extraEnv,
    cwd: ROOT,
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return res.code;
}

async function registryAt(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(3000) });
    const body = await res.text();
    return res.ok && body.trim().startsWith("[");
  } catch {
    return false;
  }
}

/** A cluster that answers at the configured brokers, with its registry; undefined when none. */
async function runningCluster(): Promise<Cluster | undefined> {
  const brokers = env.KAFKA_BROKERS || DEFAULT_BROKERS;
  if (!(await probeTcp(brokers.split(",")[0].trim(), 3000)).ok) return undefined;
  const candidates = env.SCHEMA_REGISTRY_URL
    ? [env.SCHEMA_REGISTRY_URL]
    : [JAVA_REGISTRY_URL, "http://localhost:8081"];
  for (const url of candidates) {
    if (await registryAt(url)) return { brokers, registryUrl: url, env: {} };
  }
  return undefined;
}

/** The first port base (of `candidates`) whose brokers, controllers and registry ports are all free. */
function freePortBase(candidates: number[]): number | undefined {
  return candidates.find((base) => {
    const ports = portsFromBase(base);
    return requiredPorts(nodeLayout(3, ports), ports.registry).every((p) => portIsFree(p.port));
  });
}

/** Starts the java runtime in a new temporary state folder; undefined when `up` failed. */
async function startCluster(portBase?: number): Promise<Cluster | undefined> {
  const stateDir = join(await Deno.makeTempDir({ prefix: "kafka-lab-test-" }), "state");
  const upEnv: Record<string, string> = {
    KAFKA_LAB_STATE_DIR: stateDir,
    KAFKA_LAB_PORT_BASE: portBase === undefined ? "" : String(portBase),
  };
  const where = portBase === undefined ? "" : `, ports from ${portBase}`;
  say(`starting the java runtime (state in ${stateDir}${where})`);
  const started = performance.now();
  const code = await cli(["up", "--runtime", "java"], upEnv);
  const state = readState(stateDir);
  if (code !== 0 || !state) {
    say(`kafka-lab up failed with exit code ${code}`);
    if (state) await stopCluster(stateDir);
    return undefined;
  }
  say(`cluster up in ${secondsSince(started)} s`);
  return {
    brokers: state.brokers.map((b) => b.address).join(","),
    registryUrl: state.registryUrl,
    startedStateDir: stateDir,
    env: upEnv,
  };
}

/** Stops and deletes a cluster this run started; returns the number of failures (0 or 1). */
async function stopCluster(stateDir: string): Promise<number> {
  say("stopping the cluster this run started");
  const downEnv = { KAFKA_LAB_STATE_DIR: stateDir };
  const first = await cli(["down", "--purge"], downEnv);
  // `down` twice is harmless: the second finds nothing and exits 0.
  const second = await cli(["down"], downEnv);
  if (first === 0 && second === 0) return 0;
  say(`kafka-lab down exited ${first}, then ${second}; both should be 0`);
  return 1;
}

/** The cluster of this run: the fault task's own, or the running one, or a new one. */
async function clusterForRun(): Promise<Cluster | undefined> {
  if (FAULTS) {
    const wanted = Number(env.KAFKA_LAB_TEST_PORT_BASE);
    const base = freePortBase(wanted > 0 ? [wanted] : [29092, 30092, 31092, 32092, 33092]);
    if (base === undefined) {
      say("no free port range for the fault cluster (set KAFKA_LAB_TEST_PORT_BASE)");
      return undefined;
    }
    const cluster = await startCluster(base);
    // The fault tests refuse to touch any other cluster than the one named here.
    return cluster && {
      ...cluster,
      env: { ...cluster.env, KAFKA_LAB_FAULT_CLUSTER: cluster.startedStateDir! },
    };
  }
  const running = await runningCluster();
  if (running) {
    say(`using the cluster that answers at ${running.brokers} (registry ${running.registryUrl})`);
    return running;
  }
  say(`no cluster answers at ${env.KAFKA_BROKERS || DEFAULT_BROKERS}`);
  return await startCluster();
}

/** Counts the test cases of a JUnit report. */
async function countJunit(
  path: string,
): Promise<{ passed: number; failed: number; ignored: number }> {
  const counts = { passed: 0, failed: 0, ignored: 0 };
  const xml = await Deno.readTextFile(path);
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  for (const c of cases) {
    if (/<(failure|error)\b/.test(c)) counts.failed++;
    else if (/<skipped\b/.test(c)) counts.ignored++;
    else counts.passed++;
  }
  return counts;
}

/** Runs `deno test` on the cluster; returns its exit code and the JUnit report's path. */
async function denoTest(cluster: Cluster): Promise<{ code: number; junit: string }> {
  const junit = join(await Deno.makeTempDir({ prefix: "kafka-lab-junit-" }), "report.xml");
  const folders = FAULTS ? ["tests/faults"] : ["tests/unit", "tests/integration", "tests/answers"];
  const testArgs = passThrough.length > 0 ? passThrough : folders;
  // Test files run side by side (one per core), each with its own names; the fault tests one
  // after another, since each of them stops brokers of the one cluster.
  const parallel = FAULTS ? [] : ["--parallel"];
  const started = performance.now();
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["test", ...PERMISSION_FLAGS, ...parallel, `--junit-path=${junit}`, ...testArgs],
    env: {
      KAFKA_LAB_FAULT_CLUSTER: "",
      ...cluster.env,
      KAFKA_BROKERS: cluster.brokers,
      SCHEMA_REGISTRY_URL: cluster.registryUrl,
    },
    cwd: ROOT,
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  say(`deno test took ${secondsSince(started)} s`);
  return { code: result.code, junit };
}

function summary(counts: { passed: number; failed: number; ignored: number }): string {
  const { passed, failed, ignored } = counts;
  const wall = secondsSince(wallStarted);
  return `tests: ${passed} passed, ${failed} failed, ${ignored} ignored; wall time ${wall} s`;
}

// Ctrl+C reaches `deno test` as well; this process waits for it to end and stops its cluster.
if (Deno.build.os !== "windows") {
  Deno.addSignalListener("SIGINT", () => say("interrupted; stopping once deno test has ended"));
}
const cluster = await clusterForRun();
if (!cluster) {
  console.log(summary({ passed: 0, failed: 1, ignored: 0 }));
  Deno.exit(1);
}
let code = 1;
let counts = { passed: 0, failed: 0, ignored: 0 };
try {
  const run = await denoTest(cluster);
  code = run.code;
  counts = await countJunit(run.junit).catch(() => ({ passed: 0, failed: 1, ignored: 0 }));
} finally {
  if (cluster.startedStateDir) {
    const failures = await stopCluster(cluster.startedStateDir);
    counts.failed += failures;
    if (failures > 0 && code === 0) code = 1;
  }
}
if (code !== 0 && counts.failed === 0) counts.failed = 1;
if (FAULTS && counts.ignored > 0) {
  say(`${counts.ignored} fault test(s) ignored: each must run on the cluster this task started`);
  if (code === 0) code = 1;
}
console.log(summary(counts));
Deno.exit(code);
