import assert from "node:assert/strict";
import { type OptionSpec, parseOptions } from "../../lib/cli/args.ts";
import { renderOptions } from "../../lib/cli/help.ts";
import { UsageError } from "../../lib/errors.ts";

const opts = [
  { name: "topic", short: "t", type: "string", description: "Topic" },
  { name: "partitions", type: "integer", min: 1, default: 1, description: "Partitions" },
  { name: "interval", type: "number", min: 0, default: 1, description: "Seconds" },
  {
    name: "from",
    type: "string",
    choices: ["earliest", "latest"],
    default: "earliest",
    description: "Start",
  },
  { name: "config", type: "list", description: "k=v" },
  { name: "yes", type: "boolean", description: "No questions" },
] as const satisfies readonly OptionSpec[];

Deno.test("parseOptions types values and applies defaults", () => {
  const a = parseOptions([
    "-t",
    "t1",
    "--partitions",
    "6",
    "--interval",
    "0.5",
    "--config",
    "a=1",
    "--config",
    "b=2",
    "--yes",
  ], opts);
  assert.equal(a.values.topic, "t1");
  assert.equal(a.values.partitions, 6);
  assert.equal(a.values.interval, 0.5);
  assert.deepEqual(a.values.config, ["a=1", "b=2"]);
  assert.equal(a.values.yes, true);
  assert.equal(a.values.from, "earliest");
  assert.equal(a.given("from"), false);
  assert.equal(a.given("partitions"), true);
});

Deno.test("parseOptions gives absent options their default, false or an empty list", () => {
  const v = parseOptions([], opts).values;
  assert.equal(v.topic, undefined);
  assert.equal(v.partitions, 1);
  assert.equal(v.yes, false);
  assert.deepEqual(v.config, []);
  // A misspelt option name does not compile (deno check runs over the tests):
  // @ts-expect-error there is no option "topik"
  assert.equal(v.topik, undefined);
});

Deno.test("valuesOf reads a shared part of the table typed, with defaults where it is not declared", () => {
  const shared = [
    { name: "yes", type: "boolean", description: "No questions" },
    { name: "prefix", type: "string", description: "Prefix" },
    { name: "depth", type: "integer", default: 3, description: "Depth" },
  ] as const satisfies readonly OptionSpec[];
  const v = parseOptions(["--yes"], opts).valuesOf(shared);
  assert.deepEqual({ ...v }, { yes: true, prefix: undefined, depth: 3 });
  const clash = [{ name: "topic", type: "integer", description: "Not a string" }] as const;
  assert.throws(() => parseOptions([], opts).valuesOf(clash), /--topic is declared as string/);
});

Deno.test("parseOptions rejects unknown options and bad values with UsageError", () => {
  assert.throws(
    () => parseOptions(["--nope"], opts),
    (e: unknown) => e instanceof UsageError && /unknown option --nope/.test(e.message),
  );
  assert.throws(() => parseOptions(["--partitions", "0"], opts), /at least 1/);
  assert.throws(() => parseOptions(["--partitions", "2.5"], opts), /whole number/);
  assert.throws(() => parseOptions(["--partitions", "six"], opts), /whole number/);
  assert.throws(() => parseOptions(["--interval=-1"], opts), /at least 0/);
  assert.throws(
    () => parseOptions(["--interval", "-1"], opts),
    (e: unknown) => e instanceof UsageError && /--interval=<value>/.test(e.hint ?? ""),
  );
  assert.throws(() => parseOptions(["--from", "middle"], opts), /earliest, latest/);
  assert.throws(() => parseOptions(["--topic"], opts), /--topic needs a value/);
  assert.throws(() => parseOptions(["extra"], opts), /unexpected argument 'extra'/);
});

Deno.test("parseOptions enforces required options and positionals", () => {
  const req: OptionSpec[] = [{ name: "topic", type: "string", required: true, description: "" }];
  assert.throws(() => parseOptions([], req), /--topic is required/);
  const p = parseOptions(["t"], [], [{ name: "topic", description: "", required: true }]);
  assert.deepEqual(p.positionals, ["t"]);
  assert.throws(
    () => parseOptions([], [], [{ name: "topic", description: "", required: true }]),
    /missing argument <topic>/,
  );
});

Deno.test("renderOptions shows value names, defaults and repeatable options", () => {
  const text = renderOptions(opts).join("\n");
  assert.match(text, /-t, --topic <VALUE>/);
  assert.match(text, /--partitions <N>\s+Partitions \(default: 1\)/);
  assert.match(text, /--from <earliest\|latest>/);
  assert.match(text, /--config <VALUE>\s+k=v \(repeatable\)/);
});
