import assert from "node:assert/strict";
import { type OptionSpec, parseOptions, renderOptions } from "../../lib/cli/args.ts";
import { UsageError } from "../../lib/errors.ts";

const opts: OptionSpec[] = [
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
];

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
  assert.equal(a.string("topic"), "t1");
  assert.equal(a.int("partitions"), 6);
  assert.equal(a.number("interval"), 0.5);
  assert.deepEqual(a.list("config"), ["a=1", "b=2"]);
  assert.equal(a.bool("yes"), true);
  assert.equal(a.string("from"), "earliest");
  assert.equal(a.given("from"), false);
  assert.equal(a.given("partitions"), true);
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
