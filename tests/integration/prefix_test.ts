/**
 * The prefix is a setting like the others (`--prefix` > `KAFKA_LAB_PREFIX` >
 * `.env` > none), so every lab names what it makes behind it. Lab 5 once took
 * only its own `--prefix`, default "". Its retry part stops, kills and pauses
 * nothing, so it runs on the cluster under test; the names it reports in its
 * `--json` events are checked, whatever the events are called.
 */
import assert from "node:assert/strict";
import { events, runCli, unique } from "../helpers.ts";

/** Every string field of the events that names a topic or a group. */
function namesIn(evs: ReadonlyArray<Record<string, unknown>>): string[] {
  const keys = ["topic", "input", "output", "group", "dlq", "retry"];
  return evs.flatMap((e) => keys.flatMap((k) => typeof e[k] === "string" ? [e[k] as string] : []));
}

Deno.test("cli KAFKA_LAB_PREFIX names lab5's topics (retry part) behind the prefix", async () => {
  const pre = `${unique("prefix")}.`;
  const res = await runCli(["lab5", "retry", "--count", "20", "--delay-ms", "0", "--json"], {
    env: { KAFKA_LAB_PREFIX: pre },
    timeoutMs: 120_000,
  });
  assert.equal(res.code, 0, `exit ${res.code}\n${res.stderr}\n${res.stdout.slice(-2000)}`);
  const names = namesIn(events(res.stdout));
  assert.ok(names.length > 0, `no event names a topic:\n${res.stdout}`);
  for (const name of names) assert.ok(name.startsWith(`${pre}lab5.`), name);
});

Deno.test("cli --prefix wins over KAFKA_LAB_PREFIX for lab1 create", async () => {
  const flag = `${unique("prefix")}.`;
  const env = `${unique("prefix")}.`;
  const res = await runCli(["lab1", "create", "--topic", "t", "--prefix", flag, "--json"], {
    env: { KAFKA_LAB_PREFIX: env },
    timeoutMs: 60_000,
  });
  assert.equal(res.code, 0, `exit ${res.code}\n${res.stderr}`);
  const names = namesIn(events(res.stdout));
  assert.ok(names.includes(`${flag}t`), `lab1 create made ${flag}t: ${res.stdout}`);
  assert.ok(!names.some((n) => n.startsWith(env)), names.join(", "));
});
