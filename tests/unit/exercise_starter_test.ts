/**
 * `kafka-lab exercise`: the starter it writes (task in both languages, TODO
 * programs with the student's names, the manifest), that it holds no
 * solution, and that it refuses a folder that is not empty.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL as toFileUrl } from "node:url";
import { events, ROOT, runCli } from "../helpers.ts";

const SOLUTION_CALLS = [/\.send\(/, /commitOffsets/, /\.commit\(/, /\.produce\(/, /\.subscribe\(/];

const PROGRAMS = {
  lab2: ["producer", "consumer"],
  lab3: ["producer", "consumer"],
  lab4: ["batch", "single"],
};
const TOPICS = {
  lab2: /anna\.hello-kafka/,
  lab3: /anna\.users_coordinates/,
  lab4: /anna\.final-1-topic/,
};
const FILES: Record<string, string[]> = { lab2: [], lab3: ["schema.json"], lab4: [] };

const CASES = [
  ["lab2", "ts"],
  ["lab2", "python"],
  ["lab3", "ts"],
  ["lab3", "python"],
  ["lab4", "ts"],
  ["lab4", "python"],
] as const;

for (const [lab, language] of CASES) {
  Deno.test(`exercise ${lab} --language ${language} writes the task, TODO programs and manifest`, async () => {
    const dir = join(await Deno.makeTempDir(), "ex");
    try {
      const r = await runCli([
        "exercise",
        lab,
        "--language",
        language,
        "--dir",
        dir,
        "--prefix",
        "anna.",
        "--json",
      ]);
      assert.equal(r.code, 0, r.stderr);
      const written = events(r.stdout).filter((e) => e.event === "exercise.file.written");
      const ext = language === "ts" ? "ts" : "py";
      assert.deepEqual(
        written.map((e) => (e.path as string).slice(dir.length + 1)).sort(),
        [
          "TASK.md",
          "TASK.ru.md",
          "exercise.json",
          ...FILES[lab],
          ...PROGRAMS[lab].map((p) => `${p}.${ext}`),
        ]
          .sort(),
      );
      for (const f of PROGRAMS[lab].map((p) => `${p}.${ext}`)) {
        const src = await Deno.readTextFile(join(dir, f));
        assert.match(src, /TODO/);
        assert.match(src, TOPICS[lab]);
        assert.doesNotMatch(src, /\{\{/, "every placeholder is filled");
        for (const call of SOLUTION_CALLS) assert.doesNotMatch(src, call, `${f} holds ${call}`);
      }
      assert.match(
        await Deno.readTextFile(join(dir, "TASK.md")),
        /KAFKA_LAB_GROUP.*anna\.(hello|batch|users-coordinates-consumer)/,
      );
      assert.match(await Deno.readTextFile(join(dir, "TASK.ru.md")), /Проверка/);
      const manifest = JSON.parse(await Deno.readTextFile(join(dir, "exercise.json")));
      assert.equal(manifest.language, language);
      const first = PROGRAMS[lab][0];
      assert.deepEqual(manifest.programs[first].at(-1), `${first}.${ext}`);
    } finally {
      await Deno.remove(dirname(dir), { recursive: true });
    }
  });
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}

Deno.test("exercise refuses a folder that is not empty without --force (exit 2, hint)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "mine.txt"), "keep");
    const r = await runCli(["exercise", "lab2", "--dir", dir, "--lang", "ru"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /не пуста/);
    assert.match(r.stderr, /--force/);
    const forced = await runCli(["exercise", "lab2", "--dir", dir, "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(await Deno.readTextFile(join(dir, "mine.txt")), "keep");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exercise names the labs that have one when given another", async () => {
  const r = await runCli(["exercise", "lab9"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /lab2/);
});

Deno.test("every starter file is in main.ts's module graph, so deno compile embeds it", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "main.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const graph = JSON.parse(new TextDecoder().decode(out.stdout)).modules as { specifier: string }[];
  const reached = new Set(graph.map((m) => m.specifier));
  const starters = join(ROOT, "commands/exercise/starters");
  const files: string[] = [];
  for (const lab of Deno.readDirSync(starters)) {
    for (const f of Deno.readDirSync(join(starters, lab.name))) {
      files.push(join(starters, lab.name, f.name));
    }
  }
  assert.ok(files.length >= 12, "the walk found the starters");
  const missing = files.filter((f) => !reached.has(toFileUrl(f).href));
  assert.deepEqual(
    missing,
    [],
    'import these in commands/exercise/starters.ts with { type: "text" }',
  );
});
