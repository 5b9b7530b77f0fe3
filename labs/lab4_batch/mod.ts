/**
 * Lab 4: a batch consumer and a single-message consumer of MessageModel
 * records. Two idempotent producers write random messages to final-1-topic;
 * the batch consumer (batch-group) processes up to 10 records of a partition
 * and commits once per batch, the single consumer (single-group) commits after
 * every record; `compare` measures both over the same prepared records.
 *
 * This module only declares the commands; each one's code is loaded when it runs.
 *
 * @example
 * ```sh
 * kafka-lab lab4
 * kafka-lab lab4 produce --instances 2 --count 10
 * kafka-lab lab4 consume --mode batch --idle-timeout 5
 * kafka-lab lab4 compare --count 200
 * ```
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  intervalOption,
  topicOption,
} from "../../lib/cli/lab_options.ts";
import { COURSE_TOPICS } from "../../lib/topics.ts";

/** The seed's consumer groups, per mode. */
export const DEFAULT_GROUPS = {
  batch: "batch-group",
  single: "single-group",
} as const;

/** The seed's batch size (its max.poll.records). */
export const DEFAULT_BATCH_SIZE = 10;

const TOPIC = COURSE_TOPICS.final1;

const INSTANCES_OPTION = {
  name: "instances",
  type: "integer",
  min: 1,
  max: 4,
  default: 1,
  description: "Producers to run at once, each with its own loop (the seed runs 2)",
} as const;

const BATCH_SIZE_OPTION = {
  name: "batch-size",
  type: "integer",
  min: 1,
  max: 1000,
  default: DEFAULT_BATCH_SIZE,
  description: "Most records of one partition in a batch (the seed's max.poll.records)",
} as const;

const PROCESS_MS_OPTION = {
  name: "process-ms",
  type: "integer",
  min: 0,
  max: 60_000,
  default: 0,
  valueName: "MS",
  description: "Simulated processing time per record, in milliseconds",
} as const;

/** The options of `lab4 consume` (exported for the option-parsing tests). */
export const CONSUME_OPTIONS = [
  topicOption(TOPIC.name),
  {
    name: "mode",
    type: "string",
    choices: ["batch", "single"],
    default: "batch",
    description: "batch: one commit per batch; single: one commit per record",
  },
  {
    name: "group",
    short: "g",
    type: "string",
    valueName: "ID",
    description: "Consumer group id (default: batch-group or single-group, by --mode)",
  },
  BATCH_SIZE_OPTION,
  PROCESS_MS_OPTION,
  ...CONSUMER_STOP_OPTIONS,
] as const;

const produceCommand: Command = {
  name: "produce",
  summary: "Send random MessageModel records to final-1-topic, printing partition and offset",
  description: `
Each message is {"message_id": "<uuid>", "content": "Test message <n>"} as
JSON. Each producer is idempotent (acks=all, one request in flight, retries)
and prints the partition and offset of every acknowledged record. With
--instances 2, two producers run at once, each with its own loop, and their
lines are prefixed [producer 1], [producer 2]. --count is per producer;
--count 0 sends until Ctrl+C, which finishes the send in progress and stops.
final-1-topic is created when missing; another topic must exist.`,
  options: [
    topicOption(TOPIC.name),
    { ...countOption(10), description: "Messages per producer; 0 sends until Ctrl+C" },
    intervalOption(1.5),
    INSTANCES_OPTION,
  ],
  examples: [
    "kafka-lab lab4 produce",
    "kafka-lab lab4 produce --instances 2 --count 0",
    "kafka-lab lab4 produce --count 50 --interval 0",
  ],
  run: async (ctx, args) => (await import("./produce.ts")).produce(ctx, args),
};

const consumeCommand: Command = {
  name: "consume",
  summary: "Read MessageModel records in batches (one commit each) or one by one",
  description: `
--mode batch (the default): group batch-group; up to --batch-size records of
one partition are processed, then one commit stores the offset after the last
(at-least-once: a crash mid-batch reprocesses the whole batch). Each batch's
size, partition, offsets and committed next offset are printed.
--mode single: group single-group; one commit after every record.
Runs until Ctrl+C (the batch or record in hand is finished and committed),
--max-messages records, or --idle-timeout seconds without a record.
Records that are not MessageModels are reported, counted and committed past.`,
  options: CONSUME_OPTIONS,
  examples: [
    "kafka-lab lab4 consume",
    "kafka-lab lab4 consume --mode single --idle-timeout 5",
    "kafka-lab lab4 consume --mode batch --batch-size 5 --process-ms 200",
  ],
  run: async (ctx, args) => (await import("./consume.ts")).consume(ctx, args),
};

const compareCommand: Command = {
  name: "compare",
  summary: "Measure the batch and the single consumer over the same records, side by side",
  description: `
Creates a temporary topic (final-1-topic.compare-<hex>, 3 partitions,
replication factor 2 or the broker count if smaller), writes --count records
quickly, lets the batch consumer read them all in a fresh group, then the
single consumer in another fresh group, and prints records, commits, time and
records/s of each, with the ratios measured in this run. The temporary topic
and groups are deleted afterwards unless --keep-topic.`,
  options: [
    { ...countOption(200), min: 1, description: "Records to write and read" },
    BATCH_SIZE_OPTION,
    PROCESS_MS_OPTION,
    { name: "keep-topic", type: "boolean", description: "Keep the temporary topic afterwards" },
  ],
  examples: [
    "kafka-lab lab4 compare",
    "kafka-lab lab4 compare --count 500 --process-ms 2",
    "kafka-lab lab4 compare --json",
  ],
  run: async (ctx, args) => (await import("./compare.ts")).compare(ctx, args),
};

/** The `lab4` command. */
export const lab4: Command = {
  name: "lab4",
  summary: "Batch vs single consumer: MessageModel, two producers, commits per batch or record",
  description: `
Without a subcommand, runs the lab: makes sure final-1-topic exists (3
partitions, RF 2), two idempotent producers send --count random messages each,
the batch consumer (group batch-group) reads what it has not read yet in
batches of up to 10 with one commit per batch, the single consumer (group
single-group) does the same with one commit per record, and the commits of
both are compared. For the speed of both, see \`kafka-lab lab4 compare\`.`,
  options: [
    topicOption(TOPIC.name),
    { ...countOption(5), min: 1, description: "Messages per producer (two producers)" },
    intervalOption(1.5),
    {
      name: "batch-group",
      type: "string",
      default: DEFAULT_GROUPS.batch,
      valueName: "ID",
      description: "Group of the batch consumer",
    },
    {
      name: "single-group",
      type: "string",
      default: DEFAULT_GROUPS.single,
      valueName: "ID",
      description: "Group of the single consumer",
    },
    BATCH_SIZE_OPTION,
    {
      name: "idle-timeout",
      type: "number",
      min: 0.1,
      default: 3,
      valueName: "SECONDS",
      description: "How long each consumer waits for a new record before it stops",
    },
  ],
  subcommands: [produceCommand, consumeCommand, compareCommand],
  examples: ["kafka-lab lab4", "kafka-lab lab4 --lang ru", "kafka-lab lab4 --interval 0 --json"],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
};
