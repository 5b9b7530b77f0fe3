// deno-lint-ignore-file no-console
/**
 * `deno task test`: runs the unit and integration tests against a real
 * cluster. A cluster that already answers (one the user started) is used and
 * left running; otherwise the java runtime is started in a throw-away state
 * folder and stopped (and its data deleted) afterwards.
 *
 * Arguments are passed to `deno test` (default: tests/unit, tests/integration and
 * tests/answers; never tests/grade, which grades students: `deno task grade`;
 * `deno task test:interop` passes tests/interop).
 * The last line is the plain summary `tests: N passed, N failed`.
 * @module
 */
import { join } from "node:path";
import { JAVA_REGISTRY_URL } from "../lib/cluster/java.ts";
import { DEFAULT_BROKERS } from "../lib/config.ts";
import { probeTcp } from "../lib/net.ts";
import { MAIN, PERMISSION_FLAGS, ROOT } from "./helpers.ts";

const env = Deno.env.toObject();
const brokers = env.KAFKA_BROKERS ?? DEFAULT_BROKERS;

async function registryAt(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(3000) });
    const body = await res.text();
    return res.ok && body.trim().startsWith("[");
  } catch {
    return false;
  }
}

async function findRegistry(): Promise<string | undefined> {
  const candidates = env.SCHEMA_REGISTRY_URL
    ? [env.SCHEMA_REGISTRY_URL]
    : [JAVA_REGISTRY_URL, "http://localhost:8081"];
  for (const url of candidates) if (await registryAt(url)) return url;
  return undefined;
}

function say(text: string): void {
  console.error(`[test harness] ${text}`);
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

const firstBroker = brokers.split(",")[0].trim();
let registryUrl = (await probeTcp(firstBroker, 3000)).ok ? await findRegistry() : undefined;
let startedStateDir: string | undefined;

if (registryUrl) {
  say(`using the cluster that answers at ${brokers} with the registry at ${registryUrl}`);
} else {
  startedStateDir = join(await Deno.makeTempDir({ prefix: "kafka-lab-test-" }), "state");
  say(`no cluster answers at ${brokers}; starting the java runtime (state in ${startedStateDir})`);
  const started = performance.now();
  const code = await cli(["up", "--runtime", "java"], { KAFKA_LAB_STATE_DIR: startedStateDir });
  if (code !== 0) {
    say(`kafka-lab up failed with exit code ${code}`);
    console.log("tests: 0 passed, 1 failed");
    Deno.exit(1);
  }
  say(`cluster up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  registryUrl = JAVA_REGISTRY_URL;
}

const junit = join(await Deno.makeTempDir({ prefix: "kafka-lab-junit-" }), "report.xml");
const testArgs = Deno.args.length > 0
  ? Deno.args
  : ["tests/unit", "tests/integration", "tests/answers"];
const started = performance.now();
const result = await new Deno.Command(Deno.execPath(), {
  args: ["test", ...PERMISSION_FLAGS, `--junit-path=${junit}`, ...testArgs],
  env: {
    KAFKA_BROKERS: brokers,
    SCHEMA_REGISTRY_URL: registryUrl,
    ...(startedStateDir ? { KAFKA_LAB_STATE_DIR: startedStateDir } : {}),
  },
  cwd: ROOT,
  stdin: "null",
  stdout: "inherit",
  stderr: "inherit",
}).output();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

let harnessFailures = 0;
if (startedStateDir) {
  say("stopping the cluster this run started");
  const env = { KAFKA_LAB_STATE_DIR: startedStateDir };
  const first = await cli(["down", "--purge"], env);
  // `down` twice is harmless: the second finds nothing and exits 0.
  const second = await cli(["down"], env);
  if (first !== 0 || second !== 0) {
    say(`kafka-lab down exited ${first}, then ${second}; both should be 0`);
    harnessFailures++;
  }
}

let passed = 0;
let failed = 0;
try {
  const xml = await Deno.readTextFile(junit);
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  for (const c of cases) {
    if (/<(failure|error)\b/.test(c)) failed++;
    else if (!/<skipped\b/.test(c)) passed++;
  }
} catch {
  failed = Math.max(failed, 1);
}
if (result.code !== 0 && failed === 0) failed = 1;
failed += harnessFailures;
say(`deno test took ${seconds} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
Deno.exit(result.code !== 0 ? result.code : harnessFailures > 0 ? 1 : 0);
