/**
 * lib/cli/split_line.ts follows `node:util` `parseArgs` (strict, positionals
 * allowed), which kafka-lab used before: every line built from the words
 * below, up to three words long, splits the same way in both, or fails in both
 * for the same reason naming the same flag.
 */
import assert from "node:assert/strict";
import { parseArgs } from "node:util";
import { LineError, type LineOption, splitLine } from "../../lib/cli/split_line.ts";

const OPTIONS: readonly LineOption[] = [
  { name: "topic", short: "t", kind: "string" },
  { name: "verbose", short: "v", kind: "boolean" },
  { name: "json", kind: "boolean" },
  { name: "config", short: "c", kind: "list" },
  { name: "count", kind: "string" },
];

const WORDS = [
  "--topic",
  "-t",
  "orders",
  "-x",
  "-5",
  "-",
  "--",
  "",
  "--topic=",
  "--topic=-1",
  "--verbose",
  "-v",
  "--verbose=1",
  "--json",
  "-vt",
  "-tv",
  "-vtorders",
  "-torders",
  "-t=x",
  "-vx",
  "-cv",
  "--config",
  "-c",
  "a=b",
  "--count",
  "--unknown",
  "--unknown=1",
  "--=",
  "---x",
  "--__proto__",
  "--constructor",
];

/** What node's parseArgs makes of a line: the split, or the kind and flag of its error. */
function nodeSplit(argv: string[]): unknown {
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> =
    {};
  for (const o of OPTIONS) {
    config[o.name] = {
      type: o.kind === "boolean" ? "boolean" : "string",
      ...(o.short ? { short: o.short } : {}),
      ...(o.kind === "list" ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: config,
      strict: true,
      allowPositionals: true,
    });
    return { values: { ...values }, positionals };
  } catch (err) {
    return nodeError((err as Error).message);
  }
}

function nodeError(msg: string): { kind: string; flag: string } {
  const last = (m: string) => m.split(",").pop()!.trim();
  const patterns: Array<[string, RegExp]> = [
    ["unknown", /Unknown option '([^']+)'/],
    ["needsValue", /Option '([^']+?)(?: <value>)?' argument missing/],
    ["ambiguous", /Option '([^']+)' argument is ambiguous/],
    ["noValue", /Option '([^']+)' does not take an argument/],
  ];
  for (const [kind, re] of patterns) {
    const m = re.exec(msg);
    if (m) return { kind, flag: last(m[1]) };
  }
  throw new Error(`an error of node's parseArgs this test does not know: ${msg}`);
}

function ourSplit(argv: string[]): unknown {
  try {
    const { values, positionals } = splitLine(argv, OPTIONS);
    return { values: { ...values }, positionals };
  } catch (err) {
    if (!(err instanceof LineError)) throw err;
    return { kind: err.kind, flag: err.flag };
  }
}

function* lines(maxWords: number): Generator<string[]> {
  yield [];
  let level: string[][] = [[]];
  for (let n = 1; n <= maxWords; n++) {
    level = level.flatMap((line) => WORDS.map((w) => [...line, w]));
    yield* level;
  }
}

Deno.test("splitLine splits every line of up to three words as node:util parseArgs does", () => {
  let count = 0;
  for (const argv of lines(3)) {
    assert.deepEqual(ourSplit(argv), nodeSplit(argv), JSON.stringify(argv));
    count++;
  }
  assert.ok(count > 30_000, `${count} lines compared`);
});

Deno.test("splitLine: a list keeps every value, a string option the last one", () => {
  const got = splitLine(["-c", "a=1", "--config=b=2", "-t", "x", "--topic", "y", "p"], OPTIONS);
  assert.deepEqual(got, {
    values: { config: ["a=1", "b=2"], topic: "y" },
    positionals: ["p"],
  });
});
