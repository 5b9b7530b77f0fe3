/** Help wraps to the terminal: every command's, in both languages, at most 100 columns. */
import assert from "node:assert/strict";
import { COMMANDS } from "../../cli.ts";
import type { Command } from "../../lib/cli/command.ts";
import { helpWidth, reflow, renderHelp, wrap } from "../../lib/cli/help.ts";
import { asInvoked, invocation } from "../../lib/cli/invocation.ts";
import { visibleWidth } from "../../lib/output.ts";

function* paths(commands: readonly Command[], parent: Command[] = []): Generator<Command[]> {
  for (const c of commands) {
    yield [...parent, c];
    yield* paths(c.subcommands ?? [], [...parent, c]);
  }
}

Deno.test("help no line of any command's help is wider than the width asked (100, 80, 60), en and ru, binary or deno task", () => {
  const all = [[], ...paths(COMMANDS)];
  assert.ok(all.length > 40, `${all.length} commands`);
  const runs = [100, 80, 60].flatMap((width) =>
    (["en", "ru"] as const).flatMap((lang) =>
      ["kafka-lab", "deno task lab"].map((program) => ({ width, lang, program }))
    )
  );
  for (const { width, lang, program } of runs) {
    for (const path of all) {
      const name = path.map((c) => c.name).join(" ") || "(program)";
      const help = renderHelp(COMMANDS, path, "header", lang, width, program);
      for (const line of help.split("\n")) {
        // A single word wider than the line (a long option signature) cannot be broken.
        const oneWord = !line.trim().includes(" ");
        assert.ok(
          visibleWidth(line) <= width || oneWord,
          `${name} (${lang}, ${width}, ${program}): ${visibleWidth(line)} columns: ${line}`,
        );
      }
    }
  }
});

Deno.test("help puts the global options last, says no empty default, hides internal commands", () => {
  const lab5 = COMMANDS.find((c) => c.name === "lab5")!;
  const help = renderHelp(COMMANDS, [lab5], "header", "en", 100);
  assert.match(help, /Global options \(anywhere on the line\):\n(?:.*\n)*.*--ssl-ca[^\n]*$/);
  assert.ok(help.indexOf("Examples:") < help.indexOf("Global options"));
  assert.doesNotMatch(help, /\bworker\b/, "lab5 worker is internal");
  for (const path of paths(COMMANDS)) {
    for (const lang of ["en", "ru"] as const) {
      const text = renderHelp(COMMANDS, path, "header", lang, 100);
      assert.doesNotMatch(text, /\((default|по умолчанию): ?\)/);
      assert.doesNotMatch(text, /\bthe seeds?\b|\bseed's\b/i, path.map((c) => c.name).join(" "));
    }
  }
});

Deno.test("help names usage, examples and quoted commands as the user runs kafka-lab", () => {
  const down = COMMANDS.find((c) => c.name === "down")!;
  const task = renderHelp(COMMANDS, [down], "header", "en", 100, "deno task lab");
  assert.match(task, /^Usage: deno task lab down \[options\]$/m);
  assert.match(task, /^ {2}deno task lab down --purge$/m);
  assert.match(task, /started by `deno task lab up`/);
  assert.doesNotMatch(task, /`kafka-lab |^ {2}kafka-lab |Usage: kafka-lab/m);
  const top = renderHelp(COMMANDS, [], "header", "ru", 100, "deno task lab");
  assert.match(top, /`deno task lab help <команда>`/);
  const binary = renderHelp(COMMANDS, [down], "header", "en", 100, "kafka-lab");
  assert.match(binary, /^Usage: kafka-lab down \[options\]$/m);
  assert.match(binary, /^ {2}kafka-lab down --purge$/m);
});

Deno.test("helpWidth follows COLUMNS within 40..100 and wrap keeps words whole", () => {
  assert.equal(helpWidth({ COLUMNS: "72" }), 72);
  assert.equal(helpWidth({ COLUMNS: "300" }), 100);
  assert.equal(helpWidth({ COLUMNS: "10" }), 40);
  assert.deepEqual(wrap("aaa bbb ccc", 7, 2, ""), ["aaa bbb", "  ccc"]);
  assert.deepEqual(reflow("one\ntwo\n\n- a\n- b", 80), ["one two", "", "- a", "- b"]);
});

Deno.test("invocation names the compiled binary, `deno task lab`, or an installed kafka-lab", () => {
  assert.equal(invocation({}, "/usr/local/bin/kafka-lab"), "kafka-lab");
  assert.equal(invocation({}, "C:\\bin\\kafka-lab.exe"), "kafka-lab");
  assert.equal(invocation({ INIT_CWD: "/src" }, "/usr/bin/deno"), "deno task lab");
  assert.equal(invocation({ PATH: "/nonexistent" }, "/usr/bin/deno"), "deno task lab");
});

Deno.test("asInvoked names the commands a hint quotes as the user runs kafka-lab, in both languages", () => {
  const hint = {
    en: "see `kafka-lab topic list`; kafka-lab keeps `kafka-lab-journal`",
    ru: "список: `kafka-lab topic list`",
  };
  assert.deepEqual(asInvoked(hint, "deno task lab"), {
    en: "see `deno task lab topic list`; kafka-lab keeps `kafka-lab-journal`",
    ru: "список: `deno task lab topic list`",
  });
  assert.equal(asInvoked(hint, "kafka-lab"), hint);
});
