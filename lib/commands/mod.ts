/**
 * The commands that are not labs: the cluster, looking inside it, tools.
 * @module
 */
import type { Command } from "../cli/command.ts";
import { benchCommand } from "./bench.ts";
import { brokerCommand } from "./broker.ts";
import { checkCommand } from "./check.ts";
import { completionsCommand } from "./completions.ts";
import { configCommand } from "./config.ts";
import { downCommand } from "./down.ts";
import { groupsCommand } from "./groups.ts";
import { kafkaCommand } from "./kafka_tools.ts";
import { readCommand } from "./read.ts";
import { reportCommand } from "./report.ts";
import { doctorCommand, selfCheckCommand } from "./self_check.ts";
import { statusCommand } from "./status.ts";
import { uiCommand } from "./ui.ts";
import { upCommand } from "./up.ts";
import { writeCommand } from "./write.ts";

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
  groupsCommand,
  readCommand,
  writeCommand,
  kafkaCommand,
  uiCommand,
  benchCommand,
  checkCommand,
  reportCommand,
  selfCheckCommand,
  doctorCommand,
  completionsCommand,
];
