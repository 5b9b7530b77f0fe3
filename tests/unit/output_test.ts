import assert from "node:assert/strict";
import { KafkaLabError } from "../../lib/errors.ts";
import { event, type Field, field as f } from "../../lib/events.ts";
import { colorWanted, Output, stripAnsi, table, visibleWidth } from "../../lib/output.ts";
import { clock, Rate } from "../../lib/progress.ts";
import { captureOutput } from "../helpers.ts";

/** An event whose fields are a bigint and bytes: the output prints them as strings. */
const DELIVERED = event("test.record.delivered", "A test event.", {
  offset: f.string as unknown as Field<bigint>,
  value: f.optional(f.string as unknown as Field<Uint8Array>),
});

Deno.test("Output prints human lines and drops explanations with --quiet", () => {
  const { out, stdout } = captureOutput({ quiet: true });
  out.text("theory");
  out.line("result");
  out.event(DELIVERED, { offset: 1n }, "delivered at offset 1");
  assert.deepEqual(stdout, ["result\n", "delivered at offset 1\n"]);
});

Deno.test("Output prints one JSON object per line with --json and nothing else on stdout", () => {
  const { out, stdout, stderr } = captureOutput({ json: true });
  out.text("theory");
  out.line("human");
  out.event(DELIVERED, { offset: 5n, value: new TextEncoder().encode("hi") }, "ignored");
  out.warn("careful");
  assert.equal(stderr.length, 0);
  const parsed = stdout.map((l) => JSON.parse(l));
  assert.deepEqual(parsed, [
    { event: "test.record.delivered", offset: "5", value: "hi" },
    { event: "warning", message: "careful" },
  ]);
});

Deno.test("Output.error prints message and hint to stderr, or an error event with --json", () => {
  const human = captureOutput();
  human.out.error(new KafkaLabError("it broke", { hint: "fix it", exitCode: 3 }));
  assert.equal(human.stderr.join(""), "error: it broke\nhint: fix it\n");
  const json = captureOutput({ json: true });
  json.out.error(new KafkaLabError("it broke", { hint: "fix it", exitCode: 3 }));
  assert.deepEqual(JSON.parse(json.stdout[0]), {
    event: "error",
    message: "it broke",
    hint: "fix it",
    exitCode: 3,
  });
});

Deno.test("Output colours only when asked, never with --json", () => {
  const sink = { out: () => {}, err: () => {}, errIsTerminal: false };
  assert.equal(
    new Output({ json: false, quiet: false, verbose: false, color: true }, sink).style("red", "x"),
    "\x1b[31mx\x1b[39m",
  );
  assert.equal(
    new Output({ json: true, quiet: false, verbose: false, color: true }, sink).style("red", "x"),
    "x",
  );
  assert.equal(
    new Output({ json: false, quiet: false, verbose: false, color: false }, sink).style("red", "x"),
    "x",
  );
});

Deno.test("colorWanted needs a terminal and no NO_COLOR", () => {
  assert.equal(colorWanted({}, true), true);
  assert.equal(colorWanted({}, false), false);
  assert.equal(colorWanted({ NO_COLOR: "1" }, true), false);
});

Deno.test("Output.progress is rate-limited off a terminal and goes to stderr", () => {
  const { out, stdout, stderr } = captureOutput();
  out.progress("k", "step 1", {}, 60_000);
  out.progress("k", "step 2", {}, 60_000);
  assert.deepEqual(stderr, ["step 1\n"]);
  assert.equal(stdout.length, 0);
});

Deno.test("Output.debug prints only with --verbose", () => {
  const quiet = captureOutput();
  quiet.out.debug("x");
  assert.equal(quiet.stderr.length, 0);
  const loud = captureOutput({ verbose: true });
  loud.out.debug("x");
  assert.deepEqual(loud.stderr, ["debug: x\n"]);
});

Deno.test("table aligns columns", () => {
  assert.deepEqual(table(["a", "bb"], [["ccc", "d"]]), ["a    bb", "ccc  d"]);
});

Deno.test("table aligns coloured cells by what the terminal shows, not by escape codes", () => {
  const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
  const lines = table(["id", "state", "host"], [[green("1"), green("up"), "a"], [
    "22",
    "down",
    "b",
  ]]);
  const plain = lines.map(stripAnsi);
  assert.deepEqual(plain, ["id  state  host", "1   up     a", "22  down   b"]);
});

Deno.test("visibleWidth counts wide characters twice and escape codes not at all", () => {
  assert.equal(visibleWidth("\x1b[1mброкер\x1b[22m"), 6);
  assert.equal(visibleWidth("日本"), 4);
  assert.equal(visibleWidth("e\u0301"), 1);
});

Deno.test("progress on a terminal is redrawn at most four times a second", () => {
  const err: string[] = [];
  const out = new Output({ json: false, quiet: false, verbose: false }, {
    out: () => {},
    err: (t) => err.push(t),
    errIsTerminal: true,
  });
  for (let ms = 0; ms < 1000; ms += 10) out.progress("k", `at ${ms}`, {}, 5000, 10_000 + ms);
  assert.deepEqual(err.map((e) => e.replace("\r\x1b[2K", "")), [
    "at 0",
    "at 250",
    "at 500",
    "at 750",
  ]);
});

Deno.test("Rate tells the rate and the time left once it can", () => {
  const rate = new Rate("MB");
  assert.equal(rate.text(0, 150, "en", 1000), "");
  assert.equal(rate.text(30, 150, "en", 11_000), " — 3.0 MB/s, 0:40 left");
  assert.equal(rate.text(150, 150, "ru", 51_000), " — 3.0 MB/с");
  assert.equal(clock(3725), "1:02:05");
});
