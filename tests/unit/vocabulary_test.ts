/**
 * One vocabulary over the whole command table (every command, subcommand and
 * lab): a short flag means one thing everywhere, and the shared ones mean what
 * they mean in kcat and rpk.
 */
import assert from "node:assert/strict";
import { COMMANDS } from "../../cli.ts";
import type { OptionSpec } from "../../lib/cli/args.ts";
import { type Command, GLOBAL_OPTIONS } from "../../lib/cli/command.ts";

/** Every option of the table with the command it belongs to. */
function allOptions(): Array<{ where: string; option: OptionSpec }> {
  const found: Array<{ where: string; option: OptionSpec }> = GLOBAL_OPTIONS.map((option) => ({
    where: "(global)",
    option,
  }));
  const walk = (cmd: Command, parent: string) => {
    const where = `${parent}${cmd.name}`;
    for (const option of cmd.options ?? []) found.push({ where, option });
    for (const sub of cmd.subcommands ?? []) walk(sub, `${where} `);
  };
  for (const c of COMMANDS) walk(c, "");
  return found;
}

/** Each short flag and the long names it stands for, with where. */
export function shortMeanings(
  options: ReadonlyArray<{ where: string; option: OptionSpec }>,
): Map<string, Map<string, string[]>> {
  const meanings = new Map<string, Map<string, string[]>>();
  for (const { where, option } of options) {
    if (!option.short) continue;
    const byName = meanings.get(option.short) ?? new Map<string, string[]>();
    byName.set(option.name, [...(byName.get(option.name) ?? []), where]);
    meanings.set(option.short, byName);
  }
  return meanings;
}

Deno.test("vocabulary no short flag has two meanings in any command or lab", () => {
  const clashes = [...shortMeanings(allOptions())]
    .filter(([, names]) => names.size > 1)
    .map(([short, names]) =>
      `-${short}: ` +
      [...names].map(([name, where]) => `--${name} (${where.join(", ")})`).join(" vs ")
    );
  assert.deepEqual(clashes, []);
});

Deno.test("vocabulary the shared short flags mean what they mean in kcat and rpk", () => {
  const meanings = shortMeanings(allOptions());
  const expected: Record<string, string> = {
    b: "bootstrap-server",
    t: "topic",
    p: "partition",
    o: "from",
    n: "count",
    g: "group",
    k: "key",
    K: "key-separator",
    H: "header",
  };
  for (const [short, name] of Object.entries(expected)) {
    const names = [...(meanings.get(short)?.keys() ?? [])];
    assert.deepEqual(names, [name], `-${short}`);
  }
});

Deno.test("vocabulary the check fails on a short flag with two meanings", () => {
  const clash = shortMeanings([
    { where: "a", option: { name: "partition", short: "p", type: "integer", description: "" } },
    { where: "b", option: { name: "prefix", short: "p", type: "string", description: "" } },
  ]);
  assert.equal(clash.get("p")?.size, 2);
});

Deno.test("vocabulary an old spelling stays accepted for a release, hidden, pointing at an option", () => {
  const options = allOptions();
  for (const { where, option } of options.filter((o) => o.option.aliasOf)) {
    assert.equal(option.hidden, true, `${where} --${option.name} is hidden`);
    assert.ok(!option.short, `${where} --${option.name} has no short flag`);
    const target = options.find((o) => o.where === where && o.option.name === option.aliasOf!.name);
    assert.ok(target, `${where} --${option.name} points at --${option.aliasOf!.name}`);
  }
});
