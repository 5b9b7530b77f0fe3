/**
 * One Russian term per concept (lib/glossary.ts): every Russian text the
 * program or the answer key prints — labs, commands, lib, tools — is scanned
 * for the other spellings of a glossary concept.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { GLOSSARY, offGlossary } from "../../lib/glossary.ts";
import { ROOT } from "../helpers.ts";

/** Folders whose TypeScript holds texts users read (the glossary itself aside). */
const TEXT_FOLDERS = ["labs", "commands", "lib", "tools"];

function* sources(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(join(ROOT, dir))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* sources(path);
    else if (path.endsWith(".ts") && path !== "lib/glossary.ts") yield path;
  }
}

Deno.test("offGlossary names the concept, the spelling found and the term to use", () => {
  assert.deepEqual(offGlossary("Ведомые забирают данные у лидера"), [
    { concept: "follower", found: "Ведомые", use: "фолловер" },
  ]);
  assert.deepEqual(
    offGlossary("разделитель и распределитель").map((f) => [f.concept, f.found]),
    [["partitioner", "разделитель"], ["partitioner", "распределитель"]],
  );
  assert.deepEqual(offGlossary("хотя бы один раз").map((f) => f.use), [
    GLOSSARY.atLeastOnce.ru,
  ]);
});

Deno.test("offGlossary passes the glossary's own terms and words that only contain a stem", () => {
  const terms = Object.values(GLOSSARY).map((e) => e.ru).join("; ");
  assert.deepEqual(offGlossary(terms), []);
  assert.deepEqual(offGlossary("система, схема, раздел README, последовательности"), []);
});

Deno.test("every Russian text uses the glossary's term for each concept", () => {
  const files = TEXT_FOLDERS.flatMap((d) => [...sources(d)]);
  assert.ok(files.length > 100, "the walk found the sources");
  const offenders = files.flatMap((f) =>
    Deno.readTextFileSync(join(ROOT, f)).split("\n").flatMap((line, i) =>
      offGlossary(line).map((o) => `${f}:${i + 1}: «${o.found}» → «${o.use}» (${o.concept})`)
    )
  );
  assert.deepEqual(offenders, [], "write the glossary's term (lib/glossary.ts)");
});
