/**
 * The GitHub workflows: actions pinned by commit SHA, Deno's version from
 * `.dvmrc`, the release compiled with `deno task compile`'s permission flags
 * for five targets, and the pinned actionlint clean on both files.
 *
 * actionlint is found (`KAFKA_LAB_ACTIONLINT`, PATH, `$(go env GOPATH)/bin`) at
 * the version pinned in `.github/actionlint-version`, else installed at that
 * version with `go install` into the kafka-lab cache. Without Go the test is
 * reported as ignored; `.ci/run` sets `KAFKA_LAB_REQUIRE_ACTIONLINT=1`, so in
 * CI it can never be skipped.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parse } from "yaml";
import { resolveDirs } from "../../lib/config.ts";
import { PERMISSION_FLAGS, ROOT } from "../helpers.ts";

const CI = Deno.readTextFileSync(join(ROOT, ".github/workflows/ci.yml"));
const RELEASE = Deno.readTextFileSync(join(ROOT, ".github/workflows/release.yml"));
const ACTIONLINT_VERSION = Deno.readTextFileSync(join(ROOT, ".github/actionlint-version")).trim();
const DENO_JSON = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json")));

// deno-lint-ignore no-explicit-any
type Yaml = any;

function steps(workflow: Yaml): Yaml[] {
  return Object.values(workflow.jobs).flatMap((job: Yaml) => job.steps ?? []);
}

function allowFlags(command: string): string[] {
  return command.split(/\s+/).filter((w) => w.startsWith("--allow-"));
}

Deno.test("workflows pin every action by a 40-hex commit SHA with its version in a comment", () => {
  for (const text of [CI, RELEASE]) {
    const uses = text.split("\n").filter((l) => /^\s*-?\s*uses:/.test(l));
    assert.ok(uses.length > 0);
    for (const line of uses) {
      // A workflow of this repository (release.yml calls ci.yml) is the tagged commit's own.
      if (/^\s*uses: \.\/\.github\/workflows\/[\w-]+\.yml$/.test(line)) continue;
      assert.match(line, /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, line);
    }
  }
});

Deno.test("workflows take Deno's version from .dvmrc, the one .ci/run reads", () => {
  const dvmrc = Deno.readTextFileSync(join(ROOT, ".dvmrc")).trim();
  assert.match(dvmrc, /^\d+\.\d+\.\d+$/);
  const setups = [CI, RELEASE].flatMap((t) => steps(parse(t)))
    .filter((s) => String(s.uses ?? "").startsWith("denoland/setup-deno@"));
  assert.ok(setups.length >= 4);
  for (const s of setups) assert.deepEqual(s.with, { "deno-version-file": ".dvmrc" });
  assert.match(Deno.readTextFileSync(join(ROOT, ".ci/run")), /DENO_VERSION="\$\(cat \.dvmrc\)"/);
});

Deno.test("deno task compile grants exactly the permission flags the CLI tests run with", () => {
  assert.deepEqual(allowFlags(DENO_JSON.tasks.compile.command), [...PERMISSION_FLAGS]);
  assert.deepEqual(allowFlags(DENO_JSON.tasks.lab.command), [...PERMISSION_FLAGS]);
});

Deno.test("release compiles five targets with the flags read from deno.json's compile task", () => {
  const release = parse(RELEASE);
  const targets = release.jobs.compile.strategy.matrix.include.map((m: Yaml) => m.target).sort();
  assert.deepEqual(targets, [
    "aarch64-apple-darwin",
    "aarch64-unknown-linux-gnu",
    "x86_64-apple-darwin",
    "x86_64-pc-windows-msvc",
    "x86_64-unknown-linux-gnu",
  ]);
  const compile = steps({ jobs: { c: release.jobs.compile } }).find((s) =>
    String(s.run ?? "").includes("deno compile")
  );
  assert.ok(compile, "a step runs deno compile");
  assert.match(compile.run, /jq -r '\.tasks\.compile\.command' deno\.json/);
  assert.doesNotMatch(compile.run, /deno compile[^\n]*--allow-/, "no flag is written twice");
  const files = release.jobs.compile.strategy.matrix.include.map((m: Yaml) => m.file).sort();
  const smoked = release.jobs.smoke.strategy.matrix.include.map((m: Yaml) => m.file).sort();
  assert.deepEqual(smoked, files, "every binary is run on a runner of its OS");
});

Deno.test("release smoke-tests each binary without Deno: version, help, up, labs, status, down", () => {
  const smoke = parse(RELEASE).jobs.smoke;
  assert.ok(!smoke.steps.some((s: Yaml) => String(s.uses ?? "").includes("checkout")));
  const script = smoke.steps.map((s: Yaml) => s.run ?? "").join("\n");
  for (
    const words of [
      "if command -v deno",
      '"${bin}" --version',
      '"${bin}" --help',
      '"${bin}" up --runtime java',
      "for lab in lab1 lab2 lab3 lab4",
      '"${bin}" "${lab}" --quiet',
      '"${bin}" status',
      '"${bin}" down --purge',
      // lab 5's part 4 runs the binary again as its own child process
      '"${bin}" lab5 semantics',
    ]
  ) assert.ok(script.includes(words), words);
  const release = parse(RELEASE).jobs.release;
  assert.deepEqual(release.needs, "smoke");
  assert.match(steps({ jobs: { r: release } }).map((s) => s.run ?? "").join("\n"), /SHA256SUMS/);
});

Deno.test("release publishes only after CI passed on the tagged commit", () => {
  const release = parse(RELEASE);
  const ci = parse(CI);
  assert.equal(release.jobs.ci.uses, "./.github/workflows/ci.yml");
  assert.equal(release.jobs.compile.needs, "ci");
  assert.equal(release.jobs.smoke.needs, "compile");
  assert.ok("workflow_call" in ci.on, "ci.yml can be called by release.yml");
  // A tag runs CI once, through release.yml; branches and pull requests run it directly.
  assert.deepEqual(ci.on.push, { branches: ["**"] });
  assert.ok("pull_request" in ci.on);
  assert.match(
    steps({ jobs: { c: ci.jobs.check } }).map((s) => s.run ?? "").join("\n"),
    /^\.ci\/run$/m,
  );
});

Deno.test(".ci/run installs through sudo unless root, and times both test tasks", () => {
  const run = Deno.readTextFileSync(join(ROOT, ".ci/run"));
  assert.match(run, /if \[ "\$\(id -u\)" -eq 0 \]; then\n\s+SUDO=""/);
  const installs = run.split("\n")
    .filter((l) => !l.trim().startsWith("#"))
    .filter((l) => /apt-get (update|install)|npm install -g/.test(l));
  assert.ok(installs.length >= 3, installs.join("\n"));
  for (const line of installs) assert.match(line, /as_root|\$SUDO/, line);
  assert.doesNotMatch(run, /^\s*(apt_install|as_root)\b.*\bsudo\b/m, "sudo only through $SUDO");
  assert.match(run, /^timed deno task test$/m);
  assert.match(run, /^timed deno task test:faults$/m);
});

async function versionOf(bin: string): Promise<string | undefined> {
  try {
    const out = await new Deno.Command(bin, { args: ["-version"], stdout: "piped" }).output();
    return out.success ? new TextDecoder().decode(out.stdout).split("\n")[0].trim() : undefined;
  } catch {
    return undefined;
  }
}

async function goBin(): Promise<string | undefined> {
  try {
    const out = await new Deno.Command("go", { args: ["env", "GOPATH"], stdout: "piped" }).output();
    const gopath = new TextDecoder().decode(out.stdout).trim();
    return out.success && gopath ? join(gopath.split(/[:;]/)[0], "bin") : undefined;
  } catch {
    return undefined;
  }
}

/** The pinned actionlint: found, or installed with `go install`; undefined without Go. */
async function actionlint(): Promise<string | undefined> {
  const exe = Deno.build.os === "windows" ? "actionlint.exe" : "actionlint";
  const bin = await goBin();
  const { cacheDir } = resolveDirs({ env: Deno.env.toObject(), dotenv: {}, os: Deno.build.os });
  const pinnedDir = join(cacheDir, "tools", `actionlint-v${ACTIONLINT_VERSION}`);
  const candidates = [
    Deno.env.get("KAFKA_LAB_ACTIONLINT"),
    "actionlint",
    bin ? join(bin, exe) : undefined,
    join(pinnedDir, exe),
  ].filter((c): c is string => c !== undefined && c !== "");
  for (const c of candidates) {
    if (await versionOf(c) === `v${ACTIONLINT_VERSION}`) return c;
  }
  if (bin === undefined) return undefined;
  const install = await new Deno.Command("go", {
    args: ["install", `github.com/rhysd/actionlint/cmd/actionlint@v${ACTIONLINT_VERSION}`],
    env: { GOBIN: pinnedDir, GOFLAGS: "-mod=mod" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return install.success ? join(pinnedDir, exe) : undefined;
}

const ACTIONLINT = await actionlint();
const REQUIRED = Deno.env.get("KAFKA_LAB_REQUIRE_ACTIONLINT") === "1";

Deno.test({
  name: `workflows pass actionlint v${ACTIONLINT_VERSION}`,
  ignore: ACTIONLINT === undefined && !REQUIRED,
  async fn() {
    assert.ok(ACTIONLINT, "actionlint is not installed and Go is not there to install it");
    const out = await new Deno.Command(ACTIONLINT, {
      args: ["-no-color", ".github/workflows/ci.yml", ".github/workflows/release.yml"],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, text);
  },
});
