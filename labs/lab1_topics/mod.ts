/**
 * Lab 1: topics. Creates the course topics (hello-kafka, users_coordinates,
 * final-1-topic), lists and describes them (leader, replicas, ISR, configs),
 * and offers create / list / describe / delete on their own.
 *
 * This module only declares the commands; each one's code is loaded when it
 * runs, so `--help` never loads the Kafka client.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";

const createCommand: Command = {
  name: "create",
  summary: "Create a topic (an existing one is described and compared instead)",
  description: `
Creates the topic with the given partitions, replication factor and configs,
and waits until every partition has a leader. If the topic exists, nothing is
changed: its real layout is shown with how it differs from what you asked.`,
  options: [
    {
      name: "topic",
      short: "t",
      type: "string",
      required: true,
      valueName: "NAME",
      description: "Topic name",
    },
    {
      name: "partitions",
      short: "p",
      type: "integer",
      min: 1,
      default: 1,
      description: "Number of partitions",
    },
    {
      name: "replication-factor",
      short: "r",
      type: "integer",
      min: 1,
      default: 1,
      description: "Copies of each partition (at most the number of brokers)",
    },
    {
      name: "config",
      short: "c",
      type: "list",
      valueName: "KEY=VALUE",
      description: "A topic config, e.g. min.insync.replicas=2",
    },
  ],
  examples: [
    "kafka-lab lab1 create --topic users_coordinates --partitions 6 --replication-factor 2 --config min.insync.replicas=1",
    "kafka-lab lab1 create -t orders -p 3 -r 3 -c min.insync.replicas=2 -c retention.ms=86400000",
  ],
  run: async (ctx, args) => (await import("./create.ts")).create(ctx, args),
};

const listCommand: Command = {
  name: "list",
  summary: "List the topics with their partition count and replication factor",
  options: [{
    name: "all",
    type: "boolean",
    description: "Include Kafka's internal topics (__consumer_offsets, ...)",
  }],
  examples: ["kafka-lab lab1 list", "kafka-lab lab1 list --all --json"],
  run: async (ctx, args) => (await import("./list.ts")).list(ctx, args),
};

const describeCommand: Command = {
  name: "describe",
  summary: "Show a topic's partitions (leader, replicas, ISR) and its configs",
  positionals: [{ name: "topic", description: "Topic name", required: true }],
  examples: ["kafka-lab lab1 describe users_coordinates"],
  run: async (ctx, args) => (await import("./describe.ts")).describe(ctx, args),
};

const deleteCommand: Command = {
  name: "delete",
  summary: "Delete a topic and all its records (asks first unless --yes)",
  positionals: [{ name: "topic", description: "Topic name", required: true }],
  options: [{
    name: "yes",
    short: "y",
    type: "boolean",
    description: "Do not ask for confirmation",
  }],
  examples: ["kafka-lab lab1 delete hello-kafka", "kafka-lab lab1 delete hello-kafka --yes"],
  run: async (ctx, args) => (await import("./delete.ts")).deleteCommand(ctx, args),
};

/** The `lab1` command. */
export const lab1: Command = {
  name: "lab1",
  summary: "Topics: create the course topics, partitions, replicas, ISR, min.insync.replicas",
  description: `
Without a subcommand, runs the lab: theory, the cluster's brokers and
controller, the course topics created (hello-kafka: 1 partition, RF 1;
users_coordinates: 6 partitions, RF 2, min.insync.replicas=1; final-1-topic:
3 partitions, RF 2), listed and described, then the control questions.
Running it again is harmless: existing topics are described and compared.`,
  options: [
    {
      name: "prefix",
      type: "string",
      valueName: "TEXT",
      description:
        "Put before each course topic's name (students sharing one cluster: --prefix anna.)",
    },
  ],
  subcommands: [createCommand, listCommand, describeCommand, deleteCommand],
  examples: [
    "kafka-lab lab1",
    "kafka-lab lab1 --lang ru",
    "kafka-lab lab1 --json",
    "kafka-lab lab1 --prefix anna.",
  ],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
};
