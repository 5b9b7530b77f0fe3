/** `kafka-lab report` on the real cluster: the settings the brokers report, and an exercise folder. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { events, runCli, unique } from "../helpers.ts";

Deno.test("report lab2 --exercise shows the brokers' settings, the code and its check results", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "report-exercise-" });
  try {
    Deno.writeTextFileSync(join(dir, "consumer.py"), "print('consumer')\n");
    Deno.writeTextFileSync(
      join(dir, "check-results.json"),
      JSON.stringify({ verdicts: [{ id: "consumer.commits", pass: false, evidence: "none" }] }),
    );
    const prefix = `${unique("report")}.`;
    const r = await runCli(["report", "lab2", "--prefix", prefix, "--exercise", dir, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const [done] = events(r.stdout).filter((e) => e.event === "report.done");
    const md = String(done.markdown);
    assert.match(md, /### Settings in use\n\n- Apache Kafka 4\.1\.1/);
    assert.match(md, /Read from broker \d+ \(DescribeConfigs\):/);
    assert.match(md, /\| min\.insync\.replicas \| \d+ \|/);
    assert.match(md, /\| default\.replication\.factor \| \d+ \|/);
    assert.match(md, /\| ✗ \| consumer\.commits \| none \| - \|/);
    assert.match(md, /#### consumer\.py\n\n```python\nprint\('consumer'\)\n```/);
    assert.match(md, /Exercise check: 0 of 1 criteria passed\./);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("report --exercise with a folder that does not exist is a usage error (exit 2), in Russian too", async () => {
  const r = await runCli(["report", "lab2", "--exercise", "/no/such/folder", "--lang", "ru"]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /не удаётся прочитать папку упражнения \/no\/such\/folder/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
});
