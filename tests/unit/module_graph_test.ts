/**
 * `deno compile` embeds exactly the module graph of main.ts: static imports,
 * dynamic imports with a literal specifier, and JSON/text/bytes imports. A lab,
 * text table, schema or asset outside that graph would be missing from the
 * binary (and lazy loading would break there only). These tests walk the graph
 * that `deno info --json main.ts` reports and compare it with the files on disk.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ROOT } from "../helpers.ts";

/** Folders whose every file (tests and docs aside) the binary needs. */
const EMBEDDED_FOLDERS = ["labs", "lib"];
/** Files outside those folders that the program imports. */
const EMBEDDED_FILES = ["main.ts", "cli.ts", "deno.json", "compose.yaml"];
/** Folders under those that only tests import: the program must never reach them. */
const TEST_ONLY = ["lib/kafka/fake/"];
/**
 * The answer key, for instructors (`deno task answers`, tools/answers.ts): the
 * students' program must never reach it, or `deno compile` would ship it.
 */
const INSTRUCTORS_ONLY = /^labs\/[^/]+\/answers\.ts$|^lib\/grading\/answers\.ts$/;

interface InfoModule {
  readonly specifier: string;
  readonly kind?: string;
  readonly error?: string;
  readonly dependencies?: ReadonlyArray<{ readonly specifier: string; isDynamic?: boolean }>;
}

async function moduleGraph(): Promise<InfoModule[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "main.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout)).modules;
}

const GRAPH = await moduleGraph();
/** Repository-relative paths of every local file in the graph, `/` separated. */
const REACHABLE = new Set(
  GRAPH.filter((m) => m.specifier.startsWith("file:"))
    .map((m) => relative(ROOT, fileURLToPath(m.specifier)).replaceAll("\\", "/")),
);

function* walk(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(join(ROOT, dir))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* walk(path);
    else if (entry.isFile) yield path;
  }
}

function shipped(path: string): boolean {
  return !/_test\.ts$|\.md$|(^|\/)\./.test(path) && !TEST_ONLY.some((d) => path.startsWith(d)) &&
    !INSTRUCTORS_ONLY.test(path);
}

Deno.test("module graph of main.ts reaches every file under labs/ and lib/", () => {
  const files = EMBEDDED_FOLDERS.flatMap((d) => [...walk(d)]).filter(shipped);
  assert.ok(files.length > 20, "the walk found the sources");
  const missing = files.filter((f) => !REACHABLE.has(f)).sort();
  assert.deepEqual(
    missing,
    [],
    `not imported from main.ts (statically or by a literal dynamic import), so deno compile ` +
      `would leave them out: ${missing.join(", ")}`,
  );
});

Deno.test("module graph of main.ts never reaches the fake Kafka port (tests only)", () => {
  const fake = [...walk("lib/kafka/fake")].filter((f) => f.endsWith(".ts"));
  assert.ok(fake.length > 3, "the walk found the fake");
  const reached = [...REACHABLE].filter((f) => TEST_ONLY.some((d) => f.startsWith(d)));
  assert.deepEqual(reached, [], "production code imports a test-only module");
});

Deno.test("module graph of main.ts never reaches the answer key (instructors only)", () => {
  const keys = [...walk("labs"), ...walk("lib")].filter((f) => INSTRUCTORS_ONLY.test(f));
  assert.ok(keys.length >= 5, `the walk found the answer keys: ${keys.join(", ")}`);
  const reached = [...REACHABLE].filter((f) => INSTRUCTORS_ONLY.test(f) || f.startsWith("tools/"));
  assert.deepEqual(reached, [], "the students' program would embed the answer key");
});

Deno.test("module graph of main.ts holds deno.json and compose.yaml (imported assets)", () => {
  for (const f of EMBEDDED_FILES) assert.ok(REACHABLE.has(f), f);
});

Deno.test("module graph of main.ts has every lab's text table and schema", () => {
  const labs = [...REACHABLE].filter((f) => /^labs\/lab\d/.test(f));
  const numbers = new Set(labs.map((f) => /^labs\/lab(\d+)/.exec(f)![1]));
  assert.ok(numbers.size >= 4, `labs found: ${[...numbers].join(", ")}`);
  for (const n of numbers) {
    assert.ok(
      labs.some((f) => /text\.ts$/.test(f) && f.startsWith(`labs/lab${n}`)),
      `lab${n} text`,
    );
  }
  assert.ok(labs.some((f) => f.endsWith(".json")), "a lab schema (JSON) is in the graph");
});

Deno.test("module graph of main.ts resolves without errors", () => {
  const broken = GRAPH.filter((m) => m.error).map((m) => `${m.specifier}: ${m.error}`);
  assert.deepEqual(broken, []);
});

Deno.test("program code uses only literal specifiers in dynamic imports", () => {
  const offenders: string[] = [];
  const files = ["main.ts", ...EMBEDDED_FOLDERS.flatMap((d) => [...walk(d)])]
    .filter((f) => f.endsWith(".ts") && shipped(f));
  for (const f of files) {
    const text = Deno.readTextFileSync(join(ROOT, f));
    for (const m of text.matchAll(/\bimport\(\s*([^)]*)\)/g)) {
      if (!/^(["'])[^"'`$]+\1$/.test(m[1].trim())) offenders.push(`${f}: import(${m[1]})`);
    }
  }
  assert.deepEqual(offenders, [], "deno compile cannot follow a computed import()");
});

interface GraphDependency {
  readonly specifier: string;
  readonly code?: { readonly specifier: string };
  readonly isDynamic?: boolean;
}

/** Every module `root` loads before its first line runs: static code imports only. */
function staticReach(root: string): Set<string> {
  const bySpecifier = new Map(GRAPH.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const todo = [pathToFileURL(join(ROOT, root)).href];
  while (todo.length > 0) {
    const specifier = todo.pop()!;
    if (seen.has(specifier)) continue;
    seen.add(specifier);
    const deps = (bySpecifier.get(specifier)?.dependencies ?? []) as readonly GraphDependency[];
    for (const d of deps) if (d.code && !d.isDynamic) todo.push(d.code.specifier);
  }
  return seen;
}

const HEAVY_PACKAGES =
  /^npm:\/?(kafkajs|@faker-js\/faker|@kafkajs\/confluent-schema-registry|ajv)@/;

Deno.test("main.ts and cli.ts load no Kafka client, faker, registry client or ajv up front", () => {
  for (const root of ["main.ts", "cli.ts"]) {
    const heavy = [...staticReach(root)].filter((s) => HEAVY_PACKAGES.test(s));
    assert.deepEqual(heavy, [], `${root} imports statically: ${heavy.join(", ")}`);
  }
  const client = [...staticReach("lib/kafka/kafkajs/driver.ts")];
  assert.ok(client.some((s) => HEAVY_PACKAGES.test(s)), "the walk does see npm packages");
});

Deno.test("the Kafka port and the commands that only ask for metadata load no kafkajs up front", () => {
  // ctx.kafka() loads lib/kafka/clients.ts; kafkajs comes only with the first client made.
  const roots = [
    "lib/kafka/port.ts",
    "lib/kafka/clients.ts",
    "labs/lab1_topics/list.ts",
    "commands/cluster/status_run.ts",
  ];
  for (const root of roots) {
    const heavy = [...staticReach(root)].filter((s) => /^npm:\/?kafkajs@/.test(s));
    assert.deepEqual(heavy, [], `${root} imports kafkajs statically`);
  }
});

/** Local modules and the local modules each one loads (code, static or dynamic; or types too). */
function localEdges(withTypes: boolean): Map<string, string[]> {
  const local = (s: string) => s.startsWith("file:") ? relative(ROOT, fileURLToPath(s)) : undefined;
  const edges = new Map<string, string[]>();
  for (const m of GRAPH) {
    const from = local(m.specifier);
    if (from === undefined) continue;
    const deps = (m.dependencies ?? []) as ReadonlyArray<
      GraphDependency & { readonly type?: { readonly specifier: string } }
    >;
    const to = deps.flatMap((d) => [d.code?.specifier, withTypes ? d.type?.specifier : undefined])
      .flatMap((s) => s === undefined ? [] : [local(s)])
      .filter((s): s is string => s !== undefined);
    edges.set(from.replaceAll("\\", "/"), [...new Set(to.map((s) => s.replaceAll("\\", "/")))]);
  }
  return edges;
}

/** Every import cycle of `edges` (strongly connected groups of two or more, or a self-import). */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop()!;; w = stack.pop()!) {
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(group.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

Deno.test("module graph of main.ts has no import cycle (static, dynamic or type-only imports)", () => {
  const found = cycles(localEdges(true));
  assert.deepEqual(found, [], `import cycles: ${found.map((c) => c.join(" <-> ")).join("; ")}`);
});

Deno.test("module graph of main.ts has no lib/ module importing commands/, labs/, cli.ts or main.ts", () => {
  const edges = localEdges(true);
  const up = [...edges].flatMap(([from, to]) =>
    from.startsWith("lib/")
      ? to.filter((t) => /^(commands|labs)\//.test(t) || t === "cli.ts" || t === "main.ts")
        .map((t) => `${from} -> ${t}`)
      : []
  );
  assert.ok(edges.size > 50, "the walk found the modules");
  assert.deepEqual(up, [], "lib/ is shared by commands and labs and never imports them");
});
