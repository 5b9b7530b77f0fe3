/**
 * The broker × partition grid: a row per partition, a column per broker,
 * and in each cell what that broker holds of the partition: the leader
 * (`██`), an in-sync follower (`▓▓`), a replica out of sync (`░░`) or nothing
 * (`·`). A broker that is down or paused says so above its column; a
 * partition without a leader says so at the end of its row.
 *
 * @example
 * ```ts
 * brokerGrid({
 *   brokers: [{ id: 1, state: "up" }, { id: 2, state: "down" }],
 *   partitions: [{ topic: "t", partition: 0, leader: 1, replicas: [1, 2], isr: [1] }],
 *   words: GRID_WORDS.en,
 * });
 * ```
 * @module
 */
import type { Bilingual, Translation } from "../i18n.ts";
import { padEnd, padStart, type Paint, plain } from "./paint.ts";

/** A broker as the grid shows it. */
export interface GridBroker {
  readonly id: number;
  readonly state: "up" | "down" | "paused";
}

/** A partition's placement. */
export interface GridPartition {
  readonly topic: string;
  readonly partition: number;
  /** -1: no leader. */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

const en = {
  broker: "broker",
  up: "up",
  down: "down",
  paused: "paused",
  leader: "leader",
  follower: "in-sync follower",
  outOfSync: "replica out of sync",
  none: "no replica",
  noLeader: "no leader",
} as const;

const ru: Translation<typeof en> = {
  broker: "брокер",
  up: "работает",
  down: "остановлен",
  paused: "на паузе",
  leader: "лидер",
  follower: "синхронный фолловер",
  outOfSync: "реплика отстала",
  none: "реплики нет",
  noLeader: "нет лидера",
};

/** The grid's words in English and Russian. */
export const GRID_WORDS: Bilingual<typeof en> = { en, ru };

/** What a broker holds of a partition. */
export type Cell = "leader" | "follower" | "outOfSync" | "none";

/** The cell of `broker` in partition `p`. */
export function cellOf(p: GridPartition, broker: number): Cell {
  if (!p.replicas.includes(broker)) return "none";
  if (p.leader === broker) return "leader";
  return p.isr.includes(broker) && p.leader >= 0 ? "follower" : "outOfSync";
}

const SYMBOL: Record<Cell, string> = { leader: "██", follower: "▓▓", outOfSync: "░░", none: "·" };
const COLOUR = { leader: "green", follower: "cyan", outOfSync: "red", none: "dim" } as const;

/** The grid's lines: two header lines, a row per partition, a legend. */
export function brokerGrid(
  input: {
    readonly brokers: readonly GridBroker[];
    readonly partitions: readonly GridPartition[];
    readonly words: typeof en | Translation<typeof en>;
    readonly paint?: Paint;
  },
): string[] {
  const { brokers, partitions, words } = input;
  const paint = input.paint ?? plain;
  const names = brokers.map((b) => `${words.broker} ${b.id}`);
  const states = brokers.map((b) => words[b.state]);
  const widths = brokers.map((_, i) => Math.max([...names[i]].length, [...states[i]].length) + 2);
  const topicWidth = Math.max(0, ...partitions.map((p) => [...p.topic].length));
  const numberWidth = Math.max(0, ...partitions.map((p) => String(p.partition).length));
  const labels = partitions.map((p, i) =>
    padEnd(i > 0 && partitions[i - 1].topic === p.topic ? "" : p.topic, topicWidth) + " " +
    padStart(String(p.partition), numberWidth)
  );
  const labelWidth = Math.max(0, ...labels.map((l) => [...l].length)) + 2;
  const row = (label: string, cells: readonly string[]) =>
    (padEnd(label, labelWidth) + cells.join("")).trimEnd();
  const lines = [
    row("", names.map((n, i) => padEnd(n, widths[i]))),
    row(
      "",
      brokers.map((b, i) =>
        paint(b.state === "up" ? "green" : "red", states[i]) +
        " ".repeat(widths[i] - [...states[i]].length)
      ),
    ),
  ];
  partitions.forEach((p, r) => {
    const cells = brokers.map((b, i) => {
      const cell = cellOf(p, b.id);
      const symbol = p.leader < 0 && cell !== "none" ? "░░" : SYMBOL[cell];
      return paint(COLOUR[cell], symbol) + " ".repeat(widths[i] - [...symbol].length);
    });
    const line = row(labels[r], cells);
    lines.push(p.leader < 0 ? `${line}  ${paint("red", `← ${words.noLeader}`)}` : line);
  });
  lines.push(
    "",
    [
      `${paint("green", SYMBOL.leader)} ${words.leader}`,
      `${paint("cyan", SYMBOL.follower)} ${words.follower}`,
      `${paint("red", SYMBOL.outOfSync)} ${words.outOfSync}`,
      `${paint("dim", SYMBOL.none)} ${words.none}`,
    ].join("   "),
  );
  return lines;
}

/**
 * The grid's columns: every broker registered (`up`) and every broker holding
 * a replica of `partitions`, those not registered marked down; `paused` ones
 * (taking connections, answering nothing) marked so.
 */
export function gridBrokers(
  partitions: readonly GridPartition[],
  up: readonly number[],
  paused: readonly number[] = [],
): GridBroker[] {
  const ids = new Set([...up, ...partitions.flatMap((p) => p.replicas)]);
  return [...ids].sort((a, b) => a - b).map((id) => ({
    id,
    state: paused.includes(id) ? "paused" : up.includes(id) ? "up" : "down",
  }));
}
