/**
 * `read` of a large topic into a file, beside kcat doing the same (needs a
 * cluster, kcat, and a topic filled once):
 *
 * ```sh
 * deno task lab topic create read-bench --partitions 3
 * seq 1 200000 | awk '{s=sprintf("{\"n\":%d,\"text\":\"Hello Kafka %d\",\"pad\":\"",$1,$1);
 *   while (length(s) < 98) s = s "x"; printf "key-%d:%s\"}\n",$1,s}' \
 *   | kcat -b localhost:19092 -P -t read-bench -K:
 * KAFKA_LAB_READ_BENCH_TOPIC=read-bench deno bench -A bench/read_bench.ts
 * ```
 * Without `KAFKA_LAB_READ_BENCH_TOPIC` the benches are skipped. hyperfine gives
 * the same comparison from a shell, and `bench/read_interleaved.sh` runs it interleaved, idle or
 * beside a busy loop (README, "Benchmarks").
 * @module
 */
import { fileURLToPath } from "node:url";

const topic = Deno.env.get("KAFKA_LAB_READ_BENCH_TOPIC");
const brokers = Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092";
const main = fileURLToPath(new URL("../main.ts", import.meta.url));
/** Runs of each command (each takes about a second). */
const ROUNDS = 10;
const out = topic === undefined ? "" : await Deno.makeTempFile({ prefix: "kafka-lab-read-bench-" });

async function run(program: string, args: string[]): Promise<void> {
  const file = await Deno.open(out, { write: true, truncate: true });
  const r = await new Deno.Command(program, {
    args,
    stdout: "piped",
    stderr: "null",
    env: { NO_COLOR: "1" },
  }).spawn();
  await r.stdout.pipeTo(file.writable);
  const status = await r.status;
  if (!status.success) throw new Error(`${program} exited ${status.code}`);
}

Deno.bench({
  name: "kcat -C -e: every record of the topic to a file",
  group: "read",
  baseline: true,
  ignore: topic === undefined,
  n: ROUNDS,
  warmup: 1,
  // An async function: Deno awaits only those (a function returning a promise ran unawaited).
  fn: async () => {
    await run("kcat", ["-C", "-b", brokers, "-t", topic!, "-e", "-q", "-o", "beginning"]);
  },
});

Deno.bench({
  name: "kafka-lab read --value-only: the same to a file",
  group: "read",
  ignore: topic === undefined,
  n: ROUNDS,
  warmup: 1,
  fn: async () => {
    await run(Deno.execPath(), ["run", "-A", main, "read", topic!, "--value-only"]);
  },
});

Deno.bench({
  name: "kafka-lab read (lines for people): the same to a file",
  group: "read",
  ignore: topic === undefined,
  n: ROUNDS,
  warmup: 1,
  fn: async () => {
    await run(Deno.execPath(), ["run", "-A", main, "read", topic!]);
  },
});
