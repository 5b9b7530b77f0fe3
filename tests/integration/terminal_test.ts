/**
 * What a student sees on a real terminal: the program runs under a
 * pseudo-terminal (util-linux `script`), so colour is on, and its tables must
 * still line up column by column.
 * @module
 */
import assert from "node:assert/strict";
import { stripAnsi } from "../../lib/output.ts";
import { MAIN, PERMISSION_FLAGS, ROOT } from "../helpers.ts";

/** A word safe inside single quotes for `sh -c`. */
function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Runs kafka-lab under a pseudo-terminal with colour on; returns what the terminal received. */
export async function runInTerminal(
  args: readonly string[],
  columns = 120,
): Promise<string> {
  const line = [Deno.execPath(), "run", ...PERMISSION_FLAGS, MAIN, ...args].map(quote).join(" ");
  const env = Deno.env.toObject();
  delete env.NO_COLOR;
  const out = await new Deno.Command("script", {
    args: ["-qfec", line, "/dev/null"],
    env: { ...env, TERM: "xterm-256color", COLUMNS: String(columns) },
    clearEnv: true,
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(60_000),
  }).output();
  const text = new TextDecoder().decode(out.stdout).replaceAll("\r\n", "\n");
  assert.equal(out.code, 0, text + new TextDecoder().decode(out.stderr));
  return text;
}

/** Where each cell of a table line starts: cells are separated by two spaces or more. */
function cellStarts(line: string): number[] {
  const starts: number[] = [];
  for (const m of line.matchAll(/(?<=^|\s{2})\S/g)) starts.push(m.index!);
  return starts;
}

/** The table under `header` (up to the first blank line), checked column by column. */
function assertAligned(screen: string, headerStart: string): void {
  assert.ok(screen.includes("\x1b[32m"), "colour is on under a terminal");
  const lines = stripAnsi(screen).split("\n");
  const at = lines.findIndex((l) => l.trimStart().startsWith(headerStart));
  assert.ok(at >= 0, `no table headed '${headerStart}' in:\n${screen}`);
  const header = cellStarts(lines[at]);
  const rows = lines.slice(at + 1, lines.findIndex((l, i) => i > at && l.trim() === ""));
  assert.ok(rows.length >= 3, `three broker rows:\n${rows.join("\n")}`);
  for (const row of rows) {
    assert.deepEqual(cellStarts(row), header, `columns of\n${lines[at]}\n${row}`);
  }
}

Deno.test("terminal status lines up its coloured broker table", async () => {
  assertAligned(await runInTerminal(["status"]), "broker  address");
});

Deno.test("terminal broker list lines up its coloured table", async () => {
  assertAligned(await runInTerminal(["broker", "list"]), "broker  address");
});

Deno.test("terminal help wraps to the terminal's width", async () => {
  const screen = stripAnsi(await runInTerminal(["lab3", "consume", "--help"], 64));
  const lines = screen.split("\n");
  assert.ok(lines.length > 30, screen);
  for (const line of lines) assert.ok(line.length <= 64, `${line.length} columns: ${line}`);
});
