/**
 * The commands that are not labs: the cluster, looking inside it, tools.
 * @module
 */
import type { Command } from "../lib/cli/command.ts";
import { benchCommand } from "./bench/mod.ts";
import { brokerCommand } from "./cluster/broker.ts";
import { checkCommand } from "./check/mod.ts";
import { classCommand } from "./class/mod.ts";
import { completeCommand, completionsCommand } from "./completions/mod.ts";
import { configCommand } from "./config/mod.ts";
import { downCommand } from "./cluster/down.ts";
import { exerciseCommand } from "./exercise/mod.ts";
import { groupsCommand } from "./groups/mod.ts";
import { kafkaCommand } from "./kafka/mod.ts";
import { readCommand } from "./read/mod.ts";
import { reportCommand } from "./report/mod.ts";
import { doctorCommand, selfCheckCommand } from "./self_check/mod.ts";
import { statusCommand } from "./cluster/status.ts";
import { topicCommand } from "./topic/mod.ts";
import { uiCommand } from "./ui/mod.ts";
import { upCommand } from "./cluster/up.ts";
import { writeCommand } from "./write/mod.ts";

/**
 * The cluster, inspection and tool commands, in the order `--help` lists them:
 * manage the cluster, look inside it, measure it, check the machine.
 */
export const CLUSTER_COMMANDS: readonly Command[] = [
  upCommand,
  statusCommand,
  downCommand,
  brokerCommand,
  configCommand,
  topicCommand,
  groupsCommand,
  readCommand,
  writeCommand,
  kafkaCommand,
  uiCommand,
  benchCommand,
  exerciseCommand,
  checkCommand,
  classCommand,
  reportCommand,
  selfCheckCommand,
  doctorCommand,
  completionsCommand,
  completeCommand,
];
