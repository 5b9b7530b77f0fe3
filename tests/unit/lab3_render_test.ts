import assert from "node:assert/strict";
import { KafkaLabError } from "../../lib/errors.ts";
import { t } from "../../lib/i18n.ts";
import { readBack } from "../../labs/lab3_coordinates/model.ts";
import { readerIssues } from "../../labs/lab3_coordinates/reader.ts";
import {
  consumeRenderer,
  deadLetterReason,
  produceRenderer,
  renderLettered,
  renderReadBack,
  viewOf,
} from "../../labs/lab3_coordinates/render.ts";
import { capture } from "./render_support.ts";

const BROKEN = { id: 7, longitude: 1.5 };
const LETTER = {
  partition: 2,
  offset: "9",
  kind: "schema-violation" as const,
  reason: "the record breaks the schema: must have required property 'latitude'",
  dlqPartition: 0,
  dlqOffset: "4",
  payload: BROKEN,
};

Deno.test("lab3 deadLetterReason keeps the English reason in English and says it in Russian", () => {
  const en = viewOf(capture("en").ctx);
  const ru = viewOf(capture("ru").ctx);
  assert.equal(deadLetterReason(en, LETTER), LETTER.reason);
  assert.match(
    deadLetterReason(ru, LETTER),
    /^запись нарушает схему: .*обязательное поле latitude/,
  );
  const notWire = { ...LETTER, kind: "not-wire-format" as const, reason: "no magic byte" };
  assert.equal(deadLetterReason(en, notWire), "no magic byte");
  assert.equal(deadLetterReason(ru, notWire), "запись не в формате Schema Registry (wire format)");
});

Deno.test("lab3 produceRenderer says a refused record's reason in Russian; its event keeps English", () => {
  const issues = readerIssues(BROKEN);
  const run = capture("ru");
  produceRenderer(viewOf(run.ctx, "  ")).rejected({ n: 4, record: BROKEN, issues });
  assert.match(
    run.stdout()[0],
    /^ {2}✗ запись №4 отклонена и не отправлена: должно иметь обязательное поле latitude$/,
  );
  const json = capture("ru", { json: true });
  const lines = produceRenderer(viewOf(json.ctx));
  lines.rejected({ n: 4, record: BROKEN, issues });
  lines.batchSent({ records: 3, bytes: 120, reason: "linger" });
  lines.failed({ n: 5, key: "7", error: new KafkaLabError(t("timed out", "время вышло")) });
  const [rejected, batch, failed] = json.events();
  assert.equal(rejected.event, "lab3.record.rejected");
  assert.match(String(rejected.reason), /required property 'latitude'/);
  assert.deepEqual(batch, {
    event: "lab3.batch.sent",
    records: 3,
    bytes: 120,
    reason: "linger",
  });
  assert.deepEqual(failed, { event: "lab3.record.failed", n: 5, key: "7", error: "timed out" });
});

Deno.test("lab3 consumeRenderer prints up to printLimit valid records and every dead letter", () => {
  const run = capture("en");
  const lines = consumeRenderer(viewOf(run.ctx), { dlq: "c.dlq", printLimit: 1 });
  const where = { topic: "c", partition: 2, offset: "8" };
  lines.valid(where, { id: 1, longitude: 2, latitude: 3 });
  lines.valid({ ...where, offset: "9" }, { id: 1, longitude: 2, latitude: 3 });
  lines.deadLettered({ ...where, offset: "10" }, { ...LETTER, offset: "10" });
  assert.deepEqual(run.stdout(), [
    "✓ id=1 longitude=2 latitude=3  (c [2] offset 8)",
    `✗ c [2] offset 10: ${LETTER.reason} → c.dlq [0] offset 4`,
  ]);
  const json = capture("en", { json: true });
  const events = consumeRenderer(viewOf(json.ctx), { dlq: "c.dlq", printLimit: 1 });
  events.valid(where, { id: 1 });
  events.valid(where, { id: 2 });
  events.deadLettered(where, LETTER);
  assert.deepEqual(json.events().map((e) => e.event), [
    "lab3.record.valid",
    "lab3.record.valid",
    "lab3.record.dead-lettered",
  ]);
  assert.equal(json.events()[2].payload, undefined, "the payload is not an event field");
});

Deno.test("lab3 guided checks fail when a delivered record is not read back or a bad one is missing", () => {
  const produced = {
    schemaId: 1,
    generated: 3,
    delivered: [{ partition: 0, offset: "1" }, { partition: 1, offset: "1" }],
    rejected: 1,
    failed: 0,
  };
  const consumed = { good: [{ partition: 0, offset: "1" }], dead: [], commits: 1 };
  const back = readBack(produced, consumed);
  assert.deepEqual(back, { delivered: 2, readBack: 1, failed: 0 });
  const run = capture("ru");
  renderReadBack(viewOf(run.ctx), run.guide, back);
  renderLettered(viewOf(run.ctx), run.guide, { injected: 2, deadLetters: 2, dlq: "c.dlq" });
  assert.equal(run.guide.failures, 1);
  assert.equal(run.stdout()[0], "  ✗ прочитаны не все корректные записи: 1/2");
  assert.match(run.stdout()[1], /✓ .*c\.dlq/);
});
