/**
 * Options several labs share, declared once so they read the same everywhere.
 * @module
 */
import type { OptionSpec } from "./args.ts";

/** `--topic`, with the lab's default topic. */
export function topicOption(defaultTopic: string): OptionSpec {
  return {
    name: "topic",
    short: "t",
    type: "string",
    default: defaultTopic,
    valueName: "NAME",
    description: "Topic to use",
  };
}

/** `--group`, with the lab's default consumer group. */
export function groupOption(defaultGroup: string): OptionSpec {
  return {
    name: "group",
    short: "g",
    type: "string",
    default: defaultGroup,
    valueName: "ID",
    description: "Consumer group id",
  };
}

/** `--count`: how many records to send (0 = until Ctrl+C). */
export function countOption(defaultCount: number): OptionSpec {
  return {
    name: "count",
    short: "n",
    type: "integer",
    min: 0,
    default: defaultCount,
    description: "Records to send; 0 sends until Ctrl+C",
  };
}

/** `--interval`: seconds between records. */
export function intervalOption(defaultSeconds: number): OptionSpec {
  return {
    name: "interval",
    type: "number",
    min: 0,
    max: 3600,
    default: defaultSeconds,
    valueName: "SECONDS",
    description: "Pause between records (0 = no pause)",
  };
}

/** `--max-messages` and `--idle-timeout`: how a consumer stops without Ctrl+C. */
export const CONSUMER_STOP_OPTIONS: readonly OptionSpec[] = [
  {
    name: "max-messages",
    short: "m",
    type: "integer",
    min: 1,
    description: "Stop after this many records (default: run until Ctrl+C)",
  },
  {
    name: "idle-timeout",
    type: "number",
    min: 0.1,
    valueName: "SECONDS",
    description: "Stop after this long without a new record",
  },
];

/** Milliseconds from a seconds option, or undefined. */
export function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}
