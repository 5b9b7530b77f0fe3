/**
 * The two test tasks keep their promise. `deno task test` runs on whatever
 * cluster answers, often a student's own: nothing it runs (tests/unit,
 * tests/integration, tests/answers and the helpers they import) stops, kills,
 * pauses or restarts a broker, runs lab 5 (which does), or starts a cluster of
 * its own. Those tests live in tests/faults, run by `deno task test:faults` on a
 * cluster that task starts, and each of them refuses any other cluster.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { ROOT } from "../helpers.ts";

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of Deno.readDirSync(join(ROOT, dir))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) files.push(...sources(path));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files.sort();
}

/** What only a fault test may do, each with a pattern that finds it in a source file. */
const FAULT_ONLY: Array<[string, RegExp]> = [
  [
    "broker control from lib/cluster",
    /lib\/cluster\/(mod|brokers|pause)\.ts["'][\s\S]*\b(stopBroker|startBroker|pauseBroker)\s*\(/,
  ],
  ["broker SIGKILL and restart helpers", /\b(killBroker|restartBroker)\s*\(|broker_faults\.ts/],
  [
    "`kafka-lab broker stop|kill|start|pause`",
    /["']broker["']\s*,\s*["'](stop|kill|start|pause)["']/,
  ],
  ["`kafka-lab lab5`", /\[\s*["']lab5["']\s*[,\]]/],
  ["a paused process", /SIGSTOP|SIGTSTP/],
  ["a cluster of its own", /new JavaRuntime\s*\(/],
];

Deno.test("nothing deno task test runs stops, kills or pauses a broker, runs lab 5 or starts a cluster", () => {
  const files = [
    ...["tests/unit", "tests/integration", "tests/answers"].flatMap(sources),
    ...sources("tests").filter((f) => !f.includes("/", "tests/".length)),
  ].filter((f) => f !== "tests/unit/test_tiers_test.ts" && f !== "tests/run.ts");
  assert.ok(files.length > 50, `${files.length} files read`);
  const found: string[] = [];
  for (const file of files) {
    const text = Deno.readTextFileSync(join(ROOT, file));
    for (const [what, pattern] of FAULT_ONLY) {
      if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
  }
  assert.deepEqual(found, [], "move these tests to tests/faults");
});

Deno.test("each fault test runs only on the cluster test:faults started, or on one it starts itself", () => {
  const tests = sources("tests/faults").filter((f) => f.endsWith("_test.ts"));
  assert.ok(tests.length >= 5, tests.join(", "));
  for (const file of tests) {
    const text = Deno.readTextFileSync(join(ROOT, file));
    const guarded = /ignore: !isFaultCluster\(config\)|const ignore = !isFaultCluster\(config\)/
      .test(text);
    // Its own cluster: started in-process on its own ports, or by `kafka-lab up`
    // processes in a throw-away state folder on their own port base.
    const ownCluster = (/new JavaRuntime\(/.test(text) && /ports/.test(text)) ||
      (/KAFKA_LAB_PORT_BASE/.test(text) && /KAFKA_LAB_STATE_DIR: stateDir/.test(text) &&
        /makeTempDir/.test(text));
    assert.ok(guarded || ownCluster, `${relative("tests", file)} has no guard`);
    if (ownCluster) continue;
    assert.doesNotMatch(text, /Deno\.test\(\s*["'`]/, `${file}: every test takes the guard`);
    const tests = [...text.matchAll(/Deno\.test\(\{[\s\S]*?\n\s*(ignore\b|async fn\b|fn\b)/g)];
    assert.ok(tests.length > 0, file);
    for (const t of tests) assert.equal(t[1], "ignore", `${file}: a test without the guard`);
  }
});

Deno.test("deno task test leaves tests/faults out; deno task test:faults runs them on its own cluster", () => {
  const tasks = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json"))).tasks;
  assert.match(tasks.test.command, /tests\/run\.ts$/);
  assert.match(tasks["test:faults"].command, /tests\/run\.ts --faults$/);
  const run = Deno.readTextFileSync(join(ROOT, "tests/run.ts"));
  assert.match(run, /\["tests\/unit", "tests\/integration", "tests\/answers"\]/);
  assert.match(run, /FAULTS \? \["tests\/faults"\]/);
});
