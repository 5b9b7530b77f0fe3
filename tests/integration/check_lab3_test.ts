/** `kafka-lab check lab3` on the real cluster: fails before lab 3, passes after its guided run. */
import assert from "node:assert/strict";
import { failsThenPasses, runOk } from "./check_support.ts";

Deno.test("check lab3 fails with hints on an empty cluster and passes after lab3's guided run", async () => {
  const { tasks } = await failsThenPasses("lab3", async (prefix) => {
    await runOk(["lab1", "--prefix", prefix, "--quiet"]);
    await runOk([
      "lab3",
      "--quiet",
      "--prefix",
      prefix,
      "--count",
      "8",
      "--rate",
      "20",
      "--linger-ms",
      "100",
    ]);
  });
  const dlq = tasks.find((t) => t.task === "bad-in-dlq")!;
  assert.match(dlq.evidence, /break the schema and each is in .*users_coordinates\.dlq/);
  assert.equal(tasks.find((t) => t.task === "dlq-used")!.pass, true);
  assert.equal(tasks.find((t) => t.task === "keys-are-ids")!.pass, true);
});
