import assert from "node:assert/strict";
import { KafkaLabError } from "../../lib/errors.ts";
import { t } from "../../lib/i18n.ts";
import type { ConsumedRecord } from "../../lib/kafka/consumer_loop.ts";
import {
  consumerRenderer,
  renderArrival,
  renderConsumerDone,
  renderNewGroup,
  renderSent,
  viewOf,
} from "../../labs/lab2_hello/render.ts";
import { capture } from "./render_support.ts";

const SENT = { n: 1, topic: "hello-kafka", key: null, value: "Hello Kafka 1" };

Deno.test("lab2 renderSent prints where a message landed, or why it did not, in both languages", () => {
  const en = capture("en");
  renderSent(viewOf(en.ctx), { ...SENT, ack: { partition: 0, offset: "7" } }, "  ");
  assert.deepEqual(en.stdout(), ['  ✓ sent "Hello Kafka 1" → partition 0, offset 7']);
  const ru = capture("ru");
  const error = new KafkaLabError(t("the leader moved", "лидер сменился"));
  renderSent(viewOf(ru.ctx), { ...SENT, error });
  assert.deepEqual(ru.stdout(), ['✗ не удалось отправить "Hello Kafka 1": лидер сменился']);
  const json = capture("ru", { json: true });
  renderSent(viewOf(json.ctx), { ...SENT, ack: { partition: 0, offset: "7" } });
  renderSent(viewOf(json.ctx), { ...SENT, n: 2, error });
  assert.deepEqual(json.events(), [
    {
      event: "lab2.record.delivered",
      n: 1,
      topic: "hello-kafka",
      key: null,
      value: "Hello Kafka 1",
      partition: 0,
      offset: "7",
    },
    { event: "lab2.record.failed", n: 2, value: "Hello Kafka 1", error: "the leader moved" },
  ]);
});

function record(offset: number): ConsumedRecord {
  return {
    topic: "hello-kafka",
    partition: 0,
    offset: String(offset),
    key: null,
    value: new TextEncoder().encode(`Hello Kafka ${offset}`),
    timestamp: String(Date.UTC(2026, 0, 1)),
    headers: {},
  };
}

Deno.test("lab2 consumerRenderer prints up to printLimit records; --json gets every one", () => {
  const look = { group: "g", instances: 2, printLimit: 2, indent: "  " };
  const run = capture("ru");
  const lines = consumerRenderer(viewOf(run.ctx), look);
  lines.assigned(1, [0]);
  lines.assigned(2, []);
  for (const n of [1, 2, 3]) lines.received({ n, instance: 1, record: record(n) });
  const out = run.stdout();
  assert.equal(out[0], "  консьюмер 1 получил партиции: 0");
  assert.match(out[1], /^ {2}консьюмеру 2 не досталось партиций/);
  assert.equal(out.length, 4, "two records of three are printed");
  assert.match(
    out[2],
    /^ {2}\[консьюмер 1\] \[1\] Hello Kafka 1 {2}ключ=- {2}партиция=0 смещение=1/,
  );
  const json = capture("en", { json: true });
  const events = consumerRenderer(viewOf(json.ctx), look);
  for (const n of [1, 2, 3]) events.received({ n, instance: 2, record: record(n) });
  assert.deepEqual(json.events().map((e) => [e.event, e.n, e.instance, e.value]), [
    ["lab2.record.received", 1, 2, "Hello Kafka 1"],
    ["lab2.record.received", 2, 2, "Hello Kafka 2"],
    ["lab2.record.received", 3, 2, "Hello Kafka 3"],
  ]);
});

Deno.test("lab2 renderConsumerDone adds each instance's share when there are several", () => {
  const run = capture("en");
  renderConsumerDone(viewOf(run.ctx), { count: 3, commits: 3, perInstance: [3, 0] });
  assert.deepEqual(run.stdout(), [
    "3 record(s) read, 3 offset(s) committed",
    "  consumer 1: 3 record(s)",
    "  consumer 2: 0 record(s)",
  ]);
});

Deno.test("lab2 renderArrival passes when every message arrived and fails when one is missing", () => {
  const arrival = { count: 3, group: "hello-group", sent: 3, failed: 0, arrived: 3, older: 2 };
  const ok = capture("en", { json: true });
  renderArrival(viewOf(ok.ctx), ok.guide, arrival);
  assert.deepEqual(ok.events(), [{ event: "lab2.check.arrived", ok: true, sent: 3, received: 3 }]);
  const short = capture("ru");
  renderArrival(viewOf(short.ctx), short.guide, { ...arrival, arrived: 2, older: 0 });
  assert.equal(short.guide.failures, 1);
  assert.deepEqual(short.stdout(), ["  ✗ за 30 с пришли не все сообщения: 2/3"]);
  const older = capture("en");
  renderArrival(viewOf(older.ctx), older.guide, arrival);
  assert.match(older.stdout()[1], /also read 2 older record/);
});

Deno.test("lab2 renderNewGroup fails when the new group read less than the whole topic", () => {
  const run = capture("en", { json: true });
  renderNewGroup(viewOf(run.ctx), run.guide, { group: "g-1", records: 4, total: 6 });
  assert.deepEqual(run.events(), [
    { event: "lab2.check.new-group", ok: false, group: "g-1", records: 4, total: 6 },
  ]);
});
