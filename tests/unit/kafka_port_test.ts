/**
 * kafkajs stays behind the Kafka port (`lib/kafka/port.ts`): no file outside
 * `lib/kafka/` imports it, by name or through the import map, as a type or a
 * value. Two checks, because each sees what the other cannot: the source
 * text of every TypeScript file (tests, benches and files the program does
 * not load included), and the module graph `deno info --json main.ts`
 * resolves (any spelling that reaches the package, e.g. an alias in
 * deno.json).
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "../helpers.ts";

/** Where kafkajs may be imported: the port's adapters and the code written against them. */
const KAFKA_DIR = "lib/kafka/";

/**
 * Unit tests that need kafkajs' real objects (an error-like stand-in would
 * pass even where kafkajs nests its causes differently). Other unit tests use
 * the fake port's errors (lib/kafka/fake/errors.ts), which
 * fake_errors_test.ts holds to kafkajs' own. Nothing else may join this list.
 */
const ALLOWED_TESTS: Readonly<Record<string, string>> = {
  "tests/unit/errors_test.ts":
    "translateError on every kafkajs error class it names (lib/errors_text.ts)",
  "tests/unit/fake_errors_test.ts":
    "the fake port's errors and key partitioner against kafkajs' own (shapes and every reader)",
  "tests/unit/kafkajs_admin_test.ts":
    "lib/kafka/kafkajs/admin.ts replacing a kafkajs admin client (stand-ins typed as kafkajs')",
  "tests/unit/produce_test.ts":
    "lib/kafka/kafkajs/partitioner.ts around kafkajs' default partitioner",
};

/**
 * Students' programs (the exercises' reference solutions and broken variants):
 * what a student writes with kafkajs, run by `check --exercise` as black boxes
 * in a folder of their own; kafka-lab never imports them.
 */
const STUDENT_PROGRAMS = "tests/exercises/";

/** Folders that hold no source of ours. */
const SKIPPED = new Set(["node_modules", ".git", "dist", ".tools"]);

function* sources(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(join(ROOT, dir))) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory && !SKIPPED.has(entry.name)) yield* sources(path);
    else if (entry.isFile && /\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) yield path;
  }
}

/** A module specifier that names the kafkajs package. */
const KAFKAJS = /^(npm:\/?)?kafkajs(@[^/]*)?(\/.*)?$/;

/**
 * The specifiers a source imports: `import … from`, `export … from`,
 * `import "…"`, `import("…")`, `require("…")` and `/// <reference types>`.
 */
function importedSpecifiers(text: string): string[] {
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|<reference\s+types\s*=\s*)(["'])([^"'\n]+)\1/g;
  return [...text.matchAll(pattern)].map((m) => m[2]);
}

function importsKafkajs(path: string): boolean {
  return importedSpecifiers(Deno.readTextFileSync(join(ROOT, path))).some((s) => KAFKAJS.test(s));
}

Deno.test("importedSpecifiers finds kafkajs in every way a file can import it", () => {
  const k = ["kafka", "js"].join(""); // spelt in pieces, so this file does not import it itself
  const ways = [
    `import type { Admin } from "${k}";`,
    `import {\n  Kafka,\n  logLevel,\n} from '${k}';`,
    `import * as k from "npm:${k}@2.2.4";`,
    `export { Partitioners } from "${k}";`,
    `import "npm:/${k}@2.2.4/src/index.js";`,
    `const k = await import("${k}");`,
    `const k = require("${k}");`,
    `/// <reference types="npm:${k}" />`,
  ];
  for (const way of ways) {
    assert.ok(importedSpecifiers(way).some((s) => KAFKAJS.test(s)), way);
  }
  const names = `case "${k}": return x; // from "the ${k} producer"`;
  assert.deepEqual(importedSpecifiers(names).filter((s) => KAFKAJS.test(s)), []);
  assert.equal(KAFKAJS.test("@kafkajs/confluent-schema-registry"), false);
});

Deno.test("no TypeScript file outside lib/kafka/ imports kafkajs (a type or a value)", () => {
  const files = [...sources("")];
  assert.ok(files.some((f) => f.startsWith(KAFKA_DIR)), "the walk found lib/kafka/");
  assert.ok(files.some((f) => f.startsWith("tests/")), "the walk found tests/");
  const offenders = files
    .filter((f) => !f.startsWith(KAFKA_DIR) && !(f in ALLOWED_TESTS))
    .filter((f) => !f.startsWith(STUDENT_PROGRAMS))
    .filter(importsKafkajs);
  assert.deepEqual(
    offenders,
    [],
    "use the port's types (lib/kafka/port.ts) and ctx.kafka(); a workaround for kafkajs " +
      "belongs in lib/kafka/",
  );
});

Deno.test("every test allowed to import kafkajs exists and still needs it", () => {
  for (const [file, why] of Object.entries(ALLOWED_TESTS)) {
    assert.ok(importsKafkajs(file), `${file} no longer imports kafkajs (${why}): drop it`);
  }
});

Deno.test("module graph of main.ts reaches kafkajs only from lib/kafka/", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "main.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const modules: Array<{
    specifier: string;
    dependencies?: Array<{ code?: { specifier: string }; type?: { specifier: string } }>;
  }> = JSON.parse(new TextDecoder().decode(out.stdout)).modules;
  const kafkajs = (s: string | undefined) => s !== undefined && /^npm:\/?kafkajs@/.test(s);
  const importers = modules
    .filter((m) => m.specifier.startsWith("file:"))
    .filter((m) =>
      (m.dependencies ?? []).some((d) => kafkajs(d.code?.specifier) || kafkajs(d.type?.specifier))
    )
    .map((m) => relative(ROOT, fileURLToPath(m.specifier)).replaceAll("\\", "/"));
  assert.ok(importers.length > 0, "the graph shows who imports kafkajs");
  assert.deepEqual(importers.filter((f) => !f.startsWith(KAFKA_DIR)), []);
});
