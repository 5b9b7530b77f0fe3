/**
 * The commands that manage the cluster and the configuration (not labs).
 * @module
 */
import type { Command } from "../cli/command.ts";
import { brokerCommand } from "./broker.ts";
import { configCommand } from "./config.ts";
import { downCommand } from "./down.ts";
import { statusCommand } from "./status.ts";
import { upCommand } from "./up.ts";

/** `up`, `status`, `down`, `broker`, `config`. */
export const CLUSTER_COMMANDS: readonly Command[] = [
  upCommand,
  statusCommand,
  downCommand,
  brokerCommand,
  configCommand,
];
