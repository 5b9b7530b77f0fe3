/**
 * `kafka-lab down`: stops the local cluster.
 * @module
 */
import type { ParsedArgs } from "../cli/args.ts";
import type { Command } from "../cli/command.ts";
import { readState } from "../cluster/state.ts";
import type { Context } from "../context.ts";
import { makeRuntime } from "./runtime_choice.ts";

/** The `down` command. */
export const downCommand: Command = {
  name: "down",
  summary: "Stop the local cluster started by `kafka-lab up`",
  description: `
Stops exactly the processes (or compose project) that \`kafka-lab up\`
started, gently first (brokers flush and close their logs), then firmly
after 30 s. Data is kept for the next \`up\` unless --purge is given.
Running it when nothing runs changes nothing.`,
  options: [
    {
      name: "purge",
      type: "boolean",
      description: "Also delete the cluster's data (topics, offsets, schemas)",
    },
  ],
  examples: ["kafka-lab down", "kafka-lab down --purge"],
  async run(ctx: Context, args: ParsedArgs): Promise<number> {
    const state = readState(ctx.config.stateDir);
    const purge = args.bool("purge");
    const runtime = makeRuntime(state?.runtime ?? "java", ctx);
    if (!state && !purge) {
      ctx.out.event(
        "cluster.down",
        { wasRunning: false, stopped: [], killed: [], purged: false },
        "No local cluster is recorded as running; nothing to stop.",
      );
      return 0;
    }
    const result = await runtime.down({ purge });
    ctx.out.event(
      "cluster.down",
      { wasRunning: state !== undefined, runtime: runtime.name, ...result },
      [
        result.stopped.length > 0
          ? `Stopped ${result.stopped.join(", ")}.`
          : "Nothing was running.",
        result.killed.length > 0
          ? `${result.killed.join(", ")} did not stop within 30 s and were killed.`
          : "",
        result.purged ? `Deleted the cluster's data in ${ctx.config.stateDir}.` : "",
      ].filter((s) => s).join(" "),
    );
    return 0;
  },
};
