/** `kafka-lab check lab4` on the real cluster: fails before lab 4, passes after its guided run. */
import assert from "node:assert/strict";
import {
  assertFailsBeforeWork,
  assertPassesAfterWork,
  removePrefix,
  runOk,
  uniquePrefix,
} from "./check_support.ts";

Deno.test("check lab4 fails with hints on an empty cluster and passes after lab4's guided run", async () => {
  const prefix = uniquePrefix();
  try {
    await assertFailsBeforeWork("lab4", prefix);
    await runOk(["lab1", "--prefix", prefix, "--quiet"]);
    await runOk([
      "lab4",
      "--quiet",
      "--prefix",
      prefix,
      "--count",
      "6",
      "--interval",
      "0",
    ]);
    const tasks = await assertPassesAfterWork("lab4", prefix);
    assert.match(tasks.find((t) => t.task === "message-models")!.evidence, /all 12 record\(s\)/);
  } finally {
    await removePrefix(prefix);
  }
});
