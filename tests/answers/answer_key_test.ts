/** The answer key and its proofs stay together: every `provenBy` names a test here. */
import assert from "node:assert/strict";
import { ANSWER_KEYS } from "../../tools/answers.ts";

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
  for (const [lab, answers] of Object.entries(ANSWER_KEYS)) {
    for (const a of answers) {
      if (!a.provenBy) continue;
      cited.add(a.provenBy);
      assert.ok(names.has(a.provenBy), `${lab}: no test named "${a.provenBy}"`);
    }
  }
  const proofs = [...names].filter((n) => / answer: /.test(n));
  assert.deepEqual(proofs.filter((n) => !cited.has(n)), [], "every proof is cited by an answer");
});
