/** The answer key and its proofs stay together: every `provenBy` names a test here. */
import assert from "node:assert/strict";
import { answersOf, GRADED_LABS } from "../../labs/grading.ts";

async function testNames(): Promise<Set<string>> {
  const names = new Set<string>();
  const dir = new URL(".", import.meta.url);
  for await (const f of Deno.readDir(dir)) {
    if (!f.name.endsWith("_test.ts")) continue;
    const source = await Deno.readTextFile(new URL(f.name, dir));
    for (const m of source.matchAll(/Deno\.test\("([^"]+)"/g)) names.add(m[1]);
  }
  return names;
}

Deno.test("every behaviour the answer key states names a test in tests/answers that exists", async () => {
  const names = await testNames();
  const cited = new Set<string>();
  for (const lab of GRADED_LABS) {
    for (const a of await answersOf(lab.lab)) {
      if (!a.provenBy) continue;
      cited.add(a.provenBy);
      assert.ok(names.has(a.provenBy), `${lab.lab}: no test named "${a.provenBy}"`);
    }
  }
  const proofs = [...names].filter((n) => / answer: /.test(n));
  assert.deepEqual(proofs.filter((n) => !cited.has(n)), [], "every proof is cited by an answer");
});
