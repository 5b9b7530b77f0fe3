/**
 * `kafka-lab exercise lab2` then `check lab2 --exercise` on the real cluster,
 * in both languages: the reference solution (tests/exercises/lab2/<lang>/
 * reference) passes every criterion; each broken variant (its files laid over
 * the reference) fails exactly the criteria it breaks, each with a hint. The
 * checks of one language run side by side (each uses names of its own).
 *
 * Python needs confluent-kafka: the interop venv (`.ci/run` creates it before
 * `deno task test`) is put first on PATH, as a student's activated venv would be.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type Event, events, ROOT, runCli } from "../helpers.ts";
import { remember } from "../cleanup.ts";

const VENV_BIN = join(Deno.env.get("HOME") ?? "", ".cache/kafka-lab-interop-venv/bin");
const PATH = `${VENV_BIN}:${Deno.env.get("PATH") ?? ""}`;

/** Each broken variant and the criteria it must fail (a missing commit breaks the re-run too). */
const VARIANTS: Record<string, readonly string[]> = {
  reference: [],
  no_commit: ["consumer.committed", "consumer.again"],
  no_ack_wait: ["producer.acked"],
  wrong_text: ["producer.records"],
};

async function copyInto(from: string, to: string): Promise<void> {
  for (const entry of Deno.readDirSync(from)) {
    if (entry.isFile) await Deno.copyFile(join(from, entry.name), join(to, entry.name));
  }
}

/** Writes the starter, lays the reference and then the variant over it, checks it. */
async function checkVariant(language: string, variant: string, root: string): Promise<Event[]> {
  const dir = join(root, `${language}-${variant}`);
  const written = await runCli(["exercise", "lab2", "--language", language, "--dir", dir]);
  assert.equal(written.code, 0, written.stderr);
  const solutions = join(ROOT, "tests/exercises/lab2", language);
  await copyInto(join(solutions, "reference"), dir);
  await copyInto(join(solutions, variant), dir);
  const r = await runCli(["check", "lab2", "--exercise", dir, "--json"], {
    env: { PATH },
    timeoutMs: 240_000,
  });
  const evs = events(r.stdout);
  for (const e of evs.filter((e) => e.event === "exercise.started")) remember(e.prefix as string);
  const failing = VARIANTS[variant];
  assert.equal(
    r.code,
    failing.length === 0 ? 0 : 1,
    `${language}/${variant}: ${r.stdout}\n${r.stderr}`,
  );
  return evs;
}

async function bothWays(language: string): Promise<void> {
  const root = await Deno.makeTempDir();
  try {
    const names = Object.keys(VARIANTS);
    const results = await Promise.all(names.map((v) => checkVariant(language, v, root)));
    names.forEach((variant, i) => {
      const criteria = results[i].filter((e) => e.event === "exercise.criterion");
      assert.equal(criteria.length, 8, `${language}/${variant}: eight criteria`);
      const failed = criteria.filter((e) => !e.pass).map((e) => e.id as string).sort();
      assert.deepEqual(failed, [...VARIANTS[variant]].sort(), `${language}/${variant}`);
      for (const e of criteria.filter((e) => !e.pass)) assert.ok(e.hint, `${e.id} has a hint`);
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

Deno.test("check lab2 --exercise (TypeScript): the reference passes, each broken variant fails its criteria", async () => {
  await bothWays("ts");
});

Deno.test("check lab2 --exercise (Python): the reference passes, each broken variant fails its criteria", async () => {
  const probe = await new Deno.Command("python3", {
    args: ["-c", "import confluent_kafka"],
    env: { PATH },
    stdout: "null",
    stderr: "null",
  }).output().catch(() => ({ success: false }));
  assert.ok(
    probe.success,
    `python3 with confluent-kafka is needed (create ${VENV_BIN}, see .ci/run)`,
  );
  await bothWays("python");
});

Deno.test("check lab2 --exercise says how to install confluent-kafka when python lacks it (exit 2)", async () => {
  const root = await Deno.makeTempDir();
  try {
    const dir = join(root, "ex");
    assert.equal(
      (await runCli(["exercise", "lab2", "--language", "python", "--dir", dir])).code,
      0,
    );
    const manifest = JSON.parse(await Deno.readTextFile(join(dir, "exercise.json")));
    manifest.programs.producer[0] =
      manifest.programs.consumer[0] =
        "/nonexistent/kafka-lab/python3";
    await Deno.writeTextFile(join(dir, "exercise.json"), JSON.stringify(manifest));
    const r = await runCli(["check", "lab2", "--exercise", dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /confluent_kafka/);
    assert.match(r.stderr, /pip install confluent-kafka/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
