/** How the command line reads: global options anywhere, did-you-mean, `help <command>`. */
import assert from "node:assert/strict";
import { cleanUp, clusterConfig, createTopic, events, runCli } from "../helpers.ts";

Deno.test("cli global options before the command work as after it", async () => {
  const brokers = clusterConfig().brokers.join(",");
  const status = await runCli(["-b", brokers, "--json", "status"]);
  assert.equal(status.code, 0, status.stderr);
  assert.equal(events(status.stdout).filter((e) => e.event === "cluster.status").length, 1);
  const ru = await runCli(["--lang", "ru", "lab1", "list", "--help"]);
  assert.equal(ru.code, 0, ru.stderr);
  assert.match(ru.stdout, /Использование: (kafka-lab|deno task lab) lab1 list/);
  const version = await runCli(["--json", "--version"]);
  assert.equal(events(version.stdout)[0].event, "version");
});

Deno.test("cli a mistyped command, subcommand or option names the nearest one and exits 2", async () => {
  const cases: Array<[string[], RegExp]> = [
    [["stauts"], /did you mean `deno task lab status`\?[\s\S]*usage: deno task lab <command>/],
    [["grups"], /did you mean `deno task lab groups`\?/],
    [
      ["groups", "lsit"],
      /did you mean `deno task lab groups list`\?[\s\S]*usage: deno task lab groups </,
    ],
    [
      ["read", "t", "--form", "text"],
      /unknown option --form\nhint: did you mean --from or --format\?/,
    ],
  ];
  // Run as `deno task lab …` (which sets INIT_CWD): hints name that form.
  const env = { INIT_CWD: Deno.cwd() };
  for (const [args, expected] of cases) {
    const r = await runCli(args, { env });
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, expected);
  }
  const ru = await runCli(["--lang", "ru", "stauts"], { env });
  assert.match(ru.stderr, /возможно, вы имели в виду `deno task lab status`\?/);
});

Deno.test("cli `help <command>` prints the command's help", async () => {
  const help = await runCli(["help", "groups", "reset"]);
  const own = await runCli(["groups", "reset", "--help"]);
  assert.equal(help.code, 0, help.stderr);
  assert.equal(help.stdout, own.stdout);
  assert.match(help.stdout, /Usage: (kafka-lab|deno task lab) groups reset/);
});

Deno.test("cli __complete lists live topic names for the shell, and nothing when no broker answers", async () => {
  const topic = await createTopic("complete", 1, 1);
  const r = await runCli(["__complete", "topics"]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.split("\n").includes(topic), r.stdout);
  const list = events((await runCli(["__complete", "topics", "--json"])).stdout)[0];
  assert.equal(list.event, "completions.names");
  const down = await runCli(["__complete", "topics", "-b", "127.0.0.1:1"]);
  assert.deepEqual([down.code, down.stdout, down.stderr], [0, "", ""]);
  const help = await runCli(["--help"]);
  assert.doesNotMatch(help.stdout, /__complete/, "internal: not in help");
  await cleanUp({ topics: [topic] });
});
