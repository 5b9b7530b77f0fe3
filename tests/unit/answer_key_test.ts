/**
 * The answer key (tools/answers.ts, for instructors): one bilingual model
 * answer per control question, short, printed by `deno task answers` and
 * never by the students' program.
 */
import assert from "node:assert/strict";
import { GRADED_LABS } from "../../labs/grading.ts";
import { ANSWER_KEYS, runAnswers } from "../../tools/answers.ts";
import { captureOutput, runCli } from "../helpers.ts";

Deno.test("every graded lab has a model answer in both languages for each control question", () => {
  for (const lab of GRADED_LABS) {
    const answers = ANSWER_KEYS[lab.lab] ?? [];
    assert.ok(answers.length >= 5, lab.lab);
    for (const a of answers) {
      assert.ok(a.question.en && a.question.ru && a.answer.en && a.answer.ru, lab.lab);
      assert.ok(
        a.answer.en.length < 700 && a.answer.ru.length < 800,
        `${lab.lab}: answers stay short`,
      );
    }
  }
});

Deno.test("runAnswers prints one lab's key with its proofs, as text and as lab.answer events", () => {
  const text = captureOutput();
  assert.equal(runAnswers(["lab2", "--lang", "en"], text.out), 0);
  const printed = text.stdout.join("");
  assert.match(printed, /^== lab2 ==\n1\. What is an offset/);
  assert.match(printed, /proven by the test "lab2 answer: records with one key land/);
  assert.doesNotMatch(printed, /== lab1 ==/);

  const json = captureOutput({ json: true });
  assert.equal(runAnswers(["lab3", "--json", "--lang", "en"], json.out), 0);
  const events = json.stdout.join("").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(events.length, ANSWER_KEYS.lab3.length);
  assert.deepEqual(Object.keys(events[0]).sort(), [
    "answer",
    "event",
    "lab",
    "n",
    "provenBy",
    "question",
  ]);
  assert.ok(events.every((e) => e.event === "lab.answer" && e.lab === "lab3"));
});

Deno.test("runAnswers refuses an unknown lab with exit 2 and names the labs it has", () => {
  const c = captureOutput();
  assert.equal(runAnswers(["lab9", "--lang", "en"], c.out), 2);
  assert.match(c.stderr.join(""), /no answer key for 'lab9'/);
  assert.match(c.stderr.join(""), /labs: lab1, lab2, lab3, lab4, lab5, lab6$/m);
});

Deno.test("the students' program has no answers subcommand: `kafka-lab lab2 answers` prints no answer", async () => {
  const r = await runCli(["lab2", "answers", "--lang", "en"]);
  assert.equal(r.code, 2, r.stderr);
  const answer = ANSWER_KEYS.lab2[0].answer.en;
  assert.ok(!r.stdout.includes(answer.slice(0, 40)) && !r.stderr.includes(answer.slice(0, 40)));
});
