import assert from "node:assert/strict";
import { fill, placeholders } from "../../lib/i18n.ts";
import { LAB1_TEXT } from "../../labs/lab1_topics/text.ts";
import { LAB2_TEXT } from "../../labs/lab2_hello/text.ts";
import { LAB3_TEXT } from "../../labs/lab3_coordinates/text.ts";
import { LAB4_TEXT } from "../../labs/lab4_batch/text.ts";
import { LAB6_TEXT } from "../../labs/lab6_limits/text.ts";

type Table = { en: Record<string, unknown>; ru: Record<string, unknown> };
const TABLES: Record<string, Table> = {
  lab1: LAB1_TEXT,
  lab2: LAB2_TEXT,
  lab3: LAB3_TEXT,
  lab4: LAB4_TEXT,
  lab6: LAB6_TEXT,
};

Deno.test("fill replaces known placeholders and keeps unknown ones", () => {
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
  assert.deepEqual(placeholders("{x} {y} {x}"), ["x", "y"]);
});

for (const [lab, table] of Object.entries(TABLES)) {
  Deno.test(`${lab} texts have the same keys, list lengths and placeholders in English and Russian`, () => {
    const en = table.en as Record<string, string | readonly string[]>;
    const ru = table.ru as Record<string, string | readonly string[]>;
    assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const [e, r] = [en[key], ru[key]];
      if (Array.isArray(e)) {
        assert.equal((r as string[]).length, e.length, `${lab}.${key} length`);
        continue;
      }
      assert.ok((r as string).trim().length > 0, `${lab}.${key} is empty in Russian`);
      assert.deepEqual(
        placeholders(r as string),
        placeholders(e as string),
        `${lab}.${key} placeholders`,
      );
    }
  });

  Deno.test(`${lab} Russian texts are written in Cyrillic, with theory and control questions`, () => {
    const ru = table.ru as unknown as {
      title: string;
      theory: string[];
      questions: string[];
    };
    assert.match(ru.title, /[А-Яа-яЁё]/);
    assert.ok(ru.theory.length >= 3 && ru.questions.length >= 5);
    for (const q of ru.questions) assert.match(q, /[А-Яа-яЁё]/);
  });
}
