import assert from "node:assert/strict";
import { cutList, fillText, t } from "../../lib/i18n.ts";

Deno.test("cutList says how many items were left out, in English and Russian", () => {
  const items = Array.from({ length: 47 }, (_, i) => `p${i}`);
  assert.deepEqual(cutList(items, 5), {
    en: "p0, p1, p2, p3, p4 … and 42 more",
    ru: "p0, p1, p2, p3, p4 … и ещё 42",
  });
  assert.deepEqual(cutList(["a", "b"], 5, "; "), { en: "a; b", ru: "a; b" });
  assert.deepEqual(cutList([], 3), { en: "", ru: "" });
});

Deno.test("fillText takes a two-language value and fills each language with its own", () => {
  const text = fillText(t("keys: {k}", "ключи: {k}"), { k: cutList(["x", "y", "z"], 1) });
  assert.deepEqual(text, { en: "keys: x … and 2 more", ru: "ключи: x … и ещё 2" });
});
