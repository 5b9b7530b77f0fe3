import assert from "node:assert/strict";
import { KafkaLabError } from "../../lib/errors.ts";
import { t } from "../../lib/i18n.ts";
import type { TopicLayout } from "../../lib/kafka/topics.ts";
import { topicRows } from "../../labs/lab1_topics/model.ts";
import {
  renderCreateFailed,
  renderEnsured,
  renderLayout,
  renderTopicRows,
  viewOf,
} from "../../labs/lab1_topics/render.ts";
import { capture } from "./render_support.ts";

const LAYOUT: TopicLayout = {
  name: "orders",
  partitions: [
    { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
    { partition: 1, leader: -1, replicas: [2, 3], isr: [] },
  ],
  replicationFactor: 2,
  configs: { "min.insync.replicas": "1" },
};
const SPEC = { name: "orders", partitions: 2, replicationFactor: 2 };

Deno.test("lab1 renderEnsured prints a created topic and returns that it matches", () => {
  const run = capture("en");
  const result = { status: "created" as const, layout: LAYOUT, differences: [], warnings: [] };
  assert.equal(renderEnsured(viewOf(run.ctx), { spec: SPEC, result }), true);
  assert.deepEqual(run.stdout(), ["✓ orders created: partitions 2, replication factor 2"]);
  const json = capture("en", { json: true });
  renderEnsured(viewOf(json.ctx), { spec: SPEC, result });
  const [e] = json.events();
  assert.equal(e.event, "lab1.topic.created");
  assert.equal(e.status, "created");
  assert.equal(e.ok, undefined, "ok is the guided run's");
});

Deno.test("lab1 renderEnsured warns in Russian how an existing topic differs", () => {
  const run = capture("ru");
  const result = {
    status: "exists" as const,
    layout: LAYOUT,
    differences: [t("3 partitions expected", "ожидалось 3 партиции")],
    warnings: [],
  };
  assert.equal(renderEnsured(viewOf(run.ctx), { spec: SPEC, result }, run.guide), false);
  assert.deepEqual(run.stdout(), [
    "  ✓ orders уже существует: партиций — 2, фактор репликации — 2",
  ]);
  assert.match(run.stderr().join("\n"), /orders отличается от ожидаемого курсом: ожидалось 3/);
  const json = capture("ru", { json: true });
  renderEnsured(viewOf(json.ctx), { spec: SPEC, result }, json.guide);
  assert.deepEqual(json.events().map((e) => [e.event, e.ok]), [
    ["lab1.topic.exists", true],
    ["warning", undefined],
  ]);
  assert.deepEqual(json.events()[0].differences, ["3 partitions expected"]);
});

Deno.test("lab1 renderCreateFailed fails the guided step with the reason in the user's language", () => {
  const error = new KafkaLabError(t("no broker answers", "ни один брокер не отвечает"), {
    hint: "start it",
  });
  for (const lang of ["en", "ru"] as const) {
    const run = capture(lang);
    renderCreateFailed(viewOf(run.ctx), run.guide, { spec: SPEC, error });
    assert.equal(run.guide.failures, 1);
    assert.match(
      run.stdout()[0],
      lang === "en"
        ? /✗ orders could not be created: no broker/
        : /✗ orders не удалось создать: ни один/,
    );
  }
  const json = capture("ru", { json: true });
  renderCreateFailed(viewOf(json.ctx), json.guide, { spec: SPEC, error });
  assert.deepEqual(json.events(), [{
    event: "lab1.topic.failed",
    ok: false,
    topic: "orders",
    error: "no broker answers",
    hint: "start it",
  }]);
});

Deno.test("lab1 renderLayout shows a leaderless partition as such and warns about it", () => {
  const run = capture("ru");
  renderLayout(viewOf(run.ctx), LAYOUT, "");
  const lines = run.stdout();
  assert.equal(lines[0], "orders: партиций — 2, фактор репликации — 2");
  assert.match(lines[1], /партиция\s+лидер\s+реплики\s+синхронные/);
  assert.match(lines[3], /^\s+1\s+нет\s+2,3/);
  assert.equal(lines.at(-1), "  настройки топика: min.insync.replicas=1");
  assert.equal(run.stderr().length >= 1, true, "a warning for the leaderless partition");
  const json = capture("en", { json: true });
  renderLayout(viewOf(json.ctx), LAYOUT);
  // The warning, then its hint.
  assert.deepEqual(json.events().map((e) => [e.event, e.leaderless]), [
    ["warning", [1]],
    ["warning", undefined],
  ]);
});

Deno.test("lab1 list rows: own topics only, internal ones with --all, sorted; rendered with a count", () => {
  const topics = [
    { name: "b", partitions: [{ partition: 0, leader: 1, replicas: [1, 2], isr: [1] }] },
    { name: "__consumer_offsets", partitions: [] },
    { name: "a", partitions: [] },
    { name: "other.x", partitions: [] },
  ];
  const owns = (name: string) => !name.startsWith("other.");
  assert.deepEqual(topicRows(topics, { all: false, owns }).map((r) => r.topic), ["a", "b"]);
  assert.deepEqual(topicRows(topics, { all: true, owns }).map((r) => r.topic), [
    "__consumer_offsets",
    "a",
    "b",
  ]);
  const rows = topicRows(topics, { all: false, owns });
  assert.deepEqual(rows[1], { topic: "b", partitions: 1, replicationFactor: 2 });
  const run = capture("ru");
  renderTopicRows(viewOf(run.ctx), rows);
  assert.deepEqual(run.stdout(), [
    "a  (партиций: 0, RF 0)",
    "b  (партиций: 1, RF 2)",
    "топиков: 2",
  ]);
  const empty = capture("en");
  renderTopicRows(viewOf(empty.ctx), []);
  assert.deepEqual(empty.stdout(), ["no topics yet"]);
});
