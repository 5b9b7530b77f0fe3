/**
 * What the exercise tests share: write a starter with `kafka-lab exercise`,
 * lay a reference solution (then a broken variant's files) from
 * tests/exercises/<lab>/<language>/ over it, run `check <lab> --exercise` and
 * compare the failing criteria with what the variant must fail. Every
 * variant of one language is checked side by side (each check run uses names
 * of its own, remembered here for deletion).
 *
 * Python needs confluent-kafka: the interop venv (`.ci/run` creates it before
 * `deno task test`) goes first on PATH, as a student's activated venv would.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type Event, events, ROOT, runCli } from "../helpers.ts";
import { remember } from "../cleanup.ts";

const VENV_BIN = join(Deno.env.get("HOME") ?? "", ".cache/kafka-lab-interop-venv/bin");
/** PATH with the venv's python3 first. */
export const PATH = `${VENV_BIN}:${Deno.env.get("PATH") ?? ""}`;

/** Fails the test unless `python3` on {@linkcode PATH} imports confluent_kafka. */
export async function assertPython(): Promise<void> {
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
}

async function copyInto(from: string, to: string): Promise<void> {
  for (const entry of Deno.readDirSync(from)) {
    if (entry.isFile) await Deno.copyFile(join(from, entry.name), join(to, entry.name));
  }
}

interface Case {
  readonly lab: string;
  readonly language: string;
  readonly variant: string;
  readonly failing: readonly string[];
}

async function checkVariant(c: Case, root: string): Promise<Event[]> {
  const dir = join(root, `${c.language}-${c.variant}`);
  const written = await runCli(["exercise", c.lab, "--language", c.language, "--dir", dir]);
  assert.equal(written.code, 0, written.stderr);
  const solutions = join(ROOT, "tests/exercises", c.lab, c.language);
  await copyInto(join(solutions, "reference"), dir);
  await copyInto(join(solutions, c.variant), dir);
  const r = await runCli(["check", c.lab, "--exercise", dir, "--json"], {
    env: { PATH },
    timeoutMs: 240_000,
  });
  const evs = events(r.stdout);
  for (const e of evs.filter((e) => e.event === "exercise.started")) remember(e.prefix as string);
  const label = `${c.lab} ${c.language}/${c.variant}`;
  assert.equal(r.code, c.failing.length === 0 ? 0 : 1, `${label}: ${r.stdout}\n${r.stderr}`);
  // The verdicts are saved in the folder for `kafka-lab report --exercise`.
  const saved = JSON.parse(await Deno.readTextFile(join(dir, "check-results.json")));
  const failedNow = evs.filter((e) => e.event === "exercise.criterion" && !e.pass).map((e) => e.id);
  assert.deepEqual(
    saved.criteria.filter((v: { pass: boolean }) => !v.pass).map((v: { id: string }) => v.id),
    failedNow,
    `${label}: check-results.json holds the same verdicts`,
  );
  return evs;
}

/**
 * Checks the reference and every variant of `lab` in `language`: the reference
 * passes all `criteria`, each variant fails exactly its list, each with a hint.
 */
export async function checkVariants(
  lab: string,
  language: string,
  expected: { readonly criteria: number; readonly variants: Record<string, readonly string[]> },
): Promise<void> {
  const root = await Deno.makeTempDir();
  try {
    const cases = Object.entries(expected.variants).map(([variant, failing]) => ({
      lab,
      language,
      variant,
      failing,
    }));
    // Every check finishes (and deletes its names) before any assertion fails the test.
    const settled = await Promise.allSettled(cases.map((c) => checkVariant(c, root)));
    const results = settled.map((s) => {
      if (s.status === "rejected") throw s.reason;
      return s.value;
    });
    cases.forEach((c, i) => {
      const label = `${lab} ${language}/${c.variant}`;
      const criteria = results[i].filter((e) => e.event === "exercise.criterion");
      assert.equal(criteria.length, expected.criteria, `${label}: every criterion is judged`);
      const failed = criteria.filter((e) => !e.pass).map((e) => e.id as string).sort();
      assert.deepEqual(failed, [...c.failing].sort(), `${label}: ${JSON.stringify(criteria)}`);
      for (const e of criteria.filter((e) => !e.pass)) assert.ok(e.hint, `${e.id} has a hint`);
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

/** {@linkcode checkVariants} for TypeScript and Python side by side; both finish before a failure. */
export async function checkBothLanguages(
  lab: string,
  expected: Parameters<typeof checkVariants>[2],
): Promise<void> {
  await assertPython();
  const settled = await Promise.allSettled([
    checkVariants(lab, "ts", expected),
    checkVariants(lab, "python", expected),
  ]);
  for (const s of settled) if (s.status === "rejected") throw s.reason;
}
