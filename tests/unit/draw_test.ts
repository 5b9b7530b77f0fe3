/**
 * The terminal pictures of lib/draw/ in their text form (no colour): the
 * broker × partition grid, offset strips, bar charts, sparklines.
 */
import assert from "node:assert/strict";
import { bar, barChart, deliveryChart } from "../../lib/draw/bars.ts";

import { brokerGrid, cellOf, GRID_WORDS } from "../../lib/draw/grid.ts";
import { resample, sparkline } from "../../lib/draw/spark.ts";
import { offsetStrip } from "../../lib/draw/strip.ts";
import type { Style } from "../../lib/output.ts";

const PARTITIONS = [
  { topic: "hello-kafka", partition: 0, leader: -1, replicas: [1], isr: [] },
  { topic: "users_coordinates", partition: 0, leader: 2, replicas: [2, 3], isr: [2, 3] },
  { topic: "users_coordinates", partition: 1, leader: 3, replicas: [3, 1], isr: [3] },
];

Deno.test("brokerGrid shows leaders, followers, replicas out of sync, a broker down or paused and a partition without a leader", () => {
  const lines = brokerGrid({
    brokers: [{ id: 1, state: "down" }, { id: 2, state: "up" }, { id: 3, state: "paused" }],
    partitions: PARTITIONS,
    words: GRID_WORDS.en,
  });
  assert.deepEqual(lines, [
    "                     broker 1  broker 2  broker 3",
    "                     down      up        paused",
    "hello-kafka       0  ░░        ·         ·  ← no leader",
    "users_coordinates 0  ·         ██        ▓▓",
    "                  1  ░░        ·         ██",
    "",
    "██ leader   ▓▓ in-sync follower   ░░ replica out of sync   · no replica",
  ]);
});

Deno.test("brokerGrid in Russian widens the columns to the longest word", () => {
  const lines = brokerGrid({
    brokers: [{ id: 1, state: "up" }, { id: 2, state: "down" }],
    partitions: [{ topic: "t", partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2] }],
    words: GRID_WORDS.ru,
  });
  assert.deepEqual(lines.slice(0, 3), [
    "     брокер 1  брокер 2",
    "     работает  остановлен",
    "t 0  ██        ▓▓",
  ]);
});

Deno.test("brokerGrid colours only through the paint function it is given", () => {
  const seen: Style[] = [];
  const paint = (style: Style, text: string) => {
    seen.push(style);
    return `<${style}>${text}`;
  };
  const lines = brokerGrid({
    brokers: [{ id: 1, state: "up" }],
    partitions: [{ topic: "t", partition: 0, leader: 1, replicas: [1], isr: [1] }],
    words: GRID_WORDS.en,
    paint,
  });
  assert.ok(lines[2].startsWith("t 0  <green>██"), lines[2]);
  assert.ok(seen.includes("green") && seen.includes("red"));
  assert.equal(
    cellOf({ topic: "t", partition: 0, leader: 2, replicas: [1, 2], isr: [2] }, 1),
    "outOfSync",
  );
});

Deno.test("offsetStrip draws deleted, read and lagging offsets to scale, and shows any lag", () => {
  assert.equal(
    offsetStrip({ start: "0", committed: "6", end: "8" }, { width: 12 }),
    "█████████░░░",
  );
  assert.equal(
    offsetStrip({ start: "3", committed: "12", end: "17" }, { width: 12 }),
    "··██████░░░░",
  );
  assert.equal(
    offsetStrip({ start: "0", committed: null, end: "5" }, { width: 12 }),
    "▒▒▒▒▒▒▒▒▒▒▒▒",
  );
  assert.equal(
    offsetStrip({ start: "0", committed: "0", end: "0" }, { width: 12 }),
    "············",
  );
  assert.equal(
    offsetStrip({ start: "0", committed: "999", end: "1000" }, { width: 12 }),
    "███████████░",
  );
  assert.equal(
    offsetStrip({ start: "0", committed: "1", end: "1000" }, { width: 12 }),
    "█░░░░░░░░░░░",
  );
  assert.equal(
    offsetStrip({ start: "0", committed: "1000", end: "1000" }, { width: 12 }),
    "████████████",
  );
});

Deno.test("barChart scales to the largest value with eighth blocks and aligns labels", () => {
  assert.deepEqual(
    barChart([{ label: "batch", value: 9000 }, { label: "single", value: 1500 }, {
      label: "x",
      value: 0,
    }], { width: 20 }),
    [
      "batch   ████████████████████ 9000",
      "single  ███▍                 1500",
      "x                            0",
    ],
  );
  assert.equal(bar(1, 1000, 10), "▏", "a value above zero shows");
});

Deno.test("deliveryChart labels lab 5's counts in Russian", () => {
  assert.deepEqual(
    deliveryChart({ sent: 100, acknowledged: 98, inTopic: 99, lost: 1, duplicated: 0 }, "ru", {
      width: 20,
    }),
    [
      "отправлено    ████████████████████ 100",
      "подтверждено  ███████████████████▋ 98",
      "в топике      ███████████████████▊ 99",
      "потеряно      ▎                    1",
      "дубликатов                         0",
    ],
  );
});

Deno.test("sparkline maps values from zero to the highest, keeping the last `width`", () => {
  assert.equal(sparkline([0, 4, 8, 4, 0]), "▁▅█▅▁");
  assert.equal(sparkline([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { width: 4 }), "▆▇▇█");
  assert.equal(sparkline([]), "");
  assert.equal(sparkline([0, 0]), "▁▁");
});

Deno.test("resample keeps the first and last value and spreads the rest evenly", () => {
  assert.deepEqual(resample([0, 1, 2, 3, 4, 5, 6, 7, 8], 3), [0, 4, 8]);
  assert.deepEqual(resample([5, 4], 10), [5, 4]);
});
