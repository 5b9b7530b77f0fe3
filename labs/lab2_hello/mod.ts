/**
 * Lab 2: the hello-kafka producer and consumer. The producer sends
 * `Hello Kafka 1..5` one per second and prints each acknowledgement; the
 * consumer (group hello-group, earliest) prints each record and commits it.
 * The guided run proves what the manual teaches: all messages arrive, the
 * same group run again reads nothing new, a new group reads everything.
 *
 * This module only declares the commands; each one's code is loaded when it runs.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  groupOption,
  intervalOption,
  topicOption,
} from "../../lib/cli/lab_options.ts";
import { COURSE_TOPICS } from "../../lib/topics.ts";

const DEFAULT_GROUP = "hello-group";

const produceCommand: Command = {
  name: "produce",
  summary: "Send Hello Kafka 1..N, one per interval, printing partition and offset of each",
  description: `
Each send waits for the acknowledgement (acks=all, idempotent producer) and
prints the partition and offset the record got. Ctrl+C finishes the send in
progress and stops.`,
  options: [
    topicOption(COURSE_TOPICS.helloKafka.name),
    countOption(5),
    intervalOption(1),
    {
      name: "key",
      short: "k",
      type: "string",
      valueName: "TEXT",
      description: "Key of every message (same key, same partition)",
    },
    {
      name: "json-value",
      type: "boolean",
      description: 'Send JSON values: {"n":1,"text":"Hello Kafka 1","sentAt":...}',
    },
  ],
  examples: [
    "kafka-lab lab2 produce",
    "kafka-lab lab2 produce --count 10 --interval 0",
    "kafka-lab lab2 produce --key user-1 --json-value",
  ],
  run: async (ctx, args) => (await import("./produce.ts")).produce(ctx, args),
};

const consumeCommand: Command = {
  name: "consume",
  summary:
    "Read the topic in a consumer group, printing count, value, key, partition, offset, time",
  description: `
Runs until Ctrl+C (then commits and leaves the group), or until --max-messages
records or --idle-timeout seconds without a record. Each record's offset is
committed after it is printed. --instances 2 runs two consumers in one group
and shows which partitions each holds: on a one-partition topic one stays idle.`,
  options: [
    topicOption(COURSE_TOPICS.helloKafka.name),
    groupOption(DEFAULT_GROUP),
    {
      name: "from",
      type: "string",
      choices: ["earliest", "latest"],
      default: "earliest",
      description: "Where a group with no committed offset starts (auto.offset.reset)",
    },
    ...CONSUMER_STOP_OPTIONS,
    {
      name: "instances",
      type: "integer",
      min: 1,
      max: 4,
      default: 1,
      description: "Consumers to run in the group",
    },
  ],
  examples: [
    "kafka-lab lab2 consume",
    "kafka-lab lab2 consume --group other-group --max-messages 5",
    "kafka-lab lab2 consume --instances 2 --idle-timeout 10",
  ],
  run: async (ctx, args) => (await import("./consume.ts")).consume(ctx, args),
};

/** The `lab2` command. */
export const lab2: Command = {
  name: "lab2",
  summary: "hello-kafka: a producer and a consumer group, offsets and committed positions",
  description: `
Without a subcommand, runs the lab: starts a consumer in group hello-group,
sends Hello Kafka 1..5 one per second, shows each acknowledgement and each
record as it arrives, then proves that the same group run again reads nothing
new and that a new group reads the whole topic.`,
  options: [
    topicOption(COURSE_TOPICS.helloKafka.name),
    groupOption(DEFAULT_GROUP),
    countOption(5),
    intervalOption(1),
    {
      name: "idle-timeout",
      type: "number",
      min: 0.1,
      default: 3,
      valueName: "SECONDS",
      description: "How long the re-reading steps wait for records",
    },
  ],
  subcommands: [produceCommand, consumeCommand],
  examples: ["kafka-lab lab2", "kafka-lab lab2 --lang ru", "kafka-lab lab2 --interval 0 --json"],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
};
