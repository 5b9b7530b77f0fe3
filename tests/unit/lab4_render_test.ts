import assert from "node:assert/strict";
import { InvalidMessageError } from "../../labs/lab4_batch/model.ts";
import type { RunStats } from "../../labs/lab4_batch/results.ts";
import { renderProcessed } from "../../labs/lab4_batch/guided_render.ts";
import {
  consumerRenderer,
  producerRenderer,
  progressRenderer,
  viewOf,
} from "../../labs/lab4_batch/render.ts";
import { renderComparison } from "../../labs/lab4_batch/compare_render.ts";
import { capture } from "./render_support.ts";

const MODEL = { message_id: "id-1", content: "Test message 1" };
const WHERE = { topic: "final-1-topic", partition: 1, offset: "5" };

function stats(over: Partial<RunStats> = {}): RunStats {
  return {
    mode: "batch",
    group: "batch-group",
    records: 4,
    processed: 4,
    invalid: 0,
    batches: 2,
    commits: 2,
    elapsedMs: 2000,
    activeMs: 1000,
    commitMs: [4, 6],
    ids: ["a", "b", "c", "d"],
    stoppedBy: "idle",
    ...over,
  };
}

Deno.test("lab4 producerRenderer names the producer when there are several", () => {
  const run = capture("ru");
  const lines = producerRenderer(viewOf(run.ctx), { instances: 2, indent: "  " });
  lines({ topic: "t", delivery: { producer: 2, n: 1, ...MODEL, partition: 0, offset: "3" } });
  assert.deepEqual(run.stdout(), [
    '  [продюсер 2] ✓ отправлено id-1 "Test message 1" → партиция 0, смещение 3',
  ]);
});

Deno.test("lab4 consumerRenderer counts the record and commit lines past printLimit; --json gets all", () => {
  const look = { mode: "batch" as const, group: "g", printLimit: 2, indent: "  " };
  const run = capture("en");
  const lines = consumerRenderer(viewOf(run.ctx), look);
  lines.processed({ where: WHERE, model: MODEL, batch: 1 });
  lines.processed({ where: { ...WHERE, offset: "6" }, model: MODEL, batch: 1 });
  lines.batchCommitted({
    partition: 1,
    next: "7",
    span: { batch: 1, size: 2, first: "5", last: "6" },
  });
  lines.invalid({
    where: WHERE,
    error: new InvalidMessageError("empty", "the record has no value"),
  });
  assert.equal(lines.hidden, 1, "the commit line is the third");
  assert.deepEqual(run.stdout(), [
    '    id-1 "Test message 1"  partition 1, offset 5',
    '    id-1 "Test message 1"  partition 1, offset 6',
    "  ! partition 1, offset 5: not a MessageModel (the record has no value); counted and skipped, committed with the rest",
  ]);
  const json = capture("en", { json: true });
  const events = consumerRenderer(viewOf(json.ctx), look);
  events.processed({ where: WHERE, model: MODEL });
  events.batchCommitted({
    partition: 1,
    next: "7",
    span: { batch: 1, size: 2, first: "5", last: "6" },
  });
  events.batchCommitted({
    partition: 1,
    next: "8",
    span: { batch: 2, size: 1, first: "7", last: "7" },
  });
  assert.deepEqual(json.events().map((e) => e.event), [
    "lab4.record.processed",
    "lab4.batch.committed",
    "lab4.batch.committed",
  ]);
  assert.deepEqual(json.events()[1], {
    event: "lab4.batch.committed",
    mode: "batch",
    group: "g",
    partition: 1,
    batch: 1,
    size: 2,
    first: "5",
    last: "6",
    next: "7",
  });
});

Deno.test("lab4 progressRenderer prints no record lines, only progress; invalid records stay events", () => {
  const json = capture("en", { json: true });
  const lines = progressRenderer(viewOf(json.ctx), { mode: "single", total: 10 });
  lines.assigned([0, 1]);
  lines.invalid({
    where: WHERE,
    error: new InvalidMessageError("not-json", "the text is not JSON", "x"),
  });
  lines.processed({ where: WHERE, model: MODEL });
  lines.recordCommitted({ partition: 1, next: "6" });
  assert.deepEqual(json.events().map((e) => [e.event, e.done]), [
    ["lab4.record.invalid", undefined],
    ["progress", 1],
  ]);
  const text = capture("ru");
  progressRenderer(viewOf(text.ctx), { mode: "single", total: 10 }).processed({
    where: WHERE,
    model: MODEL,
  });
  assert.deepEqual(text.stdout(), []);
});

Deno.test("lab4 renderProcessed fails when a message of this run was not processed", () => {
  const run = capture("en", { json: true });
  renderProcessed(viewOf(run.ctx), run.guide, {
    stats: stats({ ids: ["a", "old"] }),
    sentIds: new Set(["a", "b"]),
    hiddenLines: 0,
  });
  assert.deepEqual(run.events(), [{
    event: "lab4.check.batch",
    ok: false,
    mode: "batch",
    group: "batch-group",
    records: 4,
    batches: 2,
    commits: 2,
    invalid: 0,
    missing: 1,
  }]);
  const text = capture("ru");
  renderProcessed(viewOf(text.ctx), text.guide, {
    stats: stats({ mode: "single", ids: ["a", "b", "old"], invalid: 1 }),
    sentIds: new Set(["a", "b"]),
    hiddenLines: 3,
  });
  const lines = text.stdout();
  assert.equal(lines.length, 4, "hidden lines, the check, older records, invalid records");
  assert.match(lines[1], /^ {2}✓ /);
});

Deno.test("lab4 renderComparison: one event with both runs' figures, a table in the user's language", () => {
  const plan = {
    topic: "t",
    groups: { batch: "b", single: "s" },
    count: 4,
    batchSize: 2,
    processMs: 0,
  };
  const single = stats({ mode: "single", group: "s", batches: 4, commits: 4, activeMs: 2000 });
  const json = capture("en", { json: true });
  renderComparison(viewOf(json.ctx), { plan, batch: stats(), single });
  const [e] = json.events();
  assert.equal(e.event, "lab4.compare.result");
  assert.equal(e.commitsSingleToBatch, 2);
  assert.equal(e.speedBatchToSingle, 2);
  assert.deepEqual(e.batch, {
    group: "batch-group",
    records: 4,
    batches: 2,
    commits: 2,
    activeMs: 1000,
    perSecond: 4,
    commitP50Ms: 4,
    commitP99Ms: 6,
  });
  const ru = capture("ru");
  renderComparison(viewOf(ru.ctx), { plan, batch: stats(), single });
  const text = ru.stdout().join("\n");
  assert.match(text, /консьюмер/);
  assert.match(text, /2,00×/);
});

Deno.test("lab4 renderComparison draws speed and commits as bar charts in the user's language", () => {
  const plan = {
    topic: "t",
    groups: { batch: "b", single: "s" },
    count: 4,
    batchSize: 2,
    processMs: 0,
  };
  const single = stats({ mode: "single", group: "s", batches: 4, commits: 4, activeMs: 2000 });
  const run = capture("ru");
  renderComparison(viewOf(run.ctx), { plan, batch: stats(), single });
  const lines = run.stdout();
  const speed = lines.indexOf("  записей в секунду");
  assert.ok(speed > 0, lines.join("\n"));
  assert.match(lines[speed + 1], /^ {4}пакетный\s+█{40} 4,00$/);
  assert.match(lines[speed + 2], /^ {4}поштучный\s+█{20}\s+2,00$/);
  const commits = lines.indexOf("  фиксаций");
  assert.match(lines[commits + 1], /█{20}\s+2$/);
  assert.match(lines[commits + 2], /█{40} 4$/);
});
