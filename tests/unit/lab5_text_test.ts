import assert from "node:assert/strict";
import { placeholders } from "../../lib/i18n.ts";
import { LAB5_TEXT } from "../../labs/lab5_guarantees/text.ts";

Deno.test("lab5 texts have the same keys, list lengths and placeholders in English and Russian", () => {
  const en = LAB5_TEXT.en as Record<string, string | readonly string[]>;
  const ru = LAB5_TEXT.ru as Record<string, string | readonly string[]>;
  assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    const [e, r] = [en[key], ru[key]];
    if (Array.isArray(e)) {
      assert.equal((r as string[]).length, e.length, `lab5.${key} length`);
      continue;
    }
    assert.ok((r as string).trim().length > 0, `lab5.${key} is empty in Russian`);
    assert.deepEqual(placeholders(r as string), placeholders(e as string), `lab5.${key}`);
  }
});

Deno.test("lab5 Russian texts are Cyrillic, with theory first and one question per part", () => {
  const ru = LAB5_TEXT.ru;
  assert.match(ru.title, /[А-Яа-яЁё]/);
  assert.ok(ru.theory.length >= 3);
  assert.ok(ru.questions.length >= 6);
  for (const q of ru.questions) assert.match(q, /[А-Яа-яЁё]/);
});
