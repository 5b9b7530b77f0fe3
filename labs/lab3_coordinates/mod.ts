/**
 * Lab 3: the coordinates pipeline. Registers the `UserCoordinates` JSON Schema,
 * produces faker records in the Confluent wire format (validated before
 * sending, batched by linger.ms / batch.size, a delivery report each), and
 * consumes them with validation, sending records that cannot be read or
 * break the schema to `<topic>.dlq` with headers, then committing.
 *
 * This module only declares the commands; each one's code (with kafkajs,
 * faker, Ajv and the registry client) is loaded when it runs.
 * @module
 */
import type { Command } from "../../lib/cli/command.ts";
import {
  CONSUMER_STOP_OPTIONS,
  countOption,
  groupOption,
  topicOption,
} from "../../lib/cli/lab_options.ts";
import { COURSE_TOPICS } from "../../lib/topics.ts";
import { ROGUE_KINDS } from "./model.ts";

const DEFAULT_GROUP = "users-coordinates-consumer";

const RATE_OPTION = {
  name: "rate",
  type: "number",
  min: 0.01,
  max: 1000,
  default: 1,
  valueName: "PER_SECOND",
  description: "Records per second",
} as const;

function invalidEveryOption(defaultEvery: number) {
  return {
    name: "invalid-every",
    type: "integer",
    min: 0,
    default: defaultEvery,
    valueName: "N",
    description: "Break every Nth record (0 = never)",
  } as const;
}

const SUBJECT_OPTION = {
  name: "subject",
  type: "string",
  valueName: "NAME",
  description:
    "Schema Registry subject (default: <topic>-value; the seed used users-coordinates-values)",
} as const;

const registerCommand: Command = {
  name: "register",
  summary: "Register the UserCoordinates JSON Schema and fetch it back by id",
  options: [topicOption(COURSE_TOPICS.usersCoordinates.name), SUBJECT_OPTION],
  examples: [
    "kafka-lab lab3 register",
    "kafka-lab lab3 register --subject users-coordinates-values",
  ],
  run: async (ctx, args) => (await import("./register.ts")).register(ctx, args),
};

const produceCommand: Command = {
  name: "produce",
  summary:
    "Produce faker coordinates, validated against the schema, batched as the seed configures",
  description: `
Generates {id 1..100, longitude, latitude} records, validates each against the
registered schema and writes it in the Confluent wire format with key = id.
Producer settings from the seed: acks=all, idempotence, retries, one request in
flight, linger.ms=10000 and batch.size=1000 (kafkajs sends each call at once,
so kafka-lab holds records in a batch the way librdkafka does). A delivery
report follows for every record. --invalid-every N breaks every Nth record:
it is refused before sending, with the validator's reason, and counted.
Runs until Ctrl+C (the open batch is sent before stopping) unless --count.`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    SUBJECT_OPTION,
    countOption(0),
    RATE_OPTION,
    invalidEveryOption(0),
    {
      name: "linger-ms",
      type: "integer",
      min: 0,
      default: 10_000,
      description: "linger.ms: how long a batch may wait for more records",
    },
    {
      name: "batch-bytes",
      type: "integer",
      min: 1,
      default: 1000,
      description: "batch.size: bytes that send a batch at once",
    },
  ],
  examples: [
    "kafka-lab lab3 produce",
    "kafka-lab lab3 produce --count 20 --rate 5 --invalid-every 4",
    "kafka-lab lab3 produce --count 3 --linger-ms 0 --json",
  ],
  run: async (ctx, args) => (await import("./produce.ts")).produce(ctx, args),
};

const injectCommand: Command = {
  name: "inject",
  summary: "Write bad records as a careless producer would, to see the dead letter topic at work",
  description: `
Kinds: raw-json (plain JSON, no wire format), missing-field (wire format,
latitude missing: validation skipped), unknown-schema (a schema id the
registry does not know), not-json (wire format, payload not JSON).`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    SUBJECT_OPTION,
    {
      name: "kind",
      short: "k",
      type: "list",
      choices: ROGUE_KINDS,
      valueName: "KIND",
      description: "Kind of bad record (default: raw-json)",
    },
  ],
  examples: ["kafka-lab lab3 inject", "kafka-lab lab3 inject --kind raw-json --kind missing-field"],
  run: async (ctx, args) => (await import("./inject.ts")).inject(ctx, args),
};

const consumeCommand: Command = {
  name: "consume",
  summary: "Consume, decode and validate; bad records go to <topic>.dlq with headers, then commit",
  description: `
Reads with a consumer group (earliest when the group has no offsets), decodes
each record (magic byte, schema id, JSON), validates it against the writer's
schema and UserCoordinates, and commits its offset once it is handled: printed
when valid, or written to the dead letter topic with headers dlq.error.kind,
dlq.error.reason, dlq.original.topic/partition/offset/timestamp and
dlq.consumer.group. A bad record never stops the consumer; an unreachable
registry does (exit 3, nothing committed). --from-beginning resets the group's
offsets to the start of every partition first (the group must be idle).`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    groupOption(DEFAULT_GROUP),
    {
      name: "from-beginning",
      type: "boolean",
      description: "Re-read from offset 0 (the log start) on every partition",
    },
    {
      name: "dlq-topic",
      type: "string",
      valueName: "NAME",
      description: "Dead letter topic (default: <topic>.dlq)",
    },
    ...CONSUMER_STOP_OPTIONS,
  ],
  examples: [
    "kafka-lab lab3 consume",
    "kafka-lab lab3 consume --from-beginning --idle-timeout 5",
    "kafka-lab lab3 consume --max-messages 10 --json",
  ],
  run: async (ctx, args) => (await import("./consume.ts")).consume(ctx, args),
};

/** The `lab3` command. */
export const lab3: Command = {
  name: "lab3",
  summary: "Coordinates pipeline: JSON Schema in a Schema Registry, validation, dead letter topic",
  description: `
Without a subcommand, runs the lab: creates users_coordinates (6 partitions,
RF 2, min.insync.replicas=1) and its dead letter topic, registers the
UserCoordinates schema, produces faker records with every 4th broken on
purpose (refused before sending), lets another producer write two bad records,
then consumes and validates: good records printed, bad ones to the DLQ.`,
  options: [
    topicOption(COURSE_TOPICS.usersCoordinates.name),
    SUBJECT_OPTION,
    groupOption(DEFAULT_GROUP),
    countOption(12),
    RATE_OPTION,
    invalidEveryOption(4),
    {
      name: "linger-ms",
      type: "integer",
      min: 0,
      default: 10_000,
      description: "linger.ms of the producer",
    },
    {
      name: "idle-timeout",
      type: "number",
      min: 0.1,
      default: 3,
      valueName: "SECONDS",
      description: "How long the consumer waits for more records",
    },
  ],
  subcommands: [registerCommand, produceCommand, injectCommand, consumeCommand],
  examples: [
    "kafka-lab lab3",
    "kafka-lab lab3 --lang ru",
    "kafka-lab lab3 --rate 4 --linger-ms 1000",
  ],
  run: async (ctx, args) => (await import("./guided.ts")).guided(ctx, args),
};
