/** `kafka-lab check lab1` on the real cluster: fails before lab 1, passes after its guided run. */
import assert from "node:assert/strict";
import { failsThenPasses, runOk } from "./check_support.ts";

Deno.test("check lab1 fails with hints on an empty cluster and passes after lab1's guided run", async () => {
  const { prefix, tasks } = await failsThenPasses(
    "lab1",
    (prefix) => runOk(["lab1", "--prefix", prefix, "--quiet"]),
  );
  const coords = tasks.find((t) => t.task === "topic-users_coordinates")!;
  assert.match(
    coords.evidence,
    new RegExp(`${prefix}users_coordinates: 6 partition\\(s\\), RF 2`),
  );
  assert.match(coords.evidence, /min\.insync\.replicas=1/);
});
