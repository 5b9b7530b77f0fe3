import assert from "node:assert/strict";
import {
  type Command,
  resolveCommand,
  UnknownCommandError,
  usageLine,
} from "../../lib/cli/command.ts";
import { renderHelp } from "../../lib/cli/help.ts";
import { editDistance, nearest } from "../../lib/cli/suggest.ts";
import { invocation } from "../../lib/cli/invocation.ts";
import { UsageError } from "../../lib/errors.ts";

const tree: Command[] = [
  {
    name: "lab1",
    summary: "Topics lab for tests",
    run: () => Promise.resolve(0),
    subcommands: [
      {
        name: "create",
        summary: "Create a topic",
        options: [{
          name: "topic",
          type: "string",
          required: true,
          valueName: "NAME",
          description: "",
        }],
        run: () => Promise.resolve(0),
      },
      {
        name: "describe",
        summary: "Describe a topic",
        positionals: [{ name: "topic", description: "", required: true }],
        run: () => Promise.resolve(0),
      },
    ],
  },
  { name: "up", summary: "Start the cluster", run: () => Promise.resolve(0) },
];

Deno.test("resolveCommand walks commands and subcommands and leaves the options", () => {
  const r = resolveCommand(tree, ["lab1", "create", "--topic", "t"]);
  assert.deepEqual(r.path.map((c) => c.name), ["lab1", "create"]);
  assert.deepEqual(r.rest, ["--topic", "t"]);
  assert.deepEqual(resolveCommand(tree, ["lab1", "--quiet"]).path.map((c) => c.name), ["lab1"]);
  assert.deepEqual(resolveCommand(tree, ["--help"]).path, []);
});

Deno.test("resolveCommand rejects unknown commands and subcommands with the list of known ones", () => {
  assert.throws(
    () => resolveCommand(tree, ["zebra"]),
    (e: unknown) => e instanceof UsageError && /lab1, up/.test(e.hint ?? ""),
  );
  assert.throws(
    () => resolveCommand(tree, ["lab1", "explode"]),
    (e: unknown) => e instanceof UsageError && /create, describe/.test(e.hint ?? ""),
  );
});

Deno.test("usageLine shows required options, positionals and optional subcommands", () => {
  assert.equal(
    usageLine([tree[0], tree[0].subcommands![0]]),
    "kafka-lab lab1 create --topic <NAME> [options]",
  );
  assert.equal(
    usageLine([tree[0], tree[0].subcommands![1]]),
    "kafka-lab lab1 describe <topic> [options]",
  );
  assert.equal(usageLine([tree[0]]), "kafka-lab lab1 [<subcommand>] [options]");
  assert.equal(
    usageLine([tree[0]], "ru", "deno task lab"),
    "deno task lab lab1 [<подкоманда>] [параметры]",
  );
});

Deno.test("renderHelp lists commands at the top and subcommands under a command", () => {
  const top = renderHelp(tree, [], "HEADER");
  assert.match(top, /^HEADER/);
  assert.match(top, /lab1\s+Topics lab for tests/);
  assert.match(top, /--bootstrap-server/);
  const lab = renderHelp(tree, [tree[0]], "HEADER");
  assert.match(lab, /Subcommands:\n\s+create\s+Create a topic\n\s+describe/);
});

Deno.test("resolveCommand takes global options before the command and between its words", () => {
  const r = resolveCommand(tree, [
    "-b",
    "localhost:19092",
    "--json",
    "lab1",
    "--lang=ru",
    "create",
  ]);
  assert.deepEqual(r.path.map((c) => c.name), ["lab1", "create"]);
  assert.deepEqual(r.globals, ["-b", "localhost:19092", "--json", "--lang=ru"]);
  assert.deepEqual(r.rest, []);
  const own = resolveCommand(tree, ["lab1", "create", "--topic", "t", "-q"]);
  assert.deepEqual(own.rest, ["--topic", "t", "-q"], "options after the command stay its own");
});

Deno.test("resolveCommand suggests the nearest command and subcommand, and keeps the path found", () => {
  // Named as the user runs kafka-lab (`kafka-lab`, or `deno task lab` from a clone).
  const run = invocation();
  assert.throws(
    () => resolveCommand(tree, ["lba1"]),
    (e: unknown) =>
      e instanceof UnknownCommandError && e.path.length === 0 &&
      (e.hint ?? "").includes(`did you mean \`${run} lab1\`?`),
  );
  assert.throws(
    () => resolveCommand(tree, ["lab1", "craete"]),
    (e: unknown) =>
      e instanceof UnknownCommandError && e.path.map((c) => c.name).join() === "lab1" &&
      (e.hint ?? "").includes(`did you mean \`${run} lab1 create\`?`),
  );
});

Deno.test("nearest finds swaps, missing letters and prefixes, and nothing far away", () => {
  assert.deepEqual(nearest("stauts", ["up", "status", "down"]), ["status"]);
  assert.deepEqual(nearest("grups", ["groups", "read", "up"]), ["groups"]);
  assert.deepEqual(nearest("lsit", ["list", "lag", "reset", "delete"]), ["list"]);
  assert.deepEqual(nearest("--form", ["--from", "--format", "--group"]), ["--from", "--format"]);
  assert.deepEqual(nearest("zzzz", ["up", "status"]), []);
  assert.equal(editDistance("kitten", "sitting"), 3);
});
