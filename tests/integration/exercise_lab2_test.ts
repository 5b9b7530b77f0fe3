/**
 * `kafka-lab exercise lab2` then `check lab2 --exercise` on the real cluster,
 * in both languages: the reference solution (tests/exercises/lab2/<lang>/
 * reference) passes every criterion; each broken variant fails exactly the
 * criteria it breaks, each with a hint (tests/integration/exercise_support.ts).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCli } from "../helpers.ts";
import { checkBothLanguages } from "./exercise_support.ts";

/** Each variant and the criteria it must fail (a missing commit breaks the re-run too). */
const LAB2 = {
  criteria: 8,
  variants: {
    reference: [],
    no_commit: ["consumer.committed", "consumer.again"],
    no_ack_wait: ["producer.acked"],
    wrong_text: ["producer.records"],
  },
};

Deno.test("check lab2 --exercise (TypeScript and Python side by side): the reference passes, each broken variant fails its criteria", async () => {
  await checkBothLanguages("lab2", LAB2);
});

Deno.test("check lab2 --exercise says how to install confluent-kafka when python lacks it (exit 2)", async () => {
  const root = await Deno.makeTempDir();
  try {
    const dir = join(root, "ex");
    assert.equal(
      (await runCli(["exercise", "lab2", "--language", "python", "--dir", dir])).code,
      0,
    );
    const manifest = JSON.parse(await Deno.readTextFile(join(dir, "exercise.json")));
    manifest.programs.producer[0] =
      manifest.programs.consumer[0] =
        "/nonexistent/kafka-lab/python3";
    await Deno.writeTextFile(join(dir, "exercise.json"), JSON.stringify(manifest));
    const r = await runCli(["check", "lab2", "--exercise", dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /confluent_kafka/);
    assert.match(r.stderr, /pip install confluent-kafka/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
