import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CATALOGUES, EVENTS_MD, eventsMarkdown } from "../../docs/events.ts";
import { LAB2_EVENTS } from "../../labs/lab2_hello/events.ts";
import {
  CORE_EVENTS,
  event,
  EVENT_NAME,
  type EventDef,
  eventProblem,
  field as f,
} from "../../lib/events.ts";
import { captureOutput, ROOT } from "../helpers.ts";

const ALL = CATALOGUES.flatMap((c) => Object.values(c.events).map((e) => ({ c, e })));

function* walk(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(join(ROOT, dir))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* walk(path);
    else if (entry.isFile && path.endsWith(".ts")) yield path;
  }
}

const SOURCES = [...walk("commands"), ...walk("labs"), ...walk("lib"), "main.ts", "cli.ts"];

function isEventDef(v: unknown): v is EventDef<never> {
  const e = v as EventDef<never>;
  return typeof e === "object" && e !== null && typeof e.name === "string" &&
    typeof e.doc === "string" && typeof e.fields === "object";
}

Deno.test("every event name follows the one style and starts with its catalogue's scope", () => {
  assert.ok(ALL.length > 100, `found ${ALL.length} events`);
  for (const { c, e } of ALL) {
    assert.match(e.name, EVENT_NAME, e.name);
    if (c.scope === "") assert.ok(!e.name.includes("."), `${e.name} is a core event: no scope`);
    else assert.ok(e.name.startsWith(`${c.scope}.`), `${e.name} belongs to ${c.scope}`);
  }
});

Deno.test("the naming pattern refuses names out of style", () => {
  for (const bad of ["Bench-start", "bench_start", "lab2..done", "lab2.", ".done", "lab 2.done"]) {
    assert.doesNotMatch(bad, EVENT_NAME, bad);
  }
  for (const good of ["error", "groups.reset.dry-run", "self-check.probe", "lab5.min-isr.back"]) {
    assert.match(good, EVENT_NAME, good);
  }
});

Deno.test("event names are unique across the catalogues, and each has a one-line description", () => {
  const names = ALL.map(({ e }) => e.name);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  for (const { e } of ALL) {
    assert.ok(e.doc.length > 10 && !e.doc.includes("\n"), `${e.name}: one line`);
    assert.notEqual(e.was, e.name, `${e.name}: 'was' is for renamed events only`);
  }
});

Deno.test("every catalogue in commands/, labs/ and lib/ is listed in docs/events.ts", async () => {
  const listed = new Map(CATALOGUES.map((c) => [c.events, c.source]));
  const found: string[] = [];
  for (const path of SOURCES.filter((p) => /(^|\/)events\.ts$/.test(p))) {
    const module = await import(pathToFileURL(join(ROOT, path)).href);
    for (const [name, value] of Object.entries(module)) {
      const values = typeof value === "object" && value !== null ? Object.values(value) : [];
      if (values.length === 0 || !values.every(isEventDef)) continue;
      found.push(`${path}#${name}`);
      assert.equal(listed.get(value as never), path, `${path} ${name} is not in docs/events.ts`);
    }
  }
  assert.equal(found.length, CATALOGUES.length, found.join(", "));
});

Deno.test("docs/events.md is what `deno task docs:events` writes now", async () => {
  const written = await Deno.readTextFile(EVENTS_MD);
  assert.ok(
    written === await eventsMarkdown(),
    "docs/events.md is out of step with the catalogues: run `deno task docs:events`",
  );
});

Deno.test("no event is named by a string at a call site: every one comes from a catalogue", () => {
  const offenders: string[] = [];
  // out.event("name", ...), guide.ok(text, data, "name"), e.event === "name"
  const patterns = [
    /\.event\(\s*["'`]/,
    /\.(ok|fail)\([^;]*,\s*["'`][a-z][\w.-]*["'`]\s*,?\s*\);/,
    /\.event\s*[!=]==\s*["'`]/,
  ];
  for (const path of SOURCES) {
    const text = Deno.readTextFileSync(join(ROOT, path)).replace(/\/\*\*[\s\S]*?\*\//g, "");
    for (const [i, line] of text.split("\n").entries()) {
      if (patterns.some((p) => p.test(line))) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
    }
  }
  assert.deepEqual(offenders, []);
});

Deno.test("eventProblem finds a missing field, a wrong type and an undeclared field", () => {
  const def = event("demo.thing.done", "A demo event.", {
    n: f.integer,
    key: f.nullable(f.string),
    rows: f.array(f.object({ id: f.integer, tag: f.optional(f.oneOf("a", "b")) })),
  });
  const ok = { event: "demo.thing.done", n: 1, key: null, rows: [{ id: 2 }, { id: 3, tag: "a" }] };
  assert.equal(eventProblem(def, ok), undefined);
  const { n: _n, ...withoutN } = ok;
  assert.match(eventProblem(def, withoutN)!, /^n: missing/);
  assert.match(eventProblem(def, { ...ok, n: 1.5 })!, /^n: expected integer/);
  assert.match(eventProblem(def, { ...ok, key: 3 })!, /^key: expected string/);
  assert.match(eventProblem(def, { ...ok, rows: [{ id: 1, tag: "c" }] })!, /^rows: \[0\]: tag/);
  assert.match(eventProblem(def, { ...ok, extra: true })!, /undeclared field\(s\): extra/);
  assert.match(eventProblem(def, { ...ok, event: "demo.other" })!, /not demo\.thing\.done/);
  assert.equal(
    eventProblem(CORE_EVENTS.progress, { event: "progress", task: "t", message: "m", done: 1 }),
    undefined,
  );
});

Deno.test("Output.event prints the catalogue's name and the fields, unchanged", () => {
  const { out, stdout } = captureOutput({ json: true });
  out.event(LAB2_EVENTS.producerDone, { sent: 4, failed: 0 }, "ignored");
  assert.deepEqual(JSON.parse(stdout[0]), { event: "lab2.producer.done", sent: 4, failed: 0 });
});

/** Never called: `deno check` fails when one of these lines compiles. */
function _doesNotCompile(): void {
  const { out } = captureOutput({ json: true });
  // @ts-expect-error: an event is a catalogue entry, not a string
  out.event("lab2.producer.done", { sent: 4, failed: 0 });
  // @ts-expect-error: a field of the wrong type
  out.event(LAB2_EVENTS.producerDone, { sent: "4", failed: 0 });
  // @ts-expect-error: a field missing
  out.event(LAB2_EVENTS.producerDone, { sent: 4 });
  // @ts-expect-error: a field the catalogue does not declare
  out.event(LAB2_EVENTS.producerDone, { sent: 4, failed: 0, extra: 1 });
  // @ts-expect-error: an event no catalogue declares
  out.event(LAB2_EVENTS.producerFinished, { sent: 4, failed: 0 });
}
void _doesNotCompile;
