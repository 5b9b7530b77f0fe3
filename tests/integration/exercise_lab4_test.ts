/**
 * `kafka-lab exercise lab4` then `check lab4 --exercise` on the real cluster,
 * in both languages: the reference batch and single consumers pass (commits
 * per batch of at most 10 and per record, read from __consumer_offsets; no
 * record lost across a SIGKILL and a restart); each broken variant fails
 * exactly the criterion it breaks, with a hint.
 */
import { checkBothLanguages } from "./exercise_support.ts";

const LAB4 = {
  criteria: 5,
  variants: {
    reference: [],
    commit_at_end: ["batch.commits"],
    auto_commit: ["single.commits"],
    commit_first: ["batch.at-least-once"],
  },
};

Deno.test("check lab4 --exercise (TypeScript and Python side by side): the reference passes, each broken variant fails its criterion", async () => {
  await checkBothLanguages("lab4", LAB4);
});
