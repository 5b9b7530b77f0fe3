/**
 * The prefix is a setting like the others (`--prefix` > `KAFKA_LAB_PREFIX` >
 * `.env` > none), so every lab names what it makes behind it; the names a
 * command reports in its `--json` events are checked. Lab 5's side of this
 * lives in tests/faults/prefix_lab5_test.ts (lab 5 runs only on the fault
 * cluster).
 */
import assert from "node:assert/strict";
import { events, namesIn, runCli, unique } from "../helpers.ts";

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
