/**
 * Start-up side by side, interleaved: each round runs every command once, in
 * turn, so a busy machine slows them all alike. Whole-process wall time of
 * kafka-lab's `--help`, `lab1 --help` and `lab1 list` as `deno task lab`
 * runs them (its `deno run` line from deno.json, with the INIT_CWD it sets;
 * `deno task`'s own start is left out) and as a plain `deno run -A main.ts`,
 * against a Deno hello-world and `kcat -L` (one Metadata request, in C).
 * Prints each one's median and its ratio to the hello-world and to kcat.
 *
 * Run: `deno run -A bench/startup_compare.ts [--rounds 40] [--before DIR]`.
 * `--before DIR` adds the same commands from another checkout (e.g. a
 * `git worktree` of an older commit), run as its own `deno task lab` did.
 * `lab1 list` and kcat need a cluster (`kafka-lab up`; KAFKA_BROKERS to
 * choose another); without one they are left out.
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { probeTcp } from "../lib/net.ts";
import { PERMISSION_FLAGS } from "../tests/helpers.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BROKER = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",")[0];

interface Row {
  readonly name: string;
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** `deno task` sets INIT_CWD for the command it runs (kafka-lab's hints read it). */
  readonly env?: Record<string, string>;
}

/** `deno task lab`'s command line for a checkout (read from its deno.json), without `main.ts`. */
function taskFlags(dir: string): string[] {
  const json = JSON.parse(Deno.readTextFileSync(`${dir}/deno.json`));
  const words = (json.tasks.lab.command as string).split(/\s+/);
  return words.slice(2, words.indexOf("main.ts"));
}

function rows(before: string | undefined, clusterUp: boolean, kcat: boolean): Row[] {
  const deno = Deno.execPath();
  const task = (dir: string, label: string, args: string[]): Row => ({
    name: `${label}${args.join(" ")}`,
    program: deno,
    args: ["run", ...taskFlags(dir), "main.ts", ...args],
    cwd: dir,
    env: { INIT_CWD: dir },
  });
  const lines = [["--help"], ["lab1", "--help"], ...(clusterUp ? [["lab1", "list"]] : [])];
  return [
    {
      name: "deno hello-world",
      program: deno,
      args: ["run", ...PERMISSION_FLAGS, "bench/hello.ts"],
      cwd: ROOT,
    },
    ...(before ? lines.map((l) => task(before, "before: ", l)) : []),
    ...lines.map((l) => task(ROOT, "", l)),
    ...lines.map((l): Row => ({
      name: `deno run -A main.ts ${l.join(" ")}`,
      program: deno,
      args: ["run", "-A", "main.ts", ...l],
      cwd: ROOT,
    })),
    ...(clusterUp && kcat
      ? [{ name: "kcat -L", program: "kcat", args: ["-L", "-b", BROKER], cwd: ROOT }]
      : []),
  ];
}

async function timeOnce(row: Row): Promise<number> {
  const started = performance.now();
  const out = await new Deno.Command(row.program, {
    args: [...row.args],
    cwd: row.cwd,
    env: { NO_COLOR: "1", ...row.env },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).output();
  const ms = performance.now() - started;
  if (!out.success) {
    throw new Error(`${row.name} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function hasKcat(): Promise<boolean> {
  try {
    return (await new Deno.Command("kcat", { args: ["-V"], stdout: "null", stderr: "null" })
      .output()).success;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: { rounds: { type: "string", default: "40" }, before: { type: "string" } },
  });
  const clusterUp = (await probeTcp(BROKER, 2000)).ok;
  const table = rows(values.before, clusterUp, await hasKcat());
  const times = table.map(() => [] as number[]);
  for (const row of table) await timeOnce(row); // warms the caches, and fails early
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const [i, row] of table.entries()) times[i].push(await timeOnce(row));
  }
  const medians = times.map(median);
  const kcatAt = table.findIndex((r) => r.name === "kcat -L");
  const lines = [
    `${Deno.version.deno} ${Deno.build.target}, ${values.rounds} interleaved rounds, medians`,
  ];
  for (const [i, row] of table.entries()) {
    const vsHello = (medians[i] / medians[0]).toFixed(2);
    const vsKcat = kcatAt >= 0 ? `  ${(medians[i] / medians[kcatAt]).toFixed(1)}x kcat` : "";
    lines.push(`${medians[i].toFixed(1).padStart(7)} ms  ${vsHello}x hello${vsKcat}  ${row.name}`);
  }
  // deno-lint-ignore no-console
  console.log(lines.join("\n"));
}

await main();
