/** `kafka-lab check lab4` on the real cluster: fails before lab 4, passes after its guided run. */
import assert from "node:assert/strict";
import { failsThenPasses, runOk } from "./check_support.ts";

Deno.test("check lab4 fails with hints on an empty cluster and passes after lab4's guided run", async () => {
  const { tasks } = await failsThenPasses("lab4", async (prefix) => {
    await runOk(["lab1", "--prefix", prefix, "--quiet"]);
    await runOk(["lab4", "--quiet", "--prefix", prefix, "--count", "6", "--interval", "0"]);
  });
  // Every task's evidence on failure: the spread task names each partition's record count.
  const all = tasks.map((t) => `${t.task}: ${t.evidence}`).join("\n");
  assert.match(tasks.find((t) => t.task === "message-models")!.evidence, /all 12 record\(s\)/, all);
});
