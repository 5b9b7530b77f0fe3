/**
 * Start-up of kafka-lab as a student feels it: whole-process time of
 * `--version`, `--help` and `lab1 list` (each a `deno run` subprocess as
 * `deno task lab` starts it), against a Deno hello-world in the same run.
 * `deno bench` prints each one's time and, in the group summary, how many
 * times slower than the hello-world baseline it is.
 *
 * Each bench function is `async` on purpose: `deno bench` awaits only
 * functions declared async, and would otherwise time the spawn alone.
 *
 * Run: `deno task bench` (or `deno bench -A bench/startup_bench.ts`).
 * `lab1 list` needs a cluster (`kafka-lab up`); without one it is ignored.
 * @module
 */
import { fileURLToPath } from "node:url";
import { probeTcp } from "../lib/net.ts";
import { PERMISSION_FLAGS } from "../tests/helpers.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** `deno task lab`'s `deno run` flags (lazy imports, V8 flags), read from deno.json. */
const TASK_FLAGS: string[] = (() => {
  const json = JSON.parse(Deno.readTextFileSync(`${ROOT}/deno.json`));
  const words = (json.tasks.lab.command as string).split(/\s+/);
  return words.slice(2, words.indexOf("main.ts"));
})();
const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const HELLO = fileURLToPath(new URL("./hello.ts", import.meta.url));
const BROKER = (Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092").split(",")[0];
const CLUSTER_UP = (await probeTcp(BROKER, 2000)).ok;

async function run(script: string, args: string[] = []): Promise<void> {
  const flags = script === HELLO ? PERMISSION_FLAGS : TASK_FLAGS;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...flags, script, ...args],
    env: { NO_COLOR: "1", INIT_CWD: ROOT },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(`${script} ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
}

const options = { group: "startup", n: 30, warmup: 3 } as const;

Deno.bench("deno hello-world", { ...options, baseline: true }, async () => await run(HELLO));
Deno.bench("kafka-lab --version", options, async () => await run(MAIN, ["--version"]));
Deno.bench("kafka-lab --help", options, async () => await run(MAIN, ["--help"]));
Deno.bench(
  "kafka-lab lab1 list",
  { ...options, ignore: !CLUSTER_UP },
  async () => await run(MAIN, ["lab1", "list", "--quiet"]),
);
