/**
 * Grading credits the course's own kind of program: lab 4's batch and single
 * consumers written in Python with Confluent's client (`lab4_consumers.py`)
 * pass `check lab4`'s reading and commit-pattern tasks, from the broker's
 * record of their commits. Needs Python with `confluent-kafka` (see
 * `confluent_test.ts`); run with `deno task test:interop`.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { check, removePrefix, runOk, uniquePrefix } from "../integration/check_support.ts";

const python = Deno.env.get("KAFKA_LAB_INTEROP_PYTHON") ?? "python3";
const script = fileURLToPath(new URL("./lab4_consumers.py", import.meta.url));

async function consumer(p: string, mode: "batch" | "single", count: number): Promise<void> {
  const out = await new Deno.Command(python, {
    args: [
      script,
      "--brokers",
      Deno.env.get("KAFKA_BROKERS") ?? "localhost:19092",
      "--topic",
      `${p}final-1-topic`,
      "--group",
      `${p}${mode}-group`,
      "--mode",
      mode,
      "--count",
      String(count),
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
}

Deno.test("interop check lab4 credits the course's Python batch and single consumers by their commits", async () => {
  const p = uniquePrefix();
  try {
    await runOk(["lab1", "--quiet", "--prefix", p]);
    await runOk([
      "lab4",
      "produce",
      "--quiet",
      "--prefix",
      p,
      "--instances",
      "2",
      "--count",
      "15",
      "--interval",
      "0",
    ]);
    await Promise.all([consumer(p, "batch", 30), consumer(p, "single", 30)]);
    const { tasks } = await check("lab4", p);
    const failed = tasks.filter((t) => t.required && !t.pass).map((t) =>
      `${t.task}: ${t.evidence}`
    );
    assert.deepEqual(failed, []);
    const batch = tasks.find((t) => t.task === "batch-commits")!;
    assert.match(batch.evidence, /records per commit: .*\b([2-9]|10)\b/);
  } finally {
    await removePrefix(p);
  }
});
