/**
 * The commands that manage the cluster and the configuration (not labs).
 * @module
 */
import type { Command } from "../cli/command.ts";
import { checkCommand } from "./check.ts";
import { configCommand } from "./config.ts";
import { downCommand } from "./down.ts";
import { reportCommand } from "./report.ts";
import { statusCommand } from "./status.ts";
import { upCommand } from "./up.ts";

/** `up`, `status`, `down`, `config`. */
export const CLUSTER_COMMANDS: readonly Command[] = [
  upCommand,
  statusCommand,
  downCommand,
  configCommand,
  checkCommand,
  reportCommand,
];
