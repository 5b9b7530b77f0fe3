/**
 * The commands that manage the cluster and the configuration (not labs).
 * @module
 */
import type { Command } from "../cli/command.ts";
import { brokerCommand } from "./broker.ts";
import { completionsCommand } from "./completions.ts";
import { configCommand } from "./config.ts";
import { downCommand } from "./down.ts";
import { groupsCommand } from "./groups.ts";
import { kafkaCommand } from "./kafka_tools.ts";
import { readCommand } from "./read.ts";
import { statusCommand } from "./status.ts";
import { uiCommand } from "./ui.ts";
import { upCommand } from "./up.ts";
import { writeCommand } from "./write.ts";

/** `up`, `status`, `down`, `broker`, `config`. */
export const CLUSTER_COMMANDS: readonly Command[] = [
  upCommand,
  statusCommand,
  downCommand,
  brokerCommand,
  configCommand,
  groupsCommand,
  readCommand,
  writeCommand,
  kafkaCommand,
  uiCommand,
  completionsCommand,
];
