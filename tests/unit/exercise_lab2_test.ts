/**
 * Lab 2's exercise judges, each both ways (pass and fail), the run judge, the
 * manifest, and the bounded runner (a program that hangs is killed).
 */
import assert from "node:assert/strict";
import { judgeRun } from "../../lib/exercise/judge_run.ts";
import {
  HELLO_VALUES,
  judgeAcks,
  judgeAgain,
  judgeCommitted,
  judgePace,
  judgePrinted,
  judgeProducerRecords,
  printedPosition,
  type SeenRecord,
} from "../../lib/exercise/lab2.ts";
import { makeManifest, parseManifest } from "../../lib/exercise/manifest.ts";
import { isPython } from "../../lib/exercise/preflight.ts";
import { runProgram } from "../../lib/exercise/process.ts";
import type { ProgramRun } from "../../lib/exercise/types.ts";
import { UsageError } from "../../lib/errors.ts";

const T0 = 1_760_000_000_000;
function records(values = HELLO_VALUES, gapMs = 1000): SeenRecord[] {
  return values.map((value, i) => ({ partition: 0, offset: i, value, timestamp: T0 + i * gapMs }));
}
const ACKED = HELLO_VALUES.map((v, i) => `sent ${v} partition=0 offset=${i}`).join("\n");
const RUN: ProgramRun = {
  command: ["python3", "producer.py"],
  code: 0,
  timedOut: false,
  killedOnPurpose: false,
  boundSeconds: 60,
  stdout: "",
  stderr: "",
};

Deno.test("judgeRun passes a program that ended by itself with code 0", () => {
  assert.equal(judgeRun("producer.ran", RUN).pass, true);
});

Deno.test("judgeRun fails a program that hung: did not finish within N s", () => {
  const v = judgeRun("producer.ran", { ...RUN, code: undefined, timedOut: true });
  assert.equal(v.pass, false);
  assert.match(v.evidence.en, /did not finish within 60 s/);
  assert.ok(v.hint);
});

Deno.test("judgeRun fails a non-zero exit and shows its last error line", () => {
  const v = judgeRun("producer.ran", {
    ...RUN,
    code: 1,
    stderr: "Traceback\nKafkaException: boom\n",
  });
  assert.equal(v.pass, false);
  assert.match(v.evidence.en, /code 1: KafkaException: boom/);
});

Deno.test("judgeRun fails a program that could not start", () => {
  const v = judgeRun("producer.ran", { ...RUN, code: undefined, spawnError: "not found" });
  assert.equal(v.pass, false);
  assert.match(v.evidence.ru, /не удалось запустить/);
});

Deno.test("judgeProducerRecords passes exactly Hello Kafka 1..5 in order", () => {
  assert.equal(judgeProducerRecords(records()).pass, true);
});

Deno.test("judgeProducerRecords fails wrong text, a missing record, a duplicate, the wrong order", () => {
  const wrong = HELLO_VALUES.map((v) => v.replace("Hello Kafka", "Hello, Kafka"));
  assert.equal(judgeProducerRecords(records(wrong)).pass, false);
  assert.equal(judgeProducerRecords(records(HELLO_VALUES.slice(0, 4))).pass, false);
  assert.equal(judgeProducerRecords(records([...HELLO_VALUES, HELLO_VALUES[4]])).pass, false);
  assert.equal(judgeProducerRecords(records([...HELLO_VALUES].reverse())).pass, false);
  assert.equal(judgeProducerRecords([]).pass, false);
});

Deno.test("judgePace passes records about one second apart", () => {
  assert.equal(judgePace(records(HELLO_VALUES, 1000)).pass, true);
  assert.equal(judgePace(records(HELLO_VALUES, 1400)).pass, true);
});

Deno.test("judgePace fails a burst (no waiting) and a crawl, and too few records to time", () => {
  assert.equal(judgePace(records(HELLO_VALUES, 5)).pass, false);
  assert.equal(judgePace(records(HELLO_VALUES, 5000)).pass, false);
  assert.equal(judgePace(records(HELLO_VALUES.slice(0, 1))).pass, false);
});

Deno.test("judgeAcks passes when every record's printed partition and offset match the broker's", () => {
  assert.equal(judgeAcks(records(), ACKED).pass, true);
  assert.equal(judgeAcks(records(), ACKED.replaceAll("=", ": ")).pass, true);
});

Deno.test("judgeAcks fails prints without offsets, wrong offsets, or no records", () => {
  assert.equal(judgeAcks(records(), HELLO_VALUES.map((v) => `sent ${v}`).join("\n")).pass, false);
  const off = ACKED.replace("offset=2", "offset=7");
  const v = judgeAcks(records(), off);
  assert.equal(v.pass, false);
  assert.match(v.evidence.en, /4 of 5.*Hello Kafka 3 @0:2/);
  assert.equal(judgeAcks([], ACKED).pass, false);
});

Deno.test("printedPosition does not take Hello Kafka 1's line for Hello Kafka 10's", () => {
  assert.equal(
    printedPosition("sent Hello Kafka 10 partition=0 offset=9", "Hello Kafka 1"),
    undefined,
  );
  assert.deepEqual(printedPosition("sent Hello Kafka 1 (partition 2, offset 4)", "Hello Kafka 1"), {
    partition: 2,
    offset: 4,
  });
});

Deno.test("judgePrinted passes every value printed in order", () => {
  const out = HELLO_VALUES.map((v, i) => `received ${i + 1}: ${v} partition=0`).join("\n");
  assert.equal(judgePrinted(out, HELLO_VALUES).pass, true);
});

Deno.test("judgePrinted fails missing values and the wrong order", () => {
  assert.equal(judgePrinted("received 1: Hello Kafka 1\n", HELLO_VALUES).pass, false);
  const reversed = [...HELLO_VALUES].reverse().join("\n");
  assert.equal(judgePrinted(reversed, HELLO_VALUES).pass, false);
  assert.equal(judgePrinted("", HELLO_VALUES).pass, false);
});

Deno.test("judgeCommitted passes a committed offset at the end of the topic", () => {
  assert.equal(judgeCommitted(5, 5).pass, true);
});

Deno.test("judgeCommitted fails no commit and a commit short of the end (off by one)", () => {
  const none = judgeCommitted(-1, 5);
  assert.equal(none.pass, false);
  assert.match(none.evidence.en, /none/);
  assert.equal(judgeCommitted(4, 5).pass, false);
});

Deno.test("judgeAgain passes a second run that printed nothing with the offset at the end", () => {
  assert.equal(judgeAgain("waiting...\n", HELLO_VALUES, 5, 5).pass, true);
});

Deno.test("judgeAgain fails a second run that read the records again", () => {
  assert.equal(judgeAgain(`received 1: ${HELLO_VALUES[0]}`, HELLO_VALUES, 5, 5).pass, false);
  assert.equal(judgeAgain("", HELLO_VALUES, -1, 5).pass, false);
});

Deno.test("parseManifest takes what makeManifest writes and refuses a malformed one (exit 2)", () => {
  const m = makeManifest("lab2", "python", { producer: "producer.py" });
  assert.deepEqual(parseManifest("d", JSON.parse(JSON.stringify(m))), m);
  assert.throws(
    () => parseManifest("d", { lab: "lab2", language: "go", programs: {} }),
    UsageError,
  );
  assert.throws(
    () => parseManifest("d", { lab: "lab2", language: "ts", programs: { producer: "x" } }),
    UsageError,
  );
});

Deno.test("isPython knows interpreters by name, not other programs", () => {
  for (const p of ["python3", "python", ".venv/bin/python3.12", "C:\\py\\python.exe"]) {
    assert.ok(isPython(p), p);
  }
  for (const p of ["deno", "node", "pythonista"]) assert.ok(!isPython(p), p);
});

Deno.test("runProgram kills a program that does not finish within the bound", async () => {
  const run = await runProgram([Deno.execPath(), "eval", "setTimeout(() => {}, 60_000)"], {
    cwd: Deno.cwd(),
    env: {},
    boundSeconds: 1,
  });
  assert.equal(run.timedOut, true);
  assert.equal(run.code, undefined);
  assert.equal(judgeRun("x", run).pass, false);
});

Deno.test("runProgram returns the output and exit code of a program that ends", async () => {
  const run = await runProgram([Deno.execPath(), "eval", "console.log('hi'); Deno.exit(3)"], {
    cwd: Deno.cwd(),
    env: {},
    boundSeconds: 30,
  });
  assert.equal(run.timedOut, false);
  assert.equal(run.code, 3);
  assert.equal(run.stdout.trim(), "hi");
});

Deno.test("runProgram kills a program once its output shows what killWhen waits for", async () => {
  const code =
    "for (let i = 0; ; i++) { console.log(`line ${i}`); await new Promise((r) => setTimeout(r, 50)); }";
  const run = await runProgram([Deno.execPath(), "eval", code], {
    cwd: Deno.cwd(),
    env: {},
    boundSeconds: 30,
    killWhen: (out) => out.includes("line 3"),
  });
  assert.equal(run.killedOnPurpose, true);
  assert.equal(run.timedOut, false);
  assert.doesNotMatch(run.stdout, /line 9/);
});

Deno.test("runProgram reports a program that cannot start", async () => {
  const run = await runProgram(["kafka-lab-no-such-program"], {
    cwd: Deno.cwd(),
    env: {},
    boundSeconds: 5,
  });
  assert.ok(run.spawnError);
});
