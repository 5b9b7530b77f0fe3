import assert from "node:assert/strict";
import { COMMANDS } from "../../cli.ts";
import { type Command, GLOBAL_OPTIONS } from "../../lib/cli/command.ts";
import { renderHelp } from "../../lib/cli/help.ts";
import { localize } from "../../lib/i18n.ts";
import { APICURIO_ARCHIVE, KAFKA_JARS, repoPath } from "../../lib/cluster/artifacts.ts";
import { PERMISSION_FLAGS, ROOT } from "../helpers.ts";

const denoJson = JSON.parse(Deno.readTextFileSync(`${ROOT}/deno.json`));

function flagsOf(task: string): string[] {
  return (denoJson.tasks[task].command as string).split(/\s+/).filter((w) =>
    w.startsWith("--allow")
  );
}

Deno.test("the compiled binary and the CLI tests use the same permission flags", () => {
  assert.deepEqual(flagsOf("compile"), [...PERMISSION_FLAGS]);
  assert.deepEqual(flagsOf("lab"), [...PERMISSION_FLAGS]);
  assert.match(denoJson.tasks.compile.command, /--output kafka-lab main\.ts$/);
});

/**
 * `deno run` reads and analyses, before the program starts, every module a
 * literal `import()` could load, unless `--unstable-lazy-dynamic-imports` is
 * given (about 12 ms of every start from source). The flag goes on the tasks
 * that run main.ts, never in deno.json's "unstable" list: there it would also
 * reach `deno compile`, whose code-only module graph would then leave every
 * lazily imported module out of the binary.
 */
Deno.test("tasks that run main.ts load lazy imports lazily; deno compile still embeds them", () => {
  const runsMain = Object.entries(denoJson.tasks as Record<string, { command: string }>)
    .filter(([, t]) => /^deno run .*main\.ts( |$)/.test(t.command));
  assert.ok(runsMain.length >= 10, runsMain.map(([name]) => name).join(", "));
  for (const [name, task] of runsMain) {
    assert.match(task.command, /^deno run --unstable-lazy-dynamic-imports /, name);
    // A young generation of 8 MiB from the start: no garbage collection while the modules load.
    assert.match(task.command, / --v8-flags=--min-semi-space-size=8 /, name);
  }
  for (
    const [name, task] of Object.entries(denoJson.tasks as Record<string, { command: string }>)
  ) {
    if (/deno compile/.test(task.command)) {
      assert.doesNotMatch(task.command, /lazy-dynamic-imports/, name);
    }
  }
  assert.ok(!(denoJson.unstable ?? []).includes("lazy-dynamic-imports"), "deno.json unstable");
});

function walk(commands: readonly Command[], path: Command[] = []): Command[][] {
  return commands.flatMap((c) => [[...path, c], ...walk(c.subcommands ?? [], [...path, c])]);
}

Deno.test("every command has a summary, renders help, and its options clash with no global option", () => {
  const globalNames = new Set<string>(GLOBAL_OPTIONS.map((o) => o.name));
  const globalShorts = new Set<string>(
    GLOBAL_OPTIONS.flatMap((o) => "short" in o ? [o.short] : []),
  );
  for (const path of walk(COMMANDS)) {
    const cmd = path[path.length - 1];
    const name = path.map((c) => c.name).join(" ");
    assert.ok(localize(cmd.summary, "en").length > 10, `${name} has a summary`);
    assert.ok(cmd.run || cmd.subcommands?.length, `${name} runs or has subcommands`);
    const help = renderHelp(COMMANDS, path, "header");
    assert.match(help, new RegExp(`Usage: (kafka-lab|deno task lab) ${name}`));
    const names = (cmd.options ?? []).map((o) => o.name);
    assert.equal(new Set(names).size, names.length, `${name} options are unique`);
    for (const o of cmd.options ?? []) {
      assert.ok(!globalNames.has(o.name), `${name} --${o.name} clashes with a global option`);
      if (o.short) assert.ok(!globalShorts.has(o.short), `${name} -${o.short} clashes`);
    }
  }
});

Deno.test("the artifact manifest pins Kafka 4.1.1 and its log4j2 binding with sha256 sums", () => {
  const all = [...KAFKA_JARS, APICURIO_ARCHIVE];
  assert.equal(new Set(all.map(repoPath)).size, all.length, "no duplicates");
  for (const a of all) {
    assert.match(a.sha256, /^[0-9a-f]{64}$/);
    assert.ok(a.size > 0);
  }
  const names = KAFKA_JARS.map((a) => `${a.group}:${a.artifact}:${a.version}`);
  assert.ok(names.includes("org.apache.kafka:kafka_2.13:4.1.1"));
  assert.ok(names.includes("org.apache.kafka:kafka-clients:4.1.1"));
  assert.ok(names.includes("org.apache.logging.log4j:log4j-slf4j-impl:2.24.3"));
  assert.ok(
    KAFKA_JARS.filter((a) => a.group === "org.apache.kafka").every((a) => a.version === "4.1.1"),
  );
  assert.equal(
    repoPath(APICURIO_ARCHIVE),
    "io/apicurio/apicurio-registry-app/3.0.9/apicurio-registry-app-3.0.9-all.tar.gz",
  );
});
