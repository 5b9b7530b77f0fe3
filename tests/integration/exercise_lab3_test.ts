/**
 * `kafka-lab exercise lab3` then `check lab3 --exercise` on the real cluster
 * and registry, in both languages: the reference producer and consumer pass
 * (schema registered, wire format keyed by id, no record that breaks the
 * schema; every good record read past the grader's poison ones); each broken
 * variant fails exactly the criteria it breaks, with a hint.
 */
import { checkBothLanguages } from "./exercise_support.ts";

const LAB3 = {
  criteria: 8,
  variants: {
    reference: [],
    no_validation: ["producer.valid"],
    accepts_missing_field: ["consumer.poison"],
    stops_on_poison: ["consumer.ran", "consumer.good", "consumer.committed"],
  },
};

Deno.test("check lab3 --exercise (TypeScript and Python side by side): the reference passes, each broken variant fails its criteria", async () => {
  await checkBothLanguages("lab3", LAB3);
});
