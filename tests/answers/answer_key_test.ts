/**
 * The answer key and its proofs stay together: every `provenBy` names a test
 * here, or, for behaviour only a stopped or killed broker shows (lab 5), in
 * tests/faults/ (run by `deno task test:faults` on a cluster of its own).
 */
import assert from "node:assert/strict";
import { ANSWER_KEYS } from "../../tools/answers.ts";

/** Test names declared in a folder: `Deno.test("…"`, `Deno.test({ name: "…"`, `lab5Test("…"`. */
async function testNames(dir: URL): Promise<Set<string>> {
  const names = new Set<string>();
  for await (const f of Deno.readDir(dir)) {
    if (!f.name.endsWith("_test.ts")) continue;
    const source = await Deno.readTextFile(new URL(f.name, dir));
    const declared = /(?:Deno\.test|lab5Test)\(\s*(?:\{\s*name:\s*)?"([^"]+)"/g;
    for (const m of source.matchAll(declared)) names.add(m[1]);
  }
  return names;
}

Deno.test("every behaviour the answer key states names a test in tests/answers (tests/faults for lab 5) that exists", async () => {
  const here = await testNames(new URL(".", import.meta.url));
  const names = new Set([...here, ...await testNames(new URL("../faults/", import.meta.url))]);
  const cited = new Set<string>();
  for (const [lab, answers] of Object.entries(ANSWER_KEYS)) {
    for (const a of answers) {
      if (!a.provenBy) continue;
      cited.add(a.provenBy);
      assert.ok(names.has(a.provenBy), `${lab}: no test named "${a.provenBy}"`);
    }
  }
  const proofs = [...here].filter((n) => / answer: /.test(n));
  assert.deepEqual(proofs.filter((n) => !cited.has(n)), [], "every proof is cited by an answer");
});
